"""A live call: audio sources → one analysis worker per source → the pipeline → listeners.

The PortAudio callback only copies into the source's bounded queue. The worker owns the
converter and its channels' analyzers (and their recognizers): it resamples, splits channels and
feeds the pipeline. The speech model loads in the background; until it is ready (or when there
is none) the call is acoustic-only, and each worker attaches a recognizer to its own channels
at its next block after the model arrives. A device that vanishes is the source's business: it
reports SourceStatus, retries, and queues a Gap for the time it was away, so the call clock and
everything heard so far are kept.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from desk.agitation import ScorerConfig
from desk.audio.common import AudioError
from desk.audio.convert import ChannelMap, Converter
from desk.audio.live import LiveSource
from desk.audio.meter import to_db
from desk.audio.queue import Gap
from desk.events import CallInfo, Level, SourceStatus
from desk.pipeline import Listener, Pipeline

log = logging.getLogger(__name__)

BLOCK_MS = 50
QUEUE_BLOCKS = 200  # 10 s of audio before the callback has to drop
LEVEL_S = 0.1       # a Level event per channel this often
WAIT_RETRY_S = 1.0  # a device missing at the start is looked for again this often


@dataclass(frozen=True)
class SourceSpec:
    """A device chosen by name (None: the system default) and which call channels it carries."""

    device: str | None
    channel_map: ChannelMap


class LiveCall:
    """Start with :meth:`start`, end with :meth:`stop` (joins every thread it started)."""

    def __init__(self, specs: Sequence[SourceSpec], listeners: Sequence[Listener] = (),
                 model_loader: Any = None, config: ScorerConfig | None = None,
                 source_factory: Callable[..., Any] = LiveSource,
                 wait_for_devices: bool = False, pool: Any = None) -> None:
        """``wait_for_devices``: a device missing at the start does not fail the call; its
        worker reports ``lost`` and looks for it every WAIT_RETRY_S, and the channel's clock
        starts at the call's start when it appears (a live call screen: the agent's notes and
        checklist go on, the curve starts when the headset is plugged in). ``pool``: the
        app's RecognizerPool (desk.speech.recognizer), so calls reuse recognizers."""
        channels = tuple(ch for spec in specs for ch in spec.channel_map)
        if len(set(channels)) != len(channels):
            raise ValueError(f"a channel is fed by two sources: {channels}")
        self.pipeline = Pipeline(channels, listeners, config, asynchronous=True, pool=pool)
        self._specs = list(specs)
        self._loader = model_loader
        self._model_seen: dict[int, bool] = {}
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._started = 0.0
        self._wait = wait_for_devices
        # A worker opening a device that was missing and stop() take turns: once stopping is
        # set no device is opened any more, so stop() never misses one being opened.
        self._open_lock = threading.Lock()
        self._stopping = False
        # 50 ms blocks: a sound reaches the curve within a block or two (100 ms blocks cost
        # a whole extra block whenever the resampler's few ms of delay straddle a hop)
        self.sources = [source_factory(spec.device, spec.channel_map, self._on_status,
                                       block_ms=BLOCK_MS, queue_blocks=QUEUE_BLOCKS)
                        for spec in self._specs]

    @property
    def info(self) -> CallInfo:
        return CallInfo(model_name=self.pipeline.model_name, model_lang=self.pipeline.model_lang,
                        sources=tuple((ch, src.name) for src, spec in zip(self.sources,
                                      self._specs, strict=True) for ch in spec.channel_map))

    def _on_status(self, status: SourceStatus) -> None:
        """Runs on a source's threads."""
        self.pipeline.emit([status])

    def start(self) -> None:
        self._started = time.monotonic()
        if self._loader is not None and getattr(self._loader, "on_done", None) is None:
            self._loader.on_done = self._on_model_done
        try:
            for i, (src, spec) in enumerate(zip(self.sources, self._specs, strict=True)):
                waiting = False
                try:
                    src.start()
                except AudioError as exc:
                    if not self._wait or exc.code != "device":
                        raise
                    waiting = True
                    self.pipeline.emit([SourceStatus(",".join(spec.channel_map), 0.0, "lost",
                                                     str(exc.detail or exc))])
                th = threading.Thread(target=self._work, args=(i, src, spec, waiting),
                                      name=f"call-worker-{'+'.join(spec.channel_map)}")
                self._threads.append(th)
                th.start()
        except BaseException:
            self.stop()  # a second source that fails must not leave the first one running
            raise

    def _on_model_done(self, *_: Any) -> None:
        """Runs on the model loader's thread."""
        if self._stop.is_set():
            return
        err = getattr(self._loader, "error", None)
        code = "model_ready" if err is None else "model_invalid"
        detail = "" if err is None else str(getattr(err, "detail", err))
        self.pipeline.emit([SourceStatus("", round(time.monotonic() - self._started, 3), code,
                                         detail)])

    def _attach_model(self, index: int, spec: SourceSpec) -> None:
        """On the worker: give this source's channels their recognizers once the model is in."""
        if self._model_seen.get(index) or self._loader is None:
            return
        if getattr(self._loader, "state", "") != "ready":
            return
        self._model_seen[index] = True
        info = getattr(self._loader, "info", None)
        lang, name = getattr(info, "lang", ""), getattr(info, "name", "")
        for ch in spec.channel_map:
            self.pipeline.attach_model(ch, self._loader.model, lang, name)

    def _await_device(self, src: Any, spec: SourceSpec) -> bool:
        """On the worker: try to open a device that was missing until it opens (True) or the
        call stops (False). The time it was missing becomes a gap of the channel's clock."""
        while not self._stop.wait(WAIT_RETRY_S):
            with self._open_lock:
                if self._stopping:
                    return False
                try:
                    src.start()
                except AudioError:
                    continue
            away = time.monotonic() - self._started
            for ch in spec.channel_map:
                self.pipeline.skip(ch, away)
            return True
        return False

    def _levels(self, chunks: dict[str, Any], acc: dict[str, list[float]]) -> None:
        """Sum of squares, peak and sample count per channel; a Level every LEVEL_S."""
        for ch, x in chunks.items():
            if not x.size:
                continue
            a = acc.setdefault(ch, [0.0, 0.0, 0.0])
            a[0] += float(np.dot(x, x))
            a[1] = max(a[1], float(np.max(np.abs(x))))
            a[2] += x.size
            if a[2] >= LEVEL_S * 16000:
                self.pipeline.emit([Level(ch, round(time.monotonic() - self._started, 3),
                                          round(to_db(float(np.sqrt(a[0] / a[2]))), 1),
                                          round(to_db(a[1]), 1))])
                acc[ch] = [0.0, 0.0, 0.0]

    def _work(self, index: int, src: Any, spec: SourceSpec, waiting: bool = False) -> None:
        """The analysis worker of one source (runs on its own thread)."""
        if waiting and not self._await_device(src, spec):
            return
        conv: Converter | None = None
        acc: dict[str, list[float]] = {}
        while True:
            item = src.queue.get(timeout=0.1)
            if item is None:
                if self._stop.is_set():
                    break
                continue
            try:
                self._attach_model(index, spec)
                if isinstance(item, Gap):
                    for ch in spec.channel_map:
                        self.pipeline.skip(ch, item.seconds)
                    continue
                if conv is None or conv.in_rate != src.rate:
                    conv = Converter(src.rate, item.shape[1], spec.channel_map)
                chunks = conv.process(item)
                for ch, samples in chunks.items():
                    if samples.size:
                        self.pipeline.feed(ch, samples)
                self._levels(chunks, acc)
            except Exception as exc:  # a bug must not end the call's analysis for good
                log.exception("analysis of %s failed on a block", src.name)
                self.pipeline.emit([SourceStatus(",".join(spec.channel_map),
                                                 round(time.monotonic() - self._started, 3),
                                                 "error", f"analysis: {exc}")])
        if conv is not None:
            for ch, samples in conv.flush().items():
                if samples.size:
                    self.pipeline.feed(ch, samples)

    def stop(self) -> None:
        """Stop the devices, analyse what is still queued, end the utterances, join. A device
        that fails to close is logged; the workers are joined whatever happens."""
        with self._open_lock:
            self._stopping = True
        try:
            for src in self.sources:
                try:
                    src.stop()
                except Exception:
                    log.exception("closing %s failed", getattr(src, "name", src))
        finally:
            self._stop.set()
            for th in self._threads:
                th.join()
            self._threads.clear()
            if getattr(self._loader, "on_done", None) == self._on_model_done:
                self._loader.on_done = None  # the loader outlives the call
            self.pipeline.finish()

    def __enter__(self) -> LiveCall:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

