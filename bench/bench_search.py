"""Search and list latency over 100 000 cases and 500 000 notes, and the database size.

The database comes from :mod:`bench.datagen` (generated once, cached in ``bench/out/``).
Every query goes through ``CaseService`` exactly as the case list calls it (a ``CaseFilter``,
sorted, ``limit=500``), so a figure includes the hop to the database thread and building the
``CaseSummary`` rows. "first" is the first run of that query in this process (SQLite's page
cache cold, the OS file cache warm); median/p95/max are over the following runs.

    python -m bench.bench_search [--runs 20] [--regenerate]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.common import (
    Sample,
    machine,
    ms,
    print_machine,
    print_table,
    save_json,
    size,
)
from bench.datagen import RARE_TERM, big_database
from db.connection import integrity_problems
from desk.cases import CaseFilter, CaseService
from desk.store import Store, check_at_open
from desk.timeutil import to_iso

AIM_S = 0.050
BUDGET_S = 20.0  # seconds of timed runs per query at most (but 3 runs always)


@dataclass(frozen=True)
class Query:
    group: str
    label: str
    run: Callable[[], list[Any]]


def file_size(path: Path) -> int:
    total = 0
    for suffix in ("", "-wal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            total += side.stat().st_size
    return total


def queries(service: CaseService, manifest: dict[str, Any]) -> list[Query]:
    now = to_iso(datetime.now(timezone.utc))
    week_ago = to_iso(datetime.now(timezone.utc) - timedelta(days=7))
    phone = str(manifest["sample_phones"][len(manifest["sample_phones"]) // 2])
    newest = service.list_cases(CaseFilter(limit=1))[0]
    a_ref = service.list_cases(CaseFilter(sort="created_asc", limit=1))[0].ref

    def search(text: str, **kw: Any) -> Callable[[], list[Any]]:
        return lambda: service.list_cases(CaseFilter(text=text, **kw))

    def listing(**kw: Any) -> Callable[[], list[Any]]:
        return lambda: service.list_cases(CaseFilter(**kw))

    typed_phone = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    return [
        Query("search", "zh, 4 chars (质量问题)", search("质量问题")),
        Query("search", "en word (replacement)", search("replacement")),
        Query("search", f"phone fragment, 8 digits ({phone[3:11]})", search(phone[3:11])),
        Query("search", f"phone as typed ({typed_phone})", search(typed_phone)),
        Query("search", f"case ref ({a_ref})", search(a_ref)),
        Query("search", f"rare term ({RARE_TERM})", search(RARE_TERM)),
        Query("search", "very common word (customer)", search("customer")),
        Query("search", "two words (质量问题 customer)", search("质量问题 customer")),
        Query("search", "no match, 3+ chars (不存在的词)", search("不存在的词")),
        Query("search LIKE", "zh, 2 chars (退款)", search("退款")),
        Query("search LIKE", "name, 2 chars (王芳)", search("王芳")),
        Query("search LIKE", "no match, 2 chars (鳄鱼)", search("鳄鱼")),
        Query("search LIKE", "2 chars + filter (退款, open)", search("退款", status="open")),
        Query("list", "no filter, newest first (the window at start)", listing()),
        Query("list", "status = open", listing(status="open")),
        Query("list", "category = quality", listing(category="quality")),
        Query("list", "overdue callbacks", listing(overdue_at=now)),
        Query("list", "last 7 days", listing(created_from=week_ago)),
        Query("list", "open + quality + most severe", listing(status="open", category="quality",
                                                               sort="severity_desc")),
        Query("sort", "created_asc", listing(sort="created_asc")),
        Query("sort", "updated_desc", listing(sort="updated_desc")),
        Query("sort", "severity_desc", listing(sort="severity_desc")),
        Query("sort", "callback_asc", listing(sort="callback_asc")),
        Query("other", "follow-ups due today (start-up, every list refresh)",
              lambda: service.followups_due()),
        Query("other", "open callbacks (start-up, every 15 s)", lambda: service.open_callbacks()),
        Query("other", f"customer lookup by phone ({typed_phone})",
              lambda: service.lookup(phone=typed_phone)),
        Query("other", "open one case (case + notes + checklist)",
              lambda: [service.case(newest.id), service.notes(newest.id),
                       service.checklist(newest.id)]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=500_000)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--no-machine", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    info = machine()
    big = big_database(args.cases, args.notes, args.regenerate)
    t0 = time.perf_counter()
    check_s = None
    if not check_at_open(big.path):  # the app checks big files in the background instead
        problems = integrity_problems(big.path)
        check_s = time.perf_counter() - t0
        if problems:
            raise SystemExit(f"the generated database is damaged: {problems[:3]}")
    t0 = time.perf_counter()
    store = Store(big.path, check=check_at_open(big.path))  # as ui.app.open_store does
    open_s = time.perf_counter() - t0
    results = []
    try:
        service = CaseService(store, agent="bench")
        for q in queries(service, big.manifest):
            t = time.perf_counter()
            rows = q.run()
            first = time.perf_counter() - t
            sample = Sample()
            # A slow query gets fewer runs (at least 3) so the whole benchmark stays short.
            runs = max(3, min(args.runs, int(BUDGET_S / max(first, 1e-9))))
            for _ in range(runs):
                t = time.perf_counter()
                q.run()
                sample.values.append(time.perf_counter() - t)
            results.append({"group": q.group, "query": q.label, "rows": len(rows),
                            "first": first, "runs": sample.values})
            print(f"  {q.group}: {q.label}: {ms(sample.median)} ms", file=sys.stderr)
    finally:
        store.close()

    if not args.no_machine:
        print_machine(info)
    made = big.manifest["made"]
    db_bytes = file_size(big.path)
    rows_out = []
    for r in results:
        s = Sample(r["runs"])
        rows_out.append([f"{r['group']}: {r['query']}", r["rows"], len(r["runs"]),
                         ms(r["first"]), ms(s.median),
                         ms(s.p95), ms(s.max), "yes" if s.p95 < AIM_S else "NO"])
    print_table(f"Search and lists over {made['cases']:,} cases / {made['notes']:,} notes "
                f"(ms; up to {args.runs} runs after the first; limit 500)",
                ["query", "rows", "runs", "first", "median", "p95", "max",
                 f"p95 < {AIM_S * 1000:.0f}"],
                rows_out,
                notes=["search = FTS5 trigram (terms of 3+ characters); search LIKE = the "
                       "fallback for 1-2 character terms (scans)."])
    per_1000 = db_bytes / (made["cases"] / 1000)
    print_table("Database", ["figure", "value"], [
        ["cases / customers", f"{made['cases']:,} / {made['customers']:,}"],
        ["notes / checklist ticks / updates",
         f"{made['notes']:,} / {made['checklist']:,} / {made['updates']:,}"],
        ["field-edit events (each with an outbox row)", f"{made['events']:,}"],
        ["file size", size(db_bytes)],
        ["size per 1 000 cases", size(per_1000)],
        ["opening it as the app does", f"{ms(open_s)} ms"],
        ["integrity check (quick_check; in the background after start-up)",
         "before opening" if check_s is None else f"{ms(check_s)} ms"],
        ["generating it (once, cached)", f"{big.manifest['seconds']:.0f} s"],
    ])
    manifest = {k: v for k, v in big.manifest.items() if k != "sample_phones"}
    save_json("search", {"results": results, "db_bytes": db_bytes, "per_1000_cases": per_1000,
                         "open_s": open_s, "check_s": check_s, "manifest": manifest})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
