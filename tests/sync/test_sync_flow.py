"""Sync end to end: offline edits converge, the log cursor never skips, several services."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from db import central
from db.central_schema import migrate_central
from desk.cases import CaseService
from desk.store import Store
from desk.sync.client import SyncClient
from tests.sync.service import Service, account
from tests.sync.state import diff, local_ids, local_state, server_ids


@pytest.fixture
def team(pg_db: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
    tokens = {"desk1": account(pg_db.url, "ana"), "desk2": account(pg_db.url, "ana"),
              "sup": account(pg_db.url, "sue", "supervisor")}
    stores = {name: Store(tmp_path / f"{name}.db") for name in tokens}
    with Service(pg_db.url) as service:
        yield {"tokens": tokens, "stores": stores, "url": service.url, "db": pg_db}
    for s in stores.values():
        s.close()


def _sync(t: dict[str, Any], name: str) -> Any:
    with SyncClient(t["stores"][name], t["url"], t["tokens"][name]) as client:
        return client.sync()


def test_offline_edits_on_two_workstations_converge(team: dict[str, Any]) -> None:
    t = team
    one, two = CaseService(t["stores"]["desk1"]), CaseService(t["stores"]["desk2"])
    case = one.new_case(complaint="parcel lost", severity="medium")
    _sync(t, "desk1")
    _sync(t, "desk2")
    # Both offline now: the same field edited on each, notes and ticks on both.
    one.update_case(case.id, severity="high", category="delivery")
    two.update_case(case.id, severity="critical", solution="resend the parcel")
    one.commit_draft(case.id, "called the courier")
    two.commit_draft(case.id, "customer angry, promised a call by 5 pm")
    one.tick_step(case.id, "L")
    two.tick_step(case.id, "A")
    later = two.case(case.id)  # desk2 edited last: its HLC is the larger one
    for name in ("desk1", "desk2", "desk1", "sup"):
        _sync(t, name)
    a, b, s = (local_state(t["stores"][n]) for n in ("desk1", "desk2", "sup"))
    assert a == b, diff(a, b)
    assert a == s, diff(a, s)
    for service in (one, two):
        merged = service.case(case.id)
        assert (merged.severity, merged.category, merged.solution) == \
            (later.severity, "delivery", "resend the parcel")
        assert {n.body for n in service.notes(case.id)} == {
            "called the courier", "customer angry, promised a call by 5 pm"}
        assert {k for k, v in service.checklist(case.id).items() if v.done} >= {"L", "A"}
        # The overwritten value is still in the case's history.
        values = [json.loads(h["value"]) for h in service.history(case.id)
                  if h["field"] == "severity"]
        assert {"medium", "high", "critical"} <= set(values)
    ids = server_ids(t["db"].admin_url)
    assert set(ids) == local_ids(t["stores"]["desk1"]) and set(ids.values()) == {1}


def test_pull_cursor_never_skips_a_row_committed_out_of_order(pg_db: Any) -> None:
    """T1 starts first (smaller xid) and commits after T2: a pull in between must not move
    the cursor past T1's row."""
    account(pg_db.url, "ana")
    conns = [psycopg.connect(pg_db.url, autocommit=True) for _ in range(3)]
    for c in conns:
        central.serve_as_app(c)
    ana = central.find_account(conns[0], "ana")
    scope = str(uuid.uuid4())

    def change(n: int) -> central.Incoming:
        hlc = f"{n:013d}-00000-dev"
        return central.Incoming(str(uuid.uuid4()), "notes", scope, "case", "dev", hlc,
                                {"n": n})

    t1, t2, reader = conns
    first, second = change(1), change(2)
    with central.as_account(t2, ana):  # the scope exists before the race
        central.push(t2, ana, [change(0)])
    with central.as_account(reader, ana):
        start, _ = central.pull(reader, ana, (0, 0), 100)
    cursor = (start[-1].xid, start[-1].seq)
    tx1 = t1.transaction()
    tx1.__enter__()
    t1.execute("SELECT set_config('cleardesk.account', %s, true)", (ana.id,))
    assert central.push(t1, ana, [first]) == ["applied"]  # T1 holds the smaller xid
    with central.as_account(t2, ana):
        assert central.push(t2, ana, [second]) == ["applied"]  # T2 commits first
    with central.as_account(reader, ana):
        # T2 is held back behind T1.
        assert central.pull(reader, ana, cursor, 100) == ([], False)
    tx1.__exit__(None, None, None)
    with central.as_account(reader, ana):
        rows, _ = central.pull(reader, ana, cursor, 100)
    assert [r.row["n"] for r in rows] == [1, 2]
    for c in conns:
        c.close()


def test_several_services_on_one_database(pg_db: Any, tmp_path: Path) -> None:
    """Two services start at once on an empty database (one migrates, the other waits) and
    serve the same workstations interchangeably."""
    errors: list[BaseException] = []
    services = [Service(pg_db.url), Service(pg_db.url)]

    def start(s: Service) -> None:
        try:
            s.start()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(s,)) for s in services]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    try:
        assert not errors, errors
        token = account(pg_db.url, "ana")
        stores = [Store(tmp_path / f"{i}.db") for i in range(2)]
        CaseService(stores[0]).new_case(complaint="via service one")
        with SyncClient(stores[0], services[0].url, token) as c:
            assert c.sync().pushed > 0
        with SyncClient(stores[1], services[1].url, token) as c:
            assert c.sync().pulled > 0
        assert local_state(stores[0]) == local_state(stores[1])
        for s in stores:
            s.close()
        assert migrate_central(pg_db.url)[0] == migrate_central(pg_db.url)[1]
    finally:
        for s in services:
            s.stop()


def test_strange_and_huge_text_arrives_unchanged(team: dict[str, Any]) -> None:
    t = team
    one = CaseService(t["stores"]["desk1"])
    texts = ["nul \x00 inside", "emoji 😡🙏 and RTL \u202eabc", "退款\r\n第二行\t制表",
             "\ud7a3 한국어 " + "长" * 1_000_000, ""]
    case = one.new_case(complaint=texts[0])
    for body in texts[1:]:
        one.commit_draft(case.id, body) if body else None
    one.update_case(case.id, solution=texts[3])
    assert _sync(t, "desk1").rejected == 0
    _sync(t, "desk2")
    two = CaseService(t["stores"]["desk2"])
    assert two.case(case.id).complaint == texts[0]
    assert two.case(case.id).solution == texts[3]
    assert [n.body for n in two.notes(case.id)] == [b for b in texts[1:] if b]


def test_a_pull_page_is_bounded_in_bytes(pg_db: Any) -> None:
    account(pg_db.url, "ana")
    account(pg_db.url, "bob")
    with psycopg.connect(pg_db.url, autocommit=True) as conn:
        central.serve_as_app(conn)
        ana, bob = central.find_account(conn, "ana"), central.find_account(conn, "bob")

        def notes(who: central.Account, n: int) -> list[central.Incoming]:
            scope = str(uuid.uuid4())
            return [central.Incoming(str(uuid.uuid4()), "notes", scope, "case", "dev",
                                     f"{i:013d}-00000-dev", {"body": "x" * 1000})
                    for i in range(n)]

        for who, n in ((bob, 50), (ana, 10), (bob, 50)):
            with central.as_account(conn, who):
                central.push(conn, who, notes(who, n))
        with central.as_account(conn, ana):
            page, more = central.pull(conn, ana, (0, 0), 100, max_bytes=3500)
            assert (len(page), more) == (3, True)
            rows, more = central.pull(conn, ana, (0, 0), 100)
            assert (len(rows), more) == (10, False)
