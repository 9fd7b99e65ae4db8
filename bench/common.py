"""Shared by the benchmarks: the machine they ran on, statistics and a plain-text table.

Benchmarks print figures; they never pass or fail. Every table is preceded by the machine
description so a figure is never quoted without the hardware it came from.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"  # gitignored: generated databases, caches, JSON results

# --- the machine ----------------------------------------------------------------------------

def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.lower().startswith(("model name", "hardware", "cpu model")):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def cpu_counts() -> tuple[int, int | None]:
    """(logical CPUs this process may use, physical cores if /proc/cpuinfo says)."""
    try:
        logical = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        logical = os.cpu_count() or 1
    cores: set[tuple[str, str]] = set()
    phys = core = ""
    for line in [*_read("/proc/cpuinfo").splitlines(), ""]:
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "physical id":
            phys = value
        elif key == "core id":
            core = value
        elif not line.strip() and core:
            cores.add((phys, core))
            phys = core = ""
    return logical, (len(cores) or None)


def ram_gib() -> float | None:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return None


def os_name() -> str:
    for line in _read("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            pretty = line.split("=", 1)[1].strip().strip('"')
            return f"{pretty} ({platform.system()} {platform.release()})"
    return platform.platform()


def qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return "not installed"
    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}"


def machine() -> dict[str, str]:
    logical, physical = cpu_counts()
    ram = ram_gib()
    cores = f"{logical} logical" + (f", {physical} physical" if physical else "")
    return {
        "CPU": cpu_model(),
        "Cores": cores,
        "RAM": f"{ram:.1f} GiB" if ram else "unknown",
        "OS": os_name(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "SQLite": sqlite3.sqlite_version,
        "Qt": qt_versions(),
        "Date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def print_machine(info: dict[str, str] | None = None) -> None:
    info = info or machine()
    width = max(len(k) for k in info)
    print("Machine")
    for key, value in info.items():
        print(f"  {key:<{width}}  {value}")
    print()


# --- statistics -----------------------------------------------------------------------------

def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * p // 100)))  # ceil
    return ordered[int(rank) - 1]


@dataclass
class Sample:
    """Durations in seconds."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        return percentile(self.values, 95)

    @property
    def max(self) -> float:
        return max(self.values)


def measure(fn: Callable[[], Any], runs: int, warmup: int = 1) -> tuple[Sample, Any]:
    """Time ``fn`` ``runs`` times after ``warmup`` untimed calls; returns the last result too."""
    result = None
    for _ in range(warmup):
        result = fn()
    sample = Sample()
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        sample.values.append(time.perf_counter() - t0)
    return sample, result


def ms(seconds: float) -> str:
    value = seconds * 1000
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def size(num_bytes: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(num_bytes) < 1024 or unit == "GiB":
            return f"{num_bytes:.0f} {unit}" if unit == "B" else f"{num_bytes:.1f} {unit}"
        num_bytes /= 1024
    return f"{num_bytes:.1f} GiB"


# --- tables ---------------------------------------------------------------------------------

def _width(text: str) -> int:
    """Columns a string takes in a terminal (CJK characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def print_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                notes: Sequence[str] = ()) -> None:
    """A plain-text table; columns after the first are right-aligned (figures)."""
    body = [[str(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in body]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(_pad(c, widths[i], right=i > 0) for i, c in enumerate(cells)).rstrip()

    print(title)
    print(line(list(headers)))
    print("  ".join("-" * w for w in widths))
    for row in body:
        print(line(row))
    for note in notes:
        print(f"  {note}")
    print()


def save_json(name: str, payload: dict[str, Any]) -> Path:
    """Keep the figures of a run under bench/out/ (for the README and for comparing runs)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **payload}, ensure_ascii=False, indent=1),
                    encoding="utf-8")
    return path
