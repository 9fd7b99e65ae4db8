"""A live audio input: microphone, line-in, PulseAudio monitor, or WASAPI loopback.

Threads:

- the audio callback thread (PortAudio's) only copies each block into ``queue`` (a BlockQueue:
  never blocks; when full it drops the block and counts the frames);
- the watchdog thread ``cleardesk-audio-<name>`` checks the stream four times a second (for a
  PulseAudio source, a full check only when ``pactl subscribe`` reports a change, on its own
  reader thread, or every 5 s), reports overflow at most once a second, notices the device
  vanishing (the stream ended, the source is no longer listed, or PulseAudio moved our stream
  to another source), closes the stream, retries about every second, and on success puts a
  ``Gap`` for the time away in the queue;
- a monitor or loopback delivers nothing while nothing plays (PulseAudio suspends an idle sink
  and its monitor; WASAPI loopback sends no packets): when a block arrives more than
  IDLE_GAP_S after the previous one should have ended, a ``Gap(reason="idle")`` goes before
  it, so silence is a gap, not an error, and the call clock keeps up with the call;
- the consumer (the analysis worker) reads ``queue`` and converts with a Converter built from
  ``rate``, ``channels`` and the channel map.

``on_status`` is called on the watchdog thread (``started`` on the thread calling start(),
``ended`` on the one calling stop()), once per logical channel of the map. It must be quick and
must not call stop(). Statuses: started, overflow (``dropped`` frames so far), lost (``detail``
says why), retrying (once per loss), resumed, ended. ``t`` is seconds since start().
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np

from desk.audio import backends
from desk.audio.common import AudioError
from desk.audio.convert import ChannelMap, validate_map
from desk.audio.queue import BlockQueue, Gap
from desk.events import SourceStatus

log = logging.getLogger(__name__)

TICK_S = 0.1            # watchdog wake-up
CHECK_S = 0.25          # stream health check (PulseAudio: a full check only after a change)
RETRY_S = 1.0           # re-open attempts after a loss
OVERFLOW_REPORT_S = 1.0  # at most one overflow status per second
IDLE_GAP_S = 1.0        # no block for longer than this (beyond the block's own length): a Gap


class LiveSource:
    """One input device, by name (None: the system's default input).

    ``rate`` and ``channels`` are the device's own (known after start()); the channel map
    (desk.audio.convert) says which of its channels are the caller and/or the agent.
    """

    def __init__(self, device: str | None, channel_map: ChannelMap,
                 on_status: Callable[[SourceStatus], None], block_ms: int = 100,
                 queue_blocks: int = 100) -> None:
        if not 5 <= block_ms <= 1000:
            raise ValueError("block_ms must be between 5 and 1000")
        if not channel_map:
            raise AudioError("unsupported", "the channel map names no channel")
        self.device = device
        self.channel_map: dict[str, tuple[int, ...]] = {k: tuple(v)
                                                        for k, v in channel_map.items()}
        self.on_status = on_status
        self.block_ms = block_ms
        self.queue = BlockQueue(queue_blocks)
        self.name = device or "default"
        self.rate = 0.0
        self.channels = 0
        self._backend: backends.Backend | None = None
        self._stream: backends.Stream | None = None
        self._stream_finished = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._t0 = 0.0
        self._frames_seen = 0      # delivered by the device, queued or dropped
        self._gap_seconds = 0.0    # Gap(lost/idle) seconds queued so far
        self._last_arrival = 0.0   # monotonic time of the last block (or of the stream's start)
        self._pending_gap: Gap | None = None  # Gap(lost), queued before the new stream's blocks
        self._retry_said = False
        self._next_retry = 0.0
        self._reported_dropped = 0
        self._last_overflow_report = -OVERFLOW_REPORT_S
        self._started = False

    # --- life cycle (caller's thread) ---------------------------------------------------------

    def start(self) -> None:
        """Open the device and start the watchdog. AudioError("device"/"unsupported") when the
        device is not there or cannot give the channels the map wants; nothing runs then."""
        if self._thread is not None or self._stop.is_set():
            raise RuntimeError("a LiveSource starts once; make a new one to record again")
        needed = 1 + max(i for picks in self.channel_map.values() for i in picks)
        backend = backends.resolve(self.device, needed)
        validate_map(self.channel_map, backend.channels)
        self._backend = backend
        self.name, self.rate, self.channels = backend.name, backend.rate, backend.channels
        self.queue.rate = self.rate
        self._t0 = time.monotonic()
        try:
            self._stream = self._open()
        except BaseException:
            backend.close()
            raise
        self._started = True
        self._emit("started", detail=f"{self.name} {self.rate:g} Hz {self.channels} ch")
        self._thread = threading.Thread(target=self._watch, name=f"cleardesk-audio-{self.name}")
        self._thread.start()

    def stop(self) -> None:
        """Stop recording; joins the watchdog and closes the stream. Blocks already queued stay
        in ``queue``. Safe to call twice; do not call it from ``on_status``."""
        if not self._started:
            return
        self._started = False
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        self._thread = None
        self._close()
        if self._backend is not None:
            self._backend.close()
        self._emit("ended")

    def __enter__(self) -> LiveSource:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """True while a stream delivers (False while lost and retrying, or stopped)."""
        return self._started and self._stream is not None

    def elapsed(self) -> float:
        return time.monotonic() - self._t0 if self._t0 else 0.0

    # --- audio callback thread ----------------------------------------------------------------

    def _on_block(self, block: np.ndarray) -> None:
        """Runs on the audio callback thread: copy into the queue (or drop and count), after a
        Gap(idle) when the device sent nothing for a while."""
        now = time.monotonic()
        n = int(block.shape[0])
        lost, self._pending_gap = self._pending_gap, None
        if lost is not None:
            self.queue.put_gap(lost)
        idle = now - self._last_arrival - n / self.rate
        self._last_arrival = now
        if idle > IDLE_GAP_S:
            self._gap_seconds += idle
            self.queue.put_gap(Gap(idle, "idle"))
        self._frames_seen += n
        self.queue.put_nowait(block)

    # --- stream handling (caller's thread at start, then the watchdog) ------------------------

    def _open(self) -> backends.Stream:
        assert self._backend is not None
        finished = threading.Event()
        block = max(1, round(self.rate * self.block_ms / 1000))
        self._last_arrival = time.monotonic()
        stream = self._backend.open(block, self._on_block, finished.set)
        self._stream_finished = finished
        return stream

    def _close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.close()

    # --- watchdog thread ----------------------------------------------------------------------

    def _watch(self) -> None:
        """Runs on the watchdog thread until stop()."""
        next_check = time.monotonic() + CHECK_S
        while not self._stop.wait(TICK_S):
            now = time.monotonic()
            try:
                self._report_overflow(now)
                if self._stream is not None:
                    problem = ""
                    if self._stream_finished.is_set():
                        problem = "the input stream ended"
                    elif now >= next_check:
                        next_check = now + CHECK_S
                        assert self._backend is not None
                        problem = self._backend.healthy(self._stream)
                    if problem and not self._stop.is_set():
                        self._lose(problem)
                elif now >= self._next_retry:
                    self._retry()
            except Exception:  # a bug here must not leave the call without audio silently
                log.exception("audio watchdog for %s", self.name)
                self._next_retry = time.monotonic() + RETRY_S

    def _lose(self, why: str) -> None:
        self._close()
        self._retry_said = False
        self._next_retry = time.monotonic() + RETRY_S
        self._emit("lost", detail=why)

    def _retry(self) -> None:
        assert self._backend is not None
        self._next_retry = time.monotonic() + RETRY_S
        # Keep the call clock with the wall clock: the audio that never came (the time away,
        # plus whatever the dead stream still held) becomes one Gap, which the new stream's
        # callback queues before its first block.
        away = max(0.0, self.elapsed() - self._frames_seen / self.rate - self._gap_seconds)
        try:
            if not self._backend.available():
                raise AudioError("device", f"{self.name} is not there")
            self._pending_gap = Gap(away, "lost")
            stream = self._open()
        except AudioError as exc:
            self._pending_gap = None
            if not self._retry_said:
                self._retry_said = True
                self._emit("retrying", detail=exc.detail)
            return
        self._gap_seconds += away
        self._stream = stream
        self._emit("resumed", detail=f"away {away:.2f} s")

    def _report_overflow(self, now: float) -> None:
        dropped = self.queue.dropped_frames
        if dropped > self._reported_dropped and now - self._last_overflow_report >= \
                OVERFLOW_REPORT_S:
            self._reported_dropped = dropped
            self._last_overflow_report = now
            self._emit("overflow", dropped=dropped)

    def _emit(self, code: str, detail: str = "", dropped: int = 0) -> None:
        t = self.elapsed()
        for channel in self.channel_map:
            try:
                self.on_status(SourceStatus(channel, t, code, detail, dropped))
            except Exception:
                log.exception("on_status(%s) of %s", code, self.name)
