"""An agent's token cannot read, pull or overwrite another agent's case — not even with a
crafted request, and not even if the service's own checks were bypassed (RLS, forced)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from db import central, outbox
from desk.cases import CaseError, CaseService
from desk.store import Store
from desk.sync.client import SyncClient, SyncError
from desk.sync.tokens import make_token
from tests.sync.service import SECRET, Service, account, token_id


@pytest.fixture
def world(pg_db: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
    tokens = {"ana": account(pg_db.url, "ana", "agent", "north"),
              "bob": account(pg_db.url, "bob", "agent", "north"),
              "sue": account(pg_db.url, "sue", "supervisor", "north"),
              "tom": account(pg_db.url, "tom", "supervisor", "south")}
    stores = {name: Store(tmp_path / f"{name}.db") for name in tokens}
    with Service(pg_db.url) as service:
        yield {"tokens": tokens, "stores": stores, "service": service, "db": pg_db}
    for s in stores.values():
        s.close()


def _sync(w: dict[str, Any], name: str) -> Any:
    with SyncClient(w["stores"][name], w["service"].url, w["tokens"][name]) as client:
        return client.sync()


def _ana_case(w: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """Ana makes a case with a note; returns its id and the changes as they were sent."""
    cases = CaseService(w["stores"]["ana"])
    case = cases.new_case(complaint="refund refused", category="billing")
    cases.commit_draft(case.id, "customer will call back at five")
    sent = [{"kind": e.kind, "row": e.row}
            for e in w["stores"]["ana"].call(outbox.pending, 100)]
    assert _sync(w, "ana").pushed == len(sent)
    return case.id, sent


def _push(w: dict[str, Any], name: str, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    r = httpx.post(w["service"].url + "/v1/push", json={"device": "x", "changes": changes},
                   headers={"Authorization": f"Bearer {w['tokens'][name]}"})
    assert r.status_code == 200, r.text
    return list(r.json()["results"])


def _server_rows(w: dict[str, Any]) -> dict[str, Any]:
    with psycopg.connect(w["db"].admin_url) as conn:
        return {str(r[0]): r[1] for r in conn.execute("SELECT id, row FROM changes")}


def test_another_agent_cannot_read_pull_or_overwrite(world: dict[str, Any]) -> None:
    w = world
    case_id, sent = _ana_case(w)
    before = _server_rows(w)
    # Bob pulls from the very start of the log, with any device name: nothing of Ana's.
    assert _sync(w, "bob").pulled == 0
    with pytest.raises(CaseError):
        CaseService(w["stores"]["bob"]).case(case_id)
    r = httpx.get(w["service"].url + "/v1/pull", params={"cursor": "0:0", "device": ""},
                  headers={"Authorization": f"Bearer {w['tokens']['bob']}"})
    assert r.status_code == 200 and r.json()["changes"] == []

    # Crafted pushes into Ana's case: a field edit, a note, a call row claiming her case as
    # its call, and a replay of her own event ids with other content.
    edit = next(c for c in sent if c["kind"] == "event" and c["row"]["field"] == "complaint")
    bob_hlc = f"{int(time.time() * 1000):013d}-00000-bobdesk"
    overwrite = {"kind": "event", "row": {**edit["row"], "id": str(uuid.uuid4()),
                                          "value": "closed by bob", "hlc": bob_hlc,
                                          "device": "bobdesk"}}
    note = next(c for c in sent if c["kind"] == "notes")
    foreign_note = {"kind": "notes", "row": {**note["row"], "id": str(uuid.uuid4()),
                                             "body": "bob was here"}}
    curve = {"kind": "call_marks", "row": {
        "id": str(uuid.uuid4()), "call_id": case_id, "channel": "caller", "t": 1.0,
        "kind": "cue", "code": "x", "text": "", "hlc": bob_hlc, "device": "bobdesk"}}
    replay = {"kind": "event", "row": {**edit["row"], "value": "rewritten"}}
    # Her event id moved into a case of Bob's own: the id is taken, nothing is written.
    squat = {"kind": "event", "row": {**edit["row"], "entity_id": str(uuid.uuid4()),
                                      "value": "rewritten"}}
    results = _push(w, "bob", [overwrite, foreign_note, curve, replay, squat])
    assert [r["status"] for r in results] == ["denied"] * 4 + ["duplicate"]
    assert _server_rows(w) == before  # nothing written, nothing changed

    # Ana's second workstation still gets her case exactly as she wrote it.
    assert CaseService(w["stores"]["ana"]).case(case_id).complaint == "refund refused"


def test_supervisor_sees_and_writes_for_the_team_only(world: dict[str, Any]) -> None:
    w = world
    case_id, _ = _ana_case(w)
    assert _sync(w, "tom").pulled == 0  # another team's supervisor
    assert _sync(w, "sue").pulled > 0
    sue_cases = CaseService(w["stores"]["sue"])
    assert sue_cases.case(case_id).complaint == "refund refused"
    sue_cases.commit_draft(case_id, "coached: offer the refund first")
    sue_cases.update_case(case_id, status="resolved")
    pushed = _sync(w, "sue").pushed  # the note, the status and resolved_at
    assert pushed == 3
    assert _sync(w, "ana").pulled == pushed
    ana = CaseService(w["stores"]["ana"])
    assert [n.body for n in ana.notes(case_id)][-1] == "coached: offer the refund first"
    assert ana.case(case_id).status == "resolved"
    assert _sync(w, "bob").pulled == 0  # the team's other agent still sees none of it


def _as(w: dict[str, Any], name: str) -> tuple[psycopg.Connection[Any], central.Account]:
    conn = psycopg.connect(w["db"].url)
    central.serve_as_app(conn)
    acc = central.find_account(conn, name)
    return conn, acc


def test_row_level_security_holds_without_the_service(world: dict[str, Any]) -> None:
    """Even SQL that skips the service's checks cannot cross agents: the policies say no."""
    w = world
    case_id, _ = _ana_case(w)
    conn, bob = _as(w, "bob")
    ana_id = central.find_account(conn, "ana").id
    with conn:
        with central.as_account(conn, bob):
            assert conn.execute("SELECT count(*) FROM changes").fetchone()[0] == 0
            assert conn.execute("SELECT count(*) FROM scopes").fetchone()[0] == 0
        for sql, params in (
            ("INSERT INTO scopes(id, kind, owner, team) VALUES (%s, 'case', %s, 'north')",
             (str(uuid.uuid4()), ana_id)),
            ("INSERT INTO changes(id, kind, scope, owner, team, author, device, hlc, row)"
             " VALUES (%s, 'notes', %s, %s, 'north', %s, 'd', 'h', '{}')",
             (str(uuid.uuid4()), case_id, ana_id, bob.id)),
            ("UPDATE changes SET row = '{}'", ()),
            ("DELETE FROM changes", ()),
            ("INSERT INTO accounts(id, name, role) VALUES (gen_random_uuid(), 'x', 'agent')", ()),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), \
                    central.as_account(conn, bob):
                conn.execute(sql, params)
        # With no account set at all, nothing is visible.
        with conn.transaction():
            assert conn.execute("SELECT count(*) FROM changes").fetchone()[0] == 0
        info = conn.execute(
            "SELECT c.relforcerowsecurity, pg_get_userbyid(c.relowner) <> current_user"
            " FROM pg_class c WHERE c.relname IN ('changes', 'scopes')").fetchall()
        assert info == [(True, True), (True, True)]
    conn.close()


def test_tokens_forged_expired_revoked_or_missing(world: dict[str, Any]) -> None:
    w = world
    url = w["service"].url + "/v1/whoami"
    good = w["tokens"]["ana"]
    r = httpx.get(url, headers={"Authorization": f"Bearer {good}"})
    assert r.status_code == 200 and r.json()["account"] == "ana"
    tid = token_id(good)
    forged = make_token(b"another secret that is long enough to pass" * 2, tid,
                        int(time.time()) + 3600)
    expired = make_token(SECRET.encode(), tid, int(time.time()) - 1)
    tampered = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    unknown = make_token(SECRET.encode(), str(uuid.uuid4()), int(time.time()) + 3600)
    for token, code in ((forged, "forged"), (tampered, "forged"), (expired, "expired"),
                        (unknown, "unknown_token"), ("garbage", "malformed")):
        r = httpx.get(url, headers={"Authorization": f"Bearer {token}"})
        assert (r.status_code, r.json()["error"]) == (401, code)
    assert httpx.get(url).status_code == 401
    with psycopg.connect(w["db"].url, autocommit=True) as conn:
        central.revoke_token(conn, tid)
    r = httpx.get(url, headers={"Authorization": f"Bearer {good}"})
    assert (r.status_code, r.json()["error"]) == (401, "revoked")
    with pytest.raises(SyncError) as err:
        _sync(w, "ana")
    assert (err.value.code, err.value.detail) == ("auth", "revoked")


def test_rows_that_would_break_other_workstations_are_refused(world: dict[str, Any]) -> None:
    """What one workstation sends is what every other workstation of the team applies: a
    value of the wrong type, a stamp that would win forever, text PostgreSQL or the wire cannot
    carry — each is refused alone, and the case still opens everywhere."""
    w = world
    case_id, sent = _ana_case(w)
    edit = next(c for c in sent if c["kind"] == "event" and c["row"]["field"] == "complaint")
    note = next(c for c in sent if c["kind"] == "notes")
    device = edit["row"]["device"]

    def ev(field: str, value: Any, **extra: Any) -> dict[str, Any]:
        return {"kind": "event", "row": {**edit["row"], "id": str(uuid.uuid4()),
                                         "field": field, "value": value, **extra}}

    now = int(time.time() * 1000)
    bad = [
        ev("satisfaction", "x"),
        ev("solution_options", 5),
        ev("followup_done", "yes"),
        ev("complaint", "wins", hlc=f"{'１' * 13}-00000-{device}"),  # full-width digits
        ev("complaint", "wins forever", hlc=f"9999999999999-00000-{device}"),
        ev("complaint", "a month ahead", hlc=f"{now + 30 * 86400_000:013d}-00000-{device}"),
        {"kind": "notes", "row": {**note["row"], "id": str(uuid.uuid4()).upper()}},
    ]
    results = _push(w, "ana", bad)
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "type"), ("rejected", "type"), ("rejected", "type"), ("rejected", "clock"),
        ("rejected", "clock"), ("rejected", "clock"), ("rejected", "id")]
    # NaN and a lone surrogate, sent as raw JSON (a JSON encoder would not produce them).
    raw = json.dumps({"device": "d", "changes": [ev("satisfaction", 1), note]})
    raw = raw.replace('"value": 1', '"value": NaN').replace(
        json.dumps(note["row"]["body"]), '"\\ud800 broken"')
    r = httpx.post(w["service"].url + "/v1/push", content=raw,
                   headers={"Authorization": f"Bearer {w['tokens']['ana']}"})
    assert [(x["status"], x.get("code")) for x in r.json()["results"]] == [
        ("rejected", "type"), ("rejected", "type")]
    # Ana's other workstation (a fresh one) and her supervisor open the case as it was.
    for name in ("sue",):
        _sync(w, name)
        assert CaseService(w["stores"][name]).case(case_id).complaint == "refund refused"
    with psycopg.connect(w["db"].url, autocommit=True) as conn, pytest.raises(central.AdminError):
        central.create_account(conn, "boss", "supervisor", "")  # would oversee nobody's team
