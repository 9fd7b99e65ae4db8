"""How loud an input is, for the level meters of the settings page (and of the call screen).

``LevelMeter`` turns float32 blocks (or levels already measured, such as ``desk.events.Level``)
into RMS and peak in dBFS (floor -90) with a peak hold that a meter redrawn at 10–20 Hz can show:
the highest peak stays for HOLD_S, then falls at DECAY_DB_PER_S. Time comes from a clock, so
the hold does not depend on how often the meter is read.

``DevicePreview`` opens a device through LiveSource only to measure it (no resampling, no
analysis). Threads: LiveSource's (audio callback, watchdog) and ``cleardesk-preview-<name>``,
which reads the source's queue into one LevelMeter per logical channel. ``level()`` may be
called from any thread; ``stop()`` joins everything the preview started.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from desk.audio.common import AudioError
from desk.audio.convert import MIX, layout
from desk.events import CALLER, SourceStatus

FLOOR_DB = -90.0
HOLD_S = 1.0            # a peak stays this long on the meter...
DECAY_DB_PER_S = 20.0   # ...then falls this fast
STALE_S = 0.3           # no audio for this long: the RMS reads as the floor
MIX_MAX_CHANNELS = 2    # PortAudio's "pulse"/"default" claim 32 channels: copies of a stereo mix
PREVIEW_BLOCK_MS = 50


def to_db(x: float) -> float:
    """A linear amplitude (1.0 = full scale) in dBFS, never below FLOOR_DB."""
    return max(FLOOR_DB, 20.0 * math.log10(x)) if x > 0 else FLOOR_DB


def device_map(layout_name: str, channels: int, role: str = CALLER) -> dict[str, tuple[int, ...]]:
    """The ChannelMap of a named layout on a device with ``channels`` channels.

    Like desk.audio.convert.layout, except that ``mix`` takes at most the first two channels:
    a stereo monitor uses both, a mono microphone its one, and a 32-channel ALSA plug-in device
    is not opened 32 channels wide. AudioError("unsupported") when the layout does not fit.
    """
    if layout_name == MIX:
        return layout(MIX, max(1, min(channels, MIX_MAX_CHANNELS)) if channels >= 1 else 0,
                      role)
    return layout(layout_name, channels, role)


class LevelMeter:
    """RMS and held peak of what was pushed. ``push``/``push_level`` on one thread, ``level``
    on another: a lock guards the state (held for microseconds)."""

    def __init__(self, hold_s: float = HOLD_S, decay_db_per_s: float = DECAY_DB_PER_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.hold_s = hold_s
        self.decay_db_per_s = decay_db_per_s
        self._clock = clock
        self._lock = threading.Lock()
        self._sum_sq = 0.0
        self._count = 0
        self._block_peak = 0.0      # linear peak since the last level()
        self._rms_db = FLOOR_DB     # RMS of what arrived between the last two reads
        self._last_audio = -math.inf
        self._held_db = FLOOR_DB
        self._held_at = -math.inf
        self.frames = 0             # frames pushed so far (tests: has audio arrived yet?)

    def push(self, samples: np.ndarray) -> None:
        """Add a block of float samples (1-D mono, or (frames, channels): all channels count)."""
        x = np.asarray(samples, dtype=np.float32)
        if x.size == 0:
            return
        flat = x.reshape(-1)
        sum_sq = float(np.dot(flat, flat))
        peak = float(np.max(np.abs(flat)))
        if not (math.isfinite(sum_sq) and math.isfinite(peak)):
            flat = np.nan_to_num(flat, nan=0.0, posinf=1.0, neginf=-1.0)
            sum_sq, peak = float(np.dot(flat, flat)), float(np.max(np.abs(flat)))
        n = x.shape[0] if x.ndim == 1 else x.shape[0] * x.shape[1]
        with self._lock:
            now = self._clock()
            self._sum_sq += sum_sq
            self._count += n
            self.frames += x.shape[0]
            self._block_peak = max(self._block_peak, peak)
            self._last_audio = now
            self._hold(to_db(peak), now)

    def push_level(self, rms_db: float, peak_db: float) -> None:
        """Add a level measured elsewhere (a ``desk.events.Level`` of a live call)."""
        with self._lock:
            now = self._clock()
            self._rms_db = max(FLOOR_DB, rms_db)
            self._sum_sq, self._count, self._block_peak = 0.0, 0, 0.0
            self._last_audio = now
            self._hold(max(FLOOR_DB, peak_db), now)

    def level(self) -> tuple[float, float]:
        """(rms_db, peak_db): the RMS of the audio since the previous call (the last value
        again when nothing new arrived, the floor once nothing arrived for STALE_S) and the
        held peak."""
        with self._lock:
            now = self._clock()
            if self._count:
                self._rms_db = to_db(math.sqrt(self._sum_sq / self._count))
                self._sum_sq, self._count, self._block_peak = 0.0, 0, 0.0
            elif now - self._last_audio > STALE_S:
                self._rms_db = FLOOR_DB
            return self._rms_db, self._peak(now)

    def reset(self) -> None:
        with self._lock:
            self._sum_sq, self._count, self._block_peak = 0.0, 0, 0.0
            self._rms_db = self._held_db = FLOOR_DB
            self._last_audio = self._held_at = -math.inf

    def _peak(self, now: float) -> float:
        """The held peak as shown at ``now`` (lock held)."""
        falling = max(0.0, now - self._held_at - self.hold_s)
        return max(FLOOR_DB, self._held_db - self.decay_db_per_s * falling)

    def _hold(self, peak_db: float, now: float) -> None:
        if peak_db >= self._peak(now):
            self._held_db, self._held_at = peak_db, now


class DevicePreview:
    """One device opened only to show how loud it is (the settings page's meters).

    ``layout`` is a name of desk.audio.convert.LAYOUTS; ``channels`` the device's channel count
    (DeviceInfo.channels); ``role`` names the logical channel of a ``mix``. A stereo layout
    measures both sides: ``level(AGENT)`` and ``level(CALLER)``.

    ``start()`` raises nothing: when the device cannot be opened ``error`` holds the AudioError
    (code ``device`` or ``unsupported``) and ``last_status`` an ``error`` SourceStatus; while
    running, ``last_status`` is the source's latest status (``lost``, ``retrying``,
    ``resumed``...). ``stop()`` joins every thread; safe to call twice.
    """

    def __init__(self, device: str | None, layout: str = MIX, channels: int = 1,
                 role: str = CALLER, source_factory: Callable[..., Any] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.device = device
        self.layout = layout
        self.channels = channels
        self.error: AudioError | None = None
        self.last_status: SourceStatus | None = None
        self.meters: dict[str, LevelMeter] = {}
        self._role = role
        self._factory = source_factory
        self._clock = clock
        self._source: Any = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        try:
            self.channel_map: dict[str, tuple[int, ...]] = device_map(layout, channels, role)
        except AudioError as exc:
            self.channel_map = {}
            self._fail(exc)
        self.meters = {name: LevelMeter(clock=clock) for name in self.channel_map}

    @property
    def running(self) -> bool:
        return self._thread is not None and self.error is None

    def start(self) -> None:
        """Open the device (on the caller's thread: a few pactl calls and the stream opening,
        typically 20–100 ms) and start reading it."""
        if self._thread is not None or self._stop.is_set() or not self.channel_map:
            return
        factory = self._factory
        if factory is None:
            from desk.audio.live import LiveSource

            factory = LiveSource
        source = factory(self.device, self.channel_map, self._on_status,
                         block_ms=PREVIEW_BLOCK_MS, queue_blocks=20)
        try:
            source.start()
        except AudioError as exc:
            self._fail(exc)
            return
        self._source = source
        self._thread = threading.Thread(target=self._read, args=(source,),
                                        name=f"cleardesk-preview-{source.name}")
        self._thread.start()

    def level(self, role: str | None = None) -> tuple[float, float]:
        """(rms_db, peak_db) of ``role`` (default: the first logical channel); any thread."""
        meter = self.meters.get(role or self._role) or next(iter(self.meters.values()), None)
        return meter.level() if meter is not None else (FLOOR_DB, FLOOR_DB)

    def stop(self) -> None:
        """Close the device and join the reader; blocks for up to ~0.2 s."""
        self._stop.set()
        source, self._source = self._source, None
        if source is not None:
            source.stop()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()

    def __enter__(self) -> DevicePreview:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _fail(self, exc: AudioError) -> None:
        self.error = exc
        channel = next(iter(self.channel_map), self._role)
        self.last_status = SourceStatus(channel, 0.0, "error", f"{exc.code}: {exc.detail}")

    def _on_status(self, status: SourceStatus) -> None:
        """Runs on the source's threads: keep the latest (one status per channel: same code)."""
        if status.code != "ended":
            self.last_status = status

    def _read(self, source: Any) -> None:
        """Runs on ``cleardesk-preview-<name>``: blocks into the meters, Gaps ignored."""
        picks = {name: np.asarray(chs, dtype=np.intp) for name, chs in self.channel_map.items()}
        while not self._stop.is_set():
            item = source.queue.get(timeout=0.1)
            if not isinstance(item, np.ndarray) or item.ndim != 2:
                continue
            for name, idx in picks.items():
                if idx.size and int(idx.max()) < item.shape[1]:
                    self.meters[name].push(item[:, idx])
