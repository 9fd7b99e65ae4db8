"""The agitation scorer's settings and fitted weights, from ``resources/agitation.json``.

The file says where its weights came from (``fitted_on``); ``scripts/fit_agitation.py`` writes
it. Every number the scorer uses is here, so a refit never needs a code change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from desk.content import ContentError, resources_dir
from desk.events import CONTRIBUTIONS

ACOUSTIC = ("loudness", "pitch", "pitch_range", "tilt", "pace")


@dataclass(frozen=True)
class FeatureWeight:
    """How one acoustic feature raises the score.

    ``weight``: points per unit of z (deviation from the caller's baseline in robust spreads),
    counted only in ``direction`` (+1: higher is more agitated). ``floor``: the smallest spread
    used, in the feature's unit, so a very steady baseline does not make noise look huge.
    ``prior_median``/``prior_spread``/``prior_s``: a population baseline blended in with the
    weight of ``prior_s`` seconds of the caller's own speech (0 for speaker-dependent features
    such as loudness, whose level depends on the line's gain)."""

    weight: float
    direction: float = 1.0
    floor: float = 1.0
    prior_median: float = 0.0
    prior_spread: float = 1.0
    prior_s: float = 0.0


@dataclass(frozen=True)
class ScorerConfig:
    features: dict[str, FeatureWeight]
    lexical_points: dict[str, float] = field(default_factory=dict)
    hop_s: float = 0.1
    window_frames: int = 100        # voiced 20 ms frames summarised per sample (2 s of speech)
    pace_frames: int = 150          # frames (voiced or not) over which syllables are counted
    min_voiced_frames: int = 25     # fewer than this (0.5 s): hold the last score
    baseline_s: float = 20.0        # seconds of voiced speech that form the caller's baseline
    drift_per_s: float = 0.01       # afterwards the baseline moves this fraction per second...
    drift_below: float = 25.0       # ...and only while the smoothed score is below this
    z_max: float = 4.0
    dead_zone: float = 1.0          # z within this many spreads of the baseline is normal
    half_life_s: float = 10.0       # lexical cues decay
    lexical_cap: float = 45.0
    scale: float = 45.0             # score = 100 * (1 - exp(-points / scale))
    smooth_tau_s: float = 2.0
    bands: tuple[float, float, float] = (35.0, 55.0, 75.0)  # elevated, agitated, escalate
    hysteresis: float = 6.0
    fitted_on: str = ""


def _build(raw: dict[str, Any]) -> ScorerConfig:
    feats = {name: FeatureWeight(**raw["features"][name]) for name in ACOUSTIC}
    extra = set(raw["features"]) - set(ACOUSTIC)
    if extra:
        raise ContentError("invalid", f"agitation.json: unknown features {sorted(extra)}")
    rest = {k: v for k, v in raw.items() if k not in {"features", "version", "$comment"}}
    if "bands" in rest:
        rest["bands"] = tuple(rest["bands"])
    return ScorerConfig(features=feats, **rest)


@lru_cache(maxsize=4)
def load_config(path: Path | None = None) -> ScorerConfig:
    p = path or resources_dir() / "agitation.json"
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
        return _build(raw)
    except FileNotFoundError as exc:
        raise ContentError("missing", f"{p}: not found") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ContentError("invalid", f"{p}: {exc}") from exc


assert set(ACOUSTIC) | {"words"} == set(CONTRIBUTIONS)
