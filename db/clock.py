"""Identifiers and clocks for rows that sync: UUIDv7 and a hybrid logical clock.

An HLC stamp is a string ``"<ms:013d>-<counter:05d>-<device>"`` that sorts in
causal order: compare two stamps as strings.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import uuid6

MAX_COUNTER = 99_999  # the counter is formatted with five digits
# How far ahead of this computer's time a stamp is believed. A stamp further ahead is not
# observed by a workstation (it would drag every later local stamp along) and is refused by
# the server (a clock set years ahead would win every field edit for good).
MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000


def new_id() -> str:
    """A UUIDv7 (time ordered) made on this device."""
    return str(uuid6.uuid7())


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    ms, counter, device = stamp.split("-", 2)
    return int(ms), int(counter), device


def format_hlc(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}-{counter:05d}-{device}"


class HybridClock:
    """Hybrid logical clock for one device. Thread-safe."""

    def __init__(self, device: str, now_ms: Callable[[], int] | None = None) -> None:
        if not device or "-" in device:
            raise ValueError("device id must be non-empty and contain no '-'")
        self.device = device
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._ms = 0
        self._counter = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        """A stamp greater than every stamp made or seen before."""
        with self._lock:
            wall = self._now_ms()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            elif self._counter >= MAX_COUNTER:
                # Five digits must keep sorting as text: carry into the milliseconds.
                self._ms, self._counter = self._ms + 1, 0
            else:
                self._counter += 1
            return format_hlc(self._ms, self._counter, self.device)

    def observe(self, stamp: str) -> None:
        """Merge a stamp received from elsewhere, so later local stamps sort after it."""
        ms, counter, _ = parse_hlc(stamp)
        with self._lock:
            if ms > self._ms or (ms == self._ms and counter > self._counter):
                self._ms, self._counter = ms, counter
