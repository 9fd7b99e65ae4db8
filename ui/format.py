"""Small formatting helpers for the UI (times shown in local time)."""

from __future__ import annotations

import re
from datetime import datetime

from desk.timeutil import parse_iso


def local(iso: str) -> datetime:
    return parse_iso(iso).astimezone()


def short_time(iso: str) -> str:
    """The local time of ``iso`` (the time alone today); text that is not a time as it is."""
    if not iso:
        return ""
    try:
        dt = local(iso)
    except ValueError:
        return iso[:40]
    if dt.date() == datetime.now().date():
        return dt.strftime("%H:%M:%S")
    return dt.strftime("%Y-%m-%d %H:%M")


def call_time(t: float) -> str:
    """``m:ss`` of a time in a call (``h:mm:ss`` from an hour on)."""
    s = max(0, int(t))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def countdown(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss``) of a non-negative number of seconds."""
    s = int(abs(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """``template`` with %1, %2... replaced in one pass (a value holding "%2" stays as it is;
    a placeholder with no value too)."""
    return PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1])
                           if int(m.group(1)) <= len(values) else m.group(0), template)
