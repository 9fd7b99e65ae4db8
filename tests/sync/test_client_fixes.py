"""The workstation's sync client against the real service: clocks after a restart, the cursor
when the server or account changes, changes refused before they are sent, a proxy's 413,
the keyring falling back to the file, stopping mid-sync, and our own rows coming back."""

from __future__ import annotations

import http.server
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend

from db import central, outbox
from db.clock import HybridClock, parse_hlc
from db.queries import get_meta
from desk.cases import CaseService
from desk.store import Store
from desk.sync import credentials
from desk.sync import protocol as p
from desk.sync.client import SyncClient, SyncError
from desk.sync.worker import SyncWorker
from tests.sync.service import Service, account
from tests.sync.state import local_state, pending, server_ids

HOUR_MS = 3600 * 1000


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class Gate:
    """A real HTTP reverse proxy in front of the service, as nginx would be: bodies over
    ``max_body`` bytes get nginx's 413 HTML page; every request can be held ``delay`` s
    before it goes on. ``paths`` lists what came through, in order."""

    def __init__(self, target: str, max_body: int | None = None, delay: float = 0.0) -> None:
        self.target, self.max_body, self.delay = target, max_body, delay
        self.paths: list[str] = []
        self.refused = 0
        gate = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _pass(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if gate.max_body is not None and len(body) > gate.max_body:
                    gate.refused += 1
                    page = (b"<html>\r\n<head><title>413 Request Entity Too Large</title></head>"
                            b"\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1>"
                            b"</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
                    self.send_response(413)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(page)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(page)
                    self.close_connection = True
                    return
                gate.paths.append(self.path.split("?")[0])
                time.sleep(gate.delay)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() in ("authorization", "content-type", "user-agent")}
                reply = httpx.request(self.command, gate.target + self.path, content=body,
                                      headers=headers, timeout=60)
                self.send_response(reply.status_code)
                self.send_header("Content-Type", reply.headers.get("content-type", ""))
                self.send_header("Content-Length", str(len(reply.content)))
                self.end_headers()
                self.wfile.write(reply.content)

            do_GET = do_POST = _pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def count(self, path: str) -> int:
        return self.paths.count(path)

    def __enter__(self) -> Gate:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def service(pg_db: Any) -> Iterator[Service]:
    with Service(pg_db.url) as s:
        yield s


@pytest.fixture
def open_store() -> Iterator[Callable[[Path], Store]]:
    """``open_store(path)``: a Store, closed after the test (if the test did not)."""
    opened: list[Store] = []

    def make(path: Path) -> Store:
        opened.append(Store(path))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


@pytest.fixture
def stores(tmp_path: Path, open_store: Callable[[Path], Store]
           ) -> Callable[[str], Store]:
    """``stores(name)``: a workstation's Store (the same one for the same name)."""
    by_name: dict[str, Store] = {}

    def get(name: str) -> Store:
        if name not in by_name:
            by_name[name] = open_store(tmp_path / name / "cleardesk.db")
        return by_name[name]

    return get


def _sync(store: Store, url: str, token: str) -> Any:
    with SyncClient(store, url, token) as client:
        return client.sync()


def _cursor(store: Store) -> str | None:
    return store.call(get_meta, outbox.CURSOR_KEY)


# -- 1. the clock after a restart --------------------------------------------------------------

def test_a_desk_behind_in_time_still_wins_after_a_restart(
        pg_db: Any, service: Service, tmp_path: Path,
        open_store: Callable[[Path], Store]) -> None:
    """Desk "fast" runs an hour ahead; "slow" pulls its edit, restarts, then edits the same
    field: the later edit (slow's) must win on both desks."""
    token = account(pg_db.url, "ana")
    fast, slow = open_store(tmp_path / "fast.db"), open_store(tmp_path / "slow.db")
    fast.clock = HybridClock(fast.device, now_ms=lambda: _wall_ms() + HOUR_MS)
    case = CaseService(fast).new_case(complaint="typed on the fast desk")
    _sync(fast, service.url, token)
    _sync(slow, service.url, token)
    slow.close()
    slow = open_store(tmp_path / "slow.db")  # a restart: the clock starts again
    slow_cases = CaseService(slow)
    slow_cases.update_case(case.id, complaint="typed later on the slow desk")
    assert slow_cases.case(case.id).complaint == "typed later on the slow desk"
    _sync(slow, service.url, token)
    _sync(fast, service.url, token)
    assert CaseService(fast).case(case.id).complaint == "typed later on the slow desk"
    assert local_state(fast) == local_state(slow)


def test_a_pulled_stamp_too_far_ahead_is_not_followed(
        pg_db: Any, service: Service, stores: Callable[[str], Store],
        caplog: pytest.LogCaptureFixture) -> None:
    """Rows of a desk whose clock was set two days ahead, in the log from before the service
    refused such stamps: they arrive, but the puller's clock does not jump two days (every
    later edit of it would be stamped in the future, and refused, for good)."""
    token = account(pg_db.url, "ana")
    wrong, here = stores("wrong"), stores("here")
    wrong.clock = HybridClock(wrong.device, now_ms=lambda: _wall_ms() + 48 * HOUR_MS)
    case = CaseService(wrong).new_case(complaint="from the future")
    checked = [p.check_change({"kind": e.kind, "row": e.row})
               for e in wrong.call(outbox.pending, 100)]
    with psycopg.connect(pg_db.url, autocommit=True) as conn:  # as an older service did
        central.serve_as_app(conn)
        ana = central.find_account(conn, "ana")
        with central.as_account(conn, ana):
            assert set(central.push(conn, ana, [
                central.Incoming(c.id, c.kind, c.scope, c.scope_kind, c.device, c.hlc, c.row)
                for c in checked if isinstance(c, p.Checked)])) == {"applied"}
    with caplog.at_level(logging.WARNING, logger="desk.store"):
        assert _sync(here, service.url, token).pulled > 0
    assert CaseService(here).case(case.id).complaint == "from the future"
    assert parse_hlc(here.clock.now())[0] < _wall_ms() + 24 * HOUR_MS
    assert "more than a day ahead" in caplog.text


# -- 2. the cursor belongs to a server and an account -------------------------------------------

@pytest.fixture
def file_keyring() -> Iterator[None]:
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_another_account_reads_its_log_from_the_start(pg_db: Any, service: Service,
                                                      stores: Callable[[str], Store],
                                                      file_keyring: None) -> None:
    """Tom's desk synced past Bob's (invisible to Tom) rows; the desk is then given Bob's
    token: Bob's earlier case must arrive."""
    tom, bob = account(pg_db.url, "tom"), account(pg_db.url, "bob")
    bobs_case = CaseService(stores("bob")).new_case(complaint="bob's earlier case")
    _sync(stores("bob"), service.url, bob)
    desk = stores("desk")
    CaseService(desk).new_case(complaint="tom's case")
    settings = credentials.save(desk, service.url, tom)
    _sync(desk, settings.url, settings.token)
    assert _cursor(desk)  # past Bob's row
    credentials.save(desk, service.url, tom, ca_file="")  # same server and account: kept
    assert _cursor(desk)
    settings = credentials.save(desk, service.url, bob)
    assert _cursor(desk) == ""
    assert _sync(desk, settings.url, settings.token).pulled > 0
    assert CaseService(desk).case(bobs_case.id).complaint == "bob's earlier case"


def test_another_server_reads_its_log_from_the_start(stores: Callable[[str], Store],
                                                     file_keyring: None) -> None:
    desk = stores("desk")
    credentials.save(desk, "http://old.example:8765", "cdt1.token")
    desk.call(lambda conn: outbox.apply_pulled(conn, [], "123:4"))
    credentials.save(desk, "http://new.example:8765", "cdt1.token")
    assert _cursor(desk) == ""


# -- 3. 4. changes refused here, before they are sent -------------------------------------------

def test_a_change_json_cannot_carry_is_set_aside_here(pg_db: Any, service: Service,
                                                      stores: Callable[[str], Store]) -> None:
    """A NaN stored as a field value (httpx refuses to encode it: the queue was stuck for
    good) goes to sync_rejected with check_change's code, unsent; the rest goes on."""
    token = account(pg_db.url, "ana")
    store = stores("ana")
    cases = CaseService(store)
    case = cases.new_case(complaint="one")
    cases.update_case(case.id, complaint="edited")
    cases.commit_draft(case.id, "a note after it")

    def damage(conn: Any) -> str:
        (event_id,) = conn.execute("SELECT id FROM events WHERE field = 'complaint'"
                                   " AND value = '\"edited\"'").fetchone()
        conn.execute("UPDATE events SET value = 'NaN' WHERE id = ?", (event_id,))
        return str(event_id)

    bad = store.call(damage)
    result = _sync(store, service.url, token)
    assert result.rejected == 1 and pending(store) == 0
    assert [(r["row_id"], r["code"]) for r in store.call(outbox.rejected)] == [(bad, "type")]
    ids = server_ids(pg_db.admin_url)
    assert bad not in ids and len(ids) == result.pushed > 0


def test_a_change_that_does_not_encode_is_found_one_by_one(
        pg_db: Any, service: Service, stores: Callable[[str], Store],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Should check_change miss something JSON cannot encode, the batch is encoded change
    by change and only the one that fails is set aside."""
    token = account(pg_db.url, "ana")
    store = stores("ana")
    cases = CaseService(store)
    case = cases.new_case(complaint="one")
    cases.commit_draft(case.id, "note")
    store.call(lambda conn: conn.execute(
        "UPDATE events SET value = 'Infinity' WHERE field = 'complaint'"))
    monkeypatch.setattr(p, "check_change", lambda change: change)  # lets everything through
    with SyncClient(store, service.url, token) as client:
        result = client.push()
    refused = store.call(outbox.rejected)
    assert [r["code"] for r in refused] == ["type"] and result.rejected == 1
    assert pending(store) == 0 and len(server_ids(pg_db.admin_url)) == result.pushed > 0


def test_an_entry_whose_row_is_gone_is_set_aside_not_dropped(
        pg_db: Any, service: Service, stores: Callable[[str], Store]) -> None:
    token = account(pg_db.url, "ana")
    store = stores("ana")
    case = CaseService(store).new_case(complaint="kept")
    gone = str(uuid.uuid4())
    store.call(lambda conn: conn.execute(
        "INSERT INTO outbox(kind, row_id) VALUES ('notes', ?)", (gone,)))
    result = _sync(store, service.url, token)
    assert result.rejected == 1 and pending(store) == 0
    assert [(r["kind"], r["row_id"], r["code"]) for r in store.call(outbox.rejected)] == [
        ("notes", gone, "missing")]
    assert case.id in {r[0] for r in local_state(store)["cases"]}
    assert len(server_ids(pg_db.admin_url)) == result.pushed > 0


def test_an_entry_of_an_unknown_kind_is_set_aside(pg_db: Any, service: Service,
                                                  stores: Callable[[str], Store]) -> None:
    """A kind written by a newer version (the database was opened by it, then by this one):
    outbox.pending raised KeyError and nothing synced any more."""
    token = account(pg_db.url, "ana")
    store = stores("ana")
    CaseService(store).new_case(complaint="kept")
    future = str(uuid.uuid4())
    store.call(lambda conn: conn.execute(
        "INSERT INTO outbox(kind, row_id) VALUES ('call_tags', ?)", (future,)))
    entries = store.call(outbox.pending, 100)
    assert [e.row for e in entries if e.kind == "call_tags"] == [None]
    result = _sync(store, service.url, token)
    assert result.rejected == 1 and result.pushed > 0 and pending(store) == 0
    assert [(r["kind"], r["code"]) for r in store.call(outbox.rejected)] == [
        ("call_tags", "kind")]


# -- 5. a proxy's 413 ------------------------------------------------------------------------

def test_a_proxys_413_page_splits_the_batch(pg_db: Any, service: Service,
                                            stores: Callable[[str], Store]) -> None:
    """nginx in front with a small client_max_body_size answers 413 with an HTML page: the
    client sends smaller batches, and a single change too big for it is set aside."""
    token = account(pg_db.url, "ana")
    store = stores("ana")
    cases = CaseService(store)
    for i in range(30):
        case = cases.new_case(complaint=f"case {i} " + "x" * 200, category="billing")
    cases.commit_draft(case.id, "too big for the proxy " + "y" * 40_000)
    total = pending(store)
    with Gate(service.url, max_body=30_000) as gate:
        result = _sync(store, gate.url, token)
    assert gate.refused > 1 and gate.count("/v1/push") > 1
    assert pending(store) == 0 and result.pushed == total - 1 and result.rejected == 1
    assert [(r["kind"], r["code"]) for r in store.call(outbox.rejected)] == [("notes", "size")]
    assert len(server_ids(pg_db.admin_url)) == total - 1


# -- 6. the keyring refuses, the file takes the token ------------------------------------------

class RefusingKeyring(KeyringBackend):
    """An in-memory keyring that can start refusing to store (a locked Keychain, a Secret
    Service that went away), but still reads and deletes."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.refuse = False

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse:
            raise keyring.errors.PasswordSetError("the keyring is locked")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_a_token_in_the_file_is_not_shadowed_by_an_older_one_in_the_keyring(
        stores: Callable[[str], Store]) -> None:
    before = keyring.get_keyring()
    ring = RefusingKeyring()
    keyring.set_keyring(ring)
    store = stores("desk")
    try:
        url = "https://sync.example:8765"
        assert credentials.save(store, url, "cdt1.old").token_place == "keyring"
        ring.refuse = True
        saved = credentials.save(store, url, "cdt1.new")
        assert (saved.token, saved.token_place) == ("cdt1.new", "file")
        assert credentials.load(store).token == "cdt1.new"
        assert ring.items == {}
    finally:
        keyring.set_keyring(before)


# -- 7. stopping mid-sync ----------------------------------------------------------------------

def _wait(test: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.01)


def test_stop_sends_no_further_batch(pg_db: Any, service: Service,
                                     stores: Callable[[str], Store]) -> None:
    """stop() while a push is in flight: that request finishes (its reply is recorded), no
    other batch goes, no pull happens, the cursor is not written."""
    token = account(pg_db.url, "ana")
    store = stores("ana")
    cases = CaseService(store)
    for i in range(10):
        cases.new_case(complaint=f"case {i}")
    total = pending(store)
    with Gate(service.url, delay=1.0) as gate:
        def client() -> SyncClient:
            c = SyncClient(store, gate.url, token, timeout=10)
            c.batch = 10
            return c

        worker = SyncWorker(store, client, poll_s=0.02, settle_s=0.0, max_backoff_s=1)
        worker.start()
        _wait(lambda: gate.count("/v1/push") == 1)
        started = time.monotonic()
        worker.stop()
        assert time.monotonic() - started < 5
        time.sleep(1.2)  # anything still going would have reached the gate by now
    # (the first sync asks who the token is, once)
    assert [p for p in gate.paths if p != "/v1/whoami"] == ["/v1/push"]
    assert pending(store) == total - 10  # the batch in flight was acknowledged
    assert _cursor(store) is None
    assert worker.status.state != "error"


def test_stop_during_a_pull_writes_no_cursor(pg_db: Any, service: Service,
                                             stores: Callable[[str], Store]) -> None:
    token = account(pg_db.url, "ana")
    CaseService(stores("other")).new_case(complaint="from elsewhere")
    _sync(stores("other"), service.url, token)
    store = stores("ana")
    with Gate(service.url, delay=1.0) as gate:
        worker = SyncWorker(store, lambda: SyncClient(store, gate.url, token, timeout=10),
                            poll_s=0.02, settle_s=0.0, max_backoff_s=1)
        worker.start()
        _wait(lambda: gate.count("/v1/pull") == 1)
        worker.stop()
        time.sleep(1.2)
    assert [p for p in gate.paths if p != "/v1/whoami"] == ["/v1/pull"]
    assert _cursor(store) is None and local_state(store)["cases"] == []


def test_should_stop_is_asked_between_batches(pg_db: Any, service: Service,
                                              stores: Callable[[str], Store]) -> None:
    token = account(pg_db.url, "ana")
    store = stores("ana")
    cases = CaseService(store)
    for i in range(5):
        cases.new_case(complaint=f"case {i}")
    total = pending(store)
    assert total > 10

    def after_two() -> bool:
        return len(server_ids(pg_db.admin_url)) >= 10

    with SyncClient(store, service.url, token) as client:
        client.batch = 5
        with pytest.raises(SyncError) as err:
            client.sync(after_two)
    assert err.value.code == "stopped"
    assert len(server_ids(pg_db.admin_url)) == 10 and pending(store) == total - 10
    assert _cursor(store) is None


# -- 8. our own rows come back -----------------------------------------------------------------

def test_our_own_rows_pulled_back_change_nothing(pg_db: Any, service: Service,
                                                 stores: Callable[[str], Store]) -> None:
    """The service no longer leaves a desk's own rows out of its pull (a cloned database or a
    restored backup lost them otherwise): applying them again is a no-op that queues
    nothing."""
    token = account(pg_db.url, "ana")
    store = stores("ana")
    cases = CaseService(store)
    case = cases.new_case(complaint="mine", severity="high")
    cases.update_case(case.id, severity="critical")
    cases.commit_draft(case.id, "a note")
    cases.tick_step(case.id, "C")
    first = _sync(store, service.url, token)
    assert first.pushed > 0 and pending(store) == 0
    before = local_state(store)
    store.call(lambda conn: conn.execute("UPDATE meta SET value = '' WHERE key = ?",
                                         (outbox.CURSOR_KEY,)))
    with SyncClient(store, service.url, token) as client:
        assert client.pull() == 0  # all of it came back, none of it new
        assert client.push().pushed == 0
    assert local_state(store) == before
    assert pending(store) == 0 and store.call(outbox.rejected) == []
    assert _cursor(store)


def test_a_restored_backup_gets_back_what_it_sent_after_the_copy(
        pg_db: Any, service: Service, tmp_path: Path,
        open_store: Callable[[Path], Store]) -> None:
    """The reason the service sends a desk its own rows: restore a backup made before some
    edits were synced, and they come back from the server; nothing is sent twice."""
    from desk.store import restore_backup

    token = account(pg_db.url, "ana")
    path = tmp_path / "desk" / "cleardesk.db"
    store = open_store(path)
    cases = CaseService(store)
    case = cases.new_case(complaint="before the backup")
    _sync(store, service.url, token)
    backup = store.backup_now()
    cases.update_case(case.id, complaint="after the backup")
    cases.commit_draft(case.id, "a note after the backup")
    _sync(store, service.url, token)
    synced = local_state(store)
    store.close()
    restore_backup(backup, path)
    store = open_store(path)
    assert CaseService(store).case(case.id).complaint == "before the backup"
    assert _sync(store, service.url, token).pulled > 0
    assert local_state(store) == synced and pending(store) == 0
    assert set(server_ids(pg_db.admin_url).values()) == {1}


def test_the_clock_bound_is_the_services() -> None:
    from desk import store as desk_store

    assert desk_store.MAX_CLOCK_AHEAD_MS == p.MAX_CLOCK_AHEAD_MS


@pytest.mark.parametrize(("status", "code"), [(500, "server"), (502, "offline"),
                                              (503, "offline"), (504, "offline")])
def test_a_server_failure_is_not_mistaken_for_the_network(tmp_path: Path, status: int,
                                                          code: str) -> None:
    """A plain-text 500 is the service failing (a bug: say so, retry slowly); a 502-504
    without a ClearDesk body is a proxy with nothing behind it (offline)."""
    store = Store(tmp_path / "a.db")
    transport = httpx.MockTransport(lambda request: httpx.Response(status, text="oops"))
    try:
        with SyncClient(store, "http://sync.invalid", "t", transport=transport) as client, \
                pytest.raises(SyncError) as err:
            client.whoami()
        assert (err.value.code, err.value.detail) == (code, f"HTTP {status}")
    finally:
        store.close()
