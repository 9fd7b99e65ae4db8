"""Opening a database that cannot be used gives a clear code and never replaces the file."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from db import connection
from db.connection import CORRUPT, LOCKED, MISSING, UNWRITABLE, DatabaseError, open_database
from db.events import transaction


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _big_database(path: Path) -> None:
    conn = open_database(path).conn
    with transaction(conn):
        conn.execute("CREATE TABLE filler(x BLOB)")
        conn.executemany("INSERT INTO filler VALUES (randomblob(3000))", [()] * 200)
    conn.close()


def test_random_bytes_are_corrupt_and_left_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    junk = random.Random(7).randbytes(64 * 1024)
    db_path.write_bytes(junk)

    with pytest.raises(DatabaseError) as info:
        open_database(db_path)

    assert info.value.code == CORRUPT
    assert db_path.read_bytes() == junk
    assert _files(db_path.parent) == [db_path.name]


def test_truncated_database_is_corrupt(db_path: Path) -> None:
    _big_database(db_path)
    data = db_path.read_bytes()
    assert len(data) > 100 * 4096
    db_path.write_bytes(data[: len(data) // 2])

    with pytest.raises(DatabaseError) as info:
        open_database(db_path)

    assert info.value.code == CORRUPT
    assert db_path.read_bytes() == data[: len(data) // 2]


def test_locked_database(db_path: Path, monkeypatch) -> None:
    """A rollback-journal database held exclusively by another program."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    db_path.parent.mkdir(parents=True)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("CREATE TABLE theirs(x)")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as info:
            open_database(db_path)
        assert info.value.code == LOCKED
    finally:
        other.execute("ROLLBACK")
        other.close()
    open_database(db_path).conn.close()  # free again: opens


def test_wal_database_opens_while_another_connection_writes(db_path: Path, monkeypatch) -> None:
    """In WAL mode readers are not blocked; a write waits, then reports locked."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    open_database(db_path).conn.close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    conn = open_database(db_path).conn
    try:
        with pytest.raises(sqlite3.OperationalError) as info:
            conn.execute("BEGIN IMMEDIATE")
        assert connection.classify(info.value) == LOCKED
    finally:
        conn.close()
        other.execute("ROLLBACK")
        other.close()


def test_read_only_open_reads_and_refuses_writes(db_path: Path) -> None:
    conn = open_database(db_path).conn
    with transaction(conn):
        conn.execute("INSERT INTO meta(key, value) VALUES ('greeting', '你好')")
    conn.close()

    ro = open_database(db_path, readonly=True)
    try:
        assert ro.readonly
        assert ro.conn.execute("SELECT value FROM meta WHERE key = 'greeting'").fetchone() == (
            "你好",)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.conn.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    finally:
        ro.conn.close()
    check = sqlite3.connect(db_path)
    assert check.execute("SELECT count(*) FROM meta").fetchone() == (1,)
    check.close()


def test_read_only_open_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "cleardesk.db"
    with pytest.raises(DatabaseError) as info:
        open_database(path, readonly=True)
    assert info.value.code == MISSING
    assert not path.parent.exists()


def test_directory_that_cannot_be_created_is_unwritable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(DatabaseError) as info:
        open_database(blocker / "sub" / "cleardesk.db")
    assert info.value.code == UNWRITABLE


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can write into read-only folders")
def test_read_only_folder_is_unwritable(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseError) as info:
            open_database(folder / "cleardesk.db")
        assert info.value.code == UNWRITABLE
    finally:
        folder.chmod(0o700)


def test_wal_mode_and_full_sync_are_on(db_path: Path) -> None:
    conn = open_database(db_path).conn
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    finally:
        conn.close()
    other = sqlite3.connect(db_path)  # WAL is persistent: recorded in the file
    assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    other.close()
