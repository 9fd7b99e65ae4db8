"""The sync test infrastructure itself: the real PostgreSQL fixtures and the TCP fault proxy."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg import errors, sql

from tests.sync.conftest import PgDatabase
from tests.sync.pg import PgCluster, free_port
from tests.sync.proxy import FaultProxy

ROOT = Path(__file__).resolve().parents[2]

# -- PostgreSQL ----------------------------------------------------------------------------------


def test_owner_creates_tables_and_a_nologin_role(pg_db: PgDatabase) -> None:
    with psycopg.connect(pg_db.url) as conn:
        assert conn.execute("SELECT current_user, current_database()").fetchone() == (
            pg_db.owner, pg_db.name)
        conn.execute("CREATE TABLE note (id bigint PRIMARY KEY, body text NOT NULL)")
        conn.execute("INSERT INTO note VALUES (1, '안녕'), (2, '你好')")
        agent = sql.Identifier(f"{pg_db.name}_agent")
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(agent))
        conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(agent))
        conn.commit()
    with psycopg.connect(pg_db.admin_url) as admin:
        assert admin.execute("SELECT current_user").fetchone() == ("postgres",)
        assert admin.execute("SELECT body FROM note ORDER BY id").fetchall() == [
            ("안녕",), ("你好",)]


@pytest.mark.parametrize("run", [1, 2])
def test_roles_made_by_a_test_are_dropped_after_it(pg_db: PgDatabase, run: int) -> None:
    # The same cluster-wide role name in both runs: the second would fail if the first leaked it.
    with psycopg.connect(pg_db.url, autocommit=True) as conn:
        conn.execute("CREATE ROLE cd_infra_shared_role NOLOGIN")


def test_owner_is_not_a_superuser(pg_db: PgDatabase) -> None:
    with psycopg.connect(pg_db.url, autocommit=True) as conn:
        assert conn.execute("SELECT rolsuper, rolcreaterole, rolcanlogin FROM pg_roles "
                            "WHERE rolname = current_user").fetchone() == (False, True, True)
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("CREATE ROLE cd_infra_would_be_root SUPERUSER")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("ALTER SYSTEM SET work_mem = '8MB'")


def test_server_settings(pg_cluster: PgCluster) -> None:
    for name, value in [("fsync", "off"), ("synchronous_commit", "on"),
                        ("full_page_writes", "off"), ("max_connections", "200"),
                        ("listen_addresses", "127.0.0.1"), ("server_encoding", "UTF8")]:
        assert pg_cluster.execute(sql.SQL("SHOW {}").format(sql.Identifier(name))) == [(value,)]


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_restart_keeps_data(pg_cluster: PgCluster, pg_db: PgDatabase, mode: str) -> None:
    with psycopg.connect(pg_db.url) as conn:
        conn.execute("CREATE TABLE t AS SELECT g AS n FROM generate_series(1, 1000) g")
        conn.commit()
        pg_cluster.restart(mode)
        with pytest.raises(psycopg.OperationalError):  # the old session is gone
            conn.execute("SELECT 1")
    with psycopg.connect(pg_db.url) as conn:
        assert conn.execute("SELECT count(*), sum(n) FROM t").fetchone() == (1000, 500500)


def test_a_killed_test_run_leaves_no_server_behind() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from tests.sync.pg import PgCluster; "
         "c = PgCluster().start(); print(c.dir, c.port, flush=True); time.sleep(60)"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        folder, port = child.stdout.readline().split()
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres") as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        child.kill()  # no teardown, no atexit
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    deadline = time.monotonic() + 20
    while Path(folder).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(folder).exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=2)


# -- the fault proxy -----------------------------------------------------------------------------


class EchoServer:
    """A threaded TCP echo server that records what each connection received."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port: int = self.listener.getsockname()[1]
        self.received: list[bytearray] = []
        self.ended = 0  # connections whose handler has finished
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept, name="echo-accept", daemon=True)]
        self._threads[0].start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            got = bytearray()
            self.received.append(got)
            worker = threading.Thread(target=self._echo, args=(conn, got), name="echo",
                                      daemon=True)
            self._threads.append(worker)
            worker.start()

    def _echo(self, conn: socket.socket, got: bytearray) -> None:
        conn.settimeout(0.05)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                    if not data:
                        break
                    got += data
                    conn.sendall(data)
                except TimeoutError:
                    continue
                except OSError:
                    break
        with self._changed:
            self.ended += 1
            self._changed.notify_all()

    def wait_ended(self, n: int, timeout: float = 5.0) -> bool:
        """Wait until ``n`` connections have ended on the server side."""
        with self._changed:
            return self._changed.wait_for(lambda: self.ended >= n, timeout)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(5)
        self.listener.close()


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    server = EchoServer()
    yield server
    server.stop()


@pytest.fixture
def proxy(echo: EchoServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", echo.port) as p:
        yield p
    assert not [t for t in threading.enumerate() if t.name.startswith("fault-proxy")]


def exchange(port: int, payload: bytes, shut: bool = True) -> tuple[bytes, str]:
    """Send ``payload``, read until the end; what came back and how it ended ("eof"/"reset")."""
    got = bytearray()
    try:  # a reset can come as early as connect() (the proxy accepts, then resets)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(payload)
            if shut:
                s.shutdown(socket.SHUT_WR)
            while data := s.recv(65536):
                got += data
            return bytes(got), "eof"
    except (ConnectionResetError, BrokenPipeError):
        return bytes(got), "reset"


def test_proxy_forwards_both_ways(echo: EchoServer, proxy: FaultProxy) -> None:
    payload = bytes(range(256)) * 1000
    assert exchange(proxy.port, payload) == (payload, "eof")
    assert proxy.wait_until(lambda p: p.live == 0)
    assert (proxy.connections, proxy.bytes_up, proxy.bytes_down) == (1, 256000, 256000)
    assert echo.received == [bytearray(payload)]


def test_cut_after_upstream_bytes(echo: EchoServer, proxy: FaultProxy) -> None:
    proxy.cut_after(upstream_bytes=10, connections=1)
    got, end = exchange(proxy.port, b"0123456789abcdefghij", shut=False)
    assert end == "reset" and b"0123456789".startswith(got)
    assert proxy.wait_until(lambda p: p.cuts == 1 and p.live == 0) and echo.wait_ended(1)
    assert bytes(echo.received[0]) == b"0123456789"  # exactly the allowed bytes arrived
    assert exchange(proxy.port, b"again") == (b"again", "eof")  # only the next one was cut


def test_cut_after_downstream_bytes(echo: EchoServer, proxy: FaultProxy) -> None:
    proxy.cut_after(downstream_bytes=5)
    assert exchange(proxy.port, b"0123456789", shut=False) == (b"01234", "reset")
    assert bytes(echo.received[0]) == b"0123456789"  # the request got there, the reply did not
    assert exchange(proxy.port, b"abcdefgh", shut=False) == (b"abcde", "reset")  # until cleared
    proxy.clear()
    assert exchange(proxy.port, b"abcdefgh") == (b"abcdefgh", "eof")


def test_refuse_and_cut_all(proxy: FaultProxy) -> None:
    proxy.refuse(True)
    assert exchange(proxy.port, b"hello", shut=False) == (b"", "reset")
    assert proxy.refused == 1
    proxy.refuse(False)
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as s:
        s.sendall(b"ping")
        assert s.recv(4) == b"ping"
        proxy.cut_all()
        assert proxy.live == 0 and proxy.cuts == 1
        with pytest.raises(ConnectionResetError):
            s.recv(1)


def test_target_down_resets_the_client() -> None:
    with FaultProxy("127.0.0.1", free_port()) as proxy:
        assert exchange(proxy.port, b"hello", shut=False) == (b"", "reset")
        assert proxy.wait_until(lambda p: p.failed == 1)


class _Handler(BaseHTTPRequestHandler):
    hits: list[bytes] = []  # noqa: RUF012 (one test uses it)

    def do_POST(self) -> None:
        self.hits.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def test_http_reply_lost_after_the_server_took_the_request() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    serving = threading.Thread(target=server.serve_forever, name="http", daemon=True)
    serving.start()
    try:
        with FaultProxy("127.0.0.1", server.server_address[1]) as proxy, \
                httpx.Client(base_url=f"http://127.0.0.1:{proxy.port}", timeout=5) as client:
            proxy.cut_after(downstream_bytes=0, connections=1)
            with pytest.raises(httpx.TransportError):
                client.post("/push", content=b"batch-1")
            assert _Handler.hits == [b"batch-1"]
            assert client.post("/push", content=b"batch-1").text == "ok"  # the retry
            assert _Handler.hits == [b"batch-1", b"batch-1"]
    finally:
        server.shutdown()
        server.server_close()
        serving.join(5)
