"""The agitation features and scorer on synthetic signals and espeak-ng speech (no model)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from desk.agitation import FRAME, AgitationScorer, frame_features, load_config
from desk.agitation.features import count_nuclei
from desk.events import BANDS, CONTRIBUTIONS
from tests import synth

RATE = 16000
ZERO = np.zeros(FRAME, dtype=np.float32)


def tone(f0: float, seconds: float = 1.0, amp: float = 0.3, seed: int = 0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    rng = np.random.default_rng(seed)
    x = sum(amp / k * np.sin(2 * np.pi * k * f0 * t) for k in (1, 2, 3))
    return (x + 0.005 * rng.standard_normal(t.size)).astype(np.float32)


@pytest.mark.parametrize("f0", [65, 90, 130, 200, 280, 400])
def test_pitch_of_a_voice_like_tone_within_a_quarter_semitone(f0: float) -> None:
    feats = frame_features(ZERO, tone(f0))
    est = np.median(feats.f0[feats.f0 > 0])
    assert abs(12 * np.log2(est / f0)) < 0.25
    assert (feats.f0 > 0).mean() > 0.95


def test_noise_has_no_pitch() -> None:
    noise = (0.1 * np.random.default_rng(1).standard_normal(RATE)).astype(np.float32)
    assert (frame_features(ZERO, noise).f0 > 0).mean() < 0.05


def test_tilt_rises_with_high_frequency_energy() -> None:
    dull, bright = tone(150), tone(150) + tone(2500, amp=0.2)
    assert np.median(frame_features(ZERO, bright).tilt) > np.median(
        frame_features(ZERO, dull).tilt) + 10


def test_loudness_follows_gain_in_db() -> None:
    quiet, loud = frame_features(ZERO, tone(200, amp=0.05)), frame_features(ZERO, tone(200))
    assert np.median(loud.loudness) - np.median(quiet.loudness) == pytest.approx(
        20 * np.log10(0.3 / 0.05), abs=0.3)


@pytest.mark.parametrize("rate_hz", [3.0, 5.0, 7.0])
def test_syllable_nuclei_count_follows_the_rhythm(rate_hz: float) -> None:
    seconds = 3.0
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = 0.5 * (1 - np.cos(2 * np.pi * rate_hz * t))
    feats = frame_features(ZERO, (tone(180, seconds) * envelope).astype(np.float32))
    nuclei = count_nuclei(feats.loudness, np.ones(feats.loudness.size, dtype=bool))
    assert abs(nuclei - rate_hz * seconds) <= 1


def score(audio: np.ndarray, scorer: AgitationScorer | None = None) -> list:
    """Energy-gated frames (a VAD stand-in for unit tests; the pipeline tests use webrtcvad)."""
    scorer = scorer or AgitationScorer("caller", load_config())
    out, hist, block = [], ZERO, 1600
    for i in range(0, audio.size - block + 1, block):
        chunk = audio[i:i + block]
        feats = frame_features(hist, chunk)
        hist = chunk[-FRAME:]
        out += scorer.add_frames(feats, feats.loudness > -45)
    return out


def mean_score(samples: list, start: float, end: float) -> float:
    return float(np.mean([s.score for s in samples if start <= s.t < end]))


@pytest.fixture(scope="module")
def call() -> tuple[np.ndarray, tuple[float, float]]:
    return synth.calm_agitated_calm(calm1=35, agitated=30, calm2=35)


def test_curve_rises_when_the_caller_gets_agitated_and_falls_when_calm(call) -> None:
    audio, (rise, fall) = call
    samples = score(audio)
    assert [s.t for s in samples] == pytest.approx([0.1 * (i + 1) for i in range(len(samples))])
    calm_before = mean_score(samples, 10, rise)
    agitated = mean_score(samples, rise + 5, fall)
    calm_after = mean_score(samples, fall + 10, audio.size / RATE)
    assert calm_before < 25
    assert agitated > 65
    assert calm_after < 30
    assert {s.band for s in samples if rise + 8 < s.t < fall} <= {"agitated", "escalate"}
    assert max(s.t for s in samples if s.score > 50) < fall + 8


def test_a_calm_call_stays_calm() -> None:
    samples = score(synth.speech(synth.CALM, 60))
    assert max(s.score for s in samples) < 45
    assert {s.band for s in samples} <= {"calm", "elevated"}
    assert mean_score(samples, 0, 60) < 20


def test_contributions_add_up_to_the_score_and_name_the_cues(call) -> None:
    audio, (_rise, _fall) = call
    for s in score(audio):
        assert [name for name, _ in s.contributions] == list(CONTRIBUTIONS)
        assert sum(v for _, v in s.contributions) == pytest.approx(s.score, abs=0.1)
        assert s.band in BANDS
    peak = max(score(audio), key=lambda s: s.score)
    assert peak.contribution("loudness") > 5 and peak.contribution("pitch") > 5


def test_a_long_escalation_does_not_become_the_new_normal() -> None:
    audio = np.concatenate([synth.speech(synth.CALM, 30), synth.speech(synth.AGITATED, 90)])
    samples = score(audio)
    assert mean_score(samples, 100, audio.size / RATE) > 65


def test_words_raise_the_score_and_decay_with_their_half_life() -> None:
    cfg = load_config()
    scorer = AgitationScorer("caller", cfg)
    calm = synth.speech(synth.CALM, 40)
    base = score(calm[: 25 * RATE], scorer)
    scorer.add_words(scorer.t, ["escalation", "anger"])
    after = score(calm[25 * RATE:], scorer)
    assert mean_score(base, 15, 25) < 20
    soon = [s for s in after if s.t < scorer.t - 10 and s.voiced]
    assert soon[20].contribution("words") > 15
    late = [s for s in after if s.voiced][-1]
    # 17 s later (1.7 half-lives) the words' points are a third: on the saturating 0-100
    # scale that is clearly less, and the score has fallen with them
    assert late.contribution("words") < soon[20].contribution("words") - 5
    assert late.score < soon[20].score - 10


def test_bands_have_hysteresis() -> None:
    cfg = load_config()
    samples = score(synth.calm_agitated_calm(30, 30, 30)[0])
    changes = sum(1 for a, b in itertools.pairwise(samples) if a.band != b.band)
    # up through the bands and back down once each, plus a little slack — no flapping
    assert changes <= 10
    assert cfg.hysteresis > 0


def test_a_gap_holds_the_curve_and_moves_the_clock() -> None:
    scorer = AgitationScorer("caller", load_config())
    before = score(synth.speech(synth.AGITATED, 5), scorer)
    t = scorer.t
    scorer.skip(12.0)
    assert scorer.t == pytest.approx(t + 12.0)
    after = score(synth.silence(1.0), scorer)
    assert all(not s.voiced for s in after)
    assert after[-1].score == before[-1].score
    assert after[0].t == pytest.approx(t + 12.1)


def test_a_feature_missing_from_the_start_gets_its_own_baseline_later() -> None:
    """25 s of line noise the VAD takes for speech (no pitch at all), then a calm caller:
    pitch must be judged against the caller's own pitch, not a made-up default."""
    noise = (0.05 * np.random.default_rng(3).standard_normal(25 * RATE)).astype(np.float32)
    samples = score(np.concatenate([noise, synth.speech(synth.CALM, 50)]))
    assert mean_score(samples, 45, 75) < 25
    assert max(s.contribution("pitch") for s in samples if s.t > 50) < 10
