"""Save latency of a note: the autosaved draft (``CaseService.save_draft``) and ``commit_draft``.

Measured as the agent's window sees it: from the GUI thread's call until the database thread
has committed (WAL, ``synchronous=FULL``, so every save is on disk when the call returns).
Every save differs from the last by a few characters, as while typing. Sizes are characters of
mixed Chinese/English text (UTF-8 bytes in brackets).

    python -m bench.bench_notes [--big] [--quick]

``--big`` also measures on a copy of the 100 000-case database (FTS index of 500 000 notes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import (
    OUT,
    Sample,
    machine,
    measure,
    ms,
    print_machine,
    print_table,
    save_json,
    size,
)
from desk.cases import CaseService
from desk.paths import DB_NAME
from desk.store import Store

SIZES = [("100 chars", 100, 200), ("10 K chars", 10 * 1024, 100), ("1 M chars", 1024 * 1024, 20)]
PIECE = ("客户来电说洗衣机漏水，已安排工程师上门检测。Customer says the washer leaks; "
         "engineer booked for Tuesday. 订单号 SO2024061100123。")


def text_of(chars: int, salt: int) -> str:
    """``chars`` characters of note-like text, different for every ``salt``."""
    head = f"[{salt}] "
    body = (PIECE * (chars // len(PIECE) + 1))[: max(0, chars - len(head))]
    return (head + body)[:chars]


def bench_store(store: Store, label: str, quick: bool) -> list[dict[str, Any]]:
    service = CaseService(store, agent="bench")
    customer = service.new_customer("王芳", "138 0013 8000")
    results = []
    for name, chars, runs in SIZES:
        runs = max(3, runs // 5) if quick else runs
        case = service.new_case(customer.id, complaint="洗衣机漏水 washer leaks")
        counter = iter(range(10**9))

        def save(case_id: str = case.id, chars: int = chars,
                 counter: Any = counter) -> None:
            service.save_draft(case_id, text_of(chars, next(counter)))

        draft, _ = measure(save, runs, warmup=2)
        print(f"  {label}: save_draft {name}: median {ms(draft.median)} ms", file=sys.stderr)

        commit = Sample()
        for _ in range(runs):
            body = text_of(chars, next(counter))
            service.save_draft(case.id, body)
            one, note = measure(lambda case_id=case.id: service.commit_draft(case_id), 1,
                                warmup=0)
            assert note is not None and len(note.body) == chars
            commit.values.extend(one.values)
        print(f"  {label}: commit_draft {name}: median {ms(commit.median)} ms", file=sys.stderr)
        results.append({"database": label, "size": name, "chars": chars,
                        "bytes": len(text_of(chars, 0).encode("utf-8")), "runs": runs,
                        "save_draft": draft.values, "commit_draft": commit.values})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true",
                        help="also on a copy of the 100 000-case database")
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke test)")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=500_000)
    parser.add_argument("--no-machine", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    info = machine()
    results = []
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-notes-") as tmp:
        store = Store(Path(tmp) / DB_NAME)
        try:
            results += bench_store(store, "empty database", args.quick)
        finally:
            store.close()
    if args.big:
        from bench.datagen import big_database

        big = big_database(args.cases, args.notes)
        work = OUT / "notes-copy"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        shutil.copyfile(big.path, work / DB_NAME)  # keep the cached database as generated
        # Flush the copy's dirty pages now: writing back 1.5 GB during the timed runs would
        # stall the WAL's fsync and show up as a 2 s "save" that is the benchmark's own doing.
        if hasattr(os, "sync"):
            os.sync()
        try:
            store = Store(work / DB_NAME)
            try:
                results += bench_store(store, f"{args.cases // 1000}k cases", args.quick)
            finally:
                store.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)

    if not args.no_machine:
        print_machine(info)
    rows = []
    for r in results:
        d, c = Sample(r["save_draft"]), Sample(r["commit_draft"])
        rows.append([r["database"], f"{r['size']} ({size(r['bytes'])})", r["runs"],
                     ms(d.median), ms(d.p95), ms(d.max), ms(c.median), ms(c.p95), ms(c.max)])
    print_table("Note save latency (ms; from the calling thread, committed to disk)",
                ["database", "note size", "runs", "draft median", "draft p95", "draft max",
                 "commit median", "commit p95", "commit max"], rows,
                notes=["draft = CaseService.save_draft (autosave while typing, every 0.5 s);",
                       "commit = CaseService.commit_draft (draft -> permanent note, "
                       "FTS index, outbox; one transaction)."])
    save_json("notes", {"results": results})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
