"""Fixtures for db/ tests: real SQLite files in tmp_path, and a field-event factory."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from db.clock import format_hlc, new_id
from db.connection import open_database
from db.events import FieldEvent

EventFactory = Callable[..., FieldEvent]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cleardesk.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    """An open, migrated database (WAL, autocommit; callers use db.events.transaction)."""
    c = open_database(db_path).conn
    yield c
    c.close()


@pytest.fixture
def event() -> EventFactory:
    """``event("case", case_id, "status", "open", ms=..., device=...)``: a FieldEvent.

    The HLC is made from ``ms`` (and a counter that keeps stamps of one test distinct);
    ``at`` defaults to an ISO time derived from ``ms`` (milliseconds since 2024-03-01).
    """
    counter = itertools.count()

    def make(entity: str, entity_id: str, field: str, value: Any, *, ms: int = 0,
             device: str = "devA", at: str | None = None, hlc: str | None = None) -> FieldEvent:
        stamp = hlc or format_hlc(1_709_251_200_000 + ms, next(counter), device)
        when = at or f"2024-03-01T00:00:{ms // 1000 % 60:02d}.{ms % 1000:03d}Z"
        return FieldEvent(new_id(), entity, entity_id, field, value, stamp, device, when)

    return make
