"""Periodic complaint analysis (定期检讨): what came in over a period and what was learnt.

For a period of local calendar days (optionally one agent's cases):

- cases opened in the period, by category (the source of dissatisfaction) and by status, and
  the category trend by day (up to 31 days), ISO week (up to 26 weeks) or month;
- root causes and preventive measures **written in the period** on any case (a case opened last
  week and resolved yesterday teaches yesterday's lesson), de-duplicated, most recent first;
- repeat customers: customers with a case opened in the period and two or more cases opened in
  the last ``REPEAT_WINDOW_DAYS`` days up to the period's end (or in the period, if longer);
- callback promises due in the period: kept (done on or before the time promised), broken (done
  late, or still open after it), still pending, cancelled;
- follow-up visits (回访) dated in the period and how many are done; follow-ups marked done in the
  period; follow-ups overdue now;
- satisfaction ratings (1–5, stored as an integer on the case) given in the period.

Codes and numbers only; the UI words them. Qt-free.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from db import analysis as qa
from desk.store import Store
from desk.timeutil import local_day_range, parse_iso

REPEAT_WINDOW_DAYS = 90
MAX_LESSONS = 10
LESSON_CHARS = 400  # a lesson is read out at a meeting: longer texts are cut (and say so)
MAX_REPEAT_CUSTOMERS = 10
MAX_PERIOD_DAYS = 3 * 366
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Period:
    """Local calendar days ``[start, end)``: ``Period(d, d + 1 day)`` is the day ``d``."""

    start: date
    end: date

    def __post_init__(self) -> None:
        days = (self.end - self.start).days
        if days < 1:
            raise ValueError(f"a period ends after it starts: {self.start} .. {self.end}")
        if days > MAX_PERIOD_DAYS:
            raise ValueError(f"a period of {days} days is too long (at most {MAX_PERIOD_DAYS})")

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day + timedelta(days=1))

    @classmethod
    def yesterday(cls, today: date | None = None) -> Period:
        return cls.day((today or date.today()) - timedelta(days=1))

    @classmethod
    def last_days(cls, n: int, today: date | None = None) -> Period:
        """The ``n`` days up to and including today."""
        end = (today or date.today()) + timedelta(days=1)
        return cls(end - timedelta(days=n), end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def bounds(self) -> tuple[str, str]:
        """ISO UTC ``[from, to)`` of the local days."""
        return local_day_range(self.start)[0], local_day_range(self.end)[0]

    @property
    def bucket(self) -> str:
        """The trend's bucket for a period this long: day, week (ISO) or month."""
        return "day" if self.days <= 31 else "week" if self.days <= 26 * 7 else "month"


@dataclass(frozen=True)
class TrendBucket:
    start: date  # the first day of the bucket (a Monday for weeks, the 1st for months)
    counts: tuple[tuple[str, int], ...]  # (category, cases), in the analysis's category order

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True)
class Lesson:
    """A root cause and its preventive measure, as written on one or more cases."""

    root_cause: str  # one line, cut to LESSON_CHARS ("…" at the end when cut)
    prevention: str
    case_refs: tuple[str, ...]  # the cases where the same text was written, newest first
    categories: tuple[str, ...]
    written_at: str  # ISO UTC, the newest


@dataclass(frozen=True)
class RepeatCustomer:
    customer_id: str
    name: str
    cases: int  # opened in the window (REPEAT_WINDOW_DAYS up to the period's end)
    in_period: int  # ... of which in the period
    case_refs: tuple[str, ...]  # oldest first
    categories: tuple[str, ...]  # distinct, in order of first appearance


@dataclass(frozen=True)
class Promises:
    """Callback promises (buy time: "I'll call you back within 10 minutes") due in a period."""

    due: int
    kept: int  # done on or before the time promised
    late: int  # done, but after it
    missed: int  # still open after it
    pending: int  # still open, time not yet reached
    cancelled: int

    @property
    def broken(self) -> int:
        return self.late + self.missed

    @property
    def kept_rate(self) -> float | None:
        decided = self.kept + self.broken
        return self.kept / decided if decided else None


@dataclass(frozen=True)
class FollowUps:
    due: int  # follow-up visits dated in the period
    done: int  # ... of which done (now)
    done_in_period: int  # marked done during the period, whatever their date
    overdue: int  # dated before today and not done (whenever), as of the analysis


@dataclass(frozen=True)
class Satisfaction:
    rated: int
    average: float | None
    distribution: tuple[int, int, int, int, int]  # how many rated 1, 2, 3, 4, 5


@dataclass(frozen=True)
class ComplaintAnalysis:
    period: Period
    agent: str | None
    cases: int  # opened in the period
    by_category: tuple[tuple[str, int], ...]  # most first; "" is a case without a category
    by_status: tuple[tuple[str, int], ...]  # of the period's cases, now
    trend: tuple[TrendBucket, ...]
    lessons: tuple[Lesson, ...]
    lessons_total: int  # before keeping the newest MAX_LESSONS
    repeat_customers: tuple[RepeatCustomer, ...]
    repeat_total: int
    promises: Promises
    followups: FollowUps
    satisfaction: Satisfaction

    @property
    def bucket(self) -> str:
        return self.period.bucket


def clean_line(text: str, limit: int = LESSON_CHARS, cut: bool = False) -> str:
    """One readable line: control and invisible characters dropped, whitespace collapsed, cut
    to ``limit`` characters with "…" (also when ``cut``: the database already cut it)."""
    line = _SPACE.sub(" ", _CONTROL.sub("", text)).strip()
    if len(line) > limit or cut:
        return line[:max(0, limit - 1)].rstrip() + "…"
    return line


def _local_day(iso: str) -> date | None:
    try:
        return parse_iso(iso).astimezone().date()
    except (ValueError, TypeError):
        return None


def bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _bucket_starts(period: Period) -> list[date]:
    starts: list[date] = []
    day = period.start
    while day < period.end:
        start = bucket_start(day, period.bucket)
        if not starts or starts[-1] != start:
            starts.append(start)
        day += timedelta(days=1)
    return starts


def _ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Most first; on a tie by key, with "" (no category, no status) last."""
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0])))


def trend(period: Period, cases: Iterable[dict[str, Any]],
          categories: Iterable[str]) -> tuple[TrendBucket, ...]:
    order = list(categories)
    per: dict[date, Counter[str]] = {s: Counter() for s in _bucket_starts(period)}
    for c in cases:
        day = _local_day(c["created_at"] or "")
        if day is not None:
            start = bucket_start(day, period.bucket)
            if start in per:
                per[start][c["category"] or ""] += 1
    return tuple(TrendBucket(s, tuple((k, n[k]) for k in order)) for s, n in per.items())


def _lessons(rows: list[dict[str, Any]], current: dict[str, dict[str, Any]] | None = None
             ) -> tuple[list[Lesson], int]:
    """Root causes and measures written in the period, a case's two read out together: the
    one not written in the period is its current value (``current``: db lesson_texts)."""
    by_case: dict[str, dict[str, Any]] = {}
    for r in rows:  # newest first
        if r["field"] not in ("root_cause", "prevention"):
            continue
        case = by_case.setdefault(r["id"], {"ref": r["ref"] or "", "category": r["category"]
                                            or "", "at": r["written_at"] or ""})
        case[r["field"]] = clean_line(str(r["value"] or ""), cut=bool(r["cut"]))
    for case_id, case in by_case.items():
        for field, (text, cut) in (current or {}).get(case_id, {}).items():
            if field not in case:
                case[field] = clean_line(text, cut=cut)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for case in by_case.values():
        root, prevention = case.get("root_cause", ""), case.get("prevention", "")
        if root or prevention:
            groups.setdefault((root.casefold(), prevention.casefold()), []).append(case)
    lessons = []
    for same in groups.values():
        same.sort(key=lambda c: c["at"], reverse=True)
        first = same[0]
        cats = tuple(dict.fromkeys(c["category"] for c in same))
        lessons.append(Lesson(first.get("root_cause", ""), first.get("prevention", ""),
                              tuple(c["ref"] for c in same), cats, first["at"]))
    lessons.sort(key=lambda x: x.written_at, reverse=True)
    return lessons[:MAX_LESSONS], len(lessons)


def _satisfaction(rows: list[dict[str, Any]]) -> Satisfaction:
    dist = [0, 0, 0, 0, 0]
    for r in rows:
        if r["field"] != "satisfaction" or r["value"] in (None, ""):
            continue
        try:
            score = int(r["value"])
        except (TypeError, ValueError):
            continue
        if 1 <= score <= 5:
            dist[score - 1] += 1
    rated = sum(dist)
    avg = sum((i + 1) * n for i, n in enumerate(dist)) / rated if rated else None
    return Satisfaction(rated, avg, (dist[0], dist[1], dist[2], dist[3], dist[4]))


def _when(iso: str | None) -> datetime | None:
    try:
        return parse_iso(iso) if iso else None
    except ValueError:
        return None


def promises(rows: Iterable[dict[str, Any]], now: datetime) -> Promises:
    kept = late = missed = pending = cancelled = due = 0
    for r in rows:
        due += 1
        due_at, done_at = _when(r["due_at"]), _when(r["done_at"])
        if r["status"] == "cancelled":
            cancelled += 1
        elif r["status"] == "done":
            if done_at is not None and due_at is not None and done_at > due_at:
                late += 1
            else:
                kept += 1
        elif due_at is not None and due_at < now:
            missed += 1
        else:
            pending += 1
    return Promises(due, kept, late, missed, pending, cancelled)


def _repeat(rows: list[dict[str, Any]], period_from: str,
            agent: str | None = None) -> tuple[list[RepeatCustomer], int]:
    """Customers with two or more cases; for one agent's analysis only their own cases are
    named (the others are counted: that the customer complained before is worth knowing)."""
    by_customer: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_customer.setdefault(r["customer_id"], []).append(r)

    def named(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [c for c in cases if agent is None or (c.get("agent") or "") == agent]

    out = [RepeatCustomer(cid, cases[0]["customer_name"] or "", len(cases),
                          sum(1 for c in cases if (c["created_at"] or "") >= period_from),
                          tuple(c["ref"] or "" for c in named(cases)),
                          tuple(dict.fromkeys(c["category"] or "" for c in named(cases))))
           for cid, cases in by_customer.items() if len(cases) >= 2]
    out.sort(key=lambda r: (-r.cases, -r.in_period, r.name, r.customer_id))
    return out[:MAX_REPEAT_CUSTOMERS], len(out)


def analyse(store: Store, period: Period, agent: str | None = None,
            now: datetime | None = None) -> ComplaintAnalysis:
    """The complaint analysis of ``period`` (of ``agent``'s cases if given) as of ``now``.

    May be called from any thread but the store's own (it waits for the store)."""
    now = now or datetime.now(timezone.utc)
    start, end = period.bounds()
    window_from = min(start, local_day_range(period.end - timedelta(days=REPEAT_WINDOW_DAYS))[0])
    today = now.astimezone().date().isoformat()

    def run(conn: Any) -> tuple[Any, ...]:
        written = qa.fields_written(conn, start, end, agent)
        told = [r["id"] for r in written if r["field"] in ("root_cause", "prevention")]
        return (qa.period_cases(conn, start, end, agent), written,
                qa.callbacks_due(conn, start, end, agent),
                qa.followups(conn, period.start.isoformat(), period.end.isoformat(), today,
                             agent),
                qa.customer_cases(conn, start, end, window_from, agent),
                qa.lesson_texts(conn, list(dict.fromkeys(told))))

    cases, written, callbacks, follow, customers, current = store.call(run)
    by_category = _ranked(Counter(c["category"] or "" for c in cases))
    lessons, lessons_total = _lessons(written, current)
    repeat, repeat_total = _repeat(customers, start, agent)
    done_in_period = sum(1 for r in written if r["field"] == "followup_done" and r["value"] == 1)
    return ComplaintAnalysis(
        period, agent, len(cases), by_category,
        _ranked(Counter(c["status"] or "" for c in cases)),
        trend(period, cases, (k for k, _ in by_category)), tuple(lessons), lessons_total,
        tuple(repeat), repeat_total, promises(callbacks, now),
        FollowUps(follow["due"], follow["done"], done_in_period, follow["overdue"]),
        _satisfaction(written))


@dataclass(frozen=True)
class CaseFigures:
    """One agent's (or the team's) case figures over a period, for the team table."""

    promises: Promises
    followups_due: int
    followups_done: int
    satisfaction: Satisfaction

    @staticmethod
    def nothing() -> CaseFigures:
        """An agent with no promises, follow-ups or ratings in the period."""
        return CaseFigures(Promises(0, 0, 0, 0, 0, 0), 0, 0, Satisfaction(0, None, (0,) * 5))


def case_figures_by_agent(store: Store, period: Period,
                          now: datetime | None = None) -> dict[str, CaseFigures]:
    """Callback promises, follow-ups and satisfaction of ``period`` per case agent, and the
    whole desk's under "" — in one pass over the period (not one per agent)."""
    now = now or datetime.now(timezone.utc)
    start, end = period.bounds()

    def run(conn: Any) -> tuple[Any, ...]:
        return (qa.fields_written(conn, start, end, None, max_chars=0),
                qa.callbacks_due(conn, start, end, None),
                qa.followups_by_agent(conn, period.start.isoformat(), period.end.isoformat()))

    written, callbacks, follow = store.call(run)
    agents = {""} | {r["agent"] or "" for r in (*written, *callbacks)} | \
        {r["agent"] for r in follow}
    out = {}
    for a in agents:
        def mine(rows: Iterable[dict[str, Any]], a: str = a) -> list[dict[str, Any]]:
            return [r for r in rows if not a or (r["agent"] or "") == a]

        due = sum(r["due"] for r in mine(follow))
        done = sum(r["done"] for r in mine(follow))
        out[a] = CaseFigures(promises(mine(callbacks), now), due, done,
                             _satisfaction(mine(written)))
    return out
