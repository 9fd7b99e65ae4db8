"""What every part of desk.audio shares: the pipeline rate and the one error type."""

from __future__ import annotations

RATE = 16000
"""Sample rate of everything after conversion: what the recognizer and the scorer get."""

ERROR_CODES = ("missing", "unreadable", "empty", "unsupported", "device")


class AudioError(Exception):
    """An audio file or device that cannot be used.

    ``code`` is one of ERROR_CODES (the UI translates it); ``detail`` is one line for logs and
    the CLI (file names, library messages — never shown as the whole explanation).
    """

    def __init__(self, code: str, detail: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown audio error code {code!r}")
        self.code = code
        self.detail = one_line(detail)
        super().__init__(f"{code}: {self.detail}")


def one_line(text: str, limit: int = 300) -> str:
    """Collapse a (library) message to one line of at most ``limit`` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
