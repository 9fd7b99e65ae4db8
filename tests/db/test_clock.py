"""UUIDv7 ids and the hybrid logical clock: stamps only go forward and sort as strings."""

from __future__ import annotations

import itertools
import threading
import time
import uuid

import pytest

from db.clock import HybridClock, format_hlc, new_id, parse_hlc


def _clock(readings: list[int], device: str = "dev1") -> HybridClock:
    it = iter(readings)
    last = [readings[0]]

    def now_ms() -> int:
        last[0] = next(it, last[0])
        return last[0]

    return HybridClock(device, now_ms)


def test_monotonic_when_the_wall_clock_goes_backwards() -> None:
    clock = _clock([5_000, 6_000, 4_000, 4_000, 1_000, 6_000, 6_001, 7_000])
    stamps = [clock.now() for _ in range(8)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 8
    assert parse_hlc(stamps[-1])[0] == 7_000  # caught up with the wall clock again


def test_stamps_keep_sorting_after_many_on_a_stopped_clock() -> None:
    clock = _clock([1_709_251_200_000])
    stamps = [clock.now() for _ in range(100_050)]
    assert all(a < b for a, b in itertools.pairwise(stamps))


def test_observe_makes_later_stamps_sort_after_the_remote_one() -> None:
    local = _clock([1_000])
    remote = format_hlc(50_000, 7, "remote")
    assert local.now() < remote
    local.observe(remote)
    assert remote < local.now() < local.now()


def test_observe_with_the_same_millisecond_and_a_higher_counter() -> None:
    local = _clock([1_000])
    local.now()
    remote = format_hlc(1_000, 42, "zzz")
    local.observe(remote)
    assert local.now() > remote


def test_stamps_sort_as_strings_in_causal_order() -> None:
    stamps = [format_hlc(ms, c, d) for ms in (9, 10, 1_000, 99_999_999_999)
              for c in (0, 9, 10, 99_999) for d in ("a", "b")]
    assert sorted(stamps) == sorted(stamps, key=parse_hlc)
    assert parse_hlc(format_hlc(12, 3, "dev")) == (12, 3, "dev")


def test_clock_is_thread_safe() -> None:
    clock = HybridClock("dev")
    out: list[str] = []

    def work() -> None:
        out.extend(clock.now() for _ in range(2_000))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(out)) == 8_000


@pytest.mark.parametrize("device", ["", "has-dash"])
def test_device_id_must_be_usable_in_a_stamp(device: str) -> None:
    with pytest.raises(ValueError):
        HybridClock(device)


def test_new_id_is_uuid7_and_sorts_by_time() -> None:
    before = time.time_ns() // 1_000_000
    ids = [new_id() for _ in range(2_000)]
    after = time.time_ns() // 1_000_000
    parsed = [uuid.UUID(i) for i in ids]
    assert {u.version for u in parsed} == {7}
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    ms = [u.int >> 80 for u in parsed]  # 48-bit Unix milliseconds at the front
    # uuid6 keeps ids in one millisecond ordered by moving the stamp on by 1 ms each.
    assert before <= ms[0] < ms[-1] <= ms[0] + (after - before) + len(ids)
