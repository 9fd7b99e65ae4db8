"""Which audio inputs this computer has, by name (indexes shift when devices come and go).

Three kinds: ``input`` (microphones, line-in), ``monitor`` (PulseAudio/PipeWire: what an
output plays — the softphone's caller), ``loopback`` (Windows WASAPI: the same idea, through
PyAudioWPatch). PortAudio is imported lazily: reading a WAV file never needs it.

PortAudio takes a snapshot of the devices when it initialises; ``refresh_portaudio`` takes a
new one, but only while no stream of ours is open (re-initialising closes every open stream).
Open PortAudio streams only through desk.audio so that this count is right.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from desk.audio import pulse
from desk.audio.common import AudioError, one_line

INPUT = "input"
MONITOR = "monitor"
LOOPBACK = "loopback"
PULSE_HOST_API = "PulseAudio"
PULSE_PCM = "pulse"  # the ALSA device through which PortAudio reaches the sound server

_lock = threading.RLock()  # PortAudio init/terminate, stream opening, the open-stream count
_open_streams = 0


@dataclass(frozen=True)
class DeviceInfo:
    name: str
    kind: str
    channels: int
    default_rate: float
    host_api: str
    description: str = ""


def portaudio() -> ModuleType:
    """The sounddevice module; AudioError("device") when PortAudio is missing."""
    try:
        import sounddevice
    except (ImportError, OSError) as exc:  # OSError: libportaudio2 not installed
        raise AudioError("device", f"PortAudio is not available: {exc}") from exc
    module: ModuleType = sounddevice
    return module


def portaudio_lock() -> threading.RLock:
    """Held while opening/closing streams and while re-initialising PortAudio."""
    return _lock


def stream_opened() -> None:
    global _open_streams
    with _lock:
        _open_streams += 1


def stream_closed() -> None:
    global _open_streams
    with _lock:
        _open_streams = max(0, _open_streams - 1)


def refresh_portaudio() -> bool:
    """Re-initialise PortAudio so it sees devices that appeared (or a sound server that
    started) since it last looked. Returns False (and does nothing) while a stream is open."""
    sd = portaudio()
    with _lock:
        if _open_streams:
            return False
        with contextlib.suppress(Exception):  # terminating a never-initialised library is fine
            sd._terminate()
        try:
            sd._initialize()
        except Exception as exc:  # sounddevice raises PortAudioError
            raise AudioError("device", f"PortAudio did not start: {one_line(str(exc))}") from exc
        return True


def portaudio_inputs() -> list[tuple[int, dict[str, Any], str]]:
    """(index, device dict, host API name) of PortAudio's current input devices."""
    sd = portaudio()
    with _lock:
        try:
            apis = [str(a["name"]) for a in sd.query_hostapis()]
            devices = list(sd.query_devices())
        except Exception as exc:
            raise AudioError("device", f"cannot list audio devices: {one_line(str(exc))}"
                             ) from exc
    return [(i, d, apis[int(d["hostapi"])] if int(d["hostapi"]) < len(apis) else "")
            for i, d in enumerate(devices) if int(d["max_input_channels"]) > 0]


def find_portaudio_input(name: str | None) -> tuple[int, dict[str, Any], str] | None:
    """The input device called ``name`` (None: the default input), exact name first, then a
    unique name that starts with ``name`` (ALSA appends "(hw:1,0)", whose numbers shift)."""
    sd = portaudio()
    inputs = portaudio_inputs()
    if name is None:
        default = sd.default.device[0]
        if default is None or int(default) < 0:
            with _lock:
                try:
                    default = int(sd.query_devices(kind="input")["index"])
                except Exception:  # no default input device
                    return None
        return next((x for x in inputs if x[0] == int(default)), None)
    exact = [x for x in inputs if x[1]["name"] == name]
    if exact:
        default_api = sd.default.hostapi
        exact.sort(key=lambda x: 0 if int(x[1]["hostapi"]) == default_api else 1)
        return exact[0]
    base = _strip_hw(name)
    prefix = [x for x in inputs if _strip_hw(str(x[1]["name"])) == base]
    return prefix[0] if len({str(x[1]["name"]) for x in prefix}) == 1 else None


def _strip_hw(name: str) -> str:
    head, sep, tail = name.rpartition(" (hw:")
    return head if sep and tail.endswith(")") else name


def list_devices(refresh: bool = True) -> list[DeviceInfo]:
    """Every input we could record from, by name.

    PortAudio inputs first (re-initialised first when ``refresh`` and no stream is open), then
    the PulseAudio/PipeWire sources (Linux: microphones and monitors, host_api "PulseAudio"),
    then WASAPI loopbacks (Windows). Raises nothing when a part is missing: a machine without
    PortAudio or without a sound server simply lists fewer devices.
    """
    devices: list[DeviceInfo] = []
    try:
        if refresh:
            refresh_portaudio()
        for _, d, api in portaudio_inputs():
            devices.append(DeviceInfo(str(d["name"]), INPUT, int(d["max_input_channels"]),
                                      float(d["default_samplerate"]), api, str(d["name"])))
    except AudioError:
        pass
    if sys.platform.startswith("linux"):
        for s in pulse.list_sources() or []:
            devices.append(DeviceInfo(s.name, MONITOR if s.monitor else INPUT, s.channels,
                                      float(s.rate), PULSE_HOST_API, s.description))
    if sys.platform == "win32":
        from desk.audio import wasapi

        devices.extend(wasapi.list_loopbacks())
    return devices
