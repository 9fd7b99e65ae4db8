"""Rotating backups: a consistent copy, the newest KEEP kept, restore keeps the damaged file."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from db import backup
from db.connection import open_database
from db.events import append_rows, transaction


def _add_notes(conn: sqlite3.Connection, start: int, n: int) -> None:
    with transaction(conn):
        append_rows(conn, "notes", [
            {"id": f"n{i:05d}", "case_id": "ca", "body": f"note {i} 备注", "created_at": "t",
             "hlc": f"{i:013d}", "device": "d", "author": "a"} for i in range(start, start + n)])


def _note_ids(path: Path) -> list[str]:
    result = open_database(path)
    try:
        return [r[0] for r in result.conn.execute("SELECT id FROM notes ORDER BY id")]
    finally:
        result.conn.close()


def test_backup_is_a_consistent_copy_including_uncheckpointed_writes(db_path: Path) -> None:
    conn = open_database(db_path).conn
    try:
        _add_notes(conn, 0, 500)
        assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0  # still in the WAL
        copy = backup.make_backup(db_path, backup.backup_dir_for(db_path))
        _add_notes(conn, 500, 1)  # after the backup: not in it
    finally:
        conn.close()

    assert copy.parent == db_path.parent / "backups"
    check = sqlite3.connect(copy)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    assert _note_ids(copy) == [f"n{i:05d}" for i in range(500)]


def test_rotation_keeps_the_newest(db_path: Path) -> None:
    open_database(db_path).conn.close()
    folder = backup.backup_dir_for(db_path)
    made = [backup.make_backup(db_path, folder) for _ in range(backup.KEEP + 3)]
    assert backup.list_backups(folder) == list(reversed(made[-backup.KEEP:]))
    assert sorted(folder.iterdir()) == sorted(made[-backup.KEEP:])  # no .partial left
    assert backup.last_backup_age_s(folder) is not None


def test_restore_keeps_the_damaged_file_and_the_restored_db_opens(db_path: Path) -> None:
    conn = open_database(db_path).conn
    _add_notes(conn, 0, 3)
    conn.close()
    saved = backup.make_backup(db_path, backup.backup_dir_for(db_path))
    damaged = random.Random(3).randbytes(8192)
    db_path.write_bytes(damaged)
    stale_wal = db_path.with_name(db_path.name + "-wal")
    stale_wal.write_bytes(b"stale wal")

    aside = backup.restore_backup(saved, db_path)

    assert aside.read_bytes() == damaged
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"stale wal"
    assert not stale_wal.exists()
    assert _note_ids(db_path) == ["n00000", "n00001", "n00002"]


def test_restoring_twice_keeps_both_damaged_files(db_path: Path) -> None:
    open_database(db_path).conn.close()
    saved = backup.make_backup(db_path, backup.backup_dir_for(db_path))
    db_path.write_bytes(b"first damage")
    first = backup.restore_backup(saved, db_path)
    db_path.write_bytes(b"second damage")
    second = backup.restore_backup(saved, db_path)
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first damage", b"second damage")


def test_a_backup_cut_off_at_exit_is_cleaned_up(tmp_path: Path) -> None:
    from db.backup import make_backup
    from db.connection import open_database

    db_path = tmp_path / "cleardesk.db"
    open_database(db_path).conn.close()
    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / "cleardesk-20260101-000000-000000.partial").write_bytes(b"x" * 1000)
    (backups / "cleardesk-20260101-000000-000000.partial-journal").write_bytes(b"x")
    made = make_backup(db_path, backups)
    assert sorted(p.name for p in backups.iterdir()) == [made.name]
