"""Which audio a call listens to and which speech model it uses, as plain data.

``AudioSetup`` is what the settings page stores (``to_dict``/``from_dict``, JSON in QSettings
under "audio/setup"); ``specs`` turns it into the SourceSpecs of a LiveCall for the devices
this computer has now. Devices are chosen by name (indexes shift when devices come and go).

The caller is either a whole device (``mix``: the monitor/loopback of the softphone, or the
counter's microphone) or one side of a stereo call-recording adapter
(``left_agent_right_caller`` / ``left_caller_right_agent``), which then carries the agent too.
Otherwise the agent's microphone is optional and separate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from desk.audio.common import AudioError
from desk.audio.convert import LAYOUTS, MIX
from desk.audio.devices import DeviceInfo
from desk.audio.meter import device_map
from desk.call import SourceSpec
from desk.events import AGENT, CALLER

STEREO_LAYOUTS = tuple(name for name in LAYOUTS if name != MIX)


@dataclass(frozen=True)
class AudioSetup:
    """``caller_device``: a device name, None for the system's default input.
    ``caller_layout``: one of desk.audio.convert.LAYOUTS. ``agent_device``: the agent's
    microphone, None for none (always None with a stereo layout). ``model_path``: a vosk model
    folder or zip, "" for none (the call is then acoustic only)."""

    caller_device: str | None = None
    caller_layout: str = MIX
    agent_device: str | None = None
    model_path: str = ""

    @property
    def stereo(self) -> bool:
        """The caller's device is a stereo adapter that carries both parties."""
        return self.caller_layout in STEREO_LAYOUTS

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> AudioSetup:
        """Tolerant: anything missing or odd falls back to the default of that field, and an
        agent device next to a stereo layout is dropped."""
        d: Mapping[str, Any] = data if isinstance(data, Mapping) else {}
        caller_layout = d.get("caller_layout")
        if caller_layout not in LAYOUTS:
            caller_layout = MIX
        model = d.get("model_path")
        setup = cls(_name(d.get("caller_device")), str(caller_layout),
                    _name(d.get("agent_device")), model.strip() if isinstance(model, str) else "")
        return setup if not setup.stereo else cls(setup.caller_device, setup.caller_layout,
                                                  None, setup.model_path)


def _name(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def find_device(name: str, devices: Sequence[DeviceInfo]) -> DeviceInfo | None:
    """The device called ``name``: exact name, else the one whose name without ALSA's
    "(hw:n,m)" matches (those numbers shift), else a unique description."""
    for d in devices:
        if d.name == name:
            return d
    base = _strip_hw(name)
    same = [d for d in devices if _strip_hw(d.name) == base]
    if len({d.name for d in same}) == 1:
        return same[0]
    described = [d for d in devices if d.description == name]
    return described[0] if len(described) == 1 else None


def _strip_hw(name: str) -> str:
    head, sep, tail = name.rpartition(" (hw:")
    return head if sep and tail.endswith(")") else name


def specs(setup: AudioSetup, devices: Sequence[DeviceInfo]) -> list[SourceSpec]:
    """The LiveCall sources of ``setup`` on ``devices`` (desk.audio.list_devices()): the caller
    first, then the agent's microphone when there is one.

    A mixed caller device uses its first two channels at most ({caller: (0, 1)} for a stereo
    monitor, {caller: (0,)} for a mono microphone); a stereo adapter gives {agent: (0,),
    caller: (1,)} or the other way round; the agent's microphone gives {agent: (0,)}. The system
    default input (None) is taken as mono. Raises AudioError ``device`` when a named device is
    not among ``devices``, ``unsupported`` when the layout does not fit the device (a stereo
    layout on a mono device or on the default input), when a stereo layout comes with a
    separate agent device, or when caller and agent are the same device.
    """
    if setup.caller_layout not in LAYOUTS:
        raise AudioError("unsupported", f"unknown channel layout {setup.caller_layout!r}")
    if setup.caller_device is None:
        if setup.stereo:
            raise AudioError("unsupported", f"layout {setup.caller_layout} needs a stereo "
                                            "device chosen by name, not the default input")
        caller = SourceSpec(None, device_map(MIX, 1, CALLER))
    else:
        info = _need(setup.caller_device, devices)
        caller = SourceSpec(info.name, device_map(setup.caller_layout, info.channels, CALLER))
    if setup.agent_device is None:
        return [caller]
    if setup.stereo:
        raise AudioError("unsupported", "the stereo adapter already carries the agent; "
                                        "a separate agent device would feed the agent twice")
    agent = _need(setup.agent_device, devices)
    if agent.name == caller.device:
        raise AudioError("unsupported", f"{agent.name} is chosen for both the caller and the "
                                        "agent; a shared device needs a stereo layout")
    return [caller, SourceSpec(agent.name, {AGENT: (0,)})]


def _need(name: str, devices: Sequence[DeviceInfo]) -> DeviceInfo:
    info = find_device(name, devices)
    if info is None:
        raise AudioError("device", f"no audio device called {name!r} is connected")
    if info.channels < 1:
        raise AudioError("unsupported", f"{info.name} has no input channel")
    return info
