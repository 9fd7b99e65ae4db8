"""The real device path: a private PulseAudio server, a null sink, paplay into it, and
LiveSource recording the sink's monitor through sounddevice → PortAudio → ALSA ``pulse``."""

from __future__ import annotations

import itertools
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from desk.audio import RATE, AudioError, Converter, Gap, LiveSource, list_devices, pulse
from desk.events import AGENT, CALLER, SourceStatus
from tests import synth
from tests.pulse import NullSink, PulseServer, active_span, find, null_sink, pulse_server

__all__ = ["null_sink", "pulse_server"]  # fixtures, used by name

MIN_CORR = 0.95       # recorded vs played clip, after alignment
DURATION_TOL_S = 0.05


class Statuses:
    """Collects SourceStatus from the watchdog thread; the test waits on it."""

    def __init__(self) -> None:
        self.q: queue.Queue[SourceStatus] = queue.Queue()
        self.seen: list[SourceStatus] = []

    def __call__(self, status: SourceStatus) -> None:
        self.q.put(status)

    def wait(self, code: str, timeout: float = 5.0, nth: int = 1) -> SourceStatus:
        """The ``nth`` status with ``code`` (already seen or still to come)."""
        deadline = time.monotonic() + timeout
        while True:
            matching = [s for s in self.seen if s.code == code]
            if len(matching) >= nth:
                return matching[nth - 1]
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {code!r} status #{nth} in {timeout} s; saw "
                                     f"{[(s.code, s.detail) for s in self.seen]}")
            try:
                self.seen.append(self.q.get(timeout=left))
            except queue.Empty:
                continue

    def codes(self) -> list[str]:
        while True:
            try:
                self.seen.append(self.q.get_nowait())
            except queue.Empty:
                return [s.code for s in self.seen]


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.02)


class Recorder:
    """Reads a LiveSource's queue through a Converter, like the analysis worker does."""

    def __init__(self, src: LiveSource) -> None:
        self.conv = Converter(src.rate, src.channels, src.channel_map)
        self.src = src
        self.parts: dict[str, list[np.ndarray]] = {k: [] for k in src.channel_map}
        self.gaps: list[Gap] = []
        self.samples = 0  # device frames taken from the queue

    def pump(self, timeout: float = 0.2) -> None:
        item = self.src.queue.get(timeout)
        if isinstance(item, Gap):
            self.gaps.append(item)
        elif item is not None:
            for k, v in self.conv.process(item).items():
                self.parts[k].append(v)
            self.samples += item.shape[0]

    def audio(self, name: str) -> np.ndarray:
        return np.concatenate(self.parts[name]) if self.parts[name] else np.zeros(0, np.float32)


def warm_up(rec: Recorder) -> None:
    """Wait for the first block. A fresh null sink wakes up only after its 2 s idle period and
    then renders everything queued at once, more than the capture buffer holds: audio played
    before the monitor delivers its first block is partly lost (a real sink behaves the same
    way when it leaves suspend)."""
    deadline = time.monotonic() + 10
    while rec.samples == 0:
        assert time.monotonic() < deadline, "the monitor delivered nothing in 10 s"
        rec.pump()


@pytest.fixture
def clip_wav(tmp_path: Path) -> tuple[np.ndarray, Path]:
    # Lead-in silence: PulseAudio skips the first ~90 ms of a new stream into a running null
    # sink (it cannot rewind what the monitor already sent); the lead-in absorbs that.
    clip = np.concatenate([synth.silence(0.3), synth.speech(synth.AGITATED, 1.5),
                           synth.silence(0.2)])
    return clip, synth.write_wav(tmp_path / "clip.wav", clip)


def test_list_devices_shows_the_null_sinks_monitor(null_sink: NullSink) -> None:
    devices = {d.name: d for d in list_devices()}
    mon = devices[null_sink.monitor]
    assert (mon.kind, mon.channels, mon.default_rate, mon.host_api) == (
        "monitor", 2, 48000.0, "PulseAudio")
    assert "pulse" in devices  # PortAudio's ALSA device reaching the server


def test_records_a_clip_played_into_the_null_sink(
        null_sink: NullSink, clip_wav: tuple[np.ndarray, Path]) -> None:
    clip, wav = clip_wav
    status = Statuses()
    src = LiveSource(null_sink.monitor, {CALLER: (0, 1)}, status)
    src.start()
    try:
        assert (src.name, src.rate, src.channels) == (null_sink.monitor, 48000.0, 2)
        assert status.wait("started").channel == CALLER
        rec = Recorder(src)
        warm_up(rec)
        player = null_sink.play(wav)
        deadline = time.monotonic() + 30
        while player.poll() is None and time.monotonic() < deadline:
            rec.pump()
        assert player.wait(5) == 0, null_sink.server.paplay_log(player)
        # paplay returns once the server has the whole clip: record another second after it.
        until = rec.conv.samples_out + RATE
        while rec.conv.samples_out < until and time.monotonic() < deadline:
            rec.pump()
    finally:
        src.stop()
    assert status.codes()[-1] == "ended"
    got = rec.audio(CALLER)
    lag, c = find(clip, got)
    assert c >= MIN_CORR, c
    segment = got[lag: lag + clip.size]
    assert active_span(segment) == pytest.approx(active_span(clip), abs=DURATION_TOL_S)
    assert np.sqrt((segment ** 2).mean()) == pytest.approx(np.sqrt((clip ** 2).mean()), rel=0.1)
    assert src.queue.dropped_frames == 0


def test_line_in_split_on_a_live_stream(null_sink: NullSink, tmp_path: Path) -> None:
    """Stereo into the sink, the monitor split left agent / right caller."""
    agent = synth.say(synth.KO_SENTENCES[1], synth.CALM)
    caller = synth.say(synth.KO_SENTENCES[4], synth.AGITATED)
    lead = RATE * 3 // 10  # see clip_wav
    n = lead + max(agent.size, caller.size) + RATE // 5
    stereo = np.zeros((n, 2), np.float32)
    stereo[lead: lead + agent.size, 0] = agent
    stereo[lead: lead + caller.size, 1] = caller
    wav = tmp_path / "stereo.wav"
    sf.write(wav, stereo, RATE)
    status = Statuses()
    with LiveSource(null_sink.monitor, {AGENT: (0,), CALLER: (1,)}, status) as src:
        rec = Recorder(src)
        warm_up(rec)
        player = null_sink.play(wav)
        deadline = time.monotonic() + 30
        while player.poll() is None and time.monotonic() < deadline:
            rec.pump()
        until = rec.conv.samples_out + RATE
        while rec.conv.samples_out < until and time.monotonic() < deadline:
            rec.pump()
    assert status.codes()[:2] == ["started", "started"]
    assert [s.channel for s in status.seen[:2]] == [AGENT, CALLER]
    assert find(agent, rec.audio(AGENT))[1] >= MIN_CORR
    assert find(caller, rec.audio(CALLER))[1] >= MIN_CORR
    assert find(caller, rec.audio(AGENT))[1] < 0.3  # no crosstalk


@pytest.mark.parametrize("other_source", [False, True], ids=["killed", "moved"])
def test_device_lost_and_back(null_sink: NullSink, pulse_server: PulseServer,
                              other_source: bool) -> None:
    """Unload the sink while recording: ``lost`` (PulseAudio kills the stream when no source is
    left, or silently moves it to another source), the blocks so far stay queued, ``retrying``
    once, and after the sink is back ``resumed`` and a Gap for the time away."""
    other = NullSink(pulse_server, f"{null_sink.name}_other", 44100, 2, loaded=False)
    if other_source:
        other.load()
    status = Statuses()
    src = LiveSource(null_sink.monitor, {CALLER: (0, 1)}, status, block_ms=50)
    src.start()
    try:
        wait_until(lambda: src.queue.queued_frames() >= src.rate * 0.3, 10, "audio to flow")
        null_sink.unload()
        lost = status.wait("lost", 5)
        assert null_sink.monitor in lost.detail or "stream" in lost.detail, lost.detail
        queued = src.queue.queued_frames()
        assert queued >= src.rate * 0.3  # nothing recorded so far is thrown away
        status.wait("retrying", 5)
        null_sink.load()
        resumed = status.wait("resumed", 5)
        away = resumed.t - lost.t
        rec = Recorder(src)
        wait_until(lambda: (rec.pump(0.05), any(g.reason == "lost" for g in rec.gaps))[1],
                   10, "a Gap(lost) after the queued blocks")
    finally:
        src.stop()
        if other.loaded:
            other.unload()
    codes = status.codes()
    assert codes.count("lost") == 1 and codes.count("retrying") == 1, codes
    assert codes.count("resumed") == 1 and codes[-1] == "ended", codes
    gap = next(g for g in rec.gaps if g.reason == "lost")
    assert rec.samples == queued  # the blocks from before the loss, then the Gap
    # statuses are stamped when they are emitted, which can lag the stream's own start by a
    # few hundred ms on a busy machine (seen with two benchmarks running beside the suite)
    assert away - 0.5 <= gap.seconds <= away + 1.0, (gap, away)


def test_stream_moved_to_another_source_is_lost(null_sink: NullSink,
                                               pulse_server: PulseServer) -> None:
    """PulseAudio moves streams without telling the application (a user in pavucontrol, or
    the server when a source vanishes): recording the wrong party must not go unnoticed."""
    other = NullSink(pulse_server, f"{null_sink.name}_other", 44100, 2, loaded=False)
    other.load()
    status = Statuses()
    src = LiveSource(null_sink.monitor, {CALLER: (0, 1)}, status)
    src.start()
    try:
        outputs = pulse.list_source_outputs() or []
        ours = [o for o in outputs if o.prop("application.name") == "ClearDesk"]
        assert ours and ours[0].prop("cleardesk.stream")
        assert len(ours) == 1, outputs
        pulse_server.pactl("move-source-output", str(ours[0].index), other.monitor)
        lost = status.wait("lost", 3)
        assert lost.detail == f"the sound server moved the stream to {other.monitor}"
        status.wait("resumed", 4)  # our source is still there: back at the next retry
        assert "retrying" not in status.codes()
    finally:
        src.stop()
        other.unload()


def test_overflow_is_counted_and_reported_at_most_once_a_second(null_sink: NullSink) -> None:
    status = Statuses()
    src = LiveSource(null_sink.monitor, {CALLER: (0,)}, status, block_ms=20, queue_blocks=5)
    src.start()
    try:
        first = status.wait("overflow", 8)
        wait_until(lambda: src.queue.dropped_frames > first.dropped + src.rate, 8,
                   "another second of drops")
        second = status.wait("overflow", 3, nth=2)
        rec = Recorder(src)
        wait_until(lambda: (rec.pump(0.05), any(g.reason == "overflow" for g in rec.gaps))[1],
                   5, "a Gap(overflow)")
    finally:
        src.stop()
    overflows = [s for s in status.seen if s.code == "overflow"]
    assert second.dropped > first.dropped > 0
    assert all(b.t - a.t >= 0.99 for a, b in itertools.pairwise(overflows))
    gap = next(g for g in rec.gaps if g.reason == "overflow")
    # nothing was read before: the first Gap(overflow) covers every drop until the first read
    assert second.dropped / src.rate <= gap.seconds <= src.queue.dropped_frames / src.rate


def test_missing_device_fails_to_start(pulse_server: PulseServer) -> None:
    status = Statuses()
    src = LiveSource("no_such_sink.monitor", {CALLER: (0,)}, status)
    with pytest.raises(AudioError) as info:
        src.start()
    assert info.value.code == "device" and "no_such_sink.monitor" in info.value.detail
    assert status.codes() == []
    src.stop()  # harmless


def test_map_wider_than_the_device_is_unsupported(null_sink: NullSink) -> None:
    src = LiveSource(null_sink.monitor, {CALLER: (2,)}, Statuses())
    with pytest.raises(AudioError) as info:
        src.start()
    assert info.value.code == "unsupported"


def test_a_source_starts_once_and_stop_joins_its_threads(null_sink: NullSink) -> None:
    before = {t.name for t in threading.enumerate()}
    src = LiveSource(null_sink.monitor, {CALLER: (0,)}, Statuses())
    src.start()
    names = {t.name for t in threading.enumerate()} - before
    assert f"cleardesk-audio-{null_sink.monitor}" in names
    assert "cleardesk-pactl-subscribe" in names
    src.stop()
    assert {t.name for t in threading.enumerate()} - before == set()
    with pytest.raises(RuntimeError):
        src.start()
