"""Call review for supervisors (and an agent's own calls): the calls list with its figures.

For each call: peak and final agitation of the caller, de-escalation (peak minus final), the
call time of the first apology (CLEAR's A) and of the first concrete offer (R), the CLEAR steps
done at the end of the call and the order in which they were first done, traps hit,
escalation cues and interruptions. Sorting and filtering happen here, not in the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from db import review as qr
from desk.models import STEP_KEYS
from desk.store import Store
from desk.sync import credentials

DEFAULT_BANDS = (35.0, 55.0, 75.0)  # the scorer's, when its configuration cannot be read
# Ways a call went wrong, to list only those calls: the caller became agitated and did not
# come down; no apology; CLEAR not complete; a trap hit; an escalation word heard.
PROBLEMS = ("not_calmed", "no_apology", "clear_incomplete", "traps", "escalation")
SORT_KEYS = ("started_at", "duration", "peak", "final", "deescalation", "t_apology",
             "t_offer", "steps_done", "traps", "escalations", "agent", "customer", "category",
             "case_ref")


@dataclass(frozen=True)
class CallReview:
    id: str
    case_id: str
    case_ref: str
    started_at: str
    duration: float
    agent: str
    customer: str
    category: str
    status: str
    peak: float
    final: float
    t_apology: float | None  # call time (s) of the first apology heard or ticked
    t_offer: float | None  # ... of the first concrete offer (R)
    steps_done: tuple[str, ...] = ()  # done at the end of the call, in CLEAR order
    step_order: tuple[str, ...] = ()  # the order in which steps were first done
    traps: int = 0
    escalations: int = 0
    interruptions: int = 0

    @property
    def deescalation(self) -> float:
        """How far the caller came down from the peak by the end (0 when never up)."""
        return max(0.0, self.peak - self.final)

    @property
    def in_clear_order(self) -> bool:
        """Steps first done in C, L, E, A, R order (skipping is allowed, going back is not)."""
        ranks = [STEP_KEYS.index(s) for s in self.step_order]
        return ranks == sorted(ranks)


@dataclass(frozen=True)
class CallQuery:
    started_from: str | None = None  # ISO UTC, inclusive
    started_to: str | None = None  # ISO UTC, exclusive
    agent: str | None = None
    category: str | None = None
    min_peak: float | None = None
    problem: str | None = None  # one of PROBLEMS: only the calls where that went wrong
    text: str | None = None  # in the transcript, the customer's name or the case reference
    sort: str = "started_at"
    descending: bool = True


def _steps(marks: list[dict[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...],
                                                  float | None, float | None]:
    """(done at the end, first-done order, first A time, first R time) from one call's
    step marks in time order."""
    done: set[str] = set()
    order: list[str] = []
    first: dict[str, float] = {}
    for m in marks:
        code = (m["code"] or "").split(".")[0]  # heard steps are coded "A.apology"
        if code not in STEP_KEYS:
            continue
        if m["kind"] == "step_undone":
            done.discard(code)
            continue
        done.add(code)
        if code not in first:
            first[code] = float(m["t"])
            order.append(code)
    return (tuple(s for s in STEP_KEYS if s in done), tuple(order), first.get("A"),
            first.get("R"))


def review_of(row: dict[str, Any], step_marks: list[dict[str, Any]]) -> CallReview:
    """A calls-list row (db.review.CALLS_SQL) and the call's step marks, in time order."""
    done, order, t_a, t_r = _steps(step_marks)
    return CallReview(
        row["id"], row["case_id"] or "", row["case_ref"] or "", row["started_at"] or "",
        float(row["duration"] or 0), row["agent"] or "", row["customer_name"] or "",
        row["category"] or "", row["status"] or "", float(row["peak"] or 0),
        float(row["final"] or 0), t_a, t_r, done, order, int(row["traps"]),
        int(row["escalations"]), int(row["interruptions"]))


def _sort_value(key: str) -> Callable[[CallReview], Any]:
    if key == "customer":
        return lambda c: c.customer
    if key in ("t_apology", "t_offer"):
        # Never apologised sorts after the slowest apology.
        return lambda c: (getattr(c, key) is None, getattr(c, key) or 0.0)
    if key == "steps_done":
        return lambda c: len(c.steps_done)
    return lambda c: getattr(c, key)


@dataclass(frozen=True)
class Viewer:
    """Who is reviewing. ``standalone``: no sync account (a counter: every call here);
    ``agent``: only their own calls; ``supervisor``: the team's (what the server let sync)."""

    role: str
    name: str = ""
    team: str = ""

    @property
    def sees_team(self) -> bool:
        return self.role != "agent"


def viewer_of(store: Store, local_name: str = "") -> Viewer:
    """The signed-in viewer: the sync account's role when there is one (learnt from the
    server at the first sync), an agent under ``local_name`` until then, and a standalone
    desk under ``local_name`` when there is no sync."""
    ident = credentials.identity(store)
    if ident is None and credentials.configured(store):
        # Sync is set up but the server has not said who this is yet (a new token): fail
        # closed, to the calls recorded under this desk's own name.
        return Viewer("agent", local_name)
    if ident is None:
        return Viewer("standalone", local_name)
    return Viewer(ident.role, ident.account, ident.team)


def sort_calls(calls: list[CallReview], key: str, descending: bool = False) -> list[CallReview]:
    """``calls`` by one of SORT_KEYS (ties keep their order)."""
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort {key!r}")
    return sorted(calls, key=_sort_value(key), reverse=descending)


class ReviewService:
    """The calls list of one viewer: an agent's list holds their own calls only."""

    def __init__(self, store: Store, viewer: Viewer | None = None,
                 bands: tuple[float, float, float] = DEFAULT_BANDS) -> None:
        self.store = store
        self.viewer = viewer or Viewer("standalone")
        self.bands = bands  # the scorer's (elevated, agitated, escalate)

    def has_problem(self, c: CallReview, problem: str) -> bool:
        """Whether ``c`` went wrong in the way ``problem`` (one of PROBLEMS) names."""
        elevated, agitated, _ = self.bands
        if problem not in PROBLEMS:
            raise ValueError(f"unknown problem {problem!r}")
        return {"not_calmed": c.peak >= agitated and c.final >= elevated,
                "no_apology": c.t_apology is None,
                "clear_incomplete": len(c.steps_done) < len(STEP_KEYS),
                "traps": c.traps > 0,
                "escalation": c.escalations > 0}[problem]

    def agents(self) -> list[str]:
        """The agents whose calls this viewer may see, by name."""
        if not self.viewer.sees_team:
            return [self.viewer.name]
        return self.store.call(qr.call_agents)

    def calls(self, q: CallQuery | None = None) -> list[CallReview]:
        q = q or CallQuery()
        if q.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort {q.sort!r}")
        if not self.viewer.sees_team:
            if q.agent is not None and q.agent != self.viewer.name:
                return []
            q = replace(q, agent=self.viewer.name)

        def run(conn: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            rows = qr.review_calls(conn, q.started_from, q.started_to, q.agent, q.category,
                                   (q.text or "").strip() or None)
            return rows, qr.step_marks(conn, [r["id"] for r in rows])

        rows, marks = self.store.call(run)
        by_call: dict[str, list[dict[str, Any]]] = {}
        for m in marks:
            by_call.setdefault(m["call_id"], []).append(m)
        out = []
        for r in rows:
            review = review_of(r, by_call.get(r["id"], []))
            if (q.min_peak is None or review.peak >= q.min_peak) and (
                    q.problem is None or self.has_problem(review, q.problem)):
                out.append(review)
        return sort_calls(out, q.sort, q.descending)


@dataclass(frozen=True)
class AgentStats:
    """One agent's calls over a period (``agent`` "" sums the whole team)."""

    agent: str
    calls: int
    avg_peak: float
    max_peak: float
    avg_final: float
    needed: int  # calls whose caller reached "agitated"
    calmed: int  # ... and ended below "elevated"
    clear_complete: int  # calls with all five steps done at the end
    in_order: int  # calls whose steps were first done in CLEAR order
    median_t_apology: float | None  # over the calls with an apology
    apologised: int
    traps: int

    @property
    def deescalation_rate(self) -> float | None:
        return self.calmed / self.needed if self.needed else None


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    v = sorted(values)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def agent_stats(calls: list[CallReview], agent: str,
                bands: tuple[float, float, float]) -> AgentStats:
    """Figures of ``calls`` (already chosen: one agent's, or the team's) against the score
    bands (elevated, agitated, escalate) of the agitation scorer. Calls still live (or whose
    end has not synced yet) have no figures yet and are left out."""
    elevated, agitated, _ = bands
    calls = [c for c in calls if c.status != "live"]
    needed = [c for c in calls if c.peak >= agitated]
    apologies = [c.t_apology for c in calls if c.t_apology is not None]
    n = len(calls)
    return AgentStats(
        agent, n, sum(c.peak for c in calls) / n if n else 0.0,
        max((c.peak for c in calls), default=0.0),
        sum(c.final for c in calls) / n if n else 0.0, len(needed),
        sum(1 for c in needed if c.final < elevated),
        sum(1 for c in calls if len(c.steps_done) == len(STEP_KEYS)),
        sum(1 for c in calls if c.step_order and c.in_clear_order),
        _median(apologies), len(apologies), sum(c.traps for c in calls))


def team_stats(calls: list[CallReview],
               bands: tuple[float, float, float]) -> list[AgentStats]:
    """Per agent (by name), then the team's total as the last row (agent "")."""
    by_agent: dict[str, list[CallReview]] = {}
    for c in calls:
        by_agent.setdefault(c.agent, []).append(c)
    rows = [agent_stats(cs, a, bands) for a, cs in sorted(by_agent.items())]
    return [*rows, agent_stats(calls, "", bands)]
