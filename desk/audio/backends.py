"""How LiveSource opens one device: PortAudio input, PulseAudio source, or WASAPI loopback.

Each backend knows its rate and channel count (the device's own: resampling happens in the
Converter), opens a stream that hands every block to ``on_block`` on the audio callback thread,
and answers two questions for the watchdog: is the stream still healthy, and is the device
there again (so a retry may succeed).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import numpy as np

from desk.audio import devices, pulse
from desk.audio.common import AudioError, one_line

OnBlock = Callable[[np.ndarray], None]
OnFinished = Callable[[], None]


class Stream(Protocol):
    @property
    def active(self) -> bool: ...

    def close(self) -> None: ...


class Backend(Protocol):
    name: str
    rate: float
    channels: int

    def open(self, block_frames: int, on_block: OnBlock, on_finished: OnFinished) -> Stream: ...

    def healthy(self, stream: Stream) -> str:
        """"" when fine, else why not (one line)."""
        ...

    def available(self) -> bool: ...

    def close(self) -> None:
        """Release what the backend holds besides the stream (when the source stops)."""
        ...


class _PortAudioStream:
    """A started sounddevice.InputStream; counts itself in devices' open-stream count."""

    def __init__(self, sd_stream: Any) -> None:
        self._s = sd_stream
        devices.stream_opened()
        self._closed = False

    @property
    def active(self) -> bool:
        return not self._closed and bool(self._s.active)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with devices.portaudio_lock():
            with contextlib.suppress(Exception):  # a stream whose device is gone may refuse
                self._s.abort()
            with contextlib.suppress(Exception):
                self._s.close()
        devices.stream_closed()


def _open_portaudio(device: int, rate: float, channels: int, block_frames: int,
                    on_block: OnBlock, on_finished: OnFinished) -> _PortAudioStream:
    """Open and start an input stream (caller holds the PortAudio lock)."""
    sd = devices.portaudio()

    def callback(indata: np.ndarray, frames: int, time: Any, status: Any) -> None:
        """Runs on PortAudio's callback thread: hands the block on, nothing else."""
        on_block(indata)

    try:
        s = sd.InputStream(device=device, channels=channels, samplerate=rate,
                           blocksize=block_frames, dtype="float32", callback=callback,
                           finished_callback=on_finished)
    except Exception as exc:  # PortAudioError, ValueError
        raise AudioError("device", f"cannot open the input: {one_line(str(exc))}") from exc
    wrapped = _PortAudioStream(s)
    try:
        s.start()
    except Exception as exc:
        wrapped.close()
        raise AudioError("device", f"cannot start the input: {one_line(str(exc))}") from exc
    return wrapped


class PortAudioBackend:
    """A microphone or line-in that PortAudio lists, found by name at every (re)open."""

    def __init__(self, name: str | None, channels_needed: int) -> None:
        found = devices.find_portaudio_input(name)
        if found is None and devices.refresh_portaudio():
            found = devices.find_portaudio_input(name)
        if found is None:
            what = f"no audio input called {name!r}" if name else "no default audio input"
            raise AudioError("device", what)
        _, info, _ = found
        self.query = name
        self.name = str(info["name"])
        self.rate = float(info["default_samplerate"])
        if channels_needed > int(info["max_input_channels"]):
            raise AudioError("unsupported", f"{self.name} has {info['max_input_channels']} "
                                            f"input channels, {channels_needed} needed")
        self.channels = channels_needed

    def open(self, block_frames: int, on_block: OnBlock, on_finished: OnFinished) -> Stream:
        with devices.portaudio_lock():
            found = devices.find_portaudio_input(self.query or self.name)
            if found is None:
                raise AudioError("device", f"{self.name} is not there")
            return _open_portaudio(found[0], self.rate, self.channels, block_frames, on_block,
                                   on_finished)

    def healthy(self, stream: Stream) -> str:
        return "" if stream.active else "the input stream stopped"

    def available(self) -> bool:
        if not devices.refresh_portaudio():
            return True  # another stream is open: no fresh list, so just try to open
        return devices.find_portaudio_input(self.query or self.name) is not None

    def close(self) -> None:
        pass


@contextmanager
def _environ(**values: str) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class PulseBackend:
    """A PulseAudio/PipeWire source (a microphone or a monitor) recorded through PortAudio's
    ``pulse`` ALSA device.

    The source is chosen with PULSE_SOURCE, set only while the stream is opened (under the
    PortAudio lock), and the stream is tagged through PULSE_PROP_OVERRIDE so that it can be
    found on the server afterwards (and shows as "ClearDesk" in pavucontrol). When its source
    disappears PulseAudio silently moves the stream to another source (or kills it when there is
    none): ``healthy`` checks that the tagged stream is still attached to the source of our
    name — whenever ``pactl subscribe`` reports a change to sources or recording streams, and
    every SAFETY_CHECK_S anyway.
    """

    TAG = "cleardesk.stream"
    SAFETY_CHECK_S = 5.0

    def __init__(self, source: pulse.PulseSource) -> None:
        self.name = source.name
        self.rate = float(source.rate)
        self.channels = source.channels
        self._tag = ""
        self._events: pulse.Subscription | None = None
        self._last_check = 0.0

    def open(self, block_frames: int, on_block: OnBlock, on_finished: OnFinished) -> Stream:
        if self._events is None or not self._events.alive:
            if self._events is not None:
                self._events.close()
            self._events = pulse.Subscription()  # before the stream: no change goes unseen
        source = self._current()
        if source is None:
            raise AudioError("device", f"{self.name} is not there")
        with devices.portaudio_lock():
            found = devices.find_portaudio_input(devices.PULSE_PCM)
            if found is None and devices.refresh_portaudio():
                found = devices.find_portaudio_input(devices.PULSE_PCM)
            if found is None:
                raise AudioError("device", "PortAudio has no 'pulse' device (libasound2-plugins"
                                           " missing, or the sound server was not running)")
            self._tag = uuid.uuid4().hex
            # PULSE_PROP_OVERRIDE: the ALSA plug-in names itself, we overrule it.
            with _environ(PULSE_SOURCE=source.name,
                          PULSE_PROP_OVERRIDE=f"{self.TAG}={self._tag} "
                                              "application.name=ClearDesk"):
                stream = _open_portaudio(found[0], self.rate, self.channels, block_frames,
                                         on_block, on_finished)
        problem = self._check(stream)
        if problem:
            stream.close()
            raise AudioError("device", problem)
        return stream

    def _current(self) -> pulse.PulseSource | None:
        sources = pulse.list_sources()
        return pulse.find_source(self.name, sources) if sources else None

    def healthy(self, stream: Stream) -> str:
        if not stream.active:
            return "the input stream stopped"
        events = self._events
        quiet = events is not None and events.alive and not events.changed.is_set()
        if quiet and time.monotonic() - self._last_check < self.SAFETY_CHECK_S:
            return ""
        return self._check(stream)

    def _check(self, stream: Stream) -> str:
        """The full check: two pactl calls (~5 ms each)."""
        if self._events is not None:
            self._events.changed.clear()  # before looking: a change meanwhile is seen next time
        self._last_check = time.monotonic()
        if not stream.active:
            return "the input stream stopped"
        sources, outputs = pulse.list_sources(), pulse.list_source_outputs()
        if sources is None or outputs is None:
            return "the sound server does not answer"
        source = pulse.find_source(self.name, sources)
        if source is None:
            return f"{self.name} is gone"
        ours = next((o for o in outputs if o.prop(self.TAG) == self._tag), None)
        if ours is None:
            return "the sound server dropped the stream"
        if ours.source != source.index:
            moved = next((s.name for s in sources if s.index == ours.source), "?")
            return f"the sound server moved the stream to {moved}"
        return ""

    def available(self) -> bool:
        return self._current() is not None

    def close(self) -> None:
        events, self._events = self._events, None
        if events is not None:
            events.close()


class WasapiLoopbackBackend:
    """Windows loopback via PyAudioWPatch (see desk.audio.wasapi; untested on Linux CI)."""

    def __init__(self, info: devices.DeviceInfo, channels_needed: int) -> None:
        self.name = info.name
        self.rate = info.default_rate
        self.channels = info.channels
        if channels_needed > info.channels:
            raise AudioError("unsupported", f"{self.name} has {info.channels} channels")

    def open(self, block_frames: int, on_block: OnBlock, on_finished: OnFinished) -> Stream:
        from desk.audio import wasapi

        return wasapi.LoopbackStream(self.name, self.rate, self.channels, block_frames,
                                     on_block, on_finished)

    def healthy(self, stream: Stream) -> str:
        return "" if stream.active else "the loopback stream stopped"

    def available(self) -> bool:
        from desk.audio import wasapi

        return wasapi.loopback_info(self.name) is not None

    def close(self) -> None:
        pass


def resolve(device: str | None, channels_needed: int) -> Backend:
    """The backend for a device name (None: the default input). AudioError when not found."""
    if device is not None and sys.platform == "win32":
        from desk.audio import wasapi

        if wasapi.is_loopback_name(device):
            info = wasapi.loopback_info(device)
            if info is None:
                raise AudioError("device", f"no loopback device called {device!r}")
            return WasapiLoopbackBackend(info, channels_needed)
    if device is not None and sys.platform.startswith("linux"):
        sources = pulse.list_sources()
        source = pulse.find_source(device, sources) if sources else None
        if source is not None:
            return PulseBackend(source)
    return PortAudioBackend(device, channels_needed)
