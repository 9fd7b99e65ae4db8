"""Sync throughput and latency: workstations pushing and pulling through ``cleardesk serve``.

A PostgreSQL cluster of the benchmark's own (``tests.sync.pg`` with fsync, full-page writes and
synchronous commit switched back on: see ``bench/sync_setup.py``), a database made as the sync
tests make it, and the service as a subprocess (``tests.sync.service.Service``: uvicorn, one
process, a psycopg pool of 8). Workstations are real ``desk.store.Store`` files pushed and
pulled by the real ``desk.sync.client.SyncClient`` (a subclass that only adds stopwatches).

1. One workstation pushes its outbox (``SyncClient.push()``, 500 a batch): cases with ~8 field
   events, notes and CLEAR ticks; then, separately, call curve chunks of 1-3 KB JSON.
2. 20 workstations (20 agents, one process each, started together) push theirs at once:
   changes per second at the server, latency of each batch.
3. One agent's 10 000 new cases (``CaseService.new_case`` with a few fields and one note each,
   generated first and timed apart) pushed; a fresh second workstation of the same agent pulls
   them all; the first workstation's own next pull.
4. A pull that brings nothing, with the server's log at two sizes: for an agent whose last
   change is the newest in the log ("active") and for one whose last change is at its start
   ("idle": every other agent's change since lies after its cursor).

    python -m bench.bench_sync [--quick] [--workstations 20] [--cases 10000]

About 2.5-4 minutes on the 2-core machine of the README; ``--quick`` about 30 seconds. Tables on
stdout (the last one in Markdown for the README), progress on stderr, raw figures in
``bench/out/sync.json``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import queue
import sqlite3
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench.common import (
    Sample,
    cpu_counts,
    cpu_model,
    ms,
    os_name,
    print_machine,
    print_table,
    ram_gib,
    save_json,
    size,
)
from bench.datagen import CATEGORIES, COMPLAINT_ZH, DEPARTMENTS, _Gen
from bench.sync_setup import (
    Central,
    Cpu,
    TimedClient,
    disk_folder,
    fdatasync_ms,
    filesystem,
    filler_changes,
    pg_settings,
    push_raw,
    raw_client,
    write_curve,
    write_mixed,
)
from db import outbox
from desk.cases import CaseFilter, CaseService
from desk.store import Store
from desk.sync.client import PUSH_BATCH, SyncError

FULL = {"entries": 20_000, "curve": 5_000, "workstations": 20, "per_ws": 2_500,
        "cases": 10_000, "fill": 0, "pull_runs": 50, "pull_budget_s": 15.0}
QUICK = {"entries": 3_000, "curve": 600, "workstations": 20, "per_ws": 250,
         "cases": 1_000, "fill": 10_000, "pull_runs": 10, "pull_budget_s": 4.0}


def say(text: str) -> None:
    print(f"  {text}", file=sys.stderr, flush=True)


def rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds > 0 else "-"


def mb_s(num_bytes: float, seconds: float) -> str:
    return f"{num_bytes / seconds / 1e6:.2f}" if seconds > 0 else "-"


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


# --- 1. one workstation pushes ---------------------------------------------------------------

def push_one(central: Central, label: str, fill: Any, folder: Path, token: str) -> dict[str, Any]:
    """A fresh store filled by ``fill(store)`` (timed apart), then one timed push()."""
    store = Store(folder / f"{label.split()[0]}.db")
    try:
        t0 = time.perf_counter()
        detail = fill(store)
        generated = time.perf_counter() - t0
        client = TimedClient(store, central.url, token)
        cpu = Cpu(central)
        t0 = time.perf_counter()
        result = client.push()
        wall = time.perf_counter() - t0
        spent = cpu.stop()
        client.close()
    finally:
        store.close()
    entries = result.pushed + result.duplicates + result.rejected
    say(f"{label}: {entries} changes in {wall:.2f} s ({rate(entries, wall)}/s, "
        f"{mb_s(client.sent, wall)} MB/s)")
    return {"label": label, "entries": entries, "pushed": result.pushed,
            "rejected": result.rejected, "detail": detail, "generate_s": generated,
            "push_s": wall, "sent": client.sent, "batches": client.batches,
            "http": client.requests["/v1/push"], "parts": client.spent(), "cpu": spent}


# --- 2. many workstations at once ----------------------------------------------------------------

def _workstation(index: int, folder: str, url: str, token: str, entries: int,
                 barrier: Any, results: Any) -> None:
    """One simulated workstation in its own process: fill its store, wait for the others,
    push everything."""
    store = Store(Path(folder) / f"ws{index:02d}.db")
    try:
        write_mixed(store, entries, seed=1000 + index, agent=f"ws{index:02d}")
        client = TimedClient(store, url, token)
        barrier.wait(timeout=600)
        t0, c0 = time.monotonic(), time.process_time()
        error = ""
        pushed = 0
        try:
            pushed = client.push().pushed
        except SyncError as exc:
            error = str(exc)
        results.put({"index": index, "start": t0, "end": time.monotonic(),
                     "cpu": time.process_time() - c0, "pushed": pushed, "error": error,
                     "sent": client.sent, "batches": client.batches,
                     "http": client.requests["/v1/push"], "parts": client.spent()})
        client.close()
    except BaseException as exc:  # the parent must hear about it, not wait for ever
        barrier.abort()
        results.put({"index": index, "error": f"{type(exc).__name__}: {exc}", "start": 0.0,
                     "end": 0.0, "cpu": 0.0, "pushed": 0, "sent": 0, "batches": [], "http": [],
                     "parts": {}})
        raise
    finally:
        store.close()


def push_many(central: Central, folder: Path, workstations: int, per_ws: int) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(workstations + 1)
    results = ctx.Queue()
    tokens = [central.token(f"ws{i:02d}", team=("north", "south")[i % 2])
              for i in range(workstations)]
    procs = [ctx.Process(target=_workstation, name=f"ws{i:02d}",
                         args=(i, str(folder), central.url, tokens[i], per_ws, barrier, results))
             for i in range(workstations)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    say(f"{workstations} workstation processes filling {per_ws} changes each...")
    try:
        barrier.wait(timeout=600)
    except threading.BrokenBarrierError:
        for p in procs:
            p.kill()
        raise RuntimeError("a workstation process failed before pushing") from None
    cpu = Cpu(central)
    say(f"  ready after {time.perf_counter() - t0:.1f} s; pushing")
    got = []
    for _ in procs:
        try:
            got.append(results.get(timeout=900))
        except queue.Empty:
            break
    spent = cpu.stop(elsewhere=sum(r["cpu"] for r in got))
    for p in procs:
        p.join(30)
    ok = [r for r in got if not r["error"]]
    start = min((r["start"] for r in ok), default=0.0)
    end = max((r["end"] for r in ok), default=0.0)
    pushed = sum(r["pushed"] for r in got)
    wall = end - start
    say(f"{workstations} workstations: {pushed} changes in {wall:.2f} s "
        f"({rate(pushed, wall)}/s); errors: {[r['error'] for r in got if r['error']]}")
    return {"workstations": workstations, "per_ws": per_ws, "pushed": pushed, "wall_s": wall,
            "sent": sum(r["sent"] for r in got), "client_cpu_s": sum(r["cpu"] for r in got),
            "errors": [r["error"] for r in got if r["error"]],
            "batches": [b for r in got for b in r["batches"]],
            "http": [h for r in got for h in r["http"]],
            "each_s": sorted(r["end"] - r["start"] for r in ok), "cpu": spent}


# --- 3. 10 000 cases: push them all, pull them on a second workstation ---------------------------

def make_cases(store: Store, cases: int, agent: str) -> dict[str, Any]:
    """Cases as an agent makes them: ``new_case`` with a few fields, then one note."""
    service = CaseService(store, agent=agent)
    gen = _Gen(77, store.device, datetime.now(timezone.utc))
    r = gen.r
    new_case, commit = Sample(), Sample()
    t0 = time.perf_counter()
    for i in range(cases):
        a = time.perf_counter()
        case = service.new_case(complaint=gen.fill(r.choice(COMPLAINT_ZH)),
                                category=r.choice(CATEGORIES), department=r.choice(DEPARTMENTS))
        b = time.perf_counter()
        service.commit_draft(case.id, gen.note_text())
        new_case.values.append(b - a)
        commit.values.append(time.perf_counter() - b)
        if (i + 1) % 1000 == 0:
            print(f"\r  generating: {i + 1:>6}/{cases} cases, {time.perf_counter() - t0:5.1f} s",
                  end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return {"cases": cases, "seconds": time.perf_counter() - t0,
            "new_case": new_case.values, "commit_draft": commit.values}


def cases_round_trip(central: Central, folder: Path, cases: int) -> dict[str, Any]:
    agent = "agent_x"
    token_a, token_b = central.token(agent), central.token(agent)
    a, b = Store(folder / "a.db"), Store(folder / "b.db")
    out: dict[str, Any] = {"cases": cases}
    try:
        made = make_cases(a, cases, "张敏")
        out["generate"] = made
        pending = out["pending"] = a.call(outbox.pending_count)
        say(f"{cases} cases made in {made['seconds']:.1f} s: {pending} changes in the outbox")

        client = TimedClient(a, central.url, token_a)
        cpu = Cpu(central)
        t0 = time.perf_counter()
        result = client.push()
        out["push"] = {"s": time.perf_counter() - t0, "changes": result.pushed,
                       "sent": client.sent, "batches": client.batches,
                       "parts": client.spent(), "cpu": cpu.stop()}
        say(f"push: {result.pushed} in {out['push']['s']:.1f} s")

        fresh = TimedClient(b, central.url, token_b)
        cpu = Cpu(central)
        t0 = time.perf_counter()
        pulled = fresh.pull()
        out["pull_fresh"] = {"s": time.perf_counter() - t0, "changes": pulled,
                             "received": fresh.received, "pages": len(fresh.requests["/v1/pull"]),
                             "parts": fresh.spent(), "cpu": cpu.stop()}
        out["pull_fresh"]["cases_there"] = len(CaseService(b).list_cases(
            CaseFilter(limit=cases + 10)))
        say(f"fresh workstation pull: {pulled} in {out['pull_fresh']['s']:.1f} s")

        client.reset()
        cpu = Cpu(central)
        t0 = time.perf_counter()
        own = client.pull()
        out["pull_own"] = {"s": time.perf_counter() - t0, "changes": own,
                           "received": client.received, "pages": len(client.requests["/v1/pull"]),
                           "parts": client.spent(), "cpu": cpu.stop()}
        say(f"first workstation's next pull: {own} new in {out['pull_own']['s']:.1f} s")
        client.close()
        fresh.close()
    finally:
        a.close()
        b.close()
    return out


# --- 4. pulls that bring nothing -----------------------------------------------------------------

class Probe:
    """An agent's workstation whose pulls we time."""

    def __init__(self, central: Central, folder: Path, name: str, seed: int) -> None:
        self.name = name
        self.seed = seed
        self.store = Store(folder / f"{name}.db")
        self.client = TimedClient(self.store, central.url, central.token(name))

    def change_and_catch_up(self) -> int:
        """Make a case, push it and pull up to the end of the log (untimed)."""
        self.seed += 1
        write_mixed(self.store, 10, self.seed, agent=self.name)
        pushed = self.client.push().pushed
        self.client.pull()
        return pushed

    def time_pulls(self, runs: int, budget_s: float) -> dict[str, Any]:
        whole, http = Sample(), Sample()
        spent = 0.0
        while len(whole.values) < runs and (spent < budget_s or len(whole.values) < 5):
            self.client.reset()
            t0 = time.perf_counter()
            got = self.client.pull()
            one = time.perf_counter() - t0
            if got:
                raise RuntimeError(f"{self.name}: expected an empty pull, got {got} changes")
            whole.values.append(one)
            http.values.extend(self.client.requests["/v1/pull"])
            spent += one
        return {"pull": whole.values, "http": http.values}

    def close(self) -> None:
        self.client.close()
        self.store.close()


def empty_pulls(central: Central, probes: dict[str, Probe], log_size: int, idle_at: int,
                runs: int, budget_s: float) -> list[dict[str, Any]]:
    out = []
    for kind, probe in probes.items():
        after = log_size - idle_at if kind == "idle" else 0
        if kind == "active":
            log_size += probe.change_and_catch_up()
        cpu = Cpu(central)
        timed = probe.time_pulls(runs, budget_s)
        spent = cpu.stop()
        s = Sample(timed["pull"])
        say(f"empty pull, {kind}, log {log_size}: median {ms(s.median)} ms, p95 {ms(s.p95)} ms "
            f"({len(s.values)} runs)")
        out.append({"probe": kind, "log": log_size, "after_cursor": after, **timed,
                    "cpu": spent})
    return out


def fill_log(central: Central, total: int, seed: int) -> dict[str, Any]:
    """Other agents' changes straight to /v1/push (no workstation), ``total`` of them."""
    others = 8
    applied = 0
    t0 = time.perf_counter()
    cpu = Cpu(central)
    make_s = 0.0
    for i in range(others):
        name = f"other{i:02d}"
        http = raw_client(central.url, central.token(name))
        a = time.perf_counter()
        changes = filler_changes(seed + i, f"filler{i:02d}", total // others, name)
        make_s += time.perf_counter() - a
        applied += push_raw(http, f"filler{i:02d}", changes)
        http.close()
        print(f"\r  filling the log: {applied:>7}/{total}, {time.perf_counter() - t0:5.1f} s",
              end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    wall = time.perf_counter() - t0
    return {"applied": applied, "s": wall, "make_s": make_s, "cpu": cpu.stop()}


# --- reporting -----------------------------------------------------------------------------------

def fs_line(*paths: Any) -> str:
    seen = dict.fromkeys(filesystem(Path(p)) for p in paths)
    return ", ".join(f"{kind} on {point}" for point, kind in seen)


def machine_info(central: Central, settings: dict[str, str], fsync: tuple[float, float],
                 load: str, workdir: Path) -> dict[str, str]:
    logical, physical = cpu_counts()
    ram = ram_gib()
    return {
        "CPU": cpu_model(),
        "Cores": f"{logical} logical" + (f", {physical} physical" if physical else ""),
        "RAM": f"{ram:.1f} GiB" if ram else "unknown",
        "OS": os_name(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "SQLite": sqlite3.sqlite_version,
        "PostgreSQL": settings["server_version"],
        "PG settings": (f"fsync={settings['fsync']}, full_page_writes="
                        f"{settings['full_page_writes']}, synchronous_commit="
                        f"{settings['synchronous_commit']}, wal_sync_method="
                        f"{settings['wal_sync_method']}, shared_buffers="
                        f"{settings['shared_buffers']} (own cluster; fsync etc. set in "
                        "postgresql.conf before the first start)"),
        "Disk": f"8 KiB write + fdatasync: median {fsync[0]:.3f} ms, p95 {fsync[1]:.3f} ms "
                f"(PostgreSQL in {central.cluster.dir}, workstations in {workdir}: "
                f"{fs_line(central.cluster.dir, workdir)})",
        "Service": f"cleardesk serve: uvicorn, 1 process, psycopg pool {central.pool_size}, "
                   "plain HTTP on 127.0.0.1, same machine as PostgreSQL and the workstations",
        "Load": f"{load} at the start (1, 5, 15 min)",
        "Date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def report(res: dict[str, Any]) -> None:
    # 1.
    rows = []
    for r in res["single"]:
        batches, parts = Sample(r["batches"]), r["parts"]
        rest = max(0.0, r["push_s"] - sum(parts.get(k, 0) for k in (
            "push.pending", "http /v1/push", "push.write")))
        rows.append([r["label"], f"{r['entries']:,}", size(r["sent"]),
                     f"{r['push_s']:.2f}", rate(r["entries"], r["push_s"]),
                     mb_s(r["sent"], r["push_s"]), ms(batches.median), ms(batches.p95),
                     f"{parts.get('push.pending', 0) / r['push_s']:.0%}",
                     f"{rest / r['push_s']:.0%}",
                     f"{parts.get('http /v1/push', 0) / r['push_s']:.0%}",
                     f"{parts.get('push.write', 0) / r['push_s']:.0%}",
                     f"{r['cpu']['service']:.2f}", f"{r['cpu']['postgres']:.2f}",
                     f"{r['cpu']['bench']:.2f}", f"{r['cpu']['others']:.2f}"])
    print_table(
        f"1. One workstation pushes its outbox (SyncClient.push(), {PUSH_BATCH} a batch)",
        ["outbox", "changes", "sent", "push s", "changes/s", "MB/s", "batch p50 ms",
         "batch p95 ms", "outbox read", "client rest", "HTTP", "acknowledge",
         "service CPU s", "PG CPU s",
         "client CPU s", "others CPU s"], rows,
        notes=["batch = outbox read (SQLite) + client rest (checking and encoding the batch) + "
               "HTTP request (server, PostgreSQL commit, reply) + acknowledge (SQLite delete, "
               "commit); the four % are shares of the push time.",
               "CPU s = CPU seconds over the push: the service process, every PostgreSQL "
               "process, the workstation (this process: client and its SQLite thread), and "
               "every other process on the machine (not ours: a busy neighbour).",
               *[f"{r['label']}: generating the outbox took {r['generate_s']:.1f} s "
                 f"(not in the push time); {r['detail']}" for r in res["single"]]])

    # 2.
    m = res["many"]
    batches, http = Sample(m["batches"]), Sample(m["http"])
    each = m["each_s"]
    print_table(
        f"2. {m['workstations']} workstations push at once ({m['per_ws']:,} changes each, "
        "one process each)",
        ["figure", "value"],
        [["changes pushed", f"{m['pushed']:,}"],
         ["wall time, first start to last finish", f"{m['wall_s']:.2f} s"],
         ["changes/s at the server", rate(m["pushed"], m["wall_s"])],
         ["MB/s at the server", mb_s(m["sent"], m["wall_s"])],
         ["batch HTTP round trip p50 / p95 / max", f"{ms(http.median)} / {ms(http.p95)} / "
          f"{ms(http.max)} ms"],
         ["batch incl. outbox read + ack p50 / p95 / max", f"{ms(batches.median)} / "
          f"{ms(batches.p95)} / {ms(batches.max)} ms"],
         ["one workstation's whole push, fastest / median / slowest",
          f"{each[0]:.2f} / {each[len(each) // 2]:.2f} / {each[-1]:.2f} s" if each else "-"],
         ["CPU s: service / PostgreSQL / all workstations / other processes",
          f"{m['cpu']['service']:.1f} / {m['cpu']['postgres']:.1f} / {m['client_cpu_s']:.1f}"
          f" / {m['cpu']['others']:.1f}"],
         ["errors", str(len(m["errors"])) + (f" ({m['errors'][0]})" if m["errors"] else "")]],
        notes=["All on one machine: the workstations' processes compete with the service and "
               "PostgreSQL for the same cores."])

    # 3.
    c = res["cases"]
    g = c["generate"]
    nc, cd = Sample(g["new_case"]), Sample(g["commit_draft"])
    push, fresh, own = c["push"], c["pull_fresh"], c["pull_own"]
    def cpu_cells(step: dict[str, Any]) -> list[str]:
        spent = step["cpu"]
        return [f"{spent['service']:.1f}", f"{spent['postgres']:.1f}", f"{spent['bench']:.1f}",
                f"{spent['others']:.1f}"]

    print_table(
        f"3. {c['cases']:,} new cases of one agent (new_case with 3 fields + 1 note each)",
        ["step", "changes", "seconds", "changes/s", "MB on the wire", "service CPU s",
         "PG CPU s", "workstation CPU s", "others CPU s"],
        [["generate locally (not sync)", f"{c['pending']:,}", f"{g['seconds']:.1f}",
          rate(c["pending"], g["seconds"]), "-", "-", "-", "-", "-"],
         ["push all (workstation A)", f"{push['changes']:,}", f"{push['s']:.1f}",
          rate(push["changes"], push["s"]), f"{push['sent'] / 1e6:.1f}", *cpu_cells(push)],
         ["pull all (fresh workstation B, same agent)", f"{fresh['changes']:,}",
          f"{fresh['s']:.1f}", rate(fresh["changes"], fresh["s"]),
          f"{fresh['received'] / 1e6:.1f}", *cpu_cells(fresh)],
         ["A's next pull (nothing new from others)", f"{own['changes']:,}", f"{own['s']:.1f}",
          "-", f"{own['received'] / 1e6:.1f}", *cpu_cells(own)]],
        notes=[f"generate: CaseService.new_case median {ms(nc.median)} ms (p95 {ms(nc.p95)}), "
               f"commit_draft median {ms(cd.median)} ms (p95 {ms(cd.p95)}); each its own "
               "transaction, committed to disk.",
               f"push: {parts_note(push['parts'], push['s'])}.",
               f"pull on B: {parts_note(fresh['parts'], fresh['s'])}; {fresh['pages']} pages; "
               f"B lists {fresh['cases_there']:,} cases after it.",
               f"A's next pull: {parts_note(own['parts'], own['s'])}; {own['pages']} pages, "
               f"{own['received'] / 1e6:.1f} MB received: the rows A has just pushed come "
               "back when the server returns a workstation's own rows (applying them again "
               "changes nothing)."])

    # 4.
    rows = []
    for p in res["pulls"]:
        whole, http = Sample(p["pull"]), Sample(p["http"])
        rows.append([f"{p['log']:,}", p["probe"], f"{p['after_cursor']:,}", len(whole.values),
                     ms(whole.median), ms(whole.p95), ms(http.median), ms(http.p95),
                     f"{(p['cpu']['postgres']) / len(whole.values) * 1000:.1f}",
                     f"{(p['cpu']['service']) / len(whole.values) * 1000:.1f}",
                     f"{(p['cpu']['others']) / len(whole.values) * 1000:.0f}"])
    print_table(
        "4. A pull that brings nothing (SyncClient.pull(), ms)",
        ["changes in the log", "agent", "others' changes after its cursor", "runs",
         "pull median", "pull p95", "HTTP median", "HTTP p95", "PG CPU ms/pull",
         "service CPU ms/pull", "others CPU ms/pull"], rows,
        notes=["active: its own change is the newest in the log (it pushed and caught up just "
               "before); idle: its last change is at the start of the log.",
               "pull = the whole SyncClient.pull(): cursor read, HTTP, and a SQLite commit "
               "that writes the same cursor back."])

    f = res.get("fill")
    other = [["service resident memory after the run", size(res["service_rss"])],
             ["PostgreSQL database size", f"{size(res['db_bytes'])} for "
              f"{res['log']:,} changes ({res['db_bytes'] / res['log']:.0f} B each)"],
             ["total time of the benchmark", f"{res['total_s']:.0f} s"]]
    if f:
        other.insert(0, ["filling the log: changes straight to /v1/push (no workstation)",
                         f"{f['applied']:,} in {f['s']:.1f} s ({rate(f['applied'], f['s'])}/s; "
                         f"making them {f['make_s']:.1f} s of it)"])
    print_table("Other figures", ["figure", "value"], other)


def parts_note(parts: dict[str, float], total: float) -> str:
    names = {"push.pending": "outbox read", "push.write": "acknowledge",
             "http /v1/push": "HTTP push", "http /v1/pull": "HTTP pull",
             "pull.write": "apply (SQLite)", "pull.cursor": "cursor",
             "rest": "rest of the client (checking, encoding)"}
    rest = total - sum(parts.values())
    shown = sorted(((v, names.get(k, k)) for k, v in [*parts.items(), ("rest", rest)]
                    if v / total >= 0.01), reverse=True)
    return ", ".join(f"{name} {v / total:.0%}" for v, name in shown)


def markdown(res: dict[str, Any]) -> None:
    m, c = res["many"], res["cases"]
    lines = ["| figure | value |", "|---|---|"]
    for r in res["single"]:
        b = Sample(r["batches"])
        lines.append(f"| push, one workstation, {r['label']} ({r['entries']:,} changes, "
                     f"{size(r['sent'])}) | {rate(r['entries'], r['push_s'])} changes/s, "
                     f"{mb_s(r['sent'], r['push_s'])} MB/s; batch of {PUSH_BATCH} p50 "
                     f"{ms(b.median)} ms, p95 {ms(b.p95)} ms |")
    http = Sample(m["http"])
    lines.append(f"| push, {m['workstations']} workstations at once ({m['pushed']:,} changes) | "
                 f"{rate(m['pushed'], m['wall_s'])} changes/s at the server; batch round trip "
                 f"p50 {ms(http.median)} ms, p95 {ms(http.p95)} ms |")
    g = c["generate"]
    lines.append(f"| {c['cases']:,} cases made locally (new_case + note; not sync) | "
                 f"{g['seconds']:.1f} s ({c['pending']:,} outbox entries) |")
    lines.append(f"| push those {c['cases']:,} cases ({c['push']['changes']:,} changes) | "
                 f"{c['push']['s']:.1f} s |")
    lines.append(f"| pull them on a fresh workstation of the same agent | "
                 f"{c['pull_fresh']['s']:.1f} s ({c['pull_fresh']['changes']:,} changes) |")
    for p in res["pulls"]:
        s = Sample(p["pull"])
        lines.append(f"| empty pull, {p['probe']} agent, log of {p['log']:,} changes | "
                     f"median {ms(s.median)} ms, p95 {ms(s.p95)} ms |")
    lines.append(f"| service RSS after the run | {size(res['service_rss'])} |")
    print("Summary (Markdown)")
    print()
    print("\n".join(lines))
    print()


# --- main ----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: about a minute")
    parser.add_argument("--workstations", type=int, help="simultaneous workstations (20)")
    parser.add_argument("--cases", type=int, help="cases of part 3 (10 000)")
    parser.add_argument("--entries", type=int, help="outbox of part 1 (20 000)")
    parser.add_argument("--fill", type=int,
                        help="others' changes added before the second log size (default: as "
                             "many as the log holds then, doubling it)")
    parser.add_argument("--no-machine", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    cfg = dict(QUICK if args.quick else FULL)
    for key in ("workstations", "cases", "entries", "fill"):
        if getattr(args, key) is not None:
            cfg[key] = getattr(args, key)

    t_start = time.perf_counter()
    load = loadavg()
    central = Central()
    res: dict[str, Any] = {"config": cfg, "quick": args.quick}
    with tempfile.TemporaryDirectory(prefix="cleardesk-bench-sync-", dir=disk_folder()) as tmp:
        folder = Path(tmp)
        try:
            say("starting PostgreSQL (fsync on) and cleardesk serve")
            central.start()
            settings = pg_settings(central.cluster)
            if settings["fsync"] != "on":
                raise RuntimeError(f"fsync is {settings['fsync']}: the figures would mean nothing")
            info = machine_info(central, settings, fdatasync_ms(central.cluster.dir), load,
                                folder)
            res["settings"] = settings
            log = 0

            # The probes of part 4 begin now: the idle one never changes anything again.
            probes = {"active": Probe(central, folder, "probe_active", 500),
                      "idle": Probe(central, folder, "probe_idle", 600)}
            for probe in probes.values():
                log += probe.change_and_catch_up()
            idle_at = log

            say("1. one workstation")
            token = central.token("desk01")
            res["single"] = [
                push_one(central, "mixed (cases, notes, ticks)",
                         lambda s: _describe(write_mixed(s, cfg["entries"], seed=1)), folder,
                         token),
                push_one(central, "call curve (1-3 KB chunks)",
                         lambda s: f"{cfg['curve']:,} chunks, "
                                   f"{size(write_curve(s, cfg['curve'], seed=2) / cfg['curve'])} "
                                   "of JSON each on average", folder, token),
            ]
            log += sum(r["pushed"] for r in res["single"])

            say(f"2. {cfg['workstations']} workstations at once")
            res["many"] = push_many(central, folder, cfg["workstations"], cfg["per_ws"])
            log += res["many"]["pushed"]

            say(f"3. {cfg['cases']} cases")
            res["cases"] = cases_round_trip(central, folder, cfg["cases"])
            log += res["cases"]["push"]["changes"]

            say(f"4. empty pulls, log of {log} changes")
            res["pulls"] = empty_pulls(central, probes, log, idle_at, cfg["pull_runs"],
                                       cfg["pull_budget_s"])
            log = max(p["log"] for p in res["pulls"])
            fill = cfg["fill"] or log
            res["fill"] = fill_log(central, fill, seed=900)
            log += res["fill"]["applied"]
            say(f"4. empty pulls, log of {log} changes")
            res["pulls"] += empty_pulls(central, probes, log, idle_at, cfg["pull_runs"],
                                        cfg["pull_budget_s"])
            log = max(p["log"] for p in res["pulls"])
            for probe in probes.values():
                probe.close()

            res["log"] = log
            res["service_rss"] = central.service_rss()
            res["db_bytes"] = central.db_bytes()
        finally:
            central.stop()
    res["total_s"] = time.perf_counter() - t_start
    res["load_end"] = loadavg()
    info["Load"] += f", {res['load_end']} at the end"
    if not args.no_machine:
        print_machine(info)
    report(res)
    markdown(res)
    save_json("sync", {"machine": info, **res})
    return 0


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{n:,} {kind}" for kind, n in counts.items())


if __name__ == "__main__":
    raise SystemExit(main())
