"""Sync under faults, with the real parts: PostgreSQL, ``cleardesk serve`` in a child process, the
workstation's SyncClient (or the ``cleardesk sync`` command in a child), and the TCP fault proxy
between them.

1. Cuts at random points of push: refused, cut while the request goes up (the server never has
   the whole batch), cut while the reply comes down (the server committed, the client never
   heard). Repeated until a sync without a fault goes through; then every change is on the server
   exactly once and the outbox is empty.
2. The same during pull: the cursor never passes what was applied.
3. The service SIGKILLed mid-batch (while the body goes up; while its transaction waits on a lock)
   and started again; PostgreSQL stopped between syncs and crashed during one.
4. The workstation's own ``cleardesk sync`` process SIGKILLed during its push.
5. Two workstations of one agent editing the same case offline, syncing in random order with
   cuts: they converge, the later HLC wins the field, the loser stays in the history.

Every test ends the same way (:func:`settle_and_check`): workstations of one agent hold the same
state, and the server holds every id once, the same set as each workstation.

Byte offsets for cuts are drawn below a lower bound of the traffic the attempt will make (the
exact compact JSON bodies, without HTTP headers), so a cut always lands inside the exchange.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from db import outbox
from db.connection import integrity_problems
from desk.cases import CaseService
from desk.models import STEP_KEYS
from desk.store import Store
from desk.sync import protocol
from desk.sync.client import SyncClient, SyncError, SyncResult
from tests.sync.conftest import PgDatabase
from tests.sync.pg import PgCluster
from tests.sync.proxy import FaultProxy
from tests.sync.service import ROOT, Service, account
from tests.sync.state import diff, local_ids, local_state, pending, server_ids

AGENT = "amy"
FAULTS = ("refuse", "upstream", "downstream")
TEXTS = ("客户说这个月的账单多扣了一百二十元", "고객이 환불을 두 번째로 요청했습니다",
         "Customer says the router still drops every evening", "Le client attend depuis mardi",
         "Wants a supervisor; third call this week")
SEVERITIES = ("low", "medium", "high")
DEPARTMENTS = ("billing", "network", "retention", "field service")


# -- workstations ----------------------------------------------------------------------------


class Desk:
    """One workstation: its own SQLite database, device id and clock."""

    def __init__(self, path: Path, agent: str, token: str) -> None:
        self.path = path
        self.name = path.parent.name
        self.store = Store(path)
        self.cases = CaseService(self.store, agent)
        self.token = token

    def client(self, url: str, batch: int | None = None) -> SyncClient:
        client = SyncClient(self.store, url, self.token, timeout=30)
        if batch is not None:
            client.batch = batch
        return client

    def sync(self, url: str, batch: int | None = None) -> SyncResult:
        with self.client(url, batch) as client:
            return client.sync()

    def queued(self) -> set[str]:
        """Ids still waiting in the outbox."""
        return self.store.call(
            lambda conn: {r[0] for r in conn.execute("SELECT row_id FROM outbox")})

    def cursor(self) -> tuple[int, int]:
        parsed = protocol.parse_cursor(self.store.call(outbox.cursor))
        assert parsed is not None
        return parsed


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    opened: list[Desk] = []

    def open_desk(name: str, token: str, agent: str = AGENT) -> Desk:
        desk = Desk(tmp_path / name / "cleardesk.db", agent, token)
        opened.append(desk)
        return desk

    yield open_desk
    for desk in opened:
        desk.store.close()


def assert_clean_log(svc: Service) -> None:
    """Faults are the network's and the database's, never the service's own errors."""
    text = svc.log_path.read_text(errors="replace") if svc.log_path else ""
    assert "Traceback" not in text and "Exception in ASGI" not in text, text[-4000:]


@pytest.fixture
def service(pg_db: PgDatabase) -> Iterator[Service]:
    svc = Service(pg_db.url).start()
    try:
        yield svc
        assert_clean_log(svc)
    finally:
        svc.stop()


@pytest.fixture
def proxy(service: Service) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", service.port) as p:
        yield p


def via(proxy: FaultProxy) -> str:
    return f"http://127.0.0.1:{proxy.port}"


# -- work to sync ----------------------------------------------------------------------------


def fill(desk: Desk, rng: random.Random, cases: int, actions: int, note_chars: int = 60
         ) -> list[str]:
    """New cases, then notes, field edits and checklist ticks on random ones of them."""
    ids = [desk.cases.new_case(category=rng.choice(DEPARTMENTS), complaint=rng.choice(TEXTS)).id
           for _ in range(cases)]
    for i in range(actions):
        case_id, roll = rng.choice(ids), rng.random()
        if roll < 0.4:
            text = f"{i}: {rng.choice(TEXTS)} "
            desk.cases.commit_draft(case_id, (text * (note_chars // len(text) + 1))[:note_chars])
        elif roll < 0.75:
            field = rng.choice(("severity", "department", "complaint", "satisfaction"))
            value: Any = {"severity": rng.choice(SEVERITIES),
                          "department": rng.choice(DEPARTMENTS),
                          "complaint": f"{rng.choice(TEXTS)} ({i})",
                          "satisfaction": rng.randint(1, 5)}[field]
            desk.cases.update_case(case_id, **{field: value})
        else:
            desk.cases.tick_step(case_id, rng.choice(STEP_KEYS), done=rng.random() < 0.8)
    return ids


def _compact(value: Any) -> int:
    """Bytes of ``value`` as httpx and Starlette put JSON on the wire."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def push_bytes(desk: Desk, batch: int) -> tuple[int, int]:
    """Lower bounds of what pushing the whole outbox sends up and gets back (bodies only)."""
    entries = desk.store.call(outbox.pending, 10**6)
    up = down = 0
    for start in range(0, len(entries), batch):
        chunk = entries[start:start + batch]
        up += _compact({"device": desk.store.device,
                        "changes": [{"kind": e.kind, "row": e.row} for e in chunk]})
        down += _compact({"results": [{"id": e.row_id, "status": "applied"} for e in chunk]})
    return up, down


def arm(proxy: FaultProxy, rng: random.Random, fault: str, up: int, down: int) -> str:
    """Set one fault for the next attempt; returns a description for assertion messages."""
    proxy.clear()
    if fault == "refuse":
        proxy.refuse(True)
        return "refused"
    if fault == "upstream":
        at = rng.randrange(up)
        proxy.cut_after(upstream_bytes=at)
        return f"cut after {at} of >{up} bytes up"
    at = rng.randrange(down)
    proxy.cut_after(downstream_bytes=at)
    return f"cut after {at} of >{down} bytes down"


# -- the server ------------------------------------------------------------------------------


def server_ids_upto(admin_url: str, cursor: tuple[int, int]) -> set[str]:
    """Ids of the log at or below ``cursor``."""
    with psycopg.connect(admin_url) as conn:
        rows = conn.execute("SELECT id::text FROM changes WHERE (xid::text::bigint, seq)"
                            " <= (%s, %s)", cursor).fetchall()
    return {r[0] for r in rows}


def log_rows_after(admin_url: str, cursor: tuple[int, int]) -> list[dict[str, Any]]:
    with psycopg.connect(admin_url) as conn:
        rows = conn.execute("SELECT kind, row FROM changes WHERE (xid::text::bigint, seq)"
                            " > (%s, %s) ORDER BY xid, seq", cursor).fetchall()
    return [{"kind": r[0], "row": r[1]} for r in rows]


def wait_for(what: str, test: Callable[[], Any], timeout: float = 20.0) -> Any:
    """Poll ``test`` (a query of another process's state) until it is truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = test()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def serve_backends(admin_url: str, waiting_on_lock: bool = False) -> list[int]:
    """Pids of the service's PostgreSQL sessions on this database."""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND application_name = 'cleardesk-serve'"
            + (" AND wait_event_type = 'Lock'" if waiting_on_lock else "")).fetchall()
    return [r[0] for r in rows]


class LockedLog:
    """Holds ``changes`` locked (as the superuser) so a push waits inside its transaction."""

    def __init__(self, admin_url: str) -> None:
        self.conn = psycopg.connect(admin_url)
        self.conn.execute("LOCK TABLE changes IN EXCLUSIVE MODE")

    def release(self) -> None:
        with contextlib.suppress(psycopg.OperationalError):  # it went down, with the lock
            self.conn.rollback()
        self.conn.close()


class PushInThread:
    """``desk.sync`` on a thread, for killing things while it is in flight."""

    def __init__(self, desk: Desk, url: str) -> None:
        self.result: SyncResult | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(desk, url), name="push-in-flight")
        self.thread.start()

    def _run(self, desk: Desk, url: str) -> None:
        try:
            self.result = desk.sync(url)
        except BaseException as exc:
            self.error = exc

    def join(self) -> BaseException | None:
        self.thread.join(60)
        assert not self.thread.is_alive(), "the push never ended"
        return self.error


# -- the checks ------------------------------------------------------------------------------


def assert_acked_on_server(desk: Desk, admin_url: str, context: str = "") -> None:
    """Whatever left the outbox is on the server (nothing acknowledged before the reply)."""
    acked = local_ids(desk.store) - desk.queued()
    missing = acked - set(server_ids(admin_url))
    assert not missing, (f"{len(missing)} changes left the outbox but are not on the server "
                         f"{context}: {sorted(missing)[:3]}")


def assert_exactly_once(admin_url: str, *group: Desk) -> None:
    counts = server_ids(admin_url)
    assert all(n == 1 for n in counts.values()), {i: n for i, n in counts.items() if n != 1}
    for desk in group:
        assert pending(desk.store) == 0, "changes still queued"
        assert desk.store.call(outbox.rejected) == [], "the server refused changes"
        ids = local_ids(desk.store)
        assert ids == set(counts), (f"missing on the server: {sorted(ids - set(counts))[:3]}; "
                                    f"not here: {sorted(set(counts) - ids)[:3]}")


def settle_and_check(url: str, admin_url: str, *group: Desk) -> None:
    """Fault-free syncs until everyone has everything; then the end state every test wants:
    workstations of one agent identical, the server with every id once."""
    for _ in range(2):  # the first round gathers on the server, the second spreads
        for desk in group:
            desk.sync(url)
    first = local_state(group[0].store)
    for desk in group[1:]:
        other = local_state(desk.store)
        assert first == other, "workstations differ:\n" + diff(first, other)
    assert_exactly_once(admin_url, *group)
    for desk in group:
        assert integrity_problems(desk.path) == []


# -- 1. push -----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_push_cut_at_random_points(seed: int, pg_db: PgDatabase, service: Service,
                                   proxy: FaultProxy, desks: Callable[..., Desk]) -> None:
    rng = random.Random(seed)
    token = account(pg_db.url, AGENT)
    a = desks("a", token)
    fill(a, rng, cases=10, actions=50)
    batch = 15
    faults = [*FAULTS, *rng.choices(FAULTS, k=5)]
    rng.shuffle(faults)
    for fault in faults:
        if rng.random() < 0.5:  # the agent keeps working between attempts
            fill(a, rng, cases=1, actions=4)
        what = arm(proxy, rng, fault, *push_bytes(a, batch))
        before = set(server_ids(pg_db.admin_url))
        with pytest.raises(SyncError) as err:
            a.sync(via(proxy), batch)
        assert err.value.code == "offline", f"{what}: {err.value}"
        assert_acked_on_server(a, pg_db.admin_url, f"after: {what}")
        # The batch the cut hit is the oldest one queued now: one transaction, all or nothing.
        hit = {e.row_id for e in a.store.call(outbox.pending, batch)}
        there = hit & set(server_ids(pg_db.admin_url))
        if fault == "downstream":  # the reply was lost after the COMMIT
            assert there == hit, what
        else:  # the server never had the whole request
            assert there == hit & before, what
    proxy.clear()
    waiting = pending(a.store)
    result = a.sync(via(proxy), batch)
    assert result.pushed + result.duplicates == waiting and result.rejected == 0
    assert pending(a.store) == 0
    b = desks("b", token)  # a second workstation of the same agent
    settle_and_check(via(proxy), pg_db.admin_url, a, b)


# -- 2. pull -----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [4, 5])
def test_pull_cut_at_random_points(seed: int, pg_db: PgDatabase, service: Service,
                                   proxy: FaultProxy, desks: Callable[..., Desk],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(protocol, "MAX_PULL", 20)  # the client's page size: many pages
    rng = random.Random(seed)
    token = account(pg_db.url, AGENT)
    a, b = desks("a", token), desks("b", token)
    fill(a, rng, cases=10, actions=60)
    a.sync(service.url)
    faults = [*FAULTS, *rng.choices(FAULTS, k=4)]
    rng.shuffle(faults)
    last = b.cursor()
    for fault in [*faults, "none"]:
        if rng.random() < 0.5:  # the other workstation goes on sending meanwhile
            fill(a, rng, cases=1, actions=5)
            a.sync(service.url)
        rows = log_rows_after(pg_db.admin_url, last)
        pages = len(rows) // protocol.MAX_PULL + 1
        down = sum(_compact(r) for r in rows)
        proxy.clear()
        if fault == "none":
            with b.client(via(proxy)) as client:
                assert client.pull() == len(rows)
        else:
            # Each GET (request line, Host, the token) is well over 100 bytes.
            what = arm(proxy, rng, fault, up=pages * 100, down=down)
            with pytest.raises(SyncError) as err, b.client(via(proxy)) as client:
                client.pull()
            assert err.value.code == "offline", f"{what}: {err.value}"
        now = b.cursor()
        assert now >= last, "the cursor went back"
        behind = server_ids_upto(pg_db.admin_url, now) - local_ids(b.store)
        assert not behind, f"the cursor passed {len(behind)} rows never applied ({fault})"
        last = now
    proxy.clear()
    assert b.cursor() > (0, 0)
    assert local_state(a.store) == local_state(b.store), diff(local_state(a.store),
                                                              local_state(b.store))
    settle_and_check(via(proxy), pg_db.admin_url, a, b)


# -- 3. the service and the database go down ------------------------------------------------


def big_batch(desk: Desk, rng: random.Random) -> int:
    """One push body of about 8 MB (200 notes of 30,000 characters); returns its size."""
    case_id = desk.cases.new_case(complaint=rng.choice(TEXTS)).id
    for i in range(200):
        text = f"note {i}: {rng.choice(TEXTS)}. "
        desk.cases.commit_draft(case_id, (text * (30_000 // len(text) + 1))[:30_000])
    return push_bytes(desk, 500)[0]


@pytest.mark.parametrize("moment", ["upload", "transaction"])
def test_service_killed_mid_batch_and_restarted(moment: str, pg_db: PgDatabase,
                                                service: Service, proxy: FaultProxy,
                                                desks: Callable[..., Desk]) -> None:
    rng = random.Random(moment)
    token = account(pg_db.url, AGENT)
    a = desks("a", token)
    fill(a, rng, cases=3, actions=10)
    a.sync(via(proxy))
    size = big_batch(a, rng)
    queued = a.queued()
    lock = LockedLog(pg_db.admin_url) if moment == "transaction" else None
    try:
        start = proxy.bytes_up
        push = PushInThread(a, via(proxy))
        if lock is None:  # SIGKILL while the body is going up
            at = rng.randrange(size // 10, size)
            assert proxy.wait_until(lambda p: p.bytes_up - start >= at, timeout=30)
        else:  # SIGKILL while the batch's transaction waits for the lock, inside its INSERT
            wait_for("the push to wait on the lock",
                     lambda: serve_backends(pg_db.admin_url, waiting_on_lock=True))
        service.kill()
        error = push.join()
        assert isinstance(error, SyncError) and error.code == "offline", error
        delivered = proxy.bytes_up - start
    finally:
        if lock is not None:
            lock.release()
    # The server's sessions end (the waiting one after its INSERT, on reading no COMMIT).
    wait_for("the dead service's sessions to end", lambda: not serve_backends(pg_db.admin_url))
    if lock is not None or delivered < size:
        assert not queued & set(server_ids(pg_db.admin_url)), "a batch half-received was kept"
    assert_acked_on_server(a, pg_db.admin_url)
    with pytest.raises(SyncError) as err:  # nobody listens: the proxy cannot connect
        a.sync(via(proxy))
    assert err.value.code == "offline"
    assert_clean_log(service)
    service.start()  # the same port
    result = a.sync(via(proxy))
    assert result.pushed + result.duplicates == len(queued)
    settle_and_check(via(proxy), pg_db.admin_url, a, desks("b", token))


def sync_until_back(desk: Desk, url: str, timeout: float = 40.0) -> int:
    """Sync until the service answers again; returns how many attempts were 'offline'."""
    deadline, offline = time.monotonic() + timeout, 0
    while True:
        try:
            desk.sync(url)
            return offline
        except SyncError as exc:
            assert exc.code == "offline", exc
            offline += 1
            if time.monotonic() > deadline:
                raise AssertionError(f"the service did not recover in {timeout} s") from exc
            time.sleep(0.2)


def test_database_restarts_between_and_during_sync(pg_cluster: PgCluster, pg_db: PgDatabase,
                                                   service: Service, proxy: FaultProxy,
                                                   desks: Callable[..., Desk]) -> None:
    rng = random.Random(7)
    token = account(pg_db.url, AGENT)
    a = desks("a", token)
    fill(a, rng, cases=4, actions=20)
    a.sync(via(proxy))

    # Between syncs: the database is down; the service says so and comes back by itself.
    fill(a, rng, cases=1, actions=10)
    pg_cluster.halt()
    try:
        # The pool's session is dead: 503 at once, which the client calls offline.
        with pytest.raises(SyncError) as err:
            a.sync(via(proxy))
        assert err.value.code == "offline"
        # No new session can be made: 503 after the pool's wait for one (10 s).
        health = httpx.get(service.url + "/v1/health", timeout=30)
        assert (health.status_code, health.json()["error"]) == (503, "database")
    finally:
        pg_cluster.start()
    assert_acked_on_server(a, pg_db.admin_url, "while the database was down")
    sync_until_back(a, via(proxy))
    assert pending(a.store) == 0

    # During a sync: the database crashes while the batch's transaction is open.
    fill(a, rng, cases=2, actions=20)
    queued = a.queued()
    lock = LockedLog(pg_db.admin_url)
    try:
        push = PushInThread(a, via(proxy))
        wait_for("the push to wait on the lock",
                 lambda: serve_backends(pg_db.admin_url, waiting_on_lock=True))
        pg_cluster.restart("immediate")
        error = push.join()
    finally:
        lock.release()
    assert isinstance(error, SyncError) and error.code == "offline", error
    assert not queued & set(server_ids(pg_db.admin_url)), "an open transaction survived a crash"
    sync_until_back(a, via(proxy))
    settle_and_check(via(proxy), pg_db.admin_url, a, desks("b", token))


# -- 4. the workstation's process dies -----------------------------------------------------------


def sync_command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desk", "sync", "--data-dir", str(data), *args]


CHILD_ENV = {**os.environ, "PYTHONPATH": str(ROOT),
             # Never the keyring of whoever runs the tests: the token goes to a file in the
             # data folder.
             "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def full_integrity_check(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def test_workstation_killed_mid_push(tmp_path: Path, pg_db: PgDatabase, service: Service,
                                     proxy: FaultProxy, desks: Callable[..., Desk]) -> None:
    rng = random.Random(8)
    token = account(pg_db.url, AGENT)
    data = tmp_path / "desk"
    a = Desk(data / "cleardesk.db", AGENT, token)
    try:
        fill(a, rng, cases=40, actions=1100, note_chars=1500)  # about 1,500 changes
        made = local_ids(a.store)
    finally:
        a.store.close()
    setup = subprocess.run(sync_command(data, "--server", via(proxy), "--token-stdin",
                                        "--status"), input=token + "\n", cwd=ROOT,
                           env=CHILD_ENV, capture_output=True, text=True, timeout=60, check=False)
    assert setup.returncode == 0, setup.stdout + setup.stderr

    # Killed while its batch goes up, or while the reply comes down (just before or while the
    # acknowledgement is written).
    ways = ["bytes_up", "bytes_down", "bytes_up", "bytes_down"]
    rng.shuffle(ways)
    for kill, way in enumerate(ways, 1):
        a = Desk(data / "cleardesk.db", AGENT, token)
        try:
            up, down = push_bytes(a, 500)
        finally:
            a.store.close()
        if not up:  # the last kill came after the last acknowledgement
            break
        start = getattr(proxy, way)
        at = rng.randrange(1, up if way == "bytes_up" else down)
        child = subprocess.Popen(sync_command(data), cwd=ROOT, env=CHILD_ENV, text=True,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT)
        try:
            reached = proxy.wait_until(
                lambda p, w=way, s=start, n=at: getattr(p, w) - s >= n, timeout=60)
            child.send_signal(signal.SIGKILL)
            out, _ = child.communicate(timeout=30)
        finally:
            child.kill()
            child.wait(10)
        assert reached and child.returncode == -signal.SIGKILL, f"{way} {at}: {out}"
        assert integrity_problems(data / "cleardesk.db") == []
        assert full_integrity_check(data / "cleardesk.db") == []
        a = Desk(data / "cleardesk.db", AGENT, token)
        try:
            assert local_ids(a.store) == made
            assert_acked_on_server(a, pg_db.admin_url, f"after kill {kill}")
        finally:
            a.store.close()

    a = desks("desk", token)
    assert a.path == data / "cleardesk.db"
    a.sync(via(proxy))
    assert local_ids(a.store) == made
    settle_and_check(via(proxy), pg_db.admin_url, a, desks("b", token))


# -- 5. two workstations, one case ----------------------------------------------------------


@pytest.mark.parametrize("seed", [9, 10])
def test_two_desks_edit_one_case_offline(seed: int, pg_db: PgDatabase, service: Service,
                                         proxy: FaultProxy, desks: Callable[..., Desk]) -> None:
    rng = random.Random(seed)
    token = account(pg_db.url, AGENT)
    a, b = desks("a", token), desks("b", token)
    case_id = a.cases.new_case(complaint="first words").id
    a.sync(service.url)
    b.sync(service.url)
    assert b.cases.case(case_id).complaint == "first words"

    typed = ["first words"]  # every value of the field, in the order it was typed
    notes: set[str] = set()
    last_ms = [0]

    def edit(desk: Desk, n: int) -> None:
        roll = rng.random()
        if roll < 0.4 or n < 2:
            value = f"{desk.name} typed this ({n}) {rng.choice(TEXTS)}"
            # Typed later means a later clock (milliseconds first), whichever desk it is.
            wait_for("the next millisecond", lambda: time.time_ns() // 10**6 > last_ms[0], 1)
            desk.cases.update_case(case_id, complaint=value)
            last_ms[0] = time.time_ns() // 10**6
            typed.append(value)
        elif roll < 0.75:
            body = f"{desk.name} note {n}: {rng.choice(TEXTS)}"
            desk.cases.commit_draft(case_id, body)
            notes.add(body)
        else:
            desk.cases.tick_step(case_id, rng.choice(STEP_KEYS), done=rng.random() < 0.7)

    # Offline: the same field edited differently on both (in a random order), notes, ticks.
    first = [a, b]
    rng.shuffle(first)
    n = 0
    for desk in [*first, *rng.choices((a, b), k=8)]:
        edit(desk, n)
        n += 1
    # Back online, in random interleavings, with cuts, still typing now and then.
    outcomes = {"ok": 0, "offline": 0}
    for _ in range(14):
        desk = rng.choice((a, b))
        if rng.random() < 0.4:
            edit(desk, n)
            n += 1
        fault = rng.choice(("none", *FAULTS))
        if fault == "none":
            proxy.clear()
        else:
            arm(proxy, rng, fault, 3000, 3000)
        try:
            desk.sync(via(proxy))
            outcomes["ok"] += 1
        except SyncError as exc:
            assert exc.code == "offline" and fault != "none", exc
            outcomes["offline"] += 1
        assert_acked_on_server(desk, pg_db.admin_url)
    proxy.clear()
    assert outcomes["offline"] > 0

    settle_and_check(via(proxy), pg_db.admin_url, a, b)
    for desk in (a, b):
        edits = [e for e in desk.cases.history(case_id) if e["field"] == "complaint"]
        winner = max(edits, key=lambda e: (e["hlc"], e["id"]))
        assert desk.cases.case(case_id).complaint == json.loads(winner["value"]) == typed[-1]
        assert sorted(json.loads(e["value"]) for e in edits) == sorted(typed)
        assert {note.body for note in desk.cases.notes(case_id)} == notes
