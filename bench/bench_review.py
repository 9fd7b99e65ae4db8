"""Call review: the calls list over many calls, and opening one two-hour call.

    python -m bench.bench_review [--calls 5000] [--runs 10]

Fills a fresh database through the app's own write path (CaseService, CallService, the
recorder's curve format): ``--calls`` calls of 3–8 minutes with a curve for both parties
(one chunk a second, 10 samples each), CLEAR step marks, traps and cues, plus one two-hour
call. Then times ``ReviewService.calls()`` (the list, sorted by peak; and filtered to one
agent) and ``CallService.record()`` of the two-hour call (what the one-call view loads).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from bench.common import measure, ms, print_machine, print_table, save_json, size
from desk.calls import CallService
from desk.cases import CaseService
from desk.events import AGENT, BANDS, CALLER, AgitationSample
from desk.models import STEP_KEYS
from desk.recorder import pack_samples
from desk.review import CallQuery, ReviewService
from desk.store import Store

AGENTS = ("ana", "bob", "li.na", "wang.fang", "zhao.min", "chen.jie")
CATEGORIES = ("delivery", "billing", "quality", "service", "refund")


def _curve_rows(store: Store, call_id: str, seconds: int, rng: random.Random) -> list[dict]:
    rows = []
    for channel, base in ((CALLER, rng.uniform(20, 60)), (AGENT, rng.uniform(10, 30))):
        score = base
        for sec in range(seconds):
            samples = []
            for i in range(10):
                score = min(100.0, max(0.0, score + rng.gauss(0, 1.5)))
                band = BANDS[min(3, int(score // 25))]
                samples.append(AgitationSample(channel, sec + i / 10, round(score, 1), band,
                                               (("loudness", score / 2),), True))
            rows.append({"id": store.clock_id(), "call_id": call_id, "channel": channel,
                         "t0": float(sec), "t1": sec + 0.9, "data": pack_samples(samples),
                         "hlc": store.clock.now(), "device": store.device})
    return rows


def _marks(store: Store, call_id: str, seconds: int, rng: random.Random) -> list[dict]:
    marks = []
    for step in STEP_KEYS:
        if rng.random() < 0.8:
            marks.append((rng.uniform(0, seconds), "step", step))
    for _ in range(rng.randint(0, 4)):
        marks.append((rng.uniform(0, seconds), "trap", "sorry_but"))
    for _ in range(rng.randint(0, 3)):
        marks.append((rng.uniform(0, seconds), "escalation", "regulator"))
    return [{"id": store.clock_id(), "call_id": call_id, "channel": AGENT, "t": t,
             "kind": k, "code": c, "text": "", "hlc": store.clock.now(), "device": store.device}
            for t, k, c in marks]


def make_call(store: Store, seconds: int, rng: random.Random) -> str:
    cases = CaseService(store, agent=rng.choice(AGENTS))
    customer = cases.new_customer(name=f"Customer {rng.randint(1, 10**6)}")
    case = cases.new_case(customer_id=customer.id, category=rng.choice(CATEGORIES))
    calls = CallService(cases)
    call_id = calls.begin(case.id)
    curve = _curve_rows(store, call_id, seconds, rng)
    for start in range(0, len(curve), 2000):
        cases._append("call_curve", curve[start:start + 2000])
    cases._append("call_marks", _marks(store, call_id, seconds, rng))
    peak = rng.uniform(20, 100)
    calls.finish(call_id, float(seconds), peak, rng.uniform(10, peak))
    return call_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-machine", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.no_machine:
        print_machine()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-review-") as tmp:
        path = Path(tmp) / "cleardesk.db"
        store = Store(path)
        t0 = time.perf_counter()
        for _ in range(args.calls):
            make_call(store, rng.randint(180, 480), rng)
        long_call = make_call(store, 2 * 3600, rng)
        fill_s = time.perf_counter() - t0
        review = ReviewService(store)
        calls_service = CallService(CaseService(store))
        listed, rows = measure(lambda: review.calls(CallQuery(sort="peak")), args.runs)
        one_agent, _ = measure(lambda: review.calls(CallQuery(agent="ana", min_peak=60)),
                               args.runs)
        record, rec = measure(lambda: calls_service.record(long_call), max(3, args.runs // 3))
        db_bytes = path.stat().st_size + Path(str(path) + "-wal").stat().st_size \
            if Path(str(path) + "-wal").exists() else path.stat().st_size
        store.close()
    print_table("Call review", ["figure", "median ms", "p95 ms", "max ms"], [
        (f"calls list, {len(rows)} calls, sorted by peak", ms(listed.median), ms(listed.p95),
         ms(listed.max)),
        ("calls list, one agent, peak ≥ 60", ms(one_agent.median), ms(one_agent.p95),
         ms(one_agent.max)),
        (f"one two-hour call: curve ({len(rec.samples)} samples) and marks",
         ms(record.median), ms(record.p95), ms(record.max)),
    ])
    print(f"(filled {args.calls + 1} calls in {fill_s:.0f} s; database {size(db_bytes)})")
    save_json("review", {"calls": args.calls, "fill_s": fill_s, "db_bytes": db_bytes,
                         "list": listed.values, "one_agent": one_agent.values,
                         "record_2h": record.values})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
