"""One channel's agitation score: baseline, z-scores, lexical decay, fusion, smoothing, bands.

Pure computation, fed 20 ms frames in order by the channel's analysis worker (or by
``cleardesk analyze``); the time is the count of frames (plus skipped gaps), so a live call and
the same audio from a file give the same curve.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray

from desk.agitation.config import ACOUSTIC, ScorerConfig
from desk.agitation.features import (
    FRAME_S,
    FrameFeatures,
    WindowFeatures,
    count_nuclei,
    window_features,
)
from desk.events import BANDS, AgitationSample

Floats = NDArray[np.float64]


class Baseline:
    """The caller's own normal: median and robust spread of the first ``baseline_s`` seconds of
    voiced speech, blended with the population prior; afterwards it drifts slowly, and only
    while the caller is calm (so an escalation never becomes the new normal).

    Each feature has its own count: a feature that has not been seen yet (no pitch found in
    line noise, say) keeps collecting until it has its own ``baseline_s``; until then it has
    no baseline (its z is 0) unless it has a population prior."""

    MAX_ROWS = 3000  # 5 minutes of samples: a feature never seen by then stays prior-only

    def __init__(self, config: ScorerConfig) -> None:
        self.config = config
        self._rows: list[Floats] = []
        self._weights: list[float] = []           # seconds of speech behind each row
        self._own_s = np.zeros(len(ACOUSTIC))     # seconds of speech per feature
        self._median: Floats | None = None
        self._spread: Floats | None = None

    @property
    def complete(self) -> bool:
        return bool((self._own_s >= self.config.baseline_s).all()) or \
            len(self._rows) >= self.MAX_ROWS

    def observe(self, x: Floats, speech_s: float, calm: bool) -> None:
        done = self._own_s >= self.config.baseline_s
        if not self.complete:
            self._rows.append(x)
            self._weights.append(speech_s)
            self._own_s += np.where(np.isnan(x), 0.0, speech_s)
            if len(self._rows) % 10 == 1 or self.complete:
                self._refit(keep=done)
        if calm and self._median is not None:
            rate = min(1.0, self.config.drift_per_s * speech_s)
            ok = done & ~np.isnan(x) & ~np.isnan(self._median)
            self._median[ok] += rate * (x[ok] - self._median[ok])
        if self.complete:
            self._rows, self._weights = [], []

    def _refit(self, keep: NDArray[np.bool_]) -> None:
        """Refit the features still collecting; ``keep``: those already complete (drifting)."""
        rows = np.array(self._rows)
        med = np.full(len(ACOUSTIC), np.nan)
        spread = np.full(len(ACOUSTIC), np.nan)
        for i, name in enumerate(ACOUSTIC):
            if keep[i] and self._median is not None and self._spread is not None:
                med[i], spread[i] = self._median[i], self._spread[i]
                continue
            col = rows[:, i]
            col = col[~np.isnan(col)]
            fw = self.config.features[name]
            own, k = float(self._own_s[i]), fw.prior_s
            if col.size == 0:
                own = 0.0
                m = s = 0.0
            else:
                m = float(np.median(col))
                s = float(1.4826 * np.median(np.abs(col - m)))
            if own + k <= 0:
                continue  # nothing known: NaN, so this feature does not score yet
            med[i] = (own * m + k * fw.prior_median) / (own + k)
            spread[i] = (own * s + k * fw.prior_spread) / (own + k)
        self._median, self._spread = med, spread

    def z(self, x: Floats) -> Floats:
        cfg = self.config
        if self._median is None or self._spread is None:
            return np.zeros(len(ACOUSTIC))
        floors = np.array([cfg.features[n].floor for n in ACOUSTIC])
        dirs = np.array([cfg.features[n].direction for n in ACOUSTIC])
        z = dirs * (x - self._median) / np.maximum(self._spread, floors)
        z = np.nan_to_num(z, nan=0.0) - cfg.dead_zone
        clipped: Floats = np.clip(z, 0.0, cfg.z_max)
        return clipped


class AgitationScorer:
    """Feed frames with :meth:`add_frames`, words with :meth:`add_words`; get a sample every
    ``hop_s`` seconds of call time."""

    def __init__(self, channel: str, config: ScorerConfig) -> None:
        self.channel = channel
        self.config = config
        self.baseline = Baseline(config)
        self._frames = 0                       # call time in frames (includes skipped gaps)
        self._hop_frames = max(1, round(config.hop_s / FRAME_S))
        w = config.window_frames
        self._v_loud: deque[float] = deque(maxlen=w)
        self._v_f0: deque[float] = deque(maxlen=w)
        self._v_tilt: deque[float] = deque(maxlen=w)
        self._all_loud: deque[float] = deque(maxlen=config.pace_frames)
        self._all_voiced: deque[bool] = deque(maxlen=config.pace_frames)
        self._voiced_in_hop = 0
        self._words: list[tuple[float, float]] = []  # (time, points)
        self._words_lock = threading.Lock()
        self._weights = np.array([config.features[n].weight for n in ACOUSTIC])
        self._score = 0.0
        self._contrib = np.zeros(len(ACOUSTIC) + 1)
        self._band = 0
        self._alpha = 1.0 - math.exp(-config.hop_s / config.smooth_tau_s)
        self.last: AgitationSample | None = None

    @property
    def t(self) -> float:
        return self._frames * FRAME_S

    def skip(self, seconds: float) -> None:
        """Time passes with no audio (a device gap): the curve holds, nothing scores."""
        self.skip_frames(round(seconds / FRAME_S))

    def skip_frames(self, frames: int) -> None:
        self._frames += frames
        self._all_loud.clear()
        self._all_voiced.clear()

    def add_words(self, t: float, categories: Iterable[str]) -> None:
        """Lexical cues heard at call time ``t`` (categories of desk.cues hits)."""
        pts = self.config.lexical_points
        with self._words_lock:  # a live call's recognizer thread calls this
            for cat in categories:
                if pts.get(cat, 0.0) > 0:
                    self._words.append((t, pts[cat]))

    def add_frames(self, feats: FrameFeatures, voiced: NDArray[np.bool_]) -> list[AgitationSample]:
        out: list[AgitationSample] = []
        for i in range(voiced.size):
            v = bool(voiced[i])
            self._all_loud.append(float(feats.loudness[i]))
            self._all_voiced.append(v)
            if v:
                self._v_loud.append(float(feats.loudness[i]))
                self._v_f0.append(float(feats.f0[i]))
                self._v_tilt.append(float(feats.tilt[i]))
                self._voiced_in_hop += 1
            self._frames += 1
            if self._frames % self._hop_frames == 0:
                out.append(self._sample())
        return out

    def _lexical(self, t: float) -> float:
        hl = self.config.half_life_s
        with self._words_lock:
            self._words = [(wt, p) for wt, p in self._words if t - wt < 8 * hl]
            words = list(self._words)
        total: float = sum(p * 0.5 ** (max(0.0, t - wt) / hl)
                           for wt, p in words if wt <= t + 0.5)
        return min(total, self.config.lexical_cap)

    def _window(self) -> WindowFeatures:
        all_voiced = np.array(self._all_voiced, dtype=bool)
        nuclei = count_nuclei(np.array(self._all_loud), all_voiced)
        return window_features(np.array(self._v_loud), np.array(self._v_f0),
                               np.array(self._v_tilt), nuclei, float(all_voiced.sum()) * FRAME_S)

    def _sample(self) -> AgitationSample:
        cfg = self.config
        t = self.t
        voiced_hop = self._voiced_in_hop
        self._voiced_in_hop = 0
        lex = self._lexical(t)
        if voiced_hop == 0 or len(self._v_loud) < cfg.min_voiced_frames:
            return self._emit(t, voiced=voiced_hop > 0)
        x = self._window().vector()
        z = self.baseline.z(x)
        points = np.append(self._weights * z, lex)
        raw = float(points.sum())
        inst = 100.0 * (1.0 - math.exp(-raw / cfg.scale)) if raw > 0 else 0.0
        contrib = points * (inst / raw) if raw > 0 else np.zeros_like(points)
        self._score += self._alpha * (inst - self._score)
        self._contrib += self._alpha * (contrib - self._contrib)
        if not np.isnan(x[ACOUSTIC.index("pitch")]):
            # only windows with a voice in them (a pitch) teach the baseline: line noise or
            # typing that the VAD let through must not become the caller's "normal"
            self.baseline.observe(x, voiced_hop * FRAME_S, calm=self._score < cfg.drift_below)
        self._update_band()
        return self._emit(t, voiced=True)

    def _update_band(self) -> None:
        cfg = self.config
        s = self._score
        while self._band < 3 and s >= cfg.bands[self._band]:
            self._band += 1
        while self._band > 0 and s < cfg.bands[self._band - 1] - cfg.hysteresis:
            self._band -= 1

    def _emit(self, t: float, voiced: bool) -> AgitationSample:
        names = (*ACOUSTIC, "words")
        contributions = tuple((n, round(float(c), 2)) for n, c in zip(names, self._contrib,
                                                                      strict=True))
        sample = AgitationSample(channel=self.channel, t=round(t, 3), score=round(self._score, 2),
                                 band=BANDS[self._band], contributions=contributions,
                                 voiced=voiced)
        self.last = sample
        return sample
