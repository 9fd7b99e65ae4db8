"""CurveBuffer and MarkBuffer: the bounded buffers behind the live agitation plot."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from desk.curve import DEFAULT_CAPACITY, CurveBuffer, Mark, MarkBuffer, mark_of
from desk.events import AGENT, BANDS, CALLER, CONTRIBUTIONS, AgitationSample, Cue, StepHeard


def sample(t: float, score: float | None = None, channel: str = CALLER) -> AgitationSample:
    score = t % 100 if score is None else score
    band = BANDS[min(3, int(score // 25))]
    contrib = (("loudness", score * 0.5), ("words", score * 0.3), ("pitch", score * 0.2))
    return AgitationSample(channel, t, score, band, contrib, voiced=int(t * 10) % 7 != 0)


def stream(n: int, start: float = 0.0) -> list[AgitationSample]:
    return [sample(round(start + i * 0.1, 1)) for i in range(n)]


def test_window_is_in_time_order_and_inclusive() -> None:
    buf = CurveBuffer(capacity=100)
    buf.extend(stream(50))
    t, score = buf.window(1.0, 2.0)
    assert t.tolist() == pytest.approx([round(1.0 + i * 0.1, 1) for i in range(11)])
    assert score.dtype == np.float32
    assert score.tolist() == pytest.approx(t.tolist(), abs=1e-4)
    assert len(buf) == 50


def test_wrap_around_keeps_the_newest_capacity_samples() -> None:
    buf = CurveBuffer(capacity=30)
    for s in stream(95):              # one at a time, as the live call delivers them
        buf.append(s)
    assert len(buf) == 30
    t, _ = buf.all()
    assert t[0] == pytest.approx(6.5) and t[-1] == pytest.approx(9.4)
    assert np.all(np.diff(t) > 0)
    assert buf.first_t() == pytest.approx(6.5) and buf.last_t() == pytest.approx(9.4)


def test_window_across_the_wrap_point() -> None:
    buf = CurveBuffer(capacity=30)
    buf.extend(stream(45))            # physical write position wrapped at sample 30
    t, score = buf.window(2.0, 4.0)
    expected = [round(2.0 + i * 0.1, 1) for i in range(21)]
    assert t.tolist() == pytest.approx(expected)
    assert score.tolist() == pytest.approx(expected, abs=1e-4)
    # a window reaching before the oldest sample held starts at the oldest
    t, _ = buf.window(0.0, 1.6)
    assert t.tolist() == pytest.approx([1.5, 1.6])
    assert buf.window(100.0, 200.0)[0].size == 0


def test_window_returns_copies() -> None:
    buf = CurveBuffer(capacity=10)
    buf.extend(stream(10))
    t, _ = buf.window(0.0, 1.0)
    buf.extend(stream(10, start=5.0))
    assert t[0] == pytest.approx(0.0)


def test_nearest_and_last() -> None:
    buf = CurveBuffer(capacity=50)
    assert buf.nearest(1.0) is None and buf.last() is None
    buf.extend(stream(20))
    assert buf.nearest(0.74).t == pytest.approx(0.7)
    assert buf.nearest(0.76).t == pytest.approx(0.8)
    assert buf.nearest(-5).t == pytest.approx(0.0)
    assert buf.nearest(99).t == pytest.approx(1.9)
    assert buf.last().t == pytest.approx(1.9)


def test_contributions_band_and_voiced_round_trip() -> None:
    buf = CurveBuffer(capacity=8, channel=AGENT)
    originals = [sample(t, score, AGENT) for t, score in
                 [(0.0, 10.0), (0.1, 30.0), (0.2, 60.0), (0.3, 90.0), (0.7, 42.0)]]
    for s in originals:
        buf.append(s)
    for s in originals:
        back = buf.nearest(s.t)
        assert back is not None
        assert back.channel == AGENT and back.band == s.band and back.voiced == s.voiced
        assert back.score == pytest.approx(s.score, abs=1e-4)
        assert [name for name, _ in back.contributions] == list(CONTRIBUTIONS)
        for name in CONTRIBUTIONS:
            assert back.contribution(name) == pytest.approx(s.contribution(name), abs=1e-4)


def test_bulk_extend_equals_one_by_one() -> None:
    one, bulk = CurveBuffer(capacity=64), CurveBuffer(capacity=64)
    data = stream(150)
    data.insert(70, sample(1.0))     # out of order: dropped by both
    for s in data:
        one.append(s)
    assert bulk.extend(data) == 150
    assert one.out_of_order == bulk.out_of_order == 1
    for a, b in zip(one.all(), bulk.all(), strict=True):
        assert a.tolist() == b.tolist()
    assert one.nearest(10.0) == bulk.nearest(10.0)


def test_out_of_order_sample_is_dropped_and_counted() -> None:
    buf = CurveBuffer(capacity=10)
    buf.extend(stream(5))
    assert buf.append(sample(0.2)) is False
    assert buf.append(sample(0.4)) is True      # same time as the newest: kept
    assert buf.out_of_order == 1 and len(buf) == 6


def test_unknown_names_do_not_break_it() -> None:
    buf = CurveBuffer(capacity=4)
    buf.append(AgitationSample(CALLER, 1.0, 50.0, "odd", (("volume", 9.0), ("pace", 3.0))))
    back = buf.last()
    assert back is not None and back.band == "" and back.contribution("pace") == pytest.approx(3)


def test_clear_empties_it() -> None:
    buf = CurveBuffer(capacity=10)
    buf.extend(stream(25))
    buf.clear()
    assert len(buf) == 0 and buf.last() is None and buf.window(0, 100)[0].size == 0
    buf.append(sample(0.0))     # a new call starts again at 0
    assert len(buf) == 1


def test_from_samples_fits_a_whole_call() -> None:
    mixed = stream(300) + [sample(i * 0.1, 5.0, AGENT) for i in range(40)]
    buf = CurveBuffer.from_samples(mixed, CALLER)
    assert len(buf) == buf.capacity == 300
    assert CurveBuffer.from_samples(mixed, AGENT).capacity == 40
    assert len(CurveBuffer.from_samples([], CALLER)) == 0


def test_two_hour_stream_keeps_memory_and_window_size_fixed() -> None:
    buf = CurveBuffer()
    per_second = 10
    buf.extend(stream(DEFAULT_CAPACITY))
    nbytes = buf.nbytes
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        t = DEFAULT_CAPACITY / per_second
        for _minute in range(120):                   # two hours, in one-second batches
            for _second in range(60):
                buf.extend([sample(round(t + i * 0.1, 1)) for i in range(per_second)])
                t += 1.0
            w_t, _ = buf.window(t - 120.0, t)
            assert w_t.size == 1200
        del w_t
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert buf.nbytes == nbytes and len(buf) == DEFAULT_CAPACITY
    assert grown < 64 * 1024, f"buffer grew by {grown} bytes over two hours"
    assert buf.last_t() == pytest.approx(t - 0.1)


def test_marks_sorted_windowed_and_bounded() -> None:
    marks = MarkBuffer(capacity=5)
    for t in (10.0, 40.0, 20.0, 30.0):           # a late cue is inserted in its place
        marks.add(Mark(t, "trap", "sorry_but"))
    assert [m.t for m in marks.all()] == [10.0, 20.0, 30.0, 40.0]
    assert [m.t for m in marks.window(15.0, 30.0)] == [20.0, 30.0]
    marks.extend(Mark(50.0 + i, "step", "C") for i in range(3))
    assert len(marks) == 5 and marks.all()[0].t == 30.0
    marks.clear()
    assert len(marks) == 0 and list(marks.window(0, 1e9)) == []


def test_mark_of_events() -> None:
    assert mark_of(StepHeard(AGENT, 3.0, "A", "A.apology", "sorry")) == Mark(
        3.0, "step", "A", "sorry", AGENT)
    assert mark_of(Cue(CALLER, 4.0, "escalation", "lawyer", "my lawyer")) == Mark(
        4.0, "escalation", "lawyer", "my lawyer", CALLER)
    assert mark_of(StepHeard(AGENT, 5.0, "R", "manual")) == Mark(5.0, "tick", "R", "", AGENT)
    assert mark_of(sample(1.0)) is None
