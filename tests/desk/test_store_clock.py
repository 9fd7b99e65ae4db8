"""The Store's clock after a restart: it starts above every stamp stored in the database,
except ones too far in the future to believe."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from db import outbox
from db.clock import format_hlc, parse_hlc
from db.events import transaction
from db.queries import get_meta
from desk.cases import CaseService
from desk.store import Store

HOUR_MS = 3600 * 1000
CLOCK_SEEN_KEY = "clock_seen"  # desk.store.CLOCK_SEEN_KEY


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _pulled_event(case_id: str, value: str, ms: int, device: str = "fastdesk"
                  ) -> tuple[str, dict[str, Any]]:
    """A field edit as a pull brings it, from a desk whose clock reads ``ms``."""
    return ("event", {"id": str(uuid.uuid4()), "entity": "case", "entity_id": case_id,
                      "field": "complaint", "value": value, "hlc": format_hlc(ms, 0, device),
                      "device": device, "at": "2024-03-01T09:00:00Z"})


def _pulled_tick(case_id: str, ms: int, device: str = "fastdesk") -> tuple[str, dict[str, Any]]:
    return ("checklist", {"id": str(uuid.uuid4()), "case_id": case_id, "step": "C", "done": 1,
                          "at": "2024-03-01T09:00:00Z", "source": "manual", "evidence": "",
                          "hlc": format_hlc(ms, 0, device), "device": device})


def _apply(store: Store, changes: list[tuple[str, dict[str, Any]]]) -> None:
    """Store pulled rows the way the sync client does (without observing their clocks:
    the workstation is about to restart)."""
    def write(conn: Any) -> None:
        with transaction(conn):
            outbox.apply_pulled(conn, changes, "1:1")

    store.call(write)


def test_a_restarted_desk_still_edits_after_what_it_pulled(open_store: Callable[..., Store]
                                                          ) -> None:
    """A desk pulled an edit stamped an hour ahead of its own wall clock, then restarted:
    its next edit must still be the newer one (before the fix the fresh clock stamped it
    below the pulled one and the agent's own edit silently lost)."""
    store = open_store()
    case = CaseService(store).new_case(complaint="first")
    _apply(store, [_pulled_event(case.id, "from the fast desk", _now_ms() + HOUR_MS)])
    store.close()

    store = open_store()
    cases = CaseService(store)
    assert cases.update_case(case.id, complaint="typed after the restart").complaint == \
        "typed after the restart"
    assert cases.case(case.id).complaint == "typed after the restart"
    stamp = parse_hlc(store.clock.now())[0]
    assert stamp >= _now_ms() + HOUR_MS - 60_000


def test_checklist_stamps_count_too(open_store: Callable[..., Store]) -> None:
    store = open_store()
    case = CaseService(store).new_case(complaint="x")
    ahead = _now_ms() + 2 * HOUR_MS
    _apply(store, [_pulled_tick(case.id, ahead)])
    store.close()
    assert parse_hlc(open_store().clock.now())[0] >= ahead


def test_a_stamp_too_far_ahead_is_not_followed(open_store: Callable[..., Store],
                                               caplog: pytest.LogCaptureFixture) -> None:
    """One row stamped two days ahead (a desk whose clock was set wrong) must not drag this
    desk's clock along; a believable one (an hour ahead) still does."""
    store = open_store()
    case = CaseService(store).new_case(complaint="x")
    now = _now_ms()
    _apply(store, [_pulled_event(case.id, "believable", now + HOUR_MS),
                   _pulled_event(case.id, "wrong clock", now + 48 * HOUR_MS, "baddesk")])
    store.close()
    with caplog.at_level(logging.WARNING, logger="desk.store"):
        store = open_store()
    stamp = parse_hlc(store.clock.now())[0]
    assert now + HOUR_MS <= stamp < now + 24 * HOUR_MS
    assert "more than a day ahead" in caplog.text and "baddesk" in caplog.text


def test_each_start_reads_only_new_rows(open_store: Callable[..., Store]) -> None:
    """What was read is kept in meta: a later start reads only rows stored since, and still
    starts above the older ones."""
    store = open_store()
    case = CaseService(store).new_case(complaint="x")
    early = _now_ms() + HOUR_MS
    _apply(store, [_pulled_event(case.id, "early", early)])
    store.close()
    store = open_store()  # reads every row once and keeps where it got to
    seen = json.loads(store.call(get_meta, CLOCK_SEEN_KEY) or "{}")
    assert seen["events"] > 0 and parse_hlc(seen["hlc"])[0] == early
    store.close()
    store = open_store()  # nothing new: the kept stamp alone
    assert parse_hlc(store.clock.now())[0] >= early
    later = _now_ms() + 3 * HOUR_MS
    _apply(store, [_pulled_tick(case.id, later)])
    store.close()
    store = open_store()
    assert parse_hlc(store.clock.now())[0] >= later
    seen = json.loads(store.call(get_meta, CLOCK_SEEN_KEY) or "{}")
    assert seen["checklist"] > 0 and parse_hlc(seen["hlc"])[0] == later


def test_a_read_only_store_seeds_its_clock_too(open_store: Callable[..., Store]) -> None:
    store = open_store()
    case = CaseService(store).new_case(complaint="x")
    ahead = _now_ms() + HOUR_MS
    _apply(store, [_pulled_event(case.id, "ahead", ahead)])
    store.close()
    assert parse_hlc(open_store(readonly=True).clock.now())[0] >= ahead


def test_observe_stamps_ignores_the_absurd(store: Store,
                                          caplog: pytest.LogCaptureFixture) -> None:
    now = _now_ms()
    with caplog.at_level(logging.WARNING, logger="desk.store"):
        store.observe_stamps([format_hlc(now + HOUR_MS, 3, "a"),
                              format_hlc(now + 30 * 24 * HOUR_MS, 0, "b")])
    stamp = parse_hlc(store.clock.now())[0]
    assert now + HOUR_MS <= stamp < now + 24 * HOUR_MS
    assert "more than a day ahead" in caplog.text


def test_a_damaged_stamp_is_skipped(open_store: Callable[..., Store]) -> None:
    """A stamp edited by hand into something that still sorts among the good ones (no
    counter, no device) is passed over; the largest good one seeds the clock."""
    store = open_store()
    case = CaseService(store).new_case(complaint="x")
    now = _now_ms()
    _apply(store, [_pulled_event(case.id, "good", now + HOUR_MS)])
    damaged = f"{now + 2 * HOUR_MS:013d}garbage"
    store.call(lambda conn: conn.execute(
        "INSERT INTO events(id, entity, entity_id, field, value, hlc, device, at)"
        " VALUES (?, 'case', ?, 'complaint', '\"?\"', ?, 'x', '2024-03-01T09:00:00Z')",
        (str(uuid.uuid4()), case.id, damaged)))
    store.close()
    stamp = parse_hlc(open_store().clock.now())[0]
    assert now + HOUR_MS <= stamp < now + 2 * HOUR_MS
