"""Recorded calls from files: WAV of any common layout, and whatever else libsndfile reads.

``open_audio(path)`` checks the file up front and turns every failure into an AudioError with a
code (missing, empty, unreadable, unsupported) and a one-line detail. A WAV whose header
promises more data than the file holds (a recording cut off when the recorder crashed) is read
as far as it goes: ``AudioFile.truncated`` is True and ``warning`` says how much is there.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import numpy as np
import soundfile as sf

from desk.audio.common import AudioError, one_line

# WAV format tags libsndfile decodes (PCM, ADPCM, float, A-law, µ-law, GSM, G.721, MP3,
# WAVE_FORMAT_EXTENSIBLE). Anything else is a codec we do not support, not a broken file.
_WAV_TAGS_DECODED = {0x0001, 0x0002, 0x0003, 0x0006, 0x0007, 0x0011, 0x0031, 0x0040, 0x0064,
                     0x0055, 0xFFFE}
_SHORT_DATA = re.compile(r"^data\s*:\s*(\d+)\s*\(should be (\d+)\)", re.MULTILINE)


class AudioFile:
    """An open audio file. Not thread-safe: one reader (the analysis worker) at a time."""

    def __init__(self, path: Path, handle: sf.SoundFile) -> None:
        self.path = path
        self._f = handle
        self.rate: int = int(handle.samplerate)
        self.channels: int = int(handle.channels)
        self.frames: int = int(handle.frames)
        self.format_name: str = f"{handle.format} {handle.subtype}"
        self.truncated = False
        self.warning = ""
        declared = _declared_data_bytes(str(handle.extra_info))
        if declared is not None:
            claimed, present = declared
            self.truncated = True
            promised = self.duration * claimed / present if present else 0.0
            self.warning = (f"{path.name}: cut short, the header promises {promised:.2f} s, "
                            f"{self.duration:.2f} s are there")

    @property
    def duration(self) -> float:
        """Seconds of audio in the file (what is really there, for a cut-short file)."""
        return self.frames / self.rate if self.rate else 0.0

    def blocks(self, block_frames: int) -> Iterator[np.ndarray]:
        """Yield float32 arrays shaped (n, channels), n == block_frames except the last.

        Starts at the beginning of the file every time it is called. A read error in the middle
        (corrupt compressed data) raises AudioError("unreadable") after the good blocks.
        """
        if block_frames <= 0:
            raise ValueError("block_frames must be positive")
        try:
            self._f.seek(0)
            while True:
                block = self._f.read(block_frames, dtype="float32", always_2d=True)
                if block.shape[0] == 0:
                    return
                yield block
                if block.shape[0] < block_frames:
                    return
        except sf.LibsndfileError as exc:
            raise AudioError("unreadable", f"{self.path.name}: {exc.error_string}") from exc
        except (RuntimeError, OSError) as exc:
            raise AudioError("unreadable", f"{self.path.name}: {exc}") from exc

    def read_all(self) -> np.ndarray:
        """The whole file as float32 (frames, channels)."""
        parts = list(self.blocks(1 << 16))
        if not parts:
            return np.zeros((0, self.channels), dtype=np.float32)
        return np.concatenate(parts)

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> AudioFile:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return (f"AudioFile({self.path.name!r}, {self.format_name}, {self.rate} Hz, "
                f"{self.channels} ch, {self.duration:.2f} s)")


def open_audio(path: str | Path) -> AudioFile:
    """Open a recording for reading; raise AudioError (never a library exception) if unusable."""
    p = Path(path)
    name = p.name or str(p)
    try:
        size = p.stat().st_size
    except FileNotFoundError as exc:
        raise AudioError("missing", f"{p}: no such file") from exc
    except OSError as exc:
        raise AudioError("unreadable", f"{p}: {exc.strerror or exc}") from exc
    if p.is_dir():
        raise AudioError("unreadable", f"{p}: is a folder, not a file")
    if size == 0:
        raise AudioError("empty", f"{name}: the file is empty (0 bytes)")
    try:
        handle = sf.SoundFile(p)
    except sf.LibsndfileError as exc:
        raise _open_error(p, exc) from exc
    except (RuntimeError, OSError, ValueError, TypeError) as exc:
        raise AudioError("unreadable", f"{name}: {exc}") from exc
    try:
        audio = AudioFile(p, handle)
        if audio.rate <= 0 or audio.channels <= 0:
            raise AudioError("unreadable", f"{name}: header says {audio.rate} Hz, "
                                           f"{audio.channels} channels")
        if audio.frames <= 0:
            raise AudioError("empty", f"{name}: {audio.format_name} file holds no audio")
    except BaseException:
        handle.close()
        raise
    return audio


def _open_error(p: Path, exc: sf.LibsndfileError) -> AudioError:
    message = one_line(exc.error_string or str(exc))
    tag = _wav_format_tag(p)
    if tag is not None and tag not in _WAV_TAGS_DECODED:
        return AudioError("unsupported", f"{p.name}: WAV encoding 0x{tag:04X} is not supported")
    if exc.code == 1:  # SF_ERR_UNRECOGNISED_FORMAT: not a sound file we know (text, random)
        return AudioError("unsupported", f"{p.name}: not a recognised audio format")
    if exc.code == 2:  # SF_ERR_SYSTEM: the operating system refused (permissions, I/O error)
        return AudioError("unreadable", f"{p.name}: cannot be read ({message})")
    lowered = message.lower()
    if "not supported" in lowered or "unsupported" in lowered:
        return AudioError("unsupported", f"{p.name}: {message}")
    return AudioError("unreadable", f"{p.name}: damaged or cut short ({message})")


def _declared_data_bytes(log: str) -> tuple[int, int] | None:
    """(claimed, present) data bytes when libsndfile's header log says the data is short."""
    m = _SHORT_DATA.search(log)
    if m is None:
        return None
    claimed, present = int(m.group(1)), int(m.group(2))
    return (claimed, present) if present < claimed else None


def _wav_format_tag(p: Path) -> int | None:
    """The format tag of a RIFF/WAVE file's 'fmt ' chunk, or None when it is not one."""
    try:
        with p.open("rb") as f:
            head = f.read(12)
            if len(head) < 12 or head[:4] not in (b"RIFF", b"RIFX") or head[8:12] != b"WAVE":
                return None
            endian = "<" if head[:4] == b"RIFF" else ">"
            for _ in range(64):
                chunk = f.read(8)
                if len(chunk) < 8:
                    return None
                cid, size = chunk[:4], struct.unpack(endian + "I", chunk[4:])[0]
                if cid == b"fmt ":
                    body = f.read(2)
                    return int(struct.unpack(endian + "H", body)[0]) if len(body) == 2 else None
                f.seek(size + (size & 1), 1)
    except OSError:
        return None
    return None
