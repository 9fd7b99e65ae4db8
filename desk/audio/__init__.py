"""Audio input for the listening pipeline, Qt-free.

Files (``open_audio``), live devices (``LiveSource``, ``list_devices``), conversion to 16 kHz
mono per logical channel (``Converter``), the bounded callback queue (``BlockQueue``, ``Gap``)
and voice activity (``Vad``). PortAudio is imported only when a device is listed or opened
(``desk.audio.devices`` / ``desk.audio.live``), so analysing a file never needs it.
"""

from __future__ import annotations

from desk.audio.common import ERROR_CODES, RATE, AudioError
from desk.audio.convert import (
    LAYOUTS,
    ChannelMap,
    Converter,
    layout,
    mono_layouts,
    to_mono16k,
    validate_map,
)
from desk.audio.devices import DeviceInfo, list_devices
from desk.audio.live import LiveSource
from desk.audio.queue import BlockQueue, Gap
from desk.audio.vad import Vad
from desk.audio.wavfile import AudioFile, open_audio

__all__ = [
    "ERROR_CODES",
    "LAYOUTS",
    "RATE",
    "AudioError",
    "AudioFile",
    "BlockQueue",
    "ChannelMap",
    "Converter",
    "DeviceInfo",
    "Gap",
    "LiveSource",
    "Vad",
    "layout",
    "list_devices",
    "mono_layouts",
    "open_audio",
    "to_mono16k",
    "validate_map",
]
