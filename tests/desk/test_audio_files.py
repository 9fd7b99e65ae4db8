"""Recorded calls from files: every common WAV layout reads and converts to the same 16 kHz
audio; broken files give an AudioError with a code and one line, never a traceback."""

from __future__ import annotations

import itertools
import os
import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import soxr

from desk.audio import RATE, AudioError, Converter, open_audio, to_mono16k
from desk.events import AGENT, CALLER
from tests import synth
from tests.pulse import chirp, corr, find, tone

RATES = (8000, 22050, 44100, 48000)
SUBTYPES = ("PCM_U8", "PCM_16", "PCM_24", "PCM_32", "FLOAT", "DOUBLE", "ALAW", "ULAW")
# Correlation with the 16 kHz reference after the round trip (resample up/down + quantise).
MIN_CORR = {"PCM_U8": 0.999, "ALAW": 0.999, "ULAW": 0.999}


def _convert_file(path: Path, channel_map: dict[str, tuple[int, ...]], block: int = 4096
                  ) -> dict[str, np.ndarray]:
    with open_audio(path) as audio:
        conv = Converter(audio.rate, audio.channels, channel_map)
        parts: dict[str, list[np.ndarray]] = {k: [] for k in channel_map}
        for frames in audio.blocks(block):
            for k, v in conv.process(frames).items():
                parts[k].append(v)
        for k, v in conv.flush().items():
            parts[k].append(v)
    return {k: np.concatenate(v) for k, v in parts.items()}


@pytest.mark.parametrize(("rate", "channels", "subtype"),
                         list(itertools.product(RATES, (1, 2), SUBTYPES)))
def test_wav_matrix_reads_and_converts_to_16k(tmp_path: Path, rate: int, channels: int,
                                              subtype: str) -> None:
    ref = chirp()
    other = -0.5 * ref
    stereo16 = np.stack([ref, other], axis=1) if channels == 2 else ref.reshape(-1, 1)
    at_rate = soxr.resample(stereo16, RATE, rate).astype(np.float32)
    path = tmp_path / f"x_{rate}_{channels}_{subtype}.wav"
    sf.write(path, at_rate, rate, subtype=subtype)

    with open_audio(path) as audio:
        assert (audio.rate, audio.channels, audio.frames) == (rate, channels, at_rate.shape[0])
        assert audio.format_name == f"WAV {subtype}"
        assert audio.duration == pytest.approx(ref.size / RATE, abs=1.5 / rate)
        assert not audio.truncated
        blocks = list(audio.blocks(1000))
        assert all(b.dtype == np.float32 and b.shape[1] == channels for b in blocks)
        assert sum(b.shape[0] for b in blocks) == audio.frames

    picks: dict[str, tuple[int, ...]] = ({CALLER: (0,)} if channels == 1
                                         else {CALLER: (0,), AGENT: (1,)})
    out = _convert_file(path, picks)
    expected_len = round(at_rate.shape[0] * RATE / rate)
    assert abs(out[CALLER].size - expected_len) <= 1
    assert abs(out[CALLER].size - ref.size) <= RATE // rate + 1
    lag, c = find(ref, np.concatenate([out[CALLER], np.zeros(64, np.float32)]))
    assert lag == 0
    assert c >= MIN_CORR.get(subtype, 0.9999), c
    if channels == 2:
        assert corr(other, out[AGENT]) >= MIN_CORR.get(subtype, 0.9999)


def test_espeak_clip_at_its_own_rate_matches_the_reference(tmp_path: Path) -> None:
    """espeak-ng writes 22.05 kHz; read + streamed conversion equals a one-shot resample."""
    wav = tmp_path / "say.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(wav), synth.KO_SENTENCES[0]],
                   check=True, capture_output=True)
    raw, raw_rate = sf.read(wav, dtype="float32")
    reference = soxr.resample(raw, raw_rate, RATE)
    out = _convert_file(wav, {CALLER: (0,)}, block=1234)[CALLER]
    assert out.size == reference.size
    assert corr(reference, out) > 0.99999
    assert np.abs(reference - out).max() < 1e-4


def test_wave_format_extensible_multichannel(tmp_path: Path) -> None:
    """5.1 WAVE_FORMAT_EXTENSIBLE at 48 kHz; a call-recorder map picks two of its channels."""
    n = 48000
    chans = [tone(200 + 150 * i, n / 48000, rate=48000) for i in range(6)]
    path = tmp_path / "six.wav"
    sf.write(path, np.stack(chans, axis=1), 48000, format="WAVEX", subtype="PCM_24")
    with open_audio(path) as audio:
        assert (audio.channels, audio.format_name) == (6, "WAVEX PCM_24")
    out = _convert_file(path, {AGENT: (2,), CALLER: (4, 5)})
    ref_agent = soxr.resample(chans[2], 48000, RATE)
    ref_caller = soxr.resample((chans[4] + chans[5]) / 2, 48000, RATE)
    assert corr(ref_agent, out[AGENT]) > 0.9999
    assert corr(ref_caller, out[CALLER]) > 0.9999


@pytest.mark.parametrize(("fmt", "subtype", "min_corr"), [
    ("FLAC", "PCM_16", 0.9999), ("FLAC", "PCM_24", 0.9999),
    ("OGG", "VORBIS", 0.99), ("MP3", "MPEG_LAYER_III", 0.99)])
def test_compressed_formats_libsndfile_reads(tmp_path: Path, fmt: str, subtype: str,
                                             min_corr: float) -> None:
    if fmt not in sf.available_formats():
        pytest.skip(f"this libsndfile has no {fmt}")
    ref = np.concatenate([chirp(), chirp(f0=3000, f1=300)])
    path = tmp_path / f"x.{fmt.lower()}"
    sf.write(path, soxr.resample(ref, RATE, 44100), 44100, format=fmt, subtype=subtype)
    with open_audio(path) as audio:
        assert audio.format_name == f"{fmt} {subtype}"
        assert audio.duration == pytest.approx(ref.size / RATE, abs=0.06)
        out = to_mono16k(audio.read_all(), 44100, {CALLER: (0,)})[CALLER]
    lag, c = find(ref, np.concatenate([out, np.zeros(2000, np.float32)]))
    assert lag <= 50 and c >= min_corr, (lag, c)


# --- broken and unusable files ----------------------------------------------------------------

def _good_wav(path: Path, seconds: float = 1.0) -> bytes:
    sf.write(path, tone(440, seconds), RATE, subtype="PCM_16")
    return path.read_bytes()


def _expect(path: Path, code: str) -> AudioError:
    with pytest.raises(AudioError) as info:
        open_audio(path)
    err = info.value
    assert err.code == code, (err.code, err.detail)
    assert err.detail and "\n" not in err.detail and "Traceback" not in err.detail
    assert len(err.detail) <= 300
    return err


def test_missing_file(tmp_path: Path) -> None:
    err = _expect(tmp_path / "nope.wav", "missing")
    assert "nope.wav" in err.detail


def test_zero_length_file(tmp_path: Path) -> None:
    path = tmp_path / "zero.wav"
    path.write_bytes(b"")
    _expect(path, "empty")


def test_valid_header_without_frames(tmp_path: Path) -> None:
    path = tmp_path / "silent.wav"
    sf.write(path, np.zeros((0, 1), np.float32), RATE)
    assert path.stat().st_size > 0
    _expect(path, "empty")


def test_header_promising_data_that_is_not_there_at_all(tmp_path: Path) -> None:
    path = tmp_path / "hdr.wav"
    data = _good_wav(tmp_path / "g.wav")
    path.write_bytes(data[:44])
    _expect(path, "empty")


def test_truncated_header(tmp_path: Path) -> None:
    path = tmp_path / "cut.wav"
    path.write_bytes(_good_wav(tmp_path / "g.wav")[:30])
    err = _expect(path, "unreadable")
    assert "cut.wav" in err.detail


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.wav"
    path.write_bytes(np.random.default_rng(7).bytes(8000))
    _expect(path, "unsupported")


def test_text_file_renamed_wav(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("Call notes: customer wants a refund.\n" * 40, encoding="utf-8")
    err = _expect(path, "unsupported")
    assert "not a recognised audio format" in err.detail


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    _expect(tmp_path, "unreadable")


def test_unknown_wav_codec_is_unsupported_not_broken(tmp_path: Path) -> None:
    """A WAV whose fmt chunk names a codec libsndfile has not got (0x0161: WMA)."""
    fmt = struct.pack("<HHIIHHH", 0x0161, 1, RATE, RATE * 2, 2, 16, 0)
    data = os.urandom(3200)
    body = (b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data"
            + struct.pack("<I", len(data)) + data)
    path = tmp_path / "wma.wav"
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    err = _expect(path, "unsupported")
    assert "0x0161" in err.detail


def test_header_claiming_more_data_than_present_reads_what_is_there(tmp_path: Path) -> None:
    """Decision: a recording cut off mid-write is still worth analysing. It opens, reads the
    frames that are there, and says so (``truncated`` + a one-line ``warning``)."""
    full = _good_wav(tmp_path / "g.wav", seconds=2.0)
    path = tmp_path / "crashed.wav"
    path.write_bytes(full[: 44 + RATE * 2 // 2 * 2])  # header + 1.0 s of the promised 2.0 s
    with open_audio(path) as audio:
        assert audio.truncated
        assert audio.frames == RATE
        assert audio.duration == pytest.approx(1.0)
        assert "2.00 s" in audio.warning and "1.00 s" in audio.warning
        assert "\n" not in audio.warning
        data = audio.read_all()
    assert data.shape == (RATE, 1)
    assert corr(tone(440, 1.0), data[:, 0]) > 0.9999


def test_odd_cut_inside_a_frame(tmp_path: Path) -> None:
    """Cut in the middle of a stereo 24-bit frame: the partial frame is ignored."""
    path = tmp_path / "s24.wav"
    sf.write(path, np.stack([tone(300, 0.5), tone(500, 0.5)], axis=1), RATE, subtype="PCM_24")
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 1000 - 4])
    with open_audio(path) as audio:
        assert audio.truncated
        frames = audio.read_all()
    assert frames.shape[1] == 2 and frames.shape[0] == audio.frames
    assert audio.frames == (len(raw) - 1004 - 44) // 6
