"""``cleardesk analyze FILE``: the live pipeline run over a recording, faster than real time.

The audio goes through the same Converter and Pipeline as a live call, in the same 100 ms
blocks, so the curve is the one a live call of that audio draws; only the speech recognition
is spread over the cores (see analyze_file).
"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from desk.audio import AudioError, open_audio
from desk.audio.convert import (
    LEFT_AGENT_RIGHT_CALLER,
    LEFT_CALLER_RIGHT_AGENT,
    MIX,
    Converter,
)
from desk.audio.convert import layout as channel_layout
from desk.events import (
    CONTRIBUTIONS,
    AgitationSample,
    Cue,
    Event,
    SourceStatus,
    StepHeard,
    TranscriptSegment,
)
from desk.pipeline import Pipeline

BLOCK_S = 0.1
# the command line's names for desk.audio.convert's layouts
LAYOUTS = {"mix": MIX, "agent-caller": LEFT_AGENT_RIGHT_CALLER,
           "caller-agent": LEFT_CALLER_RIGHT_AGENT}


@dataclass
class Analysis:
    """What ``analyze`` found in one recording (finals only in ``transcript``)."""

    file: str
    duration: float
    rate: int
    channels: int
    layout: str
    model_name: str = ""
    model_lang: str = ""
    elapsed_s: float = 0.0
    curve: list[AgitationSample] = field(default_factory=list)
    transcript: list[TranscriptSegment] = field(default_factory=list)
    cues: list[Cue | StepHeard] = field(default_factory=list)
    status: list[SourceStatus] = field(default_factory=list)

    def collect(self, ev: Event) -> None:
        if isinstance(ev, AgitationSample):
            self.curve.append(ev)
        elif isinstance(ev, TranscriptSegment):
            if ev.final and ev.text:
                self.transcript.append(ev)
        elif isinstance(ev, Cue | StepHeard):
            self.cues.append(ev)
        elif isinstance(ev, SourceStatus):
            self.status.append(ev)

    def sort(self) -> None:
        self.curve.sort(key=lambda s: (s.t, s.channel))
        self.transcript.sort(key=lambda s: (s.start, s.channel))
        self.cues.sort(key=lambda c: (c.t, c.channel))


def analyze_file(path: Path, *, layout: str = "mix", model: Any = None, model_lang: str = "",
                 model_name: str = "", progress: Callable[[float], None] | None = None,
                 workers: int | None = None) -> Analysis:
    """Analyse ``path``; raise AudioError (one-line detail) for files that cannot be read.
    ``progress`` gets the fraction done (0..1), on the calling thread.

    Three passes keep the result the live pipeline's while using every core: (1) the
    pipeline runs with a recognizer stand-in that only records each utterance's audio (the
    acoustic side is ~100x faster than real time); (2) the utterances are recognized in
    parallel, one vosk recognizer per worker thread (vosk releases the GIL); (3) the pipeline
    runs again and gets each utterance's words at the utterance's end, as live.
    """
    started = time.perf_counter()
    with open_audio(path) as audio:
        if layout != "mix" and audio.channels < 2:
            raise AudioError("unsupported", f"{layout} needs a stereo file; this one has "
                             f"{audio.channels} channel")
        channel_map = channel_layout(LAYOUTS[layout], audio.channels)
        result = Analysis(file=str(path), duration=audio.duration, rate=audio.rate,
                          channels=audio.channels, layout=layout,
                          model_name=model_name, model_lang=model_lang)
    channels = tuple(channel_map)
    report = progress or (lambda _f: None)
    replay: dict[str, list[list[TranscriptSegment]]] = {}
    if model is not None:
        captures = {ch: _Capture() for ch in channels}
        pipe = Pipeline(channels, [], partials=False)
        for ch in channels:
            pipe.analyzers[ch].set_recognizer(captures[ch], model_lang)  # type: ignore[arg-type]
        _run(path, pipe, channel_map, lambda f: report(0.05 * f))
        replay = _recognize(model, model_lang, captures, workers, lambda f: report(0.05 + 0.9 * f))
    pipe = Pipeline(channels, [result.collect], partials=False)
    pipe.set_model(None, model_lang, model_name)
    for ch in channels:
        if model is not None:
            pipe.analyzers[ch].set_recognizer(_Replay(replay[ch]), model_lang)  # type: ignore[arg-type]
    _run(path, pipe, channel_map, lambda f: report(0.95 + 0.05 * f))
    result.elapsed_s = time.perf_counter() - started
    result.sort()
    return result


def _run(path: Path, pipe: Pipeline, channel_map: Mapping[str, tuple[int, ...]],
         progress: Callable[[float], None]) -> None:
    """Feed the file through the pipeline in the live call's 100 ms blocks."""
    with open_audio(path) as audio:
        conv = Converter(audio.rate, audio.channels, channel_map)
        block = max(1, round(audio.rate * BLOCK_S))
        done = 0
        for frames in audio.blocks(block):
            for ch, samples in conv.process(frames).items():
                if samples.size:
                    pipe.feed(ch, samples)
            done += frames.shape[0]
            if audio.frames:
                progress(min(1.0, done / audio.frames))
        for ch, samples in conv.flush().items():
            if samples.size:
                pipe.feed(ch, samples)
    pipe.finish()


Utterance = list[tuple[np.ndarray, float]]


class _Capture:
    """Pass 1's recognizer: keeps what each utterance would have been fed, as int16."""

    def __init__(self) -> None:
        self.utterances: list[Utterance] = []
        self._current: Utterance = []

    def accept(self, samples: np.ndarray, t0: float) -> list[TranscriptSegment]:
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16)
        self._current.append((pcm, t0))
        return []

    def flush(self) -> list[TranscriptSegment]:
        self.utterances.append(self._current)
        self._current = []
        return []

    def close(self) -> None:
        pass


class _Replay:
    """Pass 3's recognizer: each utterance's words, given at its end as live."""

    def __init__(self, results: list[list[TranscriptSegment]]) -> None:
        self._results = iter(results)

    def accept(self, samples: np.ndarray, t0: float) -> list[TranscriptSegment]:
        return []

    def flush(self) -> list[TranscriptSegment]:
        result = next(self._results, None)
        if result is None:  # pass 3 cut the audio into other utterances than pass 1: a bug
            raise RuntimeError("analyze: replay out of step with the captured utterances")
        return result

    def close(self) -> None:
        pass


def _recognize(model: Any, lang: str, captures: Mapping[str, _Capture], workers: int | None,
               progress: Callable[[float], None]) -> dict[str, list[list[TranscriptSegment]]]:
    """Recognize every captured utterance on a pool of threads, one recognizer per thread
    and channel; results in utterance order."""
    local = threading.local()

    def recognize(channel: str, utt: Utterance) -> list[TranscriptSegment]:
        """Runs on a pool thread."""
        recs = local.__dict__.setdefault("recs", {})
        if channel not in recs:
            recs[channel] = Pipeline.make_recognizer(model, channel, lang, partials=False)
        rec = recs[channel]
        if rec is None:
            return []
        segs: list[TranscriptSegment] = []
        for pcm, t0 in utt:
            segs += rec.accept(pcm, t0)
        done: list[TranscriptSegment] = segs + rec.flush()
        return done

    jobs = [(ch, i, utt) for ch, cap in captures.items() for i, utt in enumerate(cap.utterances)]
    out: dict[str, list[list[TranscriptSegment]]] = {
        ch: [[] for _ in cap.utterances] for ch, cap in captures.items()}
    total = sum(sum(p.size for p, _ in utt) for _, _, utt in jobs) or 1
    done = 0
    # each thread warms a full recognizer (~100-250 MB of decoding graph): at most MAX_WORKERS
    n = max(1, min(workers or usable_cpus(), MAX_WORKERS, len(jobs) or 1))
    pool = ThreadPoolExecutor(max_workers=n, thread_name_prefix="analyze-asr")
    try:
        futures = {pool.submit(recognize, ch, utt): (ch, i, utt) for ch, i, utt in jobs}
        for fut in as_completed(futures):
            ch, i, utt = futures[fut]
            out[ch][i] = fut.result()
            done += sum(p.size for p, _ in utt)
            progress(done / total)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)  # Ctrl-C: stop after the running ones
        raise
    pool.shutdown()
    return out


MAX_WORKERS = 4


def usable_cpus() -> int:
    """CPUs this process may run on (affinity), not all the machine has."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- output --------------------------------------------------------------------------------
def to_json(a: Analysis) -> str:
    def sample(s: AgitationSample) -> dict[str, Any]:
        return {"t": s.t, "channel": s.channel, "score": s.score, "band": s.band,
                "voiced": s.voiced, "contributions": dict(s.contributions)}

    def segment(s: TranscriptSegment) -> dict[str, Any]:
        return {"start": s.start, "end": s.end, "speaker": s.channel, "text": s.text,
                "words": [asdict(w) for w in s.words]}

    def cue(c: Cue | StepHeard) -> dict[str, Any]:
        d = asdict(c)
        d["type"] = "step" if isinstance(c, StepHeard) else "cue"
        return d

    doc = {"file": a.file, "duration": round(a.duration, 3), "sample_rate": a.rate,
           "channels": a.channels, "layout": a.layout,
           "model": {"name": a.model_name, "lang": a.model_lang},
           "analysis_seconds": round(a.elapsed_s, 3),
           "curve": [sample(s) for s in a.curve],
           "transcript": [segment(s) for s in a.transcript],
           "cues": [cue(c) for c in a.cues],
           "status": [asdict(s) for s in a.status]}
    return json.dumps(doc, ensure_ascii=False, indent=1)


CSV_COLUMNS = ("type", "t", "end", "channel", "score", "band", "voiced", *CONTRIBUTIONS,
               "kind", "code", "text")


def to_csv(a: Analysis) -> str:
    """One table, a row per curve sample, transcript segment and cue; ``type`` says which."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for s in a.curve:
        w.writerow({"type": "sample", "t": s.t, "channel": s.channel, "score": s.score,
                    "band": s.band, "voiced": int(s.voiced), **dict(s.contributions)})
    for seg in a.transcript:
        w.writerow({"type": "segment", "t": seg.start, "end": seg.end, "channel": seg.channel,
                    "text": seg.text})
    for c in a.cues:
        kind, code = ("step", c.code) if isinstance(c, StepHeard) else (c.kind, c.code)
        w.writerow({"type": "cue", "t": c.t, "channel": c.channel, "kind": kind, "code": code,
                    "text": c.text})
    return out.getvalue()

