"""Converter (split, average, streaming resample), the callback queue, and voice activity."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from desk.audio import (
    LAYOUTS,
    RATE,
    AudioError,
    BlockQueue,
    Converter,
    Gap,
    Vad,
    layout,
    mono_layouts,
    to_mono16k,
)
from desk.audio.vad import FRAME_SAMPLES, Hangover, smooth
from desk.events import AGENT, CALLER
from tests import synth
from tests.pulse import chirp, corr, dominant_hz, tone

# --- Converter ----------------------------------------------------------------------------------


def _chunked(conv: Converter, frames: np.ndarray, sizes: list[int]) -> dict[str, np.ndarray]:
    parts: dict[str, list[np.ndarray]] = {n: [] for n in conv.names}
    i = 0
    for size in sizes:
        for k, v in conv.process(frames[i: i + size]).items():
            parts[k].append(v)
        i += size
    assert i >= frames.shape[0]
    for k, v in conv.flush().items():
        parts[k].append(v)
    return {k: np.concatenate(v) for k, v in parts.items()}


@pytest.mark.parametrize("rate", [8000, 16000, 22050, 44100, 48000])
def test_output_does_not_depend_on_chunking(rate: int) -> None:
    rng = np.random.default_rng(rate)
    frames = (rng.standard_normal((rate * 3, 2)) * 0.1).astype(np.float32)
    cmap = {CALLER: (1,), AGENT: (0,)}
    whole = _chunked(Converter(rate, 2, cmap), frames, [frames.shape[0]])
    sizes = [int(s) for s in rng.integers(1, rate // 5, size=400)]
    while sum(sizes) < frames.shape[0]:
        sizes.append(rate)
    tiny = [1, 2, 3, 5, 7] * 10 + sizes  # single frames too
    for pattern in (sizes, tiny, [rate // 10] * 31):
        cut = _chunked(Converter(rate, 2, cmap), frames, pattern)
        for k in cmap:
            assert cut[k].shape == whole[k].shape
            np.testing.assert_allclose(cut[k], whole[k], rtol=0, atol=1e-7)
    assert whole[CALLER].size == round(frames.shape[0] * RATE / rate)


def test_stereo_line_in_is_split_per_party() -> None:
    """Call-recording adapter: left agent at 440 Hz, right caller at 1000 Hz, 48 kHz."""
    left, right = tone(440, 1.0, rate=48000), tone(1000, 1.0, rate=48000)
    stereo = np.stack([left, right], axis=1)
    out = to_mono16k(stereo, 48000, layout("left_agent_right_caller", 2))
    assert dominant_hz(out[AGENT]) == pytest.approx(440, abs=2)
    assert dominant_hz(out[CALLER]) == pytest.approx(1000, abs=2)
    swapped = to_mono16k(stereo, 48000, layout("left_caller_right_agent", 2))
    np.testing.assert_array_equal(swapped[CALLER], out[AGENT])


def test_mix_averages_channels() -> None:
    x = chirp(rate=44100)
    same = to_mono16k(np.stack([x, x], axis=1), 44100, layout("mix", 2))[CALLER]
    mono = to_mono16k(x, 44100, {CALLER: (0,)})[CALLER]
    np.testing.assert_allclose(same, mono, atol=1e-6)
    cancel = to_mono16k(np.stack([x, -x], axis=1), 44100, layout("mix", 2))[CALLER]
    assert np.abs(cancel).max() < 1e-6


def test_16k_input_passes_through_unchanged() -> None:
    x = chirp()
    out = to_mono16k(x.reshape(-1, 1), RATE, {AGENT: (0,)})
    np.testing.assert_array_equal(out[AGENT], x)


def test_int16_frames_are_accepted_as_float() -> None:
    conv = Converter(RATE, 1, {CALLER: (0,)})
    out = conv.process((chirp() * 32767).astype(np.int16).reshape(-1, 1))[CALLER]
    assert out.dtype == np.float32
    assert corr(out, chirp()) > 0.99999


def test_layouts() -> None:
    assert mono_layouts(1) == {"mix": {CALLER: (0,)}}
    assert set(mono_layouts(2)) == set(LAYOUTS)
    assert mono_layouts(2)["mix"] == {CALLER: (0, 1)}
    assert mono_layouts(1, role=AGENT) == {"mix": {AGENT: (0,)}}
    assert layout("left_agent_right_caller", 2) == {AGENT: (0,), CALLER: (1,)}


@pytest.mark.parametrize(("cmap", "channels"), [
    ({CALLER: (2,)}, 2), ({CALLER: (0,), "customer": (1,)}, 2), ({CALLER: ()}, 1), ({}, 1),
    ({CALLER: (-1,)}, 2)])
def test_map_that_does_not_fit_is_unsupported(cmap: dict[str, tuple[int, ...]],
                                              channels: int) -> None:
    with pytest.raises(AudioError) as info:
        Converter(48000, channels, cmap)
    assert info.value.code == "unsupported"


def test_split_layout_on_mono_is_unsupported() -> None:
    with pytest.raises(AudioError) as info:
        layout("left_agent_right_caller", 1)
    assert info.value.code == "unsupported"
    with pytest.raises(AudioError):
        layout("surround", 2)


def test_wrong_frame_shape_is_a_programming_error() -> None:
    conv = Converter(48000, 2, {CALLER: (0, 1)})
    with pytest.raises(ValueError):
        conv.process(np.zeros((10, 3), np.float32))


# --- BlockQueue ---------------------------------------------------------------------------------


def test_queue_drops_and_counts_when_full() -> None:
    q = BlockQueue(3)
    blocks = [np.full((100, 2), i, np.float32) for i in range(5)]
    assert [q.put_nowait(b) for b in blocks] == [True, True, True, False, False]
    assert q.dropped_frames == 200 and q.frames_put == 300 and len(q) == 3
    got = [q.get(0) for _ in range(4)]
    assert [float(g[0, 0]) for g in got[:3] if isinstance(g, np.ndarray)] == [0, 1, 2]
    assert got[3] is None


def test_queue_copies_the_callback_buffer() -> None:
    q = BlockQueue(2)
    buf = np.ones((4, 1), np.float32)
    q.put_nowait(buf)
    buf[:] = 7  # PortAudio reuses its buffer
    item = q.get(0)
    assert isinstance(item, np.ndarray) and float(item.max()) == 1.0


def test_overflow_becomes_a_gap_before_the_next_block() -> None:
    q = BlockQueue(1, rate=1000)
    q.put_nowait(np.zeros((100, 1), np.float32))
    q.put_nowait(np.zeros((250, 1), np.float32))  # dropped
    q.put_nowait(np.zeros((50, 1), np.float32))   # dropped
    assert isinstance(q.get(0), np.ndarray)
    q.put_nowait(np.ones((100, 1), np.float32))
    assert q.get(0) == Gap(0.3, "overflow")
    assert isinstance(q.get(0), np.ndarray)


def test_gaps_are_never_dropped() -> None:
    q = BlockQueue(1)
    q.put_nowait(np.zeros((10, 1), np.float32))
    q.put_gap(Gap(1.5))
    assert len(q) == 1
    assert isinstance(q.get(0), np.ndarray)
    assert q.get(0) == Gap(1.5, "lost")


def test_get_waits_for_a_producer_thread() -> None:
    q = BlockQueue(50)
    total = 2000

    def produce() -> None:
        for _ in range(total):
            q.put_nowait(np.zeros((10, 1), np.float32))

    t = threading.Thread(target=produce)
    t.start()
    got = 0
    while True:
        item = q.get(timeout=0.5)
        if item is None:
            break
        got += 1
    t.join()
    assert got * 10 == q.frames_put
    assert q.frames_put + q.dropped_frames == total * 10


def test_get_times_out_with_none() -> None:
    assert BlockQueue(1).get(timeout=0.01) is None


# --- VAD ----------------------------------------------------------------------------------------


def test_vad_silence_and_speech() -> None:
    clip = synth.say(synth.KO_SENTENCES[2], synth.CALM)
    pause = synth.silence(1.0)
    audio = np.concatenate([pause, clip, pause])
    vad = Vad(2)
    raw = vad.frames(audio)
    assert len(raw) == audio.size // FRAME_SAMPLES
    n_pause = pause.size // FRAME_SAMPLES
    assert not any(raw[:n_pause])
    assert not any(raw[-n_pause + 1:])
    speech = raw[n_pause: n_pause + clip.size // FRAME_SAMPLES]
    assert sum(speech) / len(speech) > 0.5
    smoothed = smooth(raw)
    voiced = smoothed[n_pause: n_pause + clip.size // FRAME_SAMPLES]
    assert sum(voiced) >= sum(speech)
    assert not any(smoothed[:n_pause])
    assert not any(smoothed[-n_pause + 15:])  # hangover (10 frames) then silence


def test_vad_gaps_inside_speech_are_bridged() -> None:
    """180 ms holes cut into a sentence every 0.5 s stay speech after smoothing; the 600 ms
    pause between two sentences does not (less the 200 ms hangover)."""
    clip = synth.say(synth.KO_SENTENCES[0], synth.CALM)
    holed: list[np.ndarray] = []
    for i in range(0, clip.size, RATE // 2):
        holed += [clip[i: i + RATE // 2], synth.silence(0.18)]
    audio = np.concatenate([*holed, synth.silence(0.6), clip])
    raw = Vad(3).frames(audio)
    raw_runs, smooth_runs = _unvoiced_runs(raw), _unvoiced_runs(smooth(raw))
    assert sum(1 for r in raw_runs[:-2] if 3 <= r <= 9) >= 5, raw_runs  # the holes, raw
    # smoothed: the onset run at the start, the pause, the clip's own trailing silence
    assert len(smooth_runs) == 3, smooth_runs
    assert smooth_runs[1] >= 30 + 9 - 10, smooth_runs  # pause + hole + clip tail - hangover


def _unvoiced_runs(flags: list[bool]) -> list[int]:
    runs, n = [], 0
    for f in flags:
        if f:
            if n:
                runs.append(n)
            n = 0
        else:
            n += 1
    return runs + ([n] if n else [])


def test_vad_keeps_the_remainder_between_calls() -> None:
    audio = synth.speech(synth.CALM, 3.0)
    whole = Vad(2).frames(audio)
    vad = Vad(2)
    rng = np.random.default_rng(3)
    flags: list[bool] = []
    i = 0
    while i < audio.size:
        n = int(rng.integers(1, 900))
        flags += vad.frames(audio[i: i + n])
        i += n
    assert flags == whole
    streamed = Vad(2)
    assert streamed.voiced(audio[:5000]) + streamed.voiced(audio[5000:]) == smooth(whole)


def test_hangover_rules() -> None:
    h = Hangover(hang=3, onset=2)
    assert h.push([True, False, False]) == [False, False, False]        # a click
    assert h.push([True, True, False, False, True]) == [False, True, True, True, True]
    assert h.push([False] * 5) == [True, True, True, False, False]
    with pytest.raises(ValueError):
        Vad(4)
