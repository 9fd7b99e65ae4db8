"""The one-page digest for the morning meeting (早班会): yesterday (or any period) at a glance.

Calls handled with their agitation, de-escalation, CLEAR completion and order, time to apology
and traps (from desk.review), the worst calls, the complaint analysis of the period
(desk.analysis), the backlog now (open cases, overdue callbacks) and the lessons to read out.

A pure function of the store, the period, the agent filter and ``now``: :func:`build_digest`.
Codes and numbers only; the UI words them. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from db import analysis as qa
from desk.analysis import ComplaintAnalysis, Period, analyse, clean_line
from desk.review import (
    AgentStats,
    CallQuery,
    CallReview,
    ReviewService,
    Viewer,
    team_stats,
)
from desk.store import Store
from desk.timeutil import to_iso

WORST_CALLS = 3
MAX_OVERDUE = 10
NOTE_CHARS = 120


@dataclass(frozen=True)
class WorstCall:
    call_id: str
    case_id: str
    case_ref: str
    started_at: str  # ISO UTC
    agent: str
    customer: str
    category: str
    peak: float
    final: float
    traps: int
    escalations: int


@dataclass(frozen=True)
class OverdueCallback:
    id: str
    case_ref: str
    customer: str
    category: str
    agent: str
    due_at: str  # ISO UTC
    note: str  # one line, cut to NOTE_CHARS


@dataclass(frozen=True)
class Digest:
    period: Period
    agent: str | None  # None: the whole team
    generated_at: str  # ISO UTC: "now" of the figures that depend on it
    bands: tuple[float, float, float]  # elevated, agitated, escalate (the scorer's)
    team: AgentStats  # all calls of the period (agent "")
    agents: tuple[AgentStats, ...]  # one row per agent, by name
    traps: tuple[tuple[str, int], ...]  # (code, count), the most frequent first
    escalations: tuple[tuple[str, int], ...]  # caller escalation groups, likewise
    interruptions: int
    worst_calls: tuple[WorstCall, ...]  # the highest peaks, highest first
    analysis: ComplaintAnalysis
    open_cases: int  # now, whenever opened
    overdue_callbacks: tuple[OverdueCallback, ...]  # still open after their time, oldest first
    overdue_total: int

    @property
    def calls(self) -> int:
        return self.team.calls

    @property
    def new_cases(self) -> int:
        return self.analysis.cases

    @property
    def is_empty(self) -> bool:
        """Nothing happened in the period (no call, no case, no promise due, no lesson)."""
        a = self.analysis
        return not (self.calls or a.cases or a.promises.due or a.lessons_total
                    or a.satisfaction.rated or a.followups.due or a.followups.done_in_period)


def worst_calls(calls: list[CallReview], n: int = WORST_CALLS) -> tuple[WorstCall, ...]:
    """The ``n`` calls with the highest peak (the later call first on a tie)."""
    ranked = sorted(calls, key=lambda c: (c.peak, c.started_at, c.id), reverse=True)[:n]
    return tuple(WorstCall(c.id, c.case_id, c.case_ref, c.started_at, c.agent, c.customer,
                           c.category, c.peak, c.final, c.traps, c.escalations) for c in ranked)


def _bands() -> tuple[float, float, float]:
    from desk.agitation.config import load_config

    return load_config().bands


def build_digest(store: Store, period: Period | None = None, agent: str | None = None,
                 now: datetime | None = None,
                 bands: tuple[float, float, float] | None = None,
                 viewer: Viewer | None = None) -> Digest:
    """The digest of ``period`` (yesterday by default), of one agent's calls and cases or the
    team's, as of ``now``. A ``viewer`` who is an agent gets their own digest only, whatever
    ``agent`` asks. Runs on the caller's thread (not the store's): a background thread in the
    UI."""
    if viewer is not None and not viewer.sees_team:
        agent = viewer.name
    now = now or datetime.now(timezone.utc)
    period = period or Period.yesterday(now.astimezone().date())
    bands = bands or _bands()
    start, end = period.bounds()
    calls = ReviewService(store, viewer).calls(
        CallQuery(started_from=start, started_to=end, agent=agent, sort="started_at"))
    rows = team_stats(calls, bands)
    now_iso = to_iso(now)

    def run(conn: Any) -> tuple[Any, ...]:
        return (qa.mark_counts(conn, start, end, agent),
                qa.open_cases(conn, agent),
                qa.overdue_callbacks(conn, now_iso, agent, MAX_OVERDUE))

    marks, open_cases, (overdue_total, overdue) = store.call(run)
    by_kind: dict[str, list[tuple[str, int]]] = {}
    for m in marks:
        by_kind.setdefault(m["kind"], []).append((m["code"] or "", int(m["n"])))
    return Digest(
        period, agent, now_iso, bands, rows[-1], tuple(rows[:-1]),
        tuple(by_kind.get("trap", ())), tuple(by_kind.get("escalation", ())),
        sum(n for _, n in by_kind.get("interruption", ())), worst_calls(calls),
        analyse(store, period, agent, now), open_cases,
        tuple(OverdueCallback(r["id"], r["case_ref"] or "", r["customer_name"] or "",
                              r["category"] or "", r["agent"] or "", r["due_at"] or "",
                              clean_line(r["note"] or "", NOTE_CHARS))
              for r in overdue), overdue_total)
