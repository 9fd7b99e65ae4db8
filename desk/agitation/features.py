"""Frame and window features of speech, in numpy (no Qt, no models).

Frames are 20 ms (320 samples at 16 kHz), the same frames webrtcvad judges. For each frame:
loudness (dB), F0 (Hz, 0 when unvoiced) by YIN on a 40 ms window ending at the frame's end,
spectral tilt (dB of 1–5 kHz energy over 50 Hz–1 kHz energy: more vocal effort, flatter
spectrum, higher tilt). Over a window of recent voiced frames: median loudness, median pitch and
its 20–80 % range in semitones, median tilt, and pace in syllable nuclei per second of speech
(peaks of the loudness contour: language-independent, no recognizer needed).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

RATE = 16000
FRAME = 320          # 20 ms
FRAME_S = FRAME / RATE
PITCH_WIN = 640      # 40 ms: two periods of 50 Hz
F0_MIN, F0_MAX = 60.0, 450.0
TAU_MIN, TAU_MAX = int(RATE / F0_MAX), int(RATE / F0_MIN)
YIN_THRESHOLD = 0.2
YIN_VOICED = 0.35
_NFFT_PITCH = 2048
_NFFT_SPEC = 512
_FREQS = np.fft.rfftfreq(_NFFT_SPEC, 1.0 / RATE)
_LOW = (_FREQS >= 50) & (_FREQS < 1000)
_HIGH = (_FREQS >= 1000) & (_FREQS < 5000)
_HANN = np.hanning(FRAME).astype(np.float32)
EPS = 1e-10

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class FrameFeatures:
    """Per-frame features of ``n`` consecutive frames."""

    loudness: Floats  # dB re full scale
    f0: Floats        # Hz, 0 = no pitch found
    tilt: Floats      # dB


def frame_features(history: NDArray[np.float32], frames: NDArray[np.float32]) -> FrameFeatures:
    """Features of ``frames`` (n*320 samples); ``history`` holds the 320 samples before them
    (zeros at the start), so every pitch window has 40 ms."""
    n = frames.size // FRAME
    x = frames[: n * FRAME].astype(np.float64)
    framed = x.reshape(n, FRAME)
    loud = 10.0 * np.log10(np.mean(framed * framed, axis=1) + EPS)

    spec = np.abs(np.fft.rfft(framed * _HANN, n=_NFFT_SPEC, axis=1)) ** 2
    tilt = 10.0 * np.log10((spec[:, _HIGH].sum(axis=1) + EPS) / (spec[:, _LOW].sum(axis=1) + EPS))

    joined = np.concatenate([history[-(PITCH_WIN - FRAME):].astype(np.float64), x])
    idx = np.arange(n)[:, None] * FRAME + np.arange(PITCH_WIN)[None, :]
    f0 = yin(joined[idx])
    f0[loud < -60.0] = 0.0
    return FrameFeatures(loudness=loud, f0=f0, tilt=tilt)


def yin(windows: Floats) -> Floats:
    """F0 (Hz) of each row of ``windows`` (n, 640) by YIN's cumulative mean normalised
    difference; 0 where no period is clear enough."""
    n, w = windows.shape
    if n == 0:
        return np.zeros(0)
    spec = np.fft.rfft(windows, n=_NFFT_PITCH, axis=1)
    r = np.fft.irfft(spec * np.conj(spec), n=_NFFT_PITCH, axis=1)[:, : TAU_MAX + 2]
    sq = np.concatenate([np.zeros((n, 1)), np.cumsum(windows * windows, axis=1)], axis=1)
    taus = np.arange(TAU_MAX + 2)
    # d(tau) = sum_{j < w-tau} (x_j - x_{j+tau})^2 = E[0, w-tau) + E[tau, w) - 2 r(tau)
    e_head = sq[:, w - taus]
    e_tail = sq[:, w][:, None] - sq[:, taus]
    # per compared sample, so longer lags are not favoured for summing fewer terms
    d = np.maximum(e_head + e_tail - 2.0 * r, 0.0) * (w / np.maximum(w - taus, 1))
    d[:, 0] = 0.0
    cum = np.cumsum(d[:, 1:], axis=1)
    cmnd = np.ones_like(d)
    cmnd[:, 1:] = d[:, 1:] * taus[1:] / np.maximum(cum, EPS)

    band = cmnd[:, TAU_MIN: TAU_MAX + 1]
    below = band < YIN_THRESHOLD
    first = np.where(below.any(axis=1), below.argmax(axis=1), band.argmin(axis=1))
    # walk down to the local minimum after the first dip below the threshold
    rows = np.arange(n)
    for _ in range(64):
        nxt = np.minimum(first + 1, band.shape[1] - 1)
        better = band[rows, nxt] < band[rows, first]
        if not better.any():
            break
        first = np.where(better, nxt, first)
    best = band[rows, first]
    tau = (first + TAU_MIN).astype(np.float64)
    # parabolic interpolation
    lo = cmnd[rows, np.maximum(first + TAU_MIN - 1, 1)]
    hi = cmnd[rows, np.minimum(first + TAU_MIN + 1, TAU_MAX + 1)]
    denom = lo - 2.0 * best + hi
    shift = np.where(np.abs(denom) > EPS, 0.5 * (lo - hi) / np.where(denom == 0, 1, denom), 0.0)
    tau = tau + np.clip(shift, -1.0, 1.0)
    f0: Floats = RATE / np.maximum(tau, 1.0)
    f0[(best > YIN_VOICED) | (f0 < F0_MIN) | (f0 > F0_MAX)] = 0.0
    return f0


def semitones(f0: Floats) -> Floats:
    """Semitones above 100 Hz."""
    return 12.0 * np.log2(np.maximum(f0, 1.0) / 100.0)


def count_nuclei(loudness: Floats, voiced: NDArray[np.bool_], prominence_db: float = 3.0) -> int:
    """Syllable nuclei: voiced frames that are the loudest within ±2 frames (±40 ms) and stand
    ``prominence_db`` above the quietest frame within ±5 frames (±100 ms)."""
    n = loudness.size
    if n < 5:
        return 0
    smooth = np.convolve(loudness, np.ones(3) / 3.0, mode="same")
    pad_max = np.pad(smooth, 2, constant_values=-np.inf)
    local_max = np.lib.stride_tricks.sliding_window_view(pad_max, 5).max(axis=1)
    pad_min = np.pad(smooth, 5, constant_values=np.inf)
    local_min = np.lib.stride_tricks.sliding_window_view(pad_min, 11).min(axis=1)
    peaks = (smooth >= local_max) & (smooth - local_min >= prominence_db) & voiced
    # a plateau counts once
    peaks[1:] &= ~peaks[:-1]
    return int(peaks.sum())


@dataclass(frozen=True)
class WindowFeatures:
    loudness: float     # dB, median of voiced frames
    pitch: float        # semitones re 100 Hz, median of pitched frames (nan if none)
    pitch_range: float  # semitones, 80th minus 20th percentile (nan if too few)
    tilt: float         # dB, median
    pace: float         # syllable nuclei per second of speech

    def vector(self) -> Floats:
        return np.array([self.loudness, self.pitch, self.pitch_range, self.tilt, self.pace])


FEATURE_NAMES = ("loudness", "pitch", "pitch_range", "tilt", "pace")
MIN_PITCHED = 10


def window_features(loudness: Floats, f0: Floats, tilt: Floats, nuclei: int,
                    speech_s: float) -> WindowFeatures:
    """Summary of a window's voiced frames (the arrays hold only those)."""
    loud = float(np.median(loudness)) if loudness.size else float("nan")
    pitched = f0[f0 > 0]
    if pitched.size >= MIN_PITCHED:
        st = semitones(pitched)
        pitch = float(np.median(st))
        lo, hi = np.percentile(st, [20, 80])
        prange = float(hi - lo)
    else:
        pitch = prange = float("nan")
    tl = float(np.median(tilt)) if tilt.size else float("nan")
    pace = nuclei / speech_s if speech_s > 0 else float("nan")
    return WindowFeatures(loudness=loud, pitch=pitch, pitch_range=prange, tilt=tl, pace=pace)
