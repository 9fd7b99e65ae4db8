"""Windows: what the PC plays (the softphone's caller) through WASAPI loopback.

sounddevice 0.5 has no loopback API, so this uses PyAudioWPatch (MIT; a PyAudio fork whose
PortAudio lists every output a second time as "<name> [Loopback]" input). It sits behind the
same interface as the other backends of desk.audio.live. NOT TESTED HERE: the test machines
are Linux; this path is kept small and plain so it can be read and checked by eye.

A loopback delivers no callbacks while nothing plays: silence is a gap, not an error, so the
watchdog relies on the stream's own state and on the device list, never on a data timeout.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

import numpy as np

from desk.audio.common import AudioError, one_line
from desk.audio.devices import LOOPBACK, DeviceInfo

LOOPBACK_SUFFIX = " [Loopback]"
_lock = threading.Lock()


def _pyaudio() -> Any:
    if sys.platform != "win32":
        raise AudioError("device", "WASAPI loopback exists only on Windows")
    try:
        import pyaudiowpatch
    except ImportError as exc:
        raise AudioError("device", f"PyAudioWPatch is not installed: {exc}") from exc
    return pyaudiowpatch


def _loopbacks(pa: Any) -> list[dict[str, Any]]:
    return [dict(d) for d in pa.get_loopback_device_info_generator()]


def list_loopbacks() -> list[DeviceInfo]:
    """Loopback inputs, one per output device (a fresh PortAudio instance: a fresh list)."""
    try:
        mod = _pyaudio()
        with _lock:
            pa = mod.PyAudio()
            try:
                found = _loopbacks(pa)
            finally:
                pa.terminate()
    except Exception:  # listing must not fail the whole device list
        return []
    return [DeviceInfo(str(d["name"]), LOOPBACK, int(d["maxInputChannels"]),
                       float(d["defaultSampleRate"]), "Windows WASAPI", str(d["name"]))
            for d in found]


def is_loopback_name(name: str) -> bool:
    return name.endswith(LOOPBACK_SUFFIX)


class LoopbackStream:
    """One open loopback stream with its own PyAudio instance (terminated on close)."""

    def __init__(self, name: str, rate: float, channels: int, block_frames: int,
                 on_block: Callable[[np.ndarray], None], on_finished: Callable[[], None]
                 ) -> None:
        mod = _pyaudio()
        self._channels = channels
        self._on_block = on_block
        self._on_finished = on_finished
        self._paContinue = mod.paContinue
        with _lock:
            self._pa = mod.PyAudio()
            try:
                device = next((d for d in _loopbacks(self._pa) if d["name"] == name), None)
                if device is None:
                    raise AudioError("device", f"no loopback device called {name!r}")
                self._stream = self._pa.open(
                    format=mod.paFloat32, channels=channels, rate=int(rate), input=True,
                    input_device_index=int(device["index"]), frames_per_buffer=block_frames,
                    stream_callback=self._callback)
            except AudioError:
                self._pa.terminate()
                raise
            except Exception as exc:  # PyAudio raises OSError or IOError
                self._pa.terminate()
                raise AudioError("device", f"{name}: {one_line(str(exc))}") from exc
        self._stream.start_stream()

    def _callback(self, data: bytes | None, frames: int, time_info: Any, status: int
                  ) -> tuple[None, int]:
        """Runs on PortAudio's callback thread: only copies the block on."""
        if data:
            self._on_block(np.frombuffer(data, dtype=np.float32).reshape(-1, self._channels))
        return None, self._paContinue

    @property
    def active(self) -> bool:
        try:
            return bool(self._stream.is_active())
        except Exception:  # a stream whose device vanished
            return False

    def close(self) -> None:
        with _lock:
            try:
                self._stream.stop_stream()
                self._stream.close()
            except Exception:
                pass
            finally:
                self._pa.terminate()
        self._on_finished()


def loopback_info(name: str) -> DeviceInfo | None:
    return next((d for d in list_loopbacks() if d.name == name), None)
