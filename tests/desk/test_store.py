"""The Store: storage failures arrive as StoreError codes; backups; a closed store says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.schema import SCHEMA_VERSION
from desk.cases import CaseService
from desk.store import Store, StoreError, list_backups


def _code(path: Path, **kw: bool) -> StoreError:
    with pytest.raises(StoreError) as info:
        Store(path, **kw)
    return info.value


def test_corrupt_file_is_reported_and_left_alone(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    db_file.write_bytes(b"not a database " * 1000)
    assert _code(db_file).code == "corrupt"
    assert db_file.read_bytes() == b"not a database " * 1000


def test_newer_schema_is_reported_with_both_versions(db_file: Path, open_store) -> None:
    open_store().close()
    raw = sqlite3.connect(db_file)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    err = _code(db_file)
    assert (err.code, err.found_version, err.supported_version) == (
        "newer_schema", SCHEMA_VERSION + 1, SCHEMA_VERSION)


def test_read_only_store_of_a_missing_file(db_file: Path) -> None:
    assert _code(db_file, readonly=True).code == "missing"
    assert not db_file.exists()


def test_write_while_another_program_holds_the_lock(svc: CaseService, db_file: Path) -> None:
    case = svc.new_case().id
    svc.store.call(lambda conn: conn.execute("PRAGMA busy_timeout = 100"))
    other = sqlite3.connect(db_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as info:
            svc.update_case(case, complaint="waiting")
        assert info.value.code == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert svc.update_case(case, complaint="saved").complaint == "saved"


def test_backup_when_due(store: Store) -> None:
    first = store.backup_if_due()
    assert first is not None and first.exists()
    assert store.backup_if_due() is None  # the last one is recent
    again = store.backup_if_due(every_s=0)
    assert [b.path for b in list_backups(store.path)] == [again, first]


def test_closed_store_refuses_calls(store: Store) -> None:
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError) as info:
        store.call(lambda conn: None)
    assert info.value.code == "closed"


def test_device_id_is_kept_in_the_file(open_store) -> None:
    first = open_store().device
    assert len(first) == 12
    assert open_store().device == first
