"""Device or file frames → one float32 mono stream at 16 kHz per logical channel.

A ChannelMap says which device channels make each logical channel (``desk.events.CALLER``,
``AGENT``); listed channels are averaged. The Converter resamples with one streaming soxr
resampler that keeps its state between blocks, so the output does not depend on how the input
was cut into blocks: a live call and the same audio read from a file give the same samples.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import soxr

from desk.audio.common import RATE, AudioError
from desk.events import AGENT, CALLER, CHANNELS

ChannelMap = Mapping[str, tuple[int, ...]]

MIX = "mix"
LEFT_AGENT_RIGHT_CALLER = "left_agent_right_caller"
LEFT_CALLER_RIGHT_AGENT = "left_caller_right_agent"
LAYOUTS = (MIX, LEFT_AGENT_RIGHT_CALLER, LEFT_CALLER_RIGHT_AGENT)
QUALITY = "HQ"  # soxr: 20-bit precision, plenty for speech; VHQ costs ~2x for nothing audible


def layout(name: str, channels: int, role: str = CALLER) -> dict[str, tuple[int, ...]]:
    """The ChannelMap of a named layout on a device or file with ``channels`` channels.

    ``mix``: every channel averaged into ``role`` (a mono mic, a stereo loopback of the
    softphone). ``left_agent_right_caller`` / ``left_caller_right_agent``: a call-recording
    adapter or a stereo recording, one party per side (needs two channels or more).
    """
    if channels < 1:
        raise AudioError("unsupported", f"a source with {channels} channels")
    if name == MIX:
        if role not in CHANNELS:
            raise ValueError(f"unknown logical channel {role!r}")
        return {role: tuple(range(channels))}
    if name in (LEFT_AGENT_RIGHT_CALLER, LEFT_CALLER_RIGHT_AGENT):
        if channels < 2:
            raise AudioError("unsupported", f"layout {name} needs 2 channels, the source has 1")
        left, right = (AGENT, CALLER) if name == LEFT_AGENT_RIGHT_CALLER else (CALLER, AGENT)
        return {left: (0,), right: (1,)}
    raise AudioError("unsupported", f"unknown channel layout {name!r}")


def mono_layouts(channels: int, role: str = CALLER) -> dict[str, dict[str, tuple[int, ...]]]:
    """The named layouts that make sense for ``channels`` channels, name → ChannelMap
    (a mono source offers only ``mix``)."""
    names = (MIX,) if channels < 2 else LAYOUTS
    return {name: layout(name, channels, role) for name in names}


def validate_map(channel_map: ChannelMap, channels: int) -> None:
    """Raise AudioError("unsupported") unless ``channel_map`` fits ``channels`` channels."""
    if not channel_map:
        raise AudioError("unsupported", "the channel map names no channel")
    for logical, picks in channel_map.items():
        if logical not in CHANNELS:
            raise AudioError("unsupported", f"unknown logical channel {logical!r}")
        if not picks:
            raise AudioError("unsupported", f"channel {logical!r} takes no device channel")
        bad = [i for i in picks if not 0 <= i < channels]
        if bad:
            raise AudioError("unsupported", f"channel {logical!r} wants device channel "
                                            f"{bad[0]}, the source has {channels}")


class Converter:
    """Streaming split + average + resample to 16 kHz. One instance per source, used by one
    thread (the analysis worker); it keeps resampler state between ``process`` calls."""

    def __init__(self, in_rate: float, in_channels: int, channel_map: ChannelMap) -> None:
        if not in_rate > 0:
            raise AudioError("unsupported", f"sample rate {in_rate}")
        validate_map(channel_map, in_channels)
        self.in_rate = float(in_rate)
        self.in_channels = in_channels
        self.names: tuple[str, ...] = tuple(channel_map)
        self._picks = [np.asarray(channel_map[n], dtype=np.intp) for n in self.names]
        self._stream: soxr.ResampleStream | None = None
        if self.in_rate != RATE:
            self._stream = soxr.ResampleStream(self.in_rate, RATE, len(self.names),
                                               dtype="float32", quality=QUALITY)
        self.frames_in = 0
        self.samples_out = 0

    def process(self, frames: np.ndarray) -> dict[str, np.ndarray]:
        """(n, in_channels) frames (any float/int dtype; 1-D for mono) → logical channel →
        float32 mono at 16 kHz. Output lags input by the resampler's delay until flush()."""
        x = np.asarray(frames)
        if x.ndim == 1:
            x = x.reshape(-1, 1)
        if x.ndim != 2 or x.shape[1] != self.in_channels:
            raise ValueError(f"expected (n, {self.in_channels}) frames, got {x.shape}")
        x = x.astype(np.float32, copy=False)
        if not np.isfinite(x).all():  # a damaged float file: NaN/inf would poison the features
            x = np.nan_to_num(x, nan=0.0, posinf=1.0, neginf=-1.0)
        mixed = np.empty((x.shape[0], len(self.names)), dtype=np.float32)
        for j, picks in enumerate(self._picks):
            mixed[:, j] = x[:, picks[0]] if picks.size == 1 else x[:, picks].mean(axis=1)
        self.frames_in += x.shape[0]
        if self._stream is not None:
            mixed = self._stream.resample_chunk(mixed, last=False)
        return self._split(mixed)

    def flush(self) -> dict[str, np.ndarray]:
        """The samples the resampler still holds; call once at the end of the audio."""
        if self._stream is None:
            empty = np.zeros((0, len(self.names)), dtype=np.float32)
            return self._split(empty)
        tail = self._stream.resample_chunk(np.zeros((0, len(self.names)), np.float32),
                                           last=True)
        return self._split(tail)

    def _split(self, mixed: np.ndarray) -> dict[str, np.ndarray]:
        mixed = np.asarray(mixed, dtype=np.float32).reshape(-1, len(self.names))
        self.samples_out += mixed.shape[0]
        return {name: np.ascontiguousarray(mixed[:, j]) for j, name in enumerate(self.names)}


def to_mono16k(frames: np.ndarray, rate: float, channel_map: ChannelMap
               ) -> dict[str, np.ndarray]:
    """Convert a whole recording at once (tests, short clips)."""
    x = np.asarray(frames)
    conv = Converter(rate, 1 if x.ndim == 1 else x.shape[1], channel_map)
    head, tail = conv.process(x), conv.flush()
    return {n: np.concatenate([head[n], tail[n]]) for n in conv.names}
