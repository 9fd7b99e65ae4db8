"""Migrations: an old database upgrades and keeps its rows; a newer one is refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import schema
from db.connection import NEWER, DatabaseError, connect, open_database
from db.events import append_rows, apply_field_events, transaction
from db.queries import CaseFilter, list_cases
from db.schema import SCHEMA_VERSION, migrate, schema_version

TABLES = ("customers", "cases", "notes", "events", "field_state", "outbox")


def _make_v1(path: Path, event) -> dict[str, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    migrate(conn, target=1)
    ids = {"customer": "cu-1", "case": "ca-1", "note": "no-1"}
    with transaction(conn):
        apply_field_events(conn, [
            event("customer", ids["customer"], "name", "Margaret Oyelaran"),
            event("customer", ids["customer"], "phone", "+86 138-0013-8000", ms=1),
            event("case", ids["case"], "customer_id", ids["customer"], ms=2),
            event("case", ids["case"], "complaint", "洗衣机第一次使用就漏水", ms=3),
            event("case", ids["case"], "status", "open", ms=4),
        ])
        append_rows(conn, "notes", [{
            "id": ids["note"], "case_id": ids["case"], "body": "customer sent photos of the leak",
            "created_at": "2024-03-01T00:00:05.000Z", "hlc": "x", "device": "devA",
            "author": "ana"}])
    assert schema_version(conn) == 1
    conn.close()
    return ids


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_v1_database_upgrades_and_keeps_every_row(db_path: Path, event) -> None:
    ids = _make_v1(db_path, event)
    raw = sqlite3.connect(db_path)
    before = _counts(raw)
    case_before = raw.execute("SELECT * FROM cases").fetchall()
    raw.close()
    assert before == {"customers": 1, "cases": 1, "notes": 1, "events": 5, "field_state": 5,
                      "outbox": 6}

    result = open_database(db_path)
    try:
        assert result.upgraded_from == 1
        assert schema_version(result.conn) == SCHEMA_VERSION
        assert _counts(result.conn) == before
        assert result.conn.execute("SELECT * FROM cases").fetchall() == case_before
        for text in ("漏水", "第一次使用", "Oyelaran", "photos of the leak", "13800138000"):
            found = [r["id"] for r in list_cases(result.conn, CaseFilter(text=text))]
            assert found == [ids["case"]], text
    finally:
        result.conn.close()


def test_new_file_is_created_at_current_version_and_reopen_is_a_no_op(db_path: Path) -> None:
    first = open_database(db_path)
    assert (first.upgraded_from, schema_version(first.conn)) == (0, SCHEMA_VERSION)
    first.conn.close()
    second = open_database(db_path)
    assert (second.upgraded_from, schema_version(second.conn)) == (SCHEMA_VERSION,
                                                                    SCHEMA_VERSION)
    second.conn.close()


@pytest.mark.parametrize("readonly", [False, True])
def test_newer_schema_is_refused_and_not_modified(db_path: Path, readonly: bool) -> None:
    open_database(db_path).conn.close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    raw.execute("PRAGMA journal_mode = DELETE")  # as a newer app might leave it
    raw.close()
    data, mtime = db_path.read_bytes(), db_path.stat().st_mtime_ns

    with pytest.raises(DatabaseError) as info:
        open_database(db_path, readonly=readonly)

    assert info.value.code == NEWER
    assert info.value.found_version == SCHEMA_VERSION + 3
    assert db_path.read_bytes() == data
    assert db_path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_failed_migration_rolls_back(db_path: Path, event, monkeypatch) -> None:
    _make_v1(db_path, event)

    def broken(db) -> None:
        db["half_done"].create({"id": str}, pk="id")
        db["notes"].enable_fts(["body"], tokenize="trigram", create_triggers=True)
        db.execute("UPDATE cases SET complaint = 'overwritten'")
        raise RuntimeError("bug in a migration")

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError, match="bug in a migration"):
        open_database(db_path)

    raw = sqlite3.connect(db_path)
    try:
        assert schema_version(raw) == 1
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in names
        assert not any(n.startswith("notes_fts") for n in names)
        assert raw.execute("SELECT complaint FROM cases").fetchone()[0] == "洗衣机第一次使用就漏水"
    finally:
        raw.close()

    monkeypatch.undo()
    result = open_database(db_path)  # the real migration still works afterwards
    assert schema_version(result.conn) == SCHEMA_VERSION
    result.conn.close()


def test_full_text_index_follows_only_indexed_columns(tmp_path: Path, event) -> None:
    """From v5 the search index is touched only when an indexed column changes, and search
    still follows edits of the indexed text after edits of other fields."""
    ids = _make_v1(tmp_path / "old.db", event)
    result = open_database(tmp_path / "old.db")
    conn = result.conn
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'cases_au'").fetchone()[0]
        assert 'AFTER UPDATE OF "complaint"' in sql
        with transaction(conn):
            apply_field_events(conn, [
                event("case", ids["case"], "status", "resolved", ms=10),
                event("case", ids["case"], "complaint", "烘干机噪音很大", ms=11),
                event("case", ids["case"], "owner", "li.na", ms=12),
                event("customer", ids["customer"], "phone", "+86 139-0000-0000", ms=13),
            ])
        assert [c["id"] for c in list_cases(conn, CaseFilter(text="噪音很大"))] == [ids["case"]]
        assert list_cases(conn, CaseFilter(text="第一次使用")) == []
    finally:
        conn.close()


def test_v6_reads_the_servers_log_again(db_path: Path) -> None:
    """A desk of an older version skipped pulled comments (a kind it did not know) and moved
    its cursor past them: after the upgrade its next pull starts from the beginning."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(db_path)
    migrate(conn, target=5)
    with transaction(conn):
        conn.execute("INSERT INTO meta(key, value) VALUES ('sync_cursor', '981:4')")
    migrate(conn)
    assert conn.execute("SELECT value FROM meta WHERE key = 'sync_cursor'").fetchone()[0] == ""
    assert "call_comments" in {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
