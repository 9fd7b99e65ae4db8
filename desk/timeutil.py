"""Timestamps: stored as ISO-8601 UTC with milliseconds and a trailing Z (they sort)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone


def to_iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.astimezone()
    return dt.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def now_iso() -> str:
    return to_iso(datetime.now(timezone.utc))


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def local_day_range(day: date) -> tuple[str, str]:
    """UTC bounds [start, end) of a calendar day in the local time zone."""
    start = datetime.combine(day, time.min).astimezone()
    return to_iso(start), to_iso(start + timedelta(days=1))
