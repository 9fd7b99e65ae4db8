"""Agitation of a speaker over a call: features, per-caller baseline, fusion, bands."""

from desk.agitation.config import ScorerConfig, load_config
from desk.agitation.features import FRAME, FRAME_S, FrameFeatures, frame_features
from desk.agitation.scorer import AgitationScorer

__all__ = ["FRAME", "FRAME_S", "AgitationScorer", "FrameFeatures", "ScorerConfig",
           "frame_features", "load_config"]
