"""Run every benchmark and print all the tables, once headed by the machine they ran on.

    python -m bench.run_all            # the figures for the README (about 3 minutes once the
                                       # big database is cached; generating it takes longer)
    python -m bench.run_all --quick    # a smoke test: 10 000 cases, fewer runs

Progress goes to stderr, the tables to stdout: ``python -m bench.run_all > figures.txt``.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench import bench_listen, bench_notes, bench_search, bench_startup, bench_sync
from bench.common import print_machine
from bench.datagen import big_database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="10 000 cases / 50 000 notes and fewer runs")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the big database")
    args = parser.parse_args(argv)
    cases, notes = (10_000, 50_000) if args.quick else (100_000, 500_000)
    size = ["--cases", str(cases), "--notes", str(notes)]
    t0 = time.perf_counter()
    big_database(cases, notes, regenerate=args.regenerate)  # before anything is timed
    print_machine()
    sys.stdout.flush()
    bench_startup.main([*size, "--no-machine", "--runs", "2" if args.quick else "5"])
    bench_notes.main([*size, "--no-machine", "--big", *(["--quick"] if args.quick else [])])
    bench_search.main([*size, "--no-machine", "--runs", "5" if args.quick else "20"])
    bench_listen.main(["--no-machine", "--seconds", "60" if args.quick else "120"])
    bench_sync.main(["--no-machine", *(["--quick"] if args.quick else [])])
    print(f"(all benchmarks: {time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
