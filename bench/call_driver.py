"""Run by bench_call in its own process: a player whose timing is known, like a softphone.

Plays a WAV into a PulseAudio sink (``PULSE_SINK``/``PULSE_SERVER`` in the environment) through
PortAudio's ``pulse`` ALSA device with a small buffer, and reports for each onset (a sample
index in the file) when that sample leaves the player: the output callback's
``outputBufferDacTime`` plus the onset's offset in the block, converted to ``time.monotonic()``
(CLOCK_MONOTONIC, the same clock in every process). Prints one JSON line at the end.

    python -m bench.call_driver --wav FILE --onsets 12000,228000,... [--latency 0.02]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wav", required=True)
    ap.add_argument("--onsets", default="", help="sample indices, comma-separated")
    ap.add_argument("--latency", type=float, default=0.02, help="PortAudio output latency, s")
    ap.add_argument("--block", type=int, default=240, help="frames per callback")
    args = ap.parse_args(argv)

    import numpy as np
    import sounddevice as sd
    import soundfile as sf

    data, rate = sf.read(args.wav, dtype="float32", always_2d=True)
    onsets = sorted(int(x) for x in args.onsets.split(",") if x.strip())
    device = next((i for i, d in enumerate(sd.query_devices())
                   if d["name"] == "pulse" and d["max_output_channels"] >= data.shape[1]), None)
    if device is None:
        print(json.dumps({"error": "PortAudio has no 'pulse' output device"}))
        return 2
    pos = 0
    done = threading.Event()
    found: list[dict[str, float]] = []
    pending = list(onsets)
    underflows = 0
    callbacks = 0
    dac_minus_now: list[float] = []

    def callback(out: np.ndarray, frames: int, t: object, status: sd.CallbackFlags) -> None:
        nonlocal pos, underflows, callbacks
        now = time.monotonic()
        callbacks += 1
        if status.output_underflow:
            underflows += 1
        n = min(frames, data.shape[0] - pos)
        out[:n] = data[pos:pos + n]
        out[n:] = 0
        current = float(getattr(t, "currentTime", 0.0))
        dac = float(getattr(t, "outputBufferDacTime", 0.0))
        ahead = dac - current if current > 0 and dac > 0 else stream.latency
        dac_minus_now.append(ahead)
        while pending and pending[0] < pos + n:
            onset = pending.pop(0)
            found.append({"onset": onset, "callback": now,
                          "dac": now + ahead + (onset - pos) / rate})
        pos += n
        if n < frames:
            raise sd.CallbackStop

    stream = sd.OutputStream(device=device, samplerate=rate, channels=data.shape[1],
                             dtype="float32", blocksize=args.block, latency=args.latency,
                             callback=callback, finished_callback=done.set)
    with stream:
        started = time.monotonic()
        done.wait(data.shape[0] / rate + 30)
    ahead = sorted(dac_minus_now)
    print(json.dumps({"rate": rate, "started": started, "stream_latency": stream.latency,
                      "dac_ahead_median": ahead[len(ahead) // 2] if ahead else None,
                      "dac_ahead_max": ahead[-1] if ahead else None,
                      "callbacks": callbacks, "underflows": underflows, "onsets": found}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
