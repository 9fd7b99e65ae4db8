"""Field events (last writer per field wins), append-only rows and the outbox."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from db.connection import open_database
from db.events import (
    FieldEvent,
    append_rows,
    apply_field_events,
    case_ref,
    transaction,
)
from db.outbox import pending
from db.queries import CaseFilter, get_case, get_customer, list_cases

SNAPSHOT = ("SELECT * FROM cases ORDER BY id", "SELECT * FROM customers ORDER BY id",
            "SELECT * FROM field_state ORDER BY entity, entity_id, field")


def _snapshot(conn: sqlite3.Connection) -> list[list[tuple]]:
    return [[tuple(r) for r in conn.execute(sql)] for sql in SNAPSHOT]


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _apply(conn: sqlite3.Connection, events, **kw) -> int:
    with transaction(conn):
        return apply_field_events(conn, events, **kw)


def _note(note_id: str, case_id: str = "ca", body: str = "hello") -> dict:
    return {"id": note_id, "case_id": case_id, "body": body,
            "created_at": "2024-03-01T00:00:09.000Z", "hlc": "h", "device": "devA",
            "author": "ana"}


def test_last_writer_wins_per_field_in_any_arrival_order(tmp_path: Path, event) -> None:
    events = [
        event("case", "ca", "complaint", "first words", ms=0, at="2024-03-01T09:00:00.000Z"),
        event("case", "ca", "complaint", "corrected on B", ms=500, device="devB",
              at="2024-03-02T10:00:00.000Z"),
        event("case", "ca", "status", "resolved", ms=300, device="devB",
              at="2024-03-02T10:00:00.000Z"),
        event("case", "ca", "status", "open", ms=200, at="2024-03-01T09:00:01.000Z"),
    ]
    template = tmp_path / "template.db"
    open_database(template).conn.close()
    snapshots = set()
    for i, order in enumerate(itertools.permutations(events)):
        fresh = shutil.copy(template, tmp_path / f"order{i}.db")
        conn = open_database(fresh).conn
        try:
            assert _apply(conn, order) == len(events)
            snapshots.add(repr(_snapshot(conn)))
            case = get_case(conn, "ca")
        finally:
            conn.close()
        assert (case["complaint"], case["status"]) == ("corrected on B", "resolved")
        assert case["created_at"] == "2024-03-01T09:00:00.000Z"
        assert case["updated_at"] == "2024-03-02T10:00:00.000Z"
        assert case["ref"] == case_ref("ca", "2024-03-01T09:00:00.000Z")
    assert len(snapshots) == 1


def test_equal_stamps_resolve_the_same_way_in_either_order(db_path: Path, event) -> None:
    a = event("case", "ca", "result", "refund", hlc="1709251200000-00000-devA")
    b = event("case", "ca", "result", "exchange", hlc="1709251200000-00000-devA")
    results = []
    for i, order in enumerate([(a, b), (b, a)]):
        conn = open_database(db_path.with_name(f"tie{i}.db")).conn
        _apply(conn, order)
        results.append(get_case(conn, "ca")["result"])
        conn.close()
    assert results[0] == results[1]


def test_two_workstations_converge_through_their_outboxes(tmp_path: Path, event) -> None:
    a = open_database(tmp_path / "a.db").conn
    b = open_database(tmp_path / "b.db").conn
    try:
        _apply(a, [event("case", "ca", "complaint", "A1", ms=10),
                   event("case", "ca", "severity", "high", ms=40)])
        _apply(b, [event("case", "ca", "complaint", "B1", ms=20, device="devB"),
                   event("case", "ca", "severity", "low", ms=30, device="devB")])
        sent = {id(c): [FieldEvent(**o.row) for o in pending(c, 500) if o.kind == "event"]
                for c in (a, b)}
        _apply(a, sent[id(b)], outbox=False)
        _apply(b, sent[id(a)], outbox=False)

        assert _snapshot(a) == _snapshot(b)
        assert (get_case(a, "ca")["complaint"], get_case(a, "ca")["severity"]) == ("B1", "high")
        assert _count(a, "events") == _count(b, "events") == 4
        assert _count(a, "outbox") == _count(b, "outbox") == 2  # received events are not resent
    finally:
        a.close()
        b.close()


def test_reapplying_events_is_idempotent(conn: sqlite3.Connection, event) -> None:
    events = [event("case", "ca", "complaint", "x", ms=1), event("case", "ca", "status", "open")]
    assert _apply(conn, events) == 2
    before = (_snapshot(conn), _count(conn, "events"),
              [tuple(r) for r in conn.execute("SELECT * FROM outbox")])
    assert _apply(conn, events + events) == 0
    after = (_snapshot(conn), _count(conn, "events"),
             [tuple(r) for r in conn.execute("SELECT * FROM outbox")])
    assert after == before


def test_each_change_writes_exactly_one_outbox_row(conn: sqlite3.Connection, event) -> None:
    events = [event("customer", "cu", "name", "Ann", ms=i) for i in range(3)]
    _apply(conn, events)
    with transaction(conn):
        append_rows(conn, "notes", [_note("n1"), _note("n2")])
        append_rows(conn, "checklist", [{"id": "t1", "case_id": "ca", "step": "C", "done": 1,
                                         "at": "2024-03-01T00:00:00.000Z", "hlc": "h"}])
    outbox = pending(conn, 500)
    assert [(o.kind, o.row_id) for o in outbox] == [
        *[("event", e.id) for e in events], ("notes", "n1"), ("notes", "n2"),
        ("checklist", "t1")]
    assert [FieldEvent(**o.row) for o in outbox[:3] if o.row] == events
    assert outbox[3].row is not None and outbox[3].row["body"] == "hello"


def test_failed_transaction_leaves_neither_change_nor_outbox(conn: sqlite3.Connection,
                                                             event) -> None:
    with pytest.raises(RuntimeError), transaction(conn):
        apply_field_events(conn, [event("case", "ca", "complaint", "lost?")])
        append_rows(conn, "notes", [_note("n1")])
        raise RuntimeError("crash between writes")
    for table in ("events", "outbox", "notes", "cases", "field_state"):
        assert _count(conn, table) == 0, table


@pytest.mark.parametrize(("entity", "field"), [
    ("case", "password"), ("case", "status = 'x' --"), ("user", "name"), ("case", "ref")])
def test_unknown_fields_are_refused(conn: sqlite3.Connection, event, entity, field) -> None:
    with pytest.raises(ValueError, match="unknown field"), transaction(conn):
        apply_field_events(conn, [event("case", "ca", "complaint", "ok"),
                                  event(entity, "ca", field, "x")])
    assert _count(conn, "events") == _count(conn, "outbox") == _count(conn, "cases") == 0


def test_append_rows_is_idempotent_by_id(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        assert append_rows(conn, "notes", [_note("n1"), _note("n2")]) == 2
    with transaction(conn):
        assert append_rows(conn, "notes", [_note("n1", body="rewritten"), _note("n2"),
                                           _note("n3")]) == 1
    bodies = conn.execute("SELECT id, body FROM notes ORDER BY id").fetchall()
    assert bodies == [("n1", "hello"), ("n2", "hello"), ("n3", "hello")]
    assert _count(conn, "outbox") == 3


MEGA = "长文本 long text 😀\n" * 50_000  # about 1 MB of UTF-8


@pytest.mark.parametrize("text", [
    "'); DROP TABLE cases; --",
    "Robert\"); DELETE FROM notes WHERE ('1'='1",
    "😡👍🏽👨‍👩‍👧 angry 生气",
    "退款 refund возврат مرحبا שלום 환불 ½ 𠀋",
    MEGA,
], ids=["sql", "sql2", "emoji", "scripts", "1MB"])
def test_text_round_trips_exactly(conn: sqlite3.Connection, event, text: str) -> None:
    _apply(conn, [event("case", "ca", "complaint", text),
                  event("customer", "cu", "name", text)])
    with transaction(conn):
        append_rows(conn, "notes", [_note("n1", body=text)])

    assert get_case(conn, "ca")["complaint"] == text
    assert get_customer(conn, "cu")["name"] == text
    assert conn.execute("SELECT body FROM notes").fetchone()[0] == text
    stored = [json.loads(v) for (v,) in conn.execute("SELECT value FROM events")]
    assert stored == [text, text]
    assert {"cases", "notes", "customers"} <= {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if len(text) < 100:
        assert [r["id"] for r in list_cases(conn, CaseFilter(text=text))] == ["ca"]


@pytest.mark.parametrize(("phone", "digits"), [
    ("+86 138-0013-8000", "8613800138000"),
    ("（１３８）００１３-８０００", "13800138000"),
    ("138 0013 8000 ext²", "13800138000"),
])
def test_phone_digits_are_ascii_digits(conn: sqlite3.Connection, event, phone, digits) -> None:
    _apply(conn, [event("customer", "cu", "phone", phone)])
    row = get_customer(conn, "cu")
    assert (row["phone"], row["phone_digits"]) == (phone, digits)
