"""A live call through the real device path: a private PulseAudio server, a null sink, paplay
into it, LiveCall recording its monitor through sounddevice, the pipeline, the listeners."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest

from desk.analyze import analyze_file
from desk.call import LiveCall, SourceSpec
from desk.events import CALLER, AgitationSample, Event, SourceStatus, TranscriptSegment
from desk.speech import ModelLoader, find_models
from tests import synth
from tests.pulse import NullSink, null_sink, pulse_server

__all__ = ["null_sink", "pulse_server"]  # fixtures, used by name

# Live and analyze see the same audio, but the live copy went through paplay's and our
# resampling and starts at an arbitrary point of a 20 ms frame: the curves agree this closely.
MEAN_DIFF_MAX = 4.0    # points, mean absolute difference over the aligned curves
P95_DIFF_MAX = 12.0    # points, 95th percentile


class Collector:
    """Listener: keeps every event; lets the test wait for a condition (no sleeping)."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.cond = threading.Condition()

    def __call__(self, ev: Event) -> None:
        with self.cond:
            self.events.append(ev)
            self.cond.notify_all()

    def wait(self, pred, timeout: float, what: str):
        with self.cond:
            if not self.cond.wait_for(lambda: pred(self.events), timeout):
                raise AssertionError(f"no {what} in {timeout} s; statuses: "
                                     f"{[(e.code, e.detail) for e in self.statuses()]}")

    def samples(self) -> list[AgitationSample]:
        with self.cond:
            return [e for e in self.events if isinstance(e, AgitationSample)]

    def statuses(self) -> list[SourceStatus]:
        return [e for e in self.events if isinstance(e, SourceStatus)]


def has_status(code: str):
    return lambda evs: any(isinstance(e, SourceStatus) and e.code == code for e in evs)


@pytest.fixture(scope="module")
def call_wav(tmp_path_factory) -> tuple[Path, float, float]:
    audio, (rise, fall) = synth.calm_agitated_calm(calm1=24, agitated=12, calm2=10)
    audio = np.concatenate([audio, synth.silence(1.0)])
    path = synth.write_wav(tmp_path_factory.mktemp("live") / "call.wav", audio, rate=44100)
    return path, rise, fall


def align(live: np.ndarray, ref: np.ndarray, max_lag: int = 60) -> int:
    """The lag (samples of 0.1 s) that best lines the live curve up with the reference."""
    best, best_err = 0, float("inf")
    for lag in range(max_lag):
        n = min(ref.size, live.size - lag)
        err = float(np.mean(np.abs(live[lag: lag + n] - ref[:n])))
        if err < best_err:
            best, best_err = lag, err
    return best


def test_live_call_draws_the_curve_analyze_draws(null_sink: NullSink, call_wav) -> None:
    path, rise, _fall = call_wav
    ref = analyze_file(path)
    got = Collector()
    call = LiveCall([SourceSpec(null_sink.monitor, {CALLER: (0, 1)})], [got])
    call.start()
    try:
        got.wait(has_status("started"), 10, "started status")
        player = null_sink.play(path)
        assert player.wait(timeout=120) == 0, null_sink.server.paplay_log(player)
        end = ref.duration + 0.5
        got.wait(lambda evs: any(isinstance(e, AgitationSample) and e.t > end for e in evs),
                 30, "curve past the end of the recording")
    finally:
        call.stop()
    live = np.array([s.score for s in got.samples()])
    want = np.array([s.score for s in ref.curve])
    lag = align(live, want)
    diff = np.abs(live[lag: lag + want.size] - want[: live.size - lag])
    assert float(diff.mean()) < MEAN_DIFF_MAX, (lag, diff.mean())
    assert float(np.percentile(diff, 95)) < P95_DIFF_MAX
    assert max(live) > 60 and live[lag + int(10 * (rise - 2))] < 30   # and it is a real curve
    assert call.sources[0].queue.dropped_frames == 0


def test_losing_the_device_keeps_the_call_and_resumes(null_sink: NullSink, call_wav) -> None:
    path, _, _ = call_wav
    got = Collector()
    call = LiveCall([SourceSpec(null_sink.monitor, {CALLER: (0, 1)})], [got])
    call.start()
    try:
        player = null_sink.play(path)
        got.wait(lambda evs: sum(isinstance(e, AgitationSample) and e.voiced
                                 for e in evs) > 30, 20, "voiced samples")
        null_sink.unload()
        got.wait(has_status("lost"), 10, "lost status")
        player.wait(timeout=10)
        before = got.samples()
        lost_at = next(s.t for s in got.statuses() if s.code == "lost")
        # what was heard until the loss is all there, up to the last block
        assert before and before[-1].t >= lost_at - 1.0
        assert [s.t for s in before] == sorted(s.t for s in before)
        null_sink.load()
        got.wait(has_status("resumed"), 15, "resumed status")
        n = len(got.samples())
        got.wait(lambda evs: sum(isinstance(e, AgitationSample) for e in evs) > n + 10, 10,
                 "samples after resuming")
    finally:
        call.stop()
    after = got.samples()
    assert after[: len(before)] == before                       # nothing was dropped...
    times = [s.t for s in after]
    assert times == sorted(times)
    resumed_at = next(s.t for s in got.statuses() if s.code == "resumed")
    # ...and the clock moved on by the time the device was away (a Gap), not restarted
    assert after[-1].t >= resumed_at - 1.0
    codes = [s.code for s in got.statuses()]
    assert codes.index("lost") < codes.index("resumed")


def test_the_model_loads_in_the_background_and_words_arrive(null_sink: NullSink,
                                                            call_wav) -> None:
    path, _, _ = call_wav
    info = next(m for m in find_models() if m.lang == "ko" and m.source == "package")
    loader = ModelLoader()
    got = Collector()
    call = LiveCall([SourceSpec(null_sink.monitor, {CALLER: (0, 1)})], [got],
                    model_loader=loader)
    call.start()
    try:
        player = null_sink.play(path)
        # the call listens (acoustic only) before there is a model...
        got.wait(lambda evs: sum(isinstance(e, AgitationSample) and e.voiced
                                 for e in evs) > 20, 20, "voiced samples")
        assert not [e for e in got.events if isinstance(e, TranscriptSegment)]
        loader.start(info)       # ...and gets its words once the model is in
        got.wait(has_status("model_ready"), 30, "model_ready")
        got.wait(lambda evs: any(isinstance(e, TranscriptSegment) and e.final and e.words
                                 for e in evs), 40, "a final transcript segment")
        partial = [e for e in got.events if isinstance(e, TranscriptSegment) and not e.final]
        assert partial, "partials are shown while the caller speaks"
        player.terminate()
        player.wait(timeout=10)
    finally:
        call.stop()
        loader.close()
    assert call.info.model_lang == "ko"
    t_ready = next(s.t for s in got.statuses() if s.code == "model_ready")
    assert any(s.voiced and s.t < t_ready for s in got.samples())


def test_a_device_that_is_not_there_is_a_clear_error() -> None:
    from desk.audio import AudioError

    call_started = time.monotonic()
    with pytest.raises(AudioError) as err:
        LiveCall([SourceSpec("no-such-device-xyz", {CALLER: (0,)})], []).start()
    assert err.value.code == "device" and "no-such-device-xyz" in err.value.detail
    assert time.monotonic() - call_started < 10


def test_a_second_source_that_fails_leaves_nothing_running(null_sink: NullSink) -> None:
    """The thread-leak fixture fails this test if the first source or its worker survive."""
    from desk.audio import AudioError
    from desk.events import AGENT

    call = LiveCall([SourceSpec(null_sink.monitor, {CALLER: (0, 1)}),
                     SourceSpec("no-such-microphone", {AGENT: (0,)})], [])
    with pytest.raises(AudioError):
        call.start()
    assert not call.sources[0].running
