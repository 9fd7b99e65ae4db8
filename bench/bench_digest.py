"""Morning-meeting digest: computing it for a day, a week and a month, and rendering a day's
digest to a one-page PDF.

    python -m bench.bench_digest [--calls 5000] [--history 20000] [--runs 10]

Fills a fresh database through the app's write path (``db.events.apply_field_events`` and
``append_rows`` on the store's thread, field events stamped with the simulated time, as
desk.cases writes them): over the 30 days up to today about 3 000 cases of 12 agents (a fifth
from returning customers; statuses, satisfaction, root causes and preventive measures,
follow-up dates and visits done), ``--calls`` calls on them with CLEAR step marks, traps and
escalation cues, and callback promises kept, broken, pending and cancelled; plus ``--history``
older resolved cases over the two years before (what a desk holds after a while: the digest must
not slow down with it). No curves: the digest does not read them (bench_review times those).

Then times ``build_digest`` for yesterday (the team, and one agent), the last 7 and the last
30 days, and ``render_digest_pdf`` of yesterday's digest (the page laid out, charts drawn,
A4 PDF written).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as dtime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import measure, ms, print_machine, print_table, save_json, size
from db.clock import new_id
from db.events import FieldEvent, append_rows, apply_field_events, transaction
from desk.analysis import Period
from desk.digest import build_digest
from desk.models import STEP_KEYS
from desk.store import Store
from desk.timeutil import to_iso

AGENTS = tuple(f"agent{i:02d}" for i in range(1, 13))
CATEGORIES = ("quality", "communication", "attitude", "price", "expectation")
CATEGORY_WEIGHTS = (40, 25, 15, 12, 8)
TRAPS = ("sorry_but", "bare_understand", "talk_over")
ESCALATIONS = ("regulator", "lawyer", "media", "manager", "cancel")
BATCH = 300  # cases (with their calls and callbacks) per transaction


class Gen:
    """Field events and marks for the data set; deterministic for a seed."""

    def __init__(self, store: Store, seed: int, today: date) -> None:
        self.r = random.Random(seed)
        self.store = store
        self.today = today
        self.customers: list[str] = []
        self.events: list[FieldEvent] = []
        self.marks: list[dict[str, Any]] = []
        self.case_ids: list[tuple[str, str, datetime]] = []  # (case, agent, created)

    def put(self, entity: str, entity_id: str, at: datetime, values: dict[str, Any]) -> None:
        stamp = to_iso(at)
        for field, value in values.items():
            self.events.append(FieldEvent(new_id(), entity, entity_id, field, value,
                                          self.store.clock.now(), self.store.device, stamp))

    def when(self, day: date) -> datetime:
        """A moment of a working day (local time), busier around late morning."""
        hour = min(21.9, max(8.0, self.r.gauss(12.5, 3.0)))
        local = datetime.combine(day, dtime()) + timedelta(hours=hour)
        return local.astimezone().astimezone(timezone.utc)

    def customer(self, at: datetime) -> str:
        if self.customers and self.r.random() < 0.2:
            return self.r.choice(self.customers)
        cid = new_id()
        self.put("customer", cid, at, {"name": f"客户{len(self.customers) + 1}",
                                       "phone": f"138{self.r.randint(0, 10**8 - 1):08d}"})
        self.customers.append(cid)
        return cid

    def case(self, day: date, recent: bool) -> None:
        r, created = self.r, self.when(day)
        agent = r.choice(AGENTS)
        case_id = new_id()
        category = r.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
        self.put("case", case_id, created, {
            "customer_id": self.customer(created), "status": "open", "stage": "attune",
            "category": category, "severity": r.choice(("low", "medium", "high")),
            "agent": agent, "owner": agent, "complaint": f"{category} complaint {case_id[-6:]}"})
        resolved = created + timedelta(hours=r.uniform(1, 72))
        if resolved.date() < self.today and r.random() < (0.7 if recent else 1.0):
            self.put("case", case_id, resolved, {
                "status": r.choice(("resolved", "resolved", "closed")),
                "resolved_at": to_iso(resolved)})
            if r.random() < 0.4:
                self.put("case", case_id, resolved, {
                    "root_cause": f"Root cause {r.randint(1, 60)} of {category}",
                    "prevention": f"Measure {r.randint(1, 60)}: check before shipping"})
            if r.random() < 0.7:
                self.put("case", case_id, resolved + timedelta(days=1),
                         {"satisfaction": r.choices((1, 2, 3, 4, 5), (5, 8, 17, 40, 30))[0]})
        if r.random() < 0.5:
            visit = created.date() + timedelta(days=3)
            self.put("case", case_id, created, {"followup_date": visit.isoformat()})
            if visit < self.today and r.random() < 0.8:
                self.put("case", case_id, self.when(visit), {"followup_done": 1})
        if recent and r.random() < 0.5:
            self.callback(case_id, created)
        self.case_ids.append((case_id, agent, created))

    def callback(self, case_id: str, created: datetime) -> None:
        r, cb = self.r, new_id()
        due = created + timedelta(minutes=r.choice((10, 15, 30, 60)))
        self.put("callback", cb, created, {"case_id": case_id, "due_at": to_iso(due),
                                           "note": "call back with the result",
                                           "status": "open"})
        roll = r.random()
        if due.date() >= self.today or roll < 0.1:
            return  # still open (pending, or missed)
        status = "cancelled" if roll < 0.2 else "done"
        done = due + timedelta(minutes=r.uniform(-9, 8 if roll < 0.8 else 120))
        self.put("callback", cb, done, {"status": status, "done_at": to_iso(done)})

    def call(self, case_id: str, agent: str, start: datetime) -> None:
        r, call_id = self.r, new_id()
        duration = r.uniform(120, 600)
        peak = min(100.0, max(5.0, r.gauss(55, 20)))
        final = max(0.0, peak - r.uniform(0, 50))
        self.put("call", call_id, start, {
            "case_id": case_id, "started_at": to_iso(start), "status": "live", "agent": agent,
            "model_name": "vosk-model-small-cn-0.22", "model_lang": "zh", "sources": "[]"})
        self.put("call", call_id, start + timedelta(seconds=duration), {
            "ended_at": to_iso(start + timedelta(seconds=duration)), "status": "ended",
            "duration": round(duration, 3), "peak": round(peak, 2), "final": round(final, 2)})
        marks = [(r.uniform(0, duration), "step", s) for s in STEP_KEYS if r.random() < 0.75]
        marks += [(r.uniform(0, duration), "trap", r.choice(TRAPS))
                  for _ in range(r.choice((0, 0, 0, 1, 1, 2, 3)))]
        marks += [(r.uniform(0, duration), "escalation", r.choice(ESCALATIONS))
                  for _ in range(r.choice((0, 0, 0, 0, 1, 2)))]
        self.marks += [{"id": new_id(), "call_id": call_id, "channel": "agent", "t": t,
                        "kind": k, "code": c, "text": "", "hlc": self.store.clock.now(),
                        "device": self.store.device} for t, k, c in marks]

    def flush(self) -> int:
        events, marks = self.events, self.marks
        self.events, self.marks = [], []

        def write(conn: Any) -> None:
            with transaction(conn):
                apply_field_events(conn, events)
                append_rows(conn, "call_marks", marks)

        self.store.call(write)
        return len(events)


def fill(store: Store, today: date, calls: int, history: int, seed: int = 11) -> dict[str, int]:
    gen = Gen(store, seed, today)
    made = {"events": 0, "cases": 0, "calls": 0}
    rng = random.Random(seed + 1)
    # History first (oldest first, as a desk fills): two years before the month.
    for i in range(history):
        gen.case(today - timedelta(days=31 + int(730 * (1 - i / max(1, history)))), False)
        if len(gen.case_ids) % BATCH == 0:
            made["events"] += gen.flush()
    made["events"] += gen.flush()
    made["cases"] += len(gen.case_ids)
    gen.case_ids.clear()
    cases = calls * 3 // 5  # each case has a call; a third of them get a second one
    days = sorted(today - timedelta(days=rng.randint(1, 30)) for _ in range(cases))
    for n, day in enumerate(days, 1):
        gen.case(day, True)
        case_id, agent, created = gen.case_ids[-1]
        gen.call(case_id, agent, created)
        made["calls"] += 1
        if made["calls"] < calls and rng.random() < (calls - cases) / cases:
            gen.call(case_id, agent, created + timedelta(hours=rng.uniform(2, 30)))
            made["calls"] += 1
        if n % BATCH == 0:
            made["events"] += gen.flush()
            print(f"\r  filling: {n}/{cases} cases of the month", end="", file=sys.stderr,
                  flush=True)
    made["events"] += gen.flush()
    made["cases"] += len(gen.case_ids)
    print(file=sys.stderr)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--history", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-machine", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.no_machine:
        print_machine()
    from PySide6.QtWidgets import QApplication

    from desk.content import load_catalog, resources_dir
    from ui.digest_page import DigestPage
    from ui.digest_view import render_digest_pdf

    app = QApplication.instance() or QApplication([])
    catalog = load_catalog(resources_dir())
    today = date.today()
    now = datetime.combine(today, dtime(9)).astimezone().astimezone(timezone.utc)
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-digest-") as tmp:
        path = Path(tmp) / "cleardesk.db"
        store = Store(path)
        t0 = time.perf_counter()
        made = fill(store, today, args.calls, args.history)
        fill_s = time.perf_counter() - t0
        periods = {"day": Period.yesterday(today), "week": Period.last_days(7, today),
                   "month": Period.last_days(30, today)}
        timed: dict[str, Any] = {}
        digests: dict[str, Any] = {}
        for key, period in periods.items():
            timed[key], digests[key] = measure(
                lambda p=period: build_digest(store, p, now=now), args.runs)
        agent = digests["day"].agents[0].agent if digests["day"].agents else None
        timed["agent"], one = measure(
            lambda: build_digest(store, periods["day"], agent=agent, now=now), args.runs)
        pdf = Path(tmp) / "digest.pdf"
        page = DigestPage(catalog, "zh_CN")
        timed["page"], _ = measure(lambda: page.document(digests["day"]), args.runs)
        timed["pdf"], _ = measure(lambda: render_digest_pdf(digests["day"], pdf, catalog,
                                                            "zh_CN"), args.runs)
        timed["both"], _ = measure(lambda: render_digest_pdf(
            build_digest(store, periods["day"], now=now), pdf, catalog, "zh_CN"), args.runs)
        pdf_bytes = pdf.stat().st_size
        wal = Path(str(path) + "-wal")
        db_bytes = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        store.close()
    del app
    d, w, m = digests["day"], digests["week"], digests["month"]
    rows = [
        (f"digest of yesterday: {d.calls} calls, {d.new_cases} new cases", timed["day"]),
        (f"digest of yesterday, one agent ({one.calls} calls)", timed["agent"]),
        (f"digest of the last 7 days: {w.calls} calls, {w.new_cases} cases", timed["week"]),
        (f"digest of the last 30 days: {m.calls} calls, {m.new_cases} cases", timed["month"]),
        ("yesterday's page laid out (QTextDocument, charts)", timed["page"]),
        (f"yesterday's page written as A4 PDF ({size(pdf_bytes)})", timed["pdf"]),
        ("digest of yesterday + PDF, end to end", timed["both"]),
    ]
    print_table("Morning-meeting digest", ["figure", "median ms", "p95 ms", "max ms"],
                [(label, ms(s.median), ms(s.p95), ms(s.max)) for label, s in rows])
    print(f"(filled {made['cases']} cases ({args.history} of them older than the month) and "
          f"{made['calls']} calls with {made['events']} field events in {fill_s:.0f} s; "
          f"database {size(db_bytes)})")
    save_json("digest", {"calls": args.calls, "history": args.history, "fill_s": fill_s,
                         "db_bytes": db_bytes, **{k: v.values for k, v in timed.items()}})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
