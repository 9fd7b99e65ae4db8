"""What ``bench.bench_sync`` stands on: a durable PostgreSQL, the real service, workloads, timers.

- :class:`DurableCluster`: ``tests.sync.pg.PgCluster`` with durability switched back on. The test
  cluster writes ``fsync = off`` and ``full_page_writes = off`` into ``postgresql.conf`` for
  speed; this subclass appends ``fsync = on``, ``full_page_writes = on`` and
  ``synchronous_commit = on`` after them before the first start (in ``postgresql.conf`` a later
  line wins), so the server never runs without them. :func:`pg_settings` reads them back. The
  test cluster may also live in /dev/shm; this one is put on a disk (/tmp unless that is in
  memory) and refuses to run in memory, where fsync costs nothing.
- :class:`Central`: the cluster, a database owned by a non-superuser role (as the sync tests
  make it) and ``cleardesk serve`` as a subprocess (``tests.sync.service.Service``), with the CPU
  time of the service and of PostgreSQL and the service's resident memory (psutil).
- Workloads written the way the app writes them (``db.events.apply_field_events`` and
  ``append_rows`` on the store's thread, outbox rows included): cases with their field events,
  notes and CLEAR ticks (:func:`write_mixed`), call curve chunks (:func:`write_curve`), and the
  same kind of changes as wire dicts for filling the server's log without a workstation
  (:func:`filler_changes`, :func:`push_raw`).
- :class:`TimedStore` / :class:`TimedClient`: the real ``SyncClient`` with a stopwatch around
  its store calls (outbox read, acknowledge, cursor, apply) and its HTTP requests, and a count of
  the bytes on the wire. Nothing of the client is replaced.

No SQL here beyond ``SHOW`` and a size function (``tests/test_boundaries.py`` scans bench/).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.datagen import CATEGORIES, COMPLAINT_ZH, DEPARTMENTS, SEVERITIES, STEPS, _Gen
from db.clock import HybridClock, new_id
from db.events import FieldEvent, append_rows, apply_field_events, transaction
from desk.store import Store
from desk.sync.client import SyncClient
from desk.timeutil import now_iso
from tests.sync.pg import PgCluster
from tests.sync.service import Service, account

# --- PostgreSQL and the service -----------------------------------------------------------------


def filesystem(path: Path) -> tuple[str, str]:
    """(mount point, type) of the filesystem ``path`` is on, from /proc/mounts."""
    path = Path(os.path.realpath(path))
    best = ("/", "unknown")
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return best
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            point = parts[1].replace("\\040", " ")
            if (path == Path(point) or Path(point) in path.parents) \
                    and len(point) >= len(best[0]):
                best = (point, parts[2])
    return best


MEMORY_FILESYSTEMS = ("tmpfs", "ramfs")


def disk_folder() -> Path:
    """A world-traversable folder on a real disk (fsync there means something)."""
    for candidate in (Path(tempfile.gettempdir()), Path("/tmp"), Path("/var/tmp")):
        if candidate.is_dir() and filesystem(candidate)[1] not in MEMORY_FILESYSTEMS:
            return candidate
    raise RuntimeError("no temporary folder on a disk (/tmp and /var/tmp are in memory)")


class DurableCluster(PgCluster):
    """A throwaway cluster like the tests', but on a disk (the tests' cluster may live in
    /dev/shm, where fsync costs nothing) and with fsync, full-page writes and synchronous commit
    on, as a production server runs."""

    def _init(self) -> None:
        from tests.sync import pg

        saved = getattr(pg, "base_dir", None)
        pg.base_dir = disk_folder  # type: ignore[attr-defined]
        try:
            super()._init()
        finally:
            if saved is not None:
                pg.base_dir = saved  # type: ignore[attr-defined]
        if self.dir is not None and filesystem(self.dir)[1] in MEMORY_FILESYSTEMS:
            raise RuntimeError(f"PostgreSQL's folder {self.dir} is in memory: fsync would "
                               "cost nothing and the figures would mean nothing")

    def _write_port(self) -> None:
        super()._write_port()
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# cleardesk bench: durable, as in production (a later line wins)\n"
                       "fsync = on\nfull_page_writes = on\nsynchronous_commit = on\n")


def pg_settings(cluster: PgCluster) -> dict[str, str]:
    names = ("server_version", "fsync", "full_page_writes", "synchronous_commit",
             "wal_sync_method", "shared_buffers", "max_connections")
    return {n: str(cluster.execute(f"SHOW {n}")[0][0]) for n in names}


def fdatasync_ms(folder: Path, runs: int = 200) -> tuple[float, float]:
    """Median and 95th percentile (ms) of an 8 KiB write + fdatasync in ``folder`` (the disk
    PostgreSQL and the workstations' SQLite commit to)."""
    fd, name = tempfile.mkstemp(dir=folder, prefix="fsync-probe-")
    try:
        times = []
        for i in range(runs):
            os.pwrite(fd, os.urandom(8192), (i % 16) * 8192)
            t0 = time.perf_counter()
            os.fdatasync(fd)
            times.append(time.perf_counter() - t0)
        times.sort()
        return statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000
    finally:
        os.close(fd)
        os.unlink(name)


class Central:
    """PostgreSQL (durable) + a database for ClearDesk + ``cleardesk serve``."""

    def __init__(self) -> None:
        self.cluster = DurableCluster()
        self.service: Service | None = None
        self.db_url = ""
        self.db_name = "cleardesk_bench"

    def start(self) -> Central:
        self.cluster.start()
        owner = self.cluster.create_role("cleardesk_bench_owner", login=True, createrole=True)
        self.cluster.create_database(self.db_name, owner=owner)
        self.db_url = self.cluster.url(self.db_name, user=owner)
        self.service = Service(self.db_url).start()
        return self

    def stop(self) -> None:
        if self.service is not None:
            self.service.stop()
            self.service = None
        self.cluster.stop()

    @property
    def url(self) -> str:
        assert self.service is not None
        return self.service.url

    @property
    def pool_size(self) -> int:
        return 8  # tests.sync.service.Service sets CLEARDESK_POOL_SIZE=8

    def token(self, name: str, role: str = "agent", team: str = "north") -> str:
        """A new workstation token for the account ``name`` (made the first time)."""
        return account(self.db_url, name, role, team)

    # -- resources -------------------------------------------------------------------------
    def _service_proc(self) -> psutil.Process:
        assert self.service is not None and self.service.proc is not None
        return psutil.Process(self.service.proc.pid)

    def service_cpu(self) -> float:
        t = self._service_proc().cpu_times()
        return t.user + t.system

    def service_rss(self) -> int:
        return int(self._service_proc().memory_info().rss)

    def pg_cpu(self) -> float:
        """CPU seconds of the whole cluster: the postmaster, its live children, and the children
        it has reaped (connections that ended)."""
        pid = int((self.cluster.data_dir / "postmaster.pid").read_text().split()[0])
        top = psutil.Process(pid)
        t = top.cpu_times()
        total = t.user + t.system + t.children_user + t.children_system
        for child in top.children():
            try:
                c = child.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += c.user + c.system
        return total

    def db_bytes(self) -> int:
        return int(self.cluster.execute("SELECT pg_database_size(%s)", [self.db_name])[0][0])


class Cpu:
    """CPU seconds spent by the service, PostgreSQL and this process between start and stop."""

    def __init__(self, central: Central) -> None:
        self.central = central
        self.t0 = self._now()
        self.spent: dict[str, float] = {}

    def _now(self) -> dict[str, float]:
        t = psutil.cpu_times()
        return {"wall": time.perf_counter(), "service": self.central.service_cpu(),
                "postgres": self.central.pg_cpu(), "bench": time.process_time(),
                "machine": sum(t) - t.idle - getattr(t, "iowait", 0.0)}

    def stop(self, elsewhere: float = 0.0) -> dict[str, float]:
        """Seconds since the start; ``others`` is the CPU of every other process on the machine
        (``elsewhere``: CPU of our own other processes, e.g. the workstations of part 2)."""
        t1 = self._now()
        self.spent = {k: t1[k] - self.t0[k] for k in t1}
        self.spent["others"] = max(0.0, self.spent["machine"] - self.spent["service"]
                                   - self.spent["postgres"] - self.spent["bench"] - elsewhere)
        return self.spent


# --- workloads -----------------------------------------------------------------------------------


class Changes:
    """Realistic changes for one device: cases (~8 field events, sometimes a customer with 2),
    1-3 notes and 1-5 CLEAR ticks each. Yields ``(kind, FieldEvent or row)``."""

    def __init__(self, seed: int, device: str, stamp: Callable[[], str], agent: str) -> None:
        self.gen = _Gen(seed, device, datetime.now(timezone.utc))
        self.r = self.gen.r
        self.device = device
        self.stamp = stamp
        self.agent = agent

    def _events(self, entity: str, entity_id: str, values: dict[str, Any],
                at: str) -> Iterator[tuple[str, Any]]:
        for key, value in values.items():
            yield "event", FieldEvent(new_id(), entity, entity_id, key, value, self.stamp(),
                                      self.device, at)

    def case(self) -> Iterator[tuple[str, Any]]:
        r, g, at = self.r, self.gen, now_iso()
        case_id = new_id()
        fields: dict[str, Any] = {
            "status": "open", "stage": "attune", "severity": r.choice(SEVERITIES),
            "agent": self.agent, "owner": self.agent, "category": r.choice(CATEGORIES),
            "complaint": g.fill(r.choice(COMPLAINT_ZH)),
        }
        if r.random() < 0.7:
            customer_id = new_id()
            typed, _ = g.phone()
            yield from self._events("customer", customer_id,
                                    {"name": g.name_zh(), "phone": typed}, at)
            fields["customer_id"] = customer_id
        else:
            fields["department"] = r.choice(DEPARTMENTS)
        yield from self._events("case", case_id, fields, at)
        for _ in range(r.choice((1, 2, 2, 3))):
            yield "notes", {"id": new_id(), "case_id": case_id, "body": g.note_text(),
                            "created_at": at, "hlc": self.stamp(), "device": self.device,
                            "author": self.agent}
        for step in STEPS[: r.randint(1, 5)]:
            yield "checklist", {"id": new_id(), "case_id": case_id, "step": step, "done": 1,
                                "at": at, "source": "manual", "evidence": "",
                                "hlc": self.stamp(), "device": self.device}

    def take(self, n: int) -> list[tuple[str, Any]]:
        """Whole cases until at least ``n`` changes."""
        out: list[tuple[str, Any]] = []
        while len(out) < n:
            out.extend(self.case())
        return out


def _write(conn: Any, changes: list[tuple[str, Any]]) -> None:
    with transaction(conn):
        apply_field_events(conn, [c for k, c in changes if k == "event"])
        for table in ("notes", "checklist", "updates", "call_curve"):
            rows = [c for k, c in changes if k == table]
            if rows:
                append_rows(conn, table, rows)


def write_mixed(store: Store, n: int, seed: int, agent: str = "bench",
                per_transaction: int = 2000) -> dict[str, int]:
    """At least ``n`` outbox entries of cases, notes and ticks in ``store``; counts by kind."""
    gen = Changes(seed, store.device, store.clock.now, agent)
    counts: dict[str, int] = defaultdict(int)
    made = 0
    while made < n:
        batch = gen.take(min(per_transaction, n - made))
        store.call(_write, batch)
        for kind, _ in batch:
            counts[kind] += 1
        made += len(batch)
    return dict(counts)


def curve_rows(seed: int, device: str, stamp: Callable[[], str], n: int) -> list[dict[str, Any]]:
    """``n`` call curve chunks (both channels, calls of 300 chunks a side) of 1-3 KB JSON each,
    in the shape ``desk.recorder.pack_samples`` writes."""
    r = random.Random(seed)
    rows = []
    call_id, t = new_id(), 0.0
    for i in range(n):
        if i % 600 == 0:
            call_id, t = new_id(), 0.0
        channel = ("agent", "caller")[i % 2]
        k = r.randint(12, 36)
        ts = [t + j * 0.1 + r.random() * 1e-3 for j in range(k)]
        data = json.dumps({
            "t": ts, "s": [r.random() for _ in ts], "b": [r.randint(0, 3) for _ in ts],
            "v": [r.randint(0, 1) for _ in ts],
            "c": [[round(r.random(), 2) for _ in range(6)] for _ in ts]},
            separators=(",", ":"))
        rows.append({"id": new_id(), "call_id": call_id, "channel": channel, "t0": ts[0],
                     "t1": ts[-1], "data": data, "hlc": stamp(), "device": device})
        if channel == "caller":
            t = ts[-1] + 0.1
    return rows


def write_curve(store: Store, n: int, seed: int) -> int:
    rows = curve_rows(seed, store.device, store.clock.now, n)
    for start in range(0, len(rows), 2000):
        store.call(_write, [("call_curve", row) for row in rows[start:start + 2000]])
    return sum(len(row["data"]) for row in rows)


def filler_changes(seed: int, device: str, n: int, agent: str) -> list[dict[str, Any]]:
    """At least ``n`` changes as they travel (``{"kind", "row"}``), for a device that has no
    store: for filling the server's log with other agents' work."""
    clock = HybridClock(device)
    out = []
    for kind, item in Changes(seed, device, clock.now, agent).take(n):
        out.append({"kind": kind, "row": asdict(item) if kind == "event" else item})
    return out


def push_raw(http: httpx.Client, device: str, changes: list[dict[str, Any]],
             batch: int = 500) -> int:
    """POST changes straight to /v1/push (no workstation); returns how many were applied."""
    applied = 0
    for start in range(0, len(changes), batch):
        reply = http.post("/v1/push", json={"device": device,
                                            "changes": changes[start:start + batch]})
        reply.raise_for_status()
        applied += sum(1 for r in reply.json()["results"] if r["status"] == "applied")
    return applied


def raw_client(url: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"},
                        timeout=120)


# --- the real client, timed ----------------------------------------------------------------------


class TimedStore:
    """A Store for ``SyncClient`` that times every call it makes on the database thread, by the
    client's current phase and the function's name (``push.pending``, ``push.write``,
    ``pull.cursor``, ``pull.write``)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.phase = ""
        self.times: dict[str, list[float]] = defaultdict(list)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return self.store.call(fn, *args, **kwargs)
        finally:
            self.times[f"{self.phase}.{fn.__name__}"].append(time.perf_counter() - t0)


class TimedClient(SyncClient):
    """``SyncClient`` as the workstation runs it, with stopwatches: each HTTP request (JSON
    encoding by httpx, the network, the server, decoding the reply), each push batch (outbox
    read + request + acknowledge), and the bytes sent and received."""

    def __init__(self, store: Store, url: str, token: str, **kw: Any) -> None:
        self.timed = TimedStore(store)
        super().__init__(self.timed, url, token, **kw)  # type: ignore[arg-type]
        self.requests: dict[str, list[float]] = defaultdict(list)
        self.batches: list[float] = []
        self.sent = 0
        self.received = 0
        self.http.event_hooks = {"request": [self._on_request],
                                 "response": [self._on_response]}

    def _on_request(self, request: httpx.Request) -> None:
        self.sent += len(request.content)

    def _on_response(self, response: httpx.Response) -> None:
        self.received += int(response.headers.get("content-length") or 0)

    def _request(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        t0 = time.perf_counter()
        try:
            return super()._request(method, path, **kw)
        finally:
            self.requests[path].append(time.perf_counter() - t0)

    def _push_batch(self, entries: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return super()._push_batch(entries)
        finally:
            self.batches.append(time.perf_counter() - t0)

    def push(self, *args: Any, **kwargs: Any) -> Any:
        self.timed.phase = "push"
        return super().push(*args, **kwargs)

    def pull(self, *args: Any, **kwargs: Any) -> int:
        self.timed.phase = "pull"
        return super().pull(*args, **kwargs)

    def reset(self) -> None:
        self.timed.times.clear()
        self.requests.clear()
        self.batches.clear()
        self.sent = self.received = 0

    def spent(self) -> dict[str, float]:
        """Seconds in each part since the last reset."""
        out = {k: sum(v) for k, v in self.timed.times.items()}
        out.update({f"http {k}": sum(v) for k, v in self.requests.items()})
        return out
