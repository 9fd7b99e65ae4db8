"""A supervisor's comment on an agent's call reaches the agent through the real service; an
agent cannot comment on a colleague's call, and a supervisor of another team sees nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desk.calls import CallService
from desk.cases import CaseService
from desk.comments import CommentService
from desk.review import Viewer, viewer_of
from desk.store import Store
from desk.sync import credentials
from desk.sync.client import SyncClient
from tests.sync.service import Service, account


@pytest.fixture
def desks(pg_db: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
    tokens = {"ana": account(pg_db.url, "ana"), "bob": account(pg_db.url, "bob"),
              "sue": account(pg_db.url, "sue", "supervisor"),
              "sam": account(pg_db.url, "sam", "supervisor", team="south")}
    stores = {name: Store(tmp_path / f"{name}.db") for name in tokens}
    with Service(pg_db.url) as service:
        yield {"tokens": tokens, "stores": stores, "url": service.url}
    for s in stores.values():
        s.close()


def _sync(d: dict[str, Any], name: str) -> Any:
    with SyncClient(d["stores"][name], d["url"], d["tokens"][name]) as client:
        return client.sync()


def _comments(d: dict[str, Any], name: str) -> CommentService:
    return CommentService(CaseService(d["stores"][name], agent=name))


def test_a_supervisors_comment_reaches_the_agent(desks: dict[str, Any]) -> None:
    d = desks
    cases = CaseService(d["stores"]["ana"], agent="ana")
    case = cases.new_case(complaint="charged twice")
    calls = CallService(cases)
    call_id = calls.begin(case.id)
    calls.finish(call_id, 240.0, 85.0, 30.0)
    _sync(d, "ana")
    _sync(d, "sue")
    sue = _comments(d, "sue")
    assert CallService(CaseService(d["stores"]["sue"])).summary(call_id).peak == 85.0
    sue.add(call_id, 63.0, "Here the 'sorry, but' set him off; try the apology alone.")
    assert _sync(d, "sue").pushed == 1

    ana = _comments(d, "ana")
    assert ana.received(unread_only=True) == []
    _sync(d, "ana")
    got = ana.received(unread_only=True)
    assert [(c.t, c.author, c.call_id) for c in got] == [(63.0, "sue", call_id)]
    assert got[0].case_ref == cases.case(case.id).ref

    # The agent answers on the same call; the supervisor gets the answer.
    ana.add(call_id, 63.0, "Understood, thanks.")
    _sync(d, "ana")
    _sync(d, "sue")
    assert [c.body for c in sue.comments(call_id)] == [
        "Here the 'sorry, but' set him off; try the apology alone.", "Understood, thanks."]

    # A colleague cannot add to ana's call, and a supervisor of another team sees nothing.
    _sync(d, "bob")
    bob_calls = CallService(CaseService(d["stores"]["bob"], agent="bob"))
    with pytest.raises(KeyError):
        bob_calls.summary(call_id)
    _sync(d, "sam")
    assert _comments(d, "sam").comments(call_id) == []


def test_a_comment_pushed_by_a_colleague_is_denied(desks: dict[str, Any]) -> None:
    d = desks
    cases = CaseService(d["stores"]["ana"], agent="ana")
    calls = CallService(cases)
    call_id = calls.begin(cases.new_case().id)
    calls.finish(call_id, 60.0, 40.0, 20.0)
    _sync(d, "ana")
    # bob's desk holds a copy of the call row (as if copied by hand) and comments on it.
    bob_store = d["stores"]["bob"]
    bob_store.call(lambda conn: conn.execute(
        "INSERT INTO calls(id, agent, started_at) VALUES (?, 'ana', '2026-11-23T08:00:00Z')",
        (call_id,)) and conn.commit())
    _comments(d, "bob").add(call_id, 5.0, "not my call")
    result = _sync(d, "bob")
    assert result.rejected >= 1
    _sync(d, "ana")
    assert [c.body for c in _comments(d, "ana").comments(call_id)] == []


def test_the_signed_in_role_is_learnt_at_the_first_sync(desks: dict[str, Any],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(credentials, "_keyring", lambda: None)  # the token goes to a file
    d = desks
    store = d["stores"]["sue"]
    assert viewer_of(store, "local name") == Viewer("standalone", "local name")
    _sync(d, "sue")
    assert viewer_of(store) == Viewer("supervisor", "sue", "north")
    _sync(d, "ana")
    assert viewer_of(d["stores"]["ana"]) == Viewer("agent", "ana", "north")
    # Another token (here: another account) on this desk: asked again at the next sync.
    credentials.save(store, d["url"], d["tokens"]["sam"])
    assert credentials.identity(store) is None
    _sync(d, "sam")
    with SyncClient(store, d["url"], d["tokens"]["sam"]) as client:
        client.sync()
    assert viewer_of(store) == Viewer("supervisor", "sam", "south")
