"""Fit the agitation scorer's feature weights and write resources/agitation.json.

    .venv/bin/python scripts/fit_agitation.py              # espeak-ng speech, several voices
    .venv/bin/python scripts/fit_agitation.py --dry-run    # print, do not write

Data: speech synthesised here by espeak-ng (GPL-3 program; the audio it makes is ours and
carries no licence terms) in several voices and languages, each "speaker" calm (slow, low,
quiet, with random variation) then agitated (fast, high, loud), then calm again. Nothing
downloaded, nothing with a non-commercial licence. The limitation is plain: synthetic delivery
is cleaner than people's, so the held-out AUC printed here is an upper bound; refit on real
recordings with a licence that allows commercial use (e.g. CREMA-D, ODbL) where a network is
available: --folder DIR takes WAVs named *_calm_*.wav / *_angry_*.wav per speaker prefix.

Method: each speaker's audio runs through the real scorer (baseline from its first 20 s), the
window z-scores (after the dead zone, clipped) are the features, and a non-negative logistic
regression separates calm from agitated windows. Weights are scaled so that the classifier's
decision boundary is the score where the "agitated" band starts. Leave-one-voice-out ROC-AUC is
printed and stored with the weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desk.agitation import FRAME, AgitationScorer, frame_features, load_config  # noqa: E402
from desk.agitation.config import ACOUSTIC  # noqa: E402
from tests import synth  # noqa: E402

VOICES = {  # espeak-ng voice: sentences in that language
    "en-us": ("I ordered this two weeks ago and it still has not arrived",
              "I have called your service line three times already",
              "Nobody has told me what is going on with my refund",
              "I want this fixed today please"),
    "ko": synth.KO_SENTENCES[:4],
    "cmn": ("我上个星期买的东西到现在还没有收到",
            "我已经打了三次电话了",
            "退款的事情一直没有人给我答复",
            "请你们今天就给我处理"),
    "de": ("Ich habe vor zwei Wochen bestellt und nichts ist angekommen",
           "Ich habe schon dreimal angerufen",
           "Niemand sagt mir etwas zu meiner Erstattung"),
    "fr": ("J'ai commandé il y a deux semaines et rien n'est arrivé",
           "J'ai déjà appelé trois fois",
           "Personne ne me répond au sujet du remboursement"),
    "es": ("Hice el pedido hace dos semanas y no ha llegado nada",
           "Ya he llamado tres veces",
           "Nadie me dice nada sobre mi reembolso"),
}


def z_windows(audio: np.ndarray, voiced_db: float = -45.0) -> tuple[np.ndarray, list[float]]:
    """z-features (after the dead zone) of every voiced sample of one speaker's audio."""
    cfg = load_config()
    scorer = AgitationScorer("caller", cfg)
    rows, times = [], []
    hist = np.zeros(FRAME, dtype=np.float32)
    for i in range(0, audio.size - 1600 + 1, 1600):
        chunk = audio[i:i + 1600]
        feats = frame_features(hist, chunk)
        hist = chunk[-FRAME:]
        for s in scorer.add_frames(feats, feats.loudness > voiced_db):
            if s.voiced and len(scorer._v_loud) >= cfg.min_voiced_frames:
                x = scorer._window().vector()
                rows.append(scorer.baseline.z(x))
                times.append(s.t)
    return np.array(rows), times


def speaker(voice: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    def delivery(agitated: bool) -> synth.Delivery:
        if agitated:
            return synth.Delivery(int(rng.integers(190, 280)), int(rng.integers(60, 95)),
                                  int(rng.integers(130, 200)))
        return synth.Delivery(int(rng.integers(110, 165)), int(rng.integers(20, 50)),
                              int(rng.integers(40, 90)))
    sents = VOICES[voice]
    calm1 = synth.speech(delivery(False), 30, voice, sents)
    angry = synth.speech(delivery(True), 25, voice, sents)
    calm2 = synth.speech(delivery(False), 20, voice, sents)
    audio = np.concatenate([calm1, angry, calm2])
    z, times = z_windows(audio)
    rise, fall = calm1.size / synth.RATE, (calm1.size + angry.size) / synth.RATE
    t = np.array(times)
    # skip the baseline and 4 s after each change (the smoothed curve is still moving)
    keep = ((t > 20) & (t < rise)) | ((t > rise + 4) & (t < fall)) | (t > fall + 4)
    label = ((t > rise) & (t < fall)).astype(float)
    return z[keep], label[keep]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, iters: int = 3000
                 ) -> tuple[np.ndarray, float]:
    """Logistic regression with non-negative weights (projected gradient descent)."""
    w, b = np.zeros(x.shape[1]), 0.0
    lr = 0.1
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = p - y
        w = np.maximum(0.0, w - lr * (x.T @ g / len(y) + l2 * w))
        b -= lr * g.mean()
    return w, b


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(scores)
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    pos = y == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--speakers-per-voice", type=int, default=2)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    data = {}
    for voice in VOICES:
        parts = [speaker(voice, rng) for _ in range(args.speakers_per_voice)]
        data[voice] = (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
        print(f"{voice:6s} windows {len(data[voice][1]):5d} agitated {int(data[voice][1].sum())}")
    held = []
    for voice in VOICES:
        xs = np.concatenate([data[v][0] for v in VOICES if v != voice])
        ys = np.concatenate([data[v][1] for v in VOICES if v != voice])
        w, b = fit_logistic(xs, ys)
        held.append(auc(data[voice][0] @ w, data[voice][1]))
        print(f"held-out {voice:6s} AUC {held[-1]:.3f}")
    x = np.concatenate([d[0] for d in data.values()])
    y = np.concatenate([d[1] for d in data.values()])
    w, b = fit_logistic(x, y)
    cfg = load_config()
    boundary_points = -cfg.scale * np.log(1 - cfg.bands[1] / 100.0)
    weights = w * boundary_points / max(-b, 1e-6)
    # A cue the data does not raise (espeak-ng does not vary tilt or pitch range with its
    # settings, though people's voices do) cannot be fitted from it: keep its current
    # weight rather than zero it.
    gap = x[y == 1].mean(axis=0) - x[y == 0].mean(axis=0)
    print("mean z agitated - calm:", dict(zip(ACOUSTIC, np.round(gap, 2), strict=True)))
    untested = gap < 0.2
    current = np.array([cfg.features[n].weight for n in ACOUSTIC])
    weights = np.where(untested, current, weights)
    print("kept (not exercised by the data):", [n for n, u in zip(ACOUSTIC, untested,
                                                                  strict=True) if u])
    print("weights (points per z):", dict(zip(ACOUSTIC, np.round(weights, 2), strict=True)))
    print(f"leave-one-voice-out AUC: mean {np.mean(held):.3f}, min {np.min(held):.3f}")
    if args.dry_run:
        return 0
    path = ROOT / "resources" / "agitation.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    for name, wt in zip(ACOUSTIC, weights, strict=True):
        doc["features"][name]["weight"] = round(float(wt), 2)
    doc["fitted_on"] = (
        f"espeak-ng synthetic speech, {len(VOICES)} voices ({', '.join(VOICES)}) x "
        f"{args.speakers_per_voice} speakers, seed {args.seed}; scripts/fit_agitation.py; "
        f"leave-one-voice-out ROC-AUC mean {np.mean(held):.3f} min {np.min(held):.3f} "
        "(synthetic: an upper bound, not measured on real recordings); weights of cues the "
        "data does not exercise were kept as set by hand: "
        + ", ".join(n for n, u in zip(ACOUSTIC, untested, strict=True) if u))
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
