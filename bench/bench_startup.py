"""Cold start to an interactive window, on an empty database and on the big one.

Each run is a fresh Python process (``bench/startup_driver.py``) with ``QT_QPA_PLATFORM=offscreen``
and a fresh settings folder; the time is counted from just before the process is spawned to the
first turn of the event loop after ``window.show()`` ("interactive") and to the window's first
paint. The operating system's file cache is warm after the first run (dropping it needs root and
would slow the whole machine), so the max is usually run 1.

    python -m bench.bench_startup [--runs 5] [--lang zh_CN] [--no-big]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import (
    OUT,
    ROOT,
    Sample,
    machine,
    ms,
    print_machine,
    print_table,
    save_json,
    size,
)

DRIVER = ROOT / "bench" / "startup_driver.py"
AIM_S = 1.5
PHASES = [  # (mark, label): each phase ends at its mark
    ("interpreter", "python up"), ("imports", "imports"), ("app", "QApplication+tr"),
    ("database", "open database"), ("window", "MainWindow"), ("shown", "show()"),
    ("interactive", "to event loop"), ("painted", "first paint"),
]


def _env(config_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(config_home),  # fresh QSettings: no remembered database
        # .qm compiled from the .ts once, before the timed runs (as the build does).
        "XDG_CACHE_HOME": str(OUT / "startup-cache"),
    })
    env.pop("CLEARDESK_DATA_DIR", None)
    return env


def prepare_translations() -> None:
    """Build the .qm catalogues where the app looks for them (untimed; the build does this)."""
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-") as tmp:
        subprocess.run([sys.executable, "-c", "from ui.i18n import qm_file; "
                        "[qm_file(x) for x in ('zh_CN',)]"],
                       env=_env(Path(tmp)), cwd=ROOT, check=True, stdin=subprocess.DEVNULL)


def one_run(data_dir: Path, lang: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-") as tmp:
        t0 = time.time()
        proc = subprocess.run(
            [sys.executable, str(DRIVER), "--data-dir", str(data_dir), "--lang", lang],
            env=_env(Path(tmp)), cwd=ROOT, capture_output=True, text=True, timeout=120,
            stdin=subprocess.DEVNULL)
        wall = time.time() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"start-up driver failed ({proc.returncode}):\n{proc.stderr}")
    line = [x for x in proc.stdout.splitlines() if x.startswith("{")][-1]
    result = json.loads(line)
    marks = {k: v - t0 for k, v in result["marks"].items()}
    return {"marks": marks, "process_wall": wall, "cases_listed": result["cases_listed"],
            "language": result["language"]}


def run_series(label: str, data_dir_for_run: Any, runs: int, lang: str) -> dict[str, Any]:
    results = []
    for i in range(runs):
        data_dir = data_dir_for_run(i)
        results.append(one_run(data_dir, lang))
        print(f"  {label}: run {i + 1}/{runs}: "
              f"{results[-1]['marks']['interactive'] * 1000:.0f} ms", file=sys.stderr)
    return {"label": label, "runs": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en", "system"])
    parser.add_argument("--no-big", action="store_true", help="skip the 100 000-case database")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=500_000)
    parser.add_argument("--no-machine", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    info = machine()
    prepare_translations()
    series = []
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-data-") as tmp:
        # A fresh, empty data folder for every run: the database is created on start.
        series.append(run_series(f"empty database ({args.lang})",
                                 lambda i: Path(tmp) / f"run{i}", args.runs, args.lang))
        if args.lang != "en":
            series.append(run_series("empty database (en)",
                                     lambda i: Path(tmp) / f"run-en{i}", args.runs, "en"))
        if not args.no_big:
            from bench.datagen import big_database

            big = big_database(args.cases, args.notes)
            # The app opens the cached database read-write exactly as a user's; it writes
            # nothing there before the window is up (the backup starts 2 s later, not reached).
            series.append(run_series(
                f"{args.cases // 1000}k cases, {size(big.path.stat().st_size)} ({args.lang})",
                lambda i: big.path.parent, args.runs, args.lang))

    if not args.no_machine:
        print_machine(info)
    rows = []
    for s in series:
        interactive = Sample([r["marks"]["interactive"] for r in s["runs"]])
        painted = Sample([r["marks"]["painted"] for r in s["runs"]])
        rows.append([s["label"], ms(interactive.median), ms(interactive.max),
                     ms(painted.median), ms(painted.max), ms(s["runs"][0]["marks"]["painted"]),
                     "yes" if painted.max < AIM_S else "NO"])
    print_table(f"Cold start to an interactive window ({args.runs} runs each, ms)",
                ["database", "interactive median", "max", "painted median", "max",
                 "painted run 1", f"< {AIM_S} s"],
                rows, notes=["From just before the process is spawned to the first event-loop "
                             "turn after show() (interactive)",
                             "and to the window's first paint; offscreen Qt, fresh settings, "
                             "warm OS file cache after run 1."])
    phase_rows = []
    for s in series:
        row = [s["label"]]
        for i, (mark, _label) in enumerate(PHASES):
            before = PHASES[i - 1][0] if i else None
            row.append(ms(Sample([r["marks"][mark] - (r["marks"][before] if before else 0.0)
                                  for r in s["runs"]]).median))
        phase_rows.append(row)
    print_table("Where the start-up time goes (median per phase, ms)",
                ["database", *[label for _m, label in PHASES]], phase_rows)
    save_json("startup", {"lang": args.lang, "series": series})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
