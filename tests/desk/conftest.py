"""Fixtures for desk/ tests: a real Store (its own database thread) on a file in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import desk.cases
from desk.cases import CaseService
from desk.store import Store
from desk.timeutil import parse_iso, to_iso


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cleardesk.db"


@pytest.fixture
def open_store(db_file: Path) -> Iterator[Callable[..., Store]]:
    """``open_store(readonly=False)``: a Store on ``db_file``, closed after the test."""
    opened: list[Store] = []

    def make(**kw: bool) -> Store:
        store = Store(db_file, **kw)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: Callable[..., Store]) -> Store:
    return open_store()


@pytest.fixture
def svc(store: Store) -> CaseService:
    return CaseService(store, agent="ana")


class FakeNow:
    """Stands in for ``desk.cases.now_iso``: each call returns the time, then moves 1 ms on."""

    def __init__(self, start: str) -> None:
        self.at = parse_iso(start)

    def set(self, iso: str) -> None:
        self.at = parse_iso(iso)

    def __call__(self) -> str:
        stamp = to_iso(self.at)
        self.at += timedelta(milliseconds=1)
        return stamp


@pytest.fixture
def fake_now(monkeypatch: pytest.MonkeyPatch) -> FakeNow:
    """Control the timestamps CaseService writes (creation and edit times)."""
    now = FakeNow(to_iso(datetime(2024, 3, 1, 9, tzinfo=timezone.utc)))
    monkeypatch.setattr(desk.cases, "now_iso", now)
    return now
