"""Frame time of the live agitation plot over a two-hour call (offscreen, 1200x400).

A simulated call (caller and agent, 10 samples/s each: a smoothed random walk with bursts,
contributions behind every point, a step or cue mark every ~30 s) is fed to
``ui.agitation_plot.AgitationPlotWidget`` in 50 ms batches, as ``ui/bridge.py`` does at 20 Hz.
Each frame is ``add_events`` + ``redraw()`` + a forced paint (``repaint()`` of the whole widget,
then ``processEvents()``), timed; there is no real waiting between frames. Figures: frame time
median/p95/p99/max in the first and the last minutes of the call, and the share of frames over
50 ms (a frame that would be dropped at 20 Hz). Frames between are drawn too (``--stride 1``,
the default) or one in ``--stride`` after the third minute (faster; the buffers still get
every sample). The first minute fills half the 120 s window; the third is the first full one.

    python -m bench.bench_plot [--minutes 120] [--stride 1] [--seed 7]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np

from bench.common import machine, percentile, print_machine, print_table, save_json
from desk.events import (
    AGENT,
    BANDS,
    CALLER,
    CONTRIBUTIONS,
    AgitationSample,
    Cue,
    StepHeard,
)

FRAME_S = 0.05
DROP_MS = 50.0
TRAPS = (("trap", "sorry_but"), ("trap", "bare_understand"), ("trap", "talk_over"),
         ("escalation", "lawyer"), ("escalation", "regulator"), ("interruption", "interruption"))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def band(score: float) -> str:
    return BANDS[0 if score < 35 else 1 if score < 55 else 2 if score < 75 else 3]


class CallSim:
    """Both channels of a call, 10 Hz each: the caller's score wanders, flares up and settles
    (2 s smoothing, as the scorer does); the agent stays lower."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.raw = {CALLER: 25.0, AGENT: 18.0}
        self.score = {CALLER: 25.0, AGENT: 18.0}
        self.weights = {ch: [1.0] * len(CONTRIBUTIONS) for ch in (CALLER, AGENT)}
        self.next_mark = 30.0
        self.steps = "CLEAR"
        self.n_marks = 0

    def sample(self, channel: str, t: float) -> AgitationSample:
        rng = self.rng
        calm = 22.0 if channel == CALLER else 15.0
        raw = self.raw[channel] + 0.02 * (calm - self.raw[channel]) + rng.gauss(0, 2.0)
        if channel == CALLER and rng.random() < 0.002:           # a flare-up
            raw += rng.uniform(20, 45)
        raw = min(100.0, max(0.0, raw))
        self.raw[channel] = raw
        score = self.score[channel] + (raw - self.score[channel]) * (1 - math.exp(-0.1 / 2.0))
        self.score[channel] = score
        w = self.weights[channel]
        for i in range(len(w)):
            w[i] = min(3.0, max(0.05, w[i] + rng.gauss(0, 0.05)))
        total = sum(w)
        contrib = tuple((n, score * wi / total) for n, wi in zip(CONTRIBUTIONS, w, strict=True))
        return AgitationSample(channel, t, score, band(score), contrib)

    def events(self, t0: float, t1: float) -> list[object]:
        """The events of [t0, t1): samples on the 100 ms grid, and a mark when one is due."""
        out: list[object] = []
        for i in range(math.ceil(t0 * 10 - 1e-9), math.ceil(t1 * 10 - 1e-9)):
            t = i / 10
            out.append(self.sample(CALLER, t))
            out.append(self.sample(AGENT, t))
        if t0 <= self.next_mark < t1:
            if self.n_marks % 2 == 0:
                step = self.steps[(self.n_marks // 2) % len(self.steps)]
                out.append(StepHeard(AGENT, self.next_mark, step, f"{step}.x", "words"))
            else:
                kind, code = TRAPS[(self.n_marks // 2) % len(TRAPS)]
                channel = AGENT if kind == "trap" else CALLER
                out.append(Cue(channel, self.next_mark, kind, code, "words that fired it"))
            self.n_marks += 1
            self.next_mark += self.rng.uniform(20.0, 40.0)
        return out


def run(minutes: float, stride: int, seed: int, lang: str) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from ui.agitation_plot import AgitationPlotWidget
    from ui.i18n import Translations

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    Translations(app).install(lang)
    widget = AgitationPlotWidget()
    widget.resize(1200, 400)
    widget.show()
    app.processEvents()
    sim = CallSim(seed)
    n_frames = int(minutes * 60 / FRAME_S)
    per_minute = int(60 / FRAME_S)
    # (call t, frame ms, redraw ms, drew) of each frame drawn, kept in memory taken up front so
    # that the resident memory measured is the widget's, not the benchmark's
    frames = np.ones((n_frames, 4))
    n_drawn = 0
    rss: dict[int, float] = {}
    wall0 = time.perf_counter()
    for k in range(n_frames):
        t0, t1 = k * FRAME_S, (k + 1) * FRAME_S
        events = sim.events(t0, t1)
        edge = k < 3 * per_minute or k >= n_frames - per_minute
        if not edge and k % stride:
            widget.add_events(events)
            continue
        started = time.perf_counter()
        widget.add_events(events)
        drew = widget.redraw()
        mid = time.perf_counter()
        widget.repaint()
        app.processEvents()
        done = time.perf_counter()
        frames[n_drawn] = (t1, 1000 * (done - started), 1000 * (mid - started), drew)
        n_drawn += 1
        if (k + 1) % (30 * per_minute) == 0 or k + 1 == 3 * per_minute:
            rss[(k + 1) // per_minute] = rss_mb()
    wall = time.perf_counter() - wall0
    widget.close()
    return {"frames": frames[:n_drawn], "n_frames": n_frames, "wall_s": wall, "rss_mb": rss,
            "pool": len(widget.pool),
            "buffer_points": len(widget.curves[CALLER]), "minutes": minutes}


def summary(frames: np.ndarray) -> dict[str, float]:
    total = frames[:, 1].tolist()
    drawn = frames[frames[:, 3] > 0, 2].tolist()
    return {"frames": float(len(total)), "median": percentile(total, 50),
            "p95": percentile(total, 95), "p99": percentile(total, 99), "max": max(total),
            "over_50": float(sum(v > DROP_MS for v in total)),
            "redraw_median": percentile(drawn, 50) if drawn else float("nan")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=120.0, help="length of the call")
    ap.add_argument("--stride", type=int, default=1,
                    help="draw one frame in N between the first and the last minute")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--no-machine", action="store_true", help="do not print the machine")
    args = ap.parse_args(argv)
    result = run(args.minutes, max(1, args.stride), args.seed, args.lang)
    frames = result["frames"]
    assert isinstance(frames, np.ndarray)
    end = args.minutes * 60
    t = frames[:, 0]
    parts = [("first minute", frames[t <= 60.0]),
             ("third minute (window full)", frames[(t > 120.0) & (t <= 180.0)]),
             ("last minute", frames[t > end - 60.0]),
             ("whole call (frames drawn)", frames)]
    rss = result["rss_mb"]
    assert isinstance(rss, dict)
    rows, stats = [], {}
    for name, part in parts:
        s = summary(part)
        stats[name] = s
        rows.append([name, f"{s['frames']:.0f}", f"{s['median']:.2f}", f"{s['p95']:.2f}",
                     f"{s['p99']:.2f}", f"{s['max']:.1f}", f"{s['over_50']:.0f}",
                     f"{s['redraw_median']:.2f}"])
    if not args.no_machine:
        print_machine()
    print_table(f"Live agitation plot, {args.minutes:.0f}-minute call, 1200x400 offscreen "
                "(frame = add_events + redraw + repaint, ms)",
                ["part of the call", "frames", "median", "p95", "p99", "max", "over 50 ms",
                 "redraw() median"], rows,
                notes=[f"20 Hz frames; one in {args.stride} drawn between the third and the last "
                       f"minute; {result['n_frames']} frames in all, "
                       f"{result['wall_s']:.0f} s wall.",
                       "redraw() median: the widget's own work on frames with new samples "
                       "(half the frames: samples come at 10 Hz).",
                       "resident memory at minute " + ", ".join(
                           f"{m}: {v:.0f} MB" for m, v in rss.items())
                       + f"; marker lines in the pool: {result['pool']}; caller points held: "
                       f"{result['buffer_points']}."])
    save_json("plot", {"machine": machine(), "minutes": args.minutes, "stride": args.stride,
                       "stats": stats, "rss_mb": rss, "wall_s": result["wall_s"]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
