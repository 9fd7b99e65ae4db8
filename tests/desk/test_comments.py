"""Comments pinned to a moment of a call: written, read back in call-time order, received by
the agent whose call it is, and bad input refused with a code."""

from __future__ import annotations

import pytest

from desk.calls import CallService
from desk.cases import CaseError, CaseService
from desk.comments import MAX_COMMENT, CommentService
from desk.store import Store
from desk.sync.protocol import Checked, Problem, check_change


def _call(store: Store, agent: str) -> str:
    cases = CaseService(store, agent=agent)
    case = cases.new_case(complaint="charged twice")
    calls = CallService(cases)
    call_id = calls.begin(case.id)
    calls.finish(call_id, 300.0, 80.0, 20.0)
    return call_id


def test_comments_come_back_in_call_time_order(store: Store) -> None:
    call_id = _call(store, "ana")
    sue = CommentService(CaseService(store, agent="sue"))
    sue.add(call_id, 95.5, "Here: the apology came after the 'but'.")
    sue.add(call_id, 12.0, "  Good opening.  ")
    got = sue.comments(call_id)
    assert [(c.t, c.body, c.author) for c in got] == [
        (12.0, "Good opening.", "sue"), (95.5, "Here: the apology came after the 'but'.", "sue")]
    assert _call(store, "bob") and sue.comments("no-such-call") == []


def test_the_agent_receives_others_comments_and_marks_them_read(store: Store) -> None:
    mine, theirs = _call(store, "ana"), _call(store, "bob")
    sue = CommentService(CaseService(store, agent="sue"))
    ana = CommentService(CaseService(store, agent="ana"))
    first = sue.add(mine, 40.0, "first")
    sue.add(theirs, 10.0, "for bob")
    ana.add(mine, 41.0, "my own remark")  # not "received"
    assert [c.body for c in ana.received(unread_only=True)] == ["first"]
    got = ana.received()[0]
    assert got.case_ref and got.call_started_at and got.call_id == mine == first.call_id
    ana.mark_read(ana.received(unread_only=True))
    assert ana.received(unread_only=True) == []
    sue.add(mine, 200.0, "second")
    assert [c.body for c in ana.received(unread_only=True)] == ["second"]
    assert [c.body for c in ana.received()] == ["second", "first"]
    assert CommentService(CaseService(store)).received() == []  # nobody signed in


@pytest.mark.parametrize(("t", "body", "code"), [
    (1.0, "   ", "empty"),
    (1.0, "x" * (MAX_COMMENT + 1), "too_long"),
    (1.0, "broken \ud800 char", "bad_value"),
    (float("nan"), "when?", "bad_value"),
    (-3.0, "before the call", "bad_value"),
])
def test_bad_comments_are_refused_with_a_code(store: Store, t: float, body: str,
                                              code: str) -> None:
    call_id = _call(store, "ana")
    sue = CommentService(CaseService(store, agent="sue"))
    with pytest.raises(CaseError) as err:
        sue.add(call_id, t, body)
    assert err.value.code == code
    assert sue.comments(call_id) == []


def test_a_comment_on_a_call_that_is_not_there_is_refused(store: Store) -> None:
    with pytest.raises(CaseError) as err:
        CommentService(CaseService(store, agent="sue")).add("0192-nope", 3.0, "hello")
    assert err.value.code == "no_call"


def test_comments_survive_a_reopen_and_wait_in_the_outbox(store: Store, open_store) -> None:
    call_id = _call(store, "ana")
    CommentService(CaseService(store, agent="sue")).add(call_id, 5.0, "持续倾听，很好")
    store.close()
    again = open_store()
    assert [c.body for c in CommentService(CaseService(again)).comments(call_id)] == [
        "持续倾听，很好"]
    assert "call_comments" in {k for k, _ in again.call(
        lambda conn: conn.execute("SELECT kind, row_id FROM outbox").fetchall())}


def test_a_comment_that_arrives_late_is_new_whatever_its_clock(store: Store) -> None:
    """Two supervisors: the second one's comment syncs first and is read; the first one's,
    written earlier but pulled later, is still new."""
    call_id = _call(store, "ana")
    ana = CommentService(CaseService(store, agent="ana"))
    CommentService(CaseService(store, agent="sue")).add(call_id, 30.0, "from sue")
    ana.mark_read(ana.received(unread_only=True))
    earlier = store.clock.now()  # a stamp from before, as a desk that synced late has
    ms, counter, _ = earlier.split("-", 2)
    old_hlc = f"{int(ms) - 60_000:013d}-{counter}-other.desk"
    CaseService(store)._append("call_comments", [{
        "id": store.clock_id(), "call_id": call_id, "t": 12.0, "body": "from tom",
        "author": "tom", "created_at": "2026-11-23T08:00:00.000Z", "hlc": old_hlc,
        "device": "other.desk"}])
    assert [c.body for c in ana.received(unread_only=True)] == ["from tom"]
    assert [c.body for c in ana.received()] == ["from tom", "from sue"]  # last to arrive first


@pytest.mark.parametrize(("field", "value", "code"), [
    ("t", -1.0, "type"), ("t", None, "type"), ("t", 1e12, "type"),
    ("body", "", "type"), ("body", "x" * (MAX_COMMENT + 1), "size"),
    ("author", None, "type"), ("author", "a" * 201, "type"),
    ("created_at", "yesterday", "type"), ("created_at", None, "type"),
])
def test_the_wire_refuses_comments_the_review_could_not_show(store: Store, field: str,
                                                             value: object, code: str) -> None:
    row = {"id": store.clock_id(), "call_id": store.clock_id(), "t": 5.0, "body": "ok",
           "author": "sue", "created_at": "2026-11-23T08:00:00.000Z",
           "hlc": store.clock.now(), "device": store.device}
    assert isinstance(check_change({"kind": "call_comments", "row": row}), Checked)
    problem = check_change({"kind": "call_comments", "row": {**row, field: value}})
    assert isinstance(problem, Problem) and problem.code == code
