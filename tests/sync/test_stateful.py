"""Workstations that edit, go offline, get cut mid-request and sync in any order converge.

A Hypothesis state machine drives four real workstations (a real ``Store`` each, in a temporary
directory) against one real ``cleardesk serve`` (started once for the whole test; every example
empties the central log first) through a ``FaultProxy``:

- ``ana-1`` and ``ana-2``: two desks of agent ana (team north);
- ``sue-1``: supervisor sue (team north), who sees and may edit ana's cases;
- ``bob-1``: agent bob of team south, whom neither ana nor sue may see.

Steps: create a case, edit a field (Chinese, emoji, empty, long text...), add a note, tick or
untick a CLEAR step, push / pull / sync one desk with or without a fault (refused connection, or
a reset after a random number of bytes up or down: only ``SyncError("offline")`` may come out),
and now and then restart the service (SIGTERM or SIGKILL).

The desks' clocks are the test's (1 ms per step, each desk skewed by up to an hour) and their
device ids fixed, so a failing example replays the same stamps and shrinks.

At the end of every example the faults are cleared, every desk pushes, then pulls until nothing
is new, and then:

(a) every desk entitled to an account's cases holds exactly the same state for them;
(b) every row created anywhere is in the central log exactly once, and nothing else is;
(c) every desk holds exactly the rows it is entitled to (nothing missing, nothing foreign), each
    exactly as it was written where it was made; no outbox entry is left or rejected;
(d) on every desk, every case field holds the value of its event with the highest (hlc, id).
"""

from __future__ import annotations

import collections
import functools
import itertools
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from unittest import mock

import psycopg
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from db.clock import HybridClock
from db.events import APPEND_TABLES, set_meta, transaction
from db.schema import CASE_FIELDS
from desk import cases as cases_module
from desk.cases import CaseService
from desk.models import STATUSES, STEP_KEYS
from desk.store import Store
from desk.sync import protocol
from desk.sync.client import SyncClient, SyncError
from tests.sync.conftest import PgDatabase
from tests.sync.proxy import FaultProxy
from tests.sync.service import Service, account
from tests.sync.state import EVENT_COLUMNS, diff, local_state, pending, server_ids

ACCOUNTS = {"ana": ("agent", "north"), "sue": ("supervisor", "north"),
            "bob": ("agent", "south")}
DESKS = (("ana-1", "ana"), ("ana-2", "ana"), ("sue-1", "sue"), ("bob-1", "bob"))
EDITABLE = ("status", "category", "severity", "complaint", "owner", "solution")
TABLES = {"events": EVENT_COLUMNS, **APPEND_TABLES}  # every table of rows that sync, by id
CASE_SCOPED = ("notes", "checklist", "updates")  # append-only tables whose rows name a case


def sees(viewer: str, owner: str) -> bool:
    """Whether ``viewer``'s desks receive the cases of ``owner`` (its own, or its team's if a
    supervisor)."""
    role, team = ACCOUNTS[viewer]
    return viewer == owner or (role == "supervisor" and ACCOUNTS[owner][1] == team)


# -- values --------------------------------------------------------------------------------------

CHARS = st.characters(codec="utf-8")  # NUL included; no lone surrogates (not UTF-8)
LONG = st.builds(lambda piece, n: piece * n,
                 st.sampled_from(["长", "😀", "ab", "退款 ", "👨‍👩‍👧"])
                 | st.text(CHARS, min_size=1, max_size=3),
                 st.integers(1_000, 40_000))
TEXT = st.one_of(
    st.text(CHARS, max_size=40),
    st.sampled_from(["", " ", "退款被拒绝，客户很生气", "😡🙏🏽👨‍👩‍👧", "line\nbreak\ttab",
                     "'; DROP TABLE changes; --", "\u200b", "a\x00b", "Zoë Ångström", "null"]),
    LONG,
)
# How far a desk's clock is off: mostly not, a little, or by minutes to an hour.
SKEW = st.sampled_from([0, 0, 1, -1]) | st.integers(-3_600_000, 3_600_000)
START_MS = 1_790_000_000_000  # 2026-09-21: the desks' clocks start here, whatever the date
# Half of the syncs meet a fault: a refused connection, or a reset after some bytes up or down
# (mostly within the first request or reply, which are a few hundred bytes, or anywhere).
FAULTS = st.tuples(st.sampled_from(["none", "refuse", "up", "down", "none", "none"]),
                   st.integers(0, 400) | st.integers(0, 400) | st.integers(0, 120_000)).map(
    lambda f: None if f[0] == "none" else f)


# -- reading a desk ------------------------------------------------------------------------------

def _ids(conn: Any) -> set[str]:
    query = " UNION ALL ".join(f"SELECT id FROM {t}" for t in TABLES)
    return {r[0] for r in conn.execute(query)}


def _rows(conn: Any, ids: list[str]) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """``{id: (table, row)}`` for these ids, rows as :func:`tests.sync.state.local_state`."""
    out: dict[str, tuple[str, tuple[Any, ...]]] = {}
    marks = ", ".join("?" * len(ids))
    for table, cols in TABLES.items():
        quoted = ", ".join(f'"{c}"' for c in cols)
        for r in conn.execute(f"SELECT {quoted} FROM {table} WHERE id IN ({marks})", ids):
            out[r[0]] = (table, tuple(r))
    return out


def _case_ids(conn: Any) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM cases")}


def _field_problems(conn: Any) -> list[str]:
    """(d): case fields that do not hold the value of their newest event."""
    newest: dict[tuple[str, str], tuple[str, str, Any]] = {}
    for ev_id, case_id, field, value, hlc in conn.execute(
            "SELECT id, entity_id, field, value, hlc FROM events WHERE entity = 'case'"):
        key = (case_id, field)
        if key not in newest or (hlc, ev_id) > newest[key][:2]:
            newest[key] = (hlc, ev_id, json.loads(value))
    quoted = ", ".join(f'"{c}"' for c in CASE_FIELDS)
    problems = []
    for row in conn.execute(f"SELECT id, {quoted} FROM cases"):
        for field, got in zip(CASE_FIELDS, row[1:], strict=True):
            winner = newest.get((row[0], field))
            want = None if winner is None else winner[2]
            if isinstance(want, (list, dict)):
                want = json.dumps(want, ensure_ascii=False)
            if got != want:
                problems.append(f"case {row[0]} {field}: {str(got)[:40]!r}, newest event "
                                f"{winner[1] if winner else None} says {str(want)[:40]!r}")
    return problems


def _column(conn: Any, case_id: str, field: str) -> Any:
    assert field in CASE_FIELDS
    return conn.execute(f"SELECT {field} FROM cases WHERE id = ?", (case_id,)).fetchone()[0]


def _set_device(conn: Any, device: str) -> None:
    with transaction(conn):
        set_meta(conn, "device_id", device)


def _rejected(conn: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute("SELECT kind, row_id, code, detail FROM sync_rejected")]


def _only_cases(state: dict[str, list[tuple[Any, ...]]],
                cases: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The part of a desk's state that belongs to these cases."""
    out = {t: [r for r in rows if r[0] in cases] if t == "cases" else rows
           for t, rows in state.items()}
    out["events"] = [r for r in state["events"] if r[2] in cases]
    for t in CASE_SCOPED:
        out[t] = [r for r in state[t] if r[1] in cases]
    return out


# -- the world shared by all examples ------------------------------------------------------------

@dataclass
class World:
    db: PgDatabase
    service: Service
    proxy: FaultProxy
    tokens: dict[str, str]
    root: Path
    examples: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy.port}"

    def new_store(self, path: Path) -> Store:
        """A new, empty workstation database (a copy of one made at the start: 5 ms, not 25)."""
        template = self.root / "template.db"
        if not template.exists():
            Store(template).close()
        shutil.copy(template, path)
        return Store(path, check=False)

    def fresh_log(self) -> None:
        """An empty central log (accounts and tokens stay): each example starts from nothing."""
        with psycopg.connect(self.db.url, autocommit=True) as conn:
            conn.execute("TRUNCATE changes, scopes RESTART IDENTITY")


def _step(rule_fn: Callable[..., None]) -> Callable[..., None]:
    """Time passes between steps: each starts a millisecond after the last one (what happens
    within one step shares a millisecond, as quick edits on two desks may)."""
    @functools.wraps(rule_fn)
    def run(self: SyncMachine, **kwargs: Any) -> None:
        self.wall_ms += 1
        rule_fn(self, **kwargs)
    return run


class Desk:
    def __init__(self, name: str, account: str, store: Store,
                 now_ms: Callable[[], int] | None = None) -> None:
        self.name, self.account, self.store = name, account, store
        if now_ms is not None:
            # A fixed device id and a clock the test drives: a failing example replays the
            # same stamps (and so the same winners), which Hypothesis needs to shrink it.
            device = name.replace("-", "")
            store.call(_set_device, device)
            store.device, store.clock = device, HybridClock(device, now_ms)
        self.cases = CaseService(store, agent=account)

    def __repr__(self) -> str:
        return self.name


class SyncMachine(RuleBasedStateMachine):
    world: World  # set by the test

    def __init__(self) -> None:
        super().__init__()
        w = self.world
        w.examples += 1
        w.fresh_log()
        self.dir = w.root / f"example-{w.examples}"
        self.dir.mkdir()
        # Wall-clock time as the desks see it: it moves on 1 ms per step, and every desk's
        # clock is off by its own skew (drawn in first_case).
        self.wall_ms = START_MS
        self.skew = [0] * len(DESKS)
        # The times desk.cases writes (an edit's "at", resolved_at...) follow that clock too,
        # each one distinct: a failure must not hang on two edits landing in one real ms.
        self.stamps = itertools.count()
        self.real_time = mock.patch.object(cases_module, "now_iso", self._now_iso)
        self.real_time.start()
        self.desks = [Desk(name, acc, w.new_store(self.dir / f"{name}.db"),
                           functools.partial(self._now_ms, i))
                      for i, (name, acc) in enumerate(DESKS)]
        self.owner: dict[str, str] = {}  # case id -> the account that made it
        self.made: dict[str, tuple[str, tuple[Any, ...]]] = {}  # id -> (table, row) as written
        self.scope: dict[str, str] = {}  # id -> its case
        self.known: dict[str, set[str]] = {d.name: set() for d in self.desks}  # local cases
        self.restarts = 0

    # -- helpers ---------------------------------------------------------------------------------
    def _now_ms(self, i: int) -> int:
        return self.wall_ms + self.skew[i]

    def _now_iso(self) -> str:
        at = datetime.fromtimestamp(self.wall_ms / 1000, timezone.utc)
        return f"{at:%Y-%m-%dT%H:%M:%S.%f}"[:-3] + f"{next(self.stamps) % 1000:03d}Z"

    def _client(self, desk: Desk) -> SyncClient:
        return SyncClient(desk.store, self.world.url, self.world.tokens[desk.account], timeout=10)

    def _record(self, desk: Desk, case_id: str, before: set[str]) -> dict[str, tuple[str, Any]]:
        """Note the rows the last action made on ``desk`` (they belong to ``case_id``)."""
        new = sorted(desk.store.call(_ids) - before)
        rows = desk.store.call(_rows, new) if new else {}
        assert set(rows) == set(new)
        for row_id, table_row in rows.items():
            assert row_id not in self.made
            self.made[row_id] = table_row
            self.scope[row_id] = case_id
        return rows

    def _pick(self, data: st.DataObject) -> tuple[Desk, str]:
        desk = data.draw(st.sampled_from([d for d in self.desks if self.known[d.name]]),
                         label="desk")
        return desk, data.draw(st.sampled_from(self._cases_on(desk)), label="case")

    def _cases_on(self, desk: Desk) -> list[str]:
        """The cases ``desk`` holds, in the order they were made (not by id: ids are random)."""
        return [c for c in self.owner if c in self.known[desk.name]]

    def _check_visible(self, desk: Desk) -> None:
        local = desk.store.call(_case_ids)
        foreign = {c for c in local if c not in self.owner or not sees(desk.account, self.owner[c])}
        assert not foreign, f"{desk.name} holds cases it may not see: {sorted(foreign)}"
        self.known[desk.name] = local

    def _has_cases(self) -> bool:
        return any(self.known.values())

    # -- rules: work on a desk -------------------------------------------------------------------
    @initialize(i=st.integers(0, len(DESKS) - 1), complaint=TEXT, share=st.booleans(),
                skew=st.lists(SKEW, min_size=len(DESKS), max_size=len(DESKS)))
    @_step
    def first_case(self, i: int, complaint: str, share: bool, skew: list[int]) -> None:
        """The desks' clock skews, and always a case to work on (Hypothesis turns rules off at
        random in each example: one without create_case would sync nothing), maybe already on
        every desk that may see it (so edits on two desks can start at once)."""
        self.skew = skew
        self.create_case(i=i, complaint=complaint)
        if share:
            self.sync_everyone(order=list(range(len(DESKS))), rounds="push/pull")

    @rule(i=st.integers(0, len(DESKS) - 1), complaint=TEXT)
    @_step
    def create_case(self, i: int, complaint: str) -> None:
        desk = self.desks[i]
        before = desk.store.call(_ids)
        case = desk.cases.new_case(complaint=complaint)
        self.owner[case.id] = desk.account
        self.known[desk.name].add(case.id)
        rows = self._record(desk, case.id, before)
        written = {r[3]: json.loads(r[4]) for t, r in rows.values() if t == "events"}
        assert written["complaint"] == complaint

    @precondition(_has_cases)
    @rule(data=st.data(), field=st.sampled_from(EDITABLE))
    @_step
    def edit_field(self, data: st.DataObject, field: str) -> None:
        desk, case_id = self._pick(data)
        value = data.draw(st.sampled_from(STATUSES) if field == "status" else TEXT, label="value")
        before = desk.store.call(_ids)
        desk.cases.update_case(case_id, **{field: value})
        rows = self._record(desk, case_id, before)
        written = {r[3]: json.loads(r[4]) for t, r in rows.values()}
        assert written.get(field, value) == value
        # The column, not Case: Case shows an empty severity as "medium".
        assert desk.store.call(_column, case_id, field) in (value, None if value == "" else value)

    def _shared(self) -> list[str]:
        return [c for c in self.owner if sum(c in k for k in self.known.values()) > 1]

    @precondition(lambda self: self._shared())
    @rule(data=st.data(), field=st.sampled_from(EDITABLE))
    @_step
    def edit_on_two_desks(self, data: st.DataObject, field: str) -> None:
        """The same field of one case edited on two desks before either syncs."""
        case_id = data.draw(st.sampled_from(self._shared()), label="case")
        desks = data.draw(st.permutations([d for d in self.desks
                                           if case_id in self.known[d.name]]), label="desks")
        for desk in desks[:2]:
            value = data.draw(st.sampled_from(STATUSES) if field == "status" else TEXT,
                              label=f"value on {desk.name}")
            before = desk.store.call(_ids)
            desk.cases.update_case(case_id, **{field: value})
            self._record(desk, case_id, before)

    @precondition(_has_cases)
    @rule(data=st.data(), body=TEXT)
    @_step
    def add_note(self, data: st.DataObject, body: str) -> None:
        desk, case_id = self._pick(data)
        before = desk.store.call(_ids)
        note = desk.cases.commit_draft(case_id, body)
        rows = self._record(desk, case_id, before)
        if note is None:
            assert not body.strip() and not rows
        else:
            assert [(t, r[2]) for t, r in rows.values()] == [("notes", body)]

    @precondition(_has_cases)
    @rule(data=st.data(), step=st.sampled_from(STEP_KEYS), done=st.booleans())
    @_step
    def tick(self, data: st.DataObject, step: str, done: bool) -> None:
        desk, case_id = self._pick(data)
        before = desk.store.call(_ids)
        desk.cases.tick_step(case_id, step, done)
        rows = self._record(desk, case_id, before)
        assert [(t, r[2], r[3]) for t, r in rows.values()] == [("checklist", step, int(done))]

    # -- rules: the network ----------------------------------------------------------------------
    @rule(i=st.integers(0, len(DESKS) - 1), op=st.sampled_from(["push", "pull", "sync"]),
          fault=FAULTS, batch=st.sampled_from([1, 2, 500]), page=st.sampled_from([1, 3, 2000]))
    @_step
    def sync(self, i: int, op: str, fault: tuple[str, int] | None, batch: int, page: int) -> None:
        desk, proxy = self.desks[i], self.world.proxy
        # A refused connection fails every request; only a push of an empty outbox makes none.
        must_fail = fault is not None and fault[0] == "refuse" and (
            op != "push" or pending(desk.store) > 0)
        if fault is not None:
            kind, limit = fault
            if kind == "refuse":
                proxy.refuse(True)
            elif kind == "up":
                proxy.cut_after(upstream_bytes=limit)
            else:
                proxy.cut_after(downstream_bytes=limit)
        try:
            with self._client(desk) as client, mock.patch.object(protocol, "MAX_PULL", page):
                client.batch = batch
                getattr(client, op)()
        except SyncError as exc:
            assert fault is not None and exc.code == "offline", f"{op} with {fault}: {exc!r}"
        else:
            assert not must_fail, f"{op} went through a refused connection"
        finally:
            proxy.clear()
        self._check_visible(desk)

    def _queued(self) -> list[Desk]:
        return [d for d in self.desks if pending(d.store) > 0]

    @precondition(lambda self: self._queued())
    @rule(data=st.data(), way=st.sampled_from(["down", "up"]), batch=st.sampled_from([1, 2, 500]))
    @_step
    def push_cut(self, data: st.DataObject, way: str, batch: int) -> None:
        """A push with something to send, cut in flight: the request half sent, or the reply
        lost after the server committed (the retry must then count as duplicates)."""
        desk = data.draw(st.sampled_from(self._queued()), label="desk")
        # A reply is a few hundred bytes; a request anything up to megabytes.
        limit = data.draw(st.integers(0, 400) if way == "down"
                          else st.integers(0, 2_000) | st.integers(0, 200_000), label="bytes")
        proxy = self.world.proxy
        proxy.cut_after(**{"downstream_bytes" if way == "down" else "upstream_bytes": limit})
        try:
            with self._client(desk) as client:
                client.batch = batch
                client.push()
        except SyncError as exc:
            assert exc.code == "offline", f"push cut {way} after {limit} bytes: {exc!r}"
        finally:
            proxy.clear()

    @rule(order=st.permutations(range(len(DESKS))), rounds=st.sampled_from(["sync", "push/pull"]))
    @_step
    def sync_everyone(self, order: list[int], rounds: str) -> None:
        """No faults, every desk in turn: each one syncs, or all push then all pull.
        (Two arguments: Hypothesis favours rules with fewer, this one need not be the most.)"""
        for ops in (["sync"] if rounds == "sync" else ["push", "pull"]):
            for i in order:
                with self._client(self.desks[i]) as client:
                    getattr(client, ops)()
        for desk in self.desks:
            self._check_visible(desk)

    @precondition(lambda self: self.restarts == 0)
    @rule(how=st.sampled_from(["no"] * 6 + ["stop", "kill"]), i=st.integers(0, len(DESKS) - 1))
    @_step
    def restart_service(self, how: str, i: int) -> None:
        """A clean stop or a crash; a desk that syncs meanwhile is offline, nothing worse.
        At most once an example, and mostly not at all: it costs half a second."""
        if how == "no":
            return
        self.restarts += 1
        service = self.world.service
        if how == "kill":
            log = service.log_path
            service.kill()
            if log is not None:
                log.unlink(missing_ok=True)
        else:
            service.stop()
        with pytest.raises(SyncError) as down, self._client(self.desks[i]) as client:
            client.sync()
        assert down.value.code == "offline"
        service.start()

    # -- the end of an example -------------------------------------------------------------------
    def teardown(self) -> None:
        try:
            if sys.exc_info()[0] is None:  # a step failed: report that, not what follows
                self._converge()
                self._check()
        finally:
            self.real_time.stop()
            self.world.proxy.clear()
            for desk in self.desks:
                desk.store.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _converge(self) -> None:
        self.world.proxy.clear()
        for desk in self.desks:
            with self._client(desk) as client:
                client.push()
        for _ in range(3):
            new = 0
            for desk in self.desks:
                with self._client(desk) as client:
                    new += client.pull()
            if new == 0:
                break
        else:
            raise AssertionError("pulling never ran out of new rows")
        for desk in self.desks:
            with self._client(desk) as client:
                assert client.push().pushed == 0, f"{desk.name} pushed again after the pulls"

    def _check(self) -> None:
        # (b) the central log holds every row made anywhere, once, and nothing else.
        on_server = server_ids(self.world.db.admin_url)
        assert on_server == collections.Counter(set(self.made)), (
            f"missing on the server: {sorted(set(self.made) - set(on_server))[:5]}, "
            f"unknown: {sorted(set(on_server) - set(self.made))[:5]}, "
            f"twice: {[i for i, n in on_server.items() if n > 1][:5]}")
        states = {}
        for desk in self.desks:
            assert pending(desk.store) == 0, f"{desk.name}: outbox not empty"
            assert desk.store.call(_rejected) == [], f"{desk.name}: rows were rejected"
            # (c) exactly the rows this desk may see, each as it was written.
            state = local_state(desk.store)
            held = {r[0]: (t, r) for t in TABLES for r in state[t]}
            entitled = {i: tr for i, tr in self.made.items()
                        if sees(desk.account, self.owner[self.scope[i]])}
            missing, foreign = set(entitled) - set(held), set(held) - set(entitled)
            assert not missing and not foreign, (
                f"{desk.name}: missing {sorted(missing)[:5]}, foreign {sorted(foreign)[:5]}")
            changed = [i for i in entitled if held[i] != entitled[i]]
            assert not changed, f"{desk.name}: rows changed on the way: {changed[:5]}"
            cases = {c for c, o in self.owner.items() if sees(desk.account, o)}
            assert {r[0] for r in state["cases"]} == cases
            # (d) every field holds its newest event's value.
            problems = desk.store.call(_field_problems)
            assert not problems, f"{desk.name}: " + "\n".join(problems[:5])
            states[desk.name] = state
        # (a) desks that see an account's cases agree on them exactly.
        for owner in ACCOUNTS:
            cases = {c for c, o in self.owner.items() if o == owner}
            views = [(d.name, _only_cases(states[d.name], cases)) for d in self.desks
                     if sees(d.account, owner)]
            for name, view in views[1:]:
                assert view == views[0][1], (
                    f"{owner}'s cases differ between {views[0][0]} and {name}:\n"
                    + diff(views[0][1], view))


@pytest.fixture
def world(pg_db: PgDatabase, tmp_path: Path) -> Iterator[World]:
    tokens = {name: account(pg_db.url, name, role, team)
              for name, (role, team) in ACCOUNTS.items()}
    with Service(pg_db.url) as service, FaultProxy("127.0.0.1", service.port) as proxy:
        yield World(pg_db, service, proxy, tokens, tmp_path)


def test_workstations_converge_through_faults(world: World) -> None:
    class Machine(SyncMachine):
        pass

    Machine.world = world
    run_state_machine_as_test(Machine, settings=settings(
        max_examples=30, stateful_step_count=30, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much]))

