"""An in-process TCP fault proxy: put it between an HTTP client and a server, then cut.

    proxy = FaultProxy("127.0.0.1", server_port)
    port = proxy.start()                      # clients connect to 127.0.0.1:port
    proxy.cut_after(upstream_bytes=300)       # new connections: reset once >300 bytes go up
    proxy.cut_after(downstream_bytes=0)       # the request arrives, the reply never does
    proxy.cut_all()                           # reset every open connection now
    proxy.refuse(True)                        # accept and reset at once ("network down")
    proxy.clear()
    proxy.stop()

A limit of N lets exactly N bytes through in that direction (delivered: the proxy waits until the
kernel has sent them) and resets both sides (RST, SO_LINGER 0) as soon as more would pass. Faults
apply to connections accepted after the call (``connections=k``: only the next k), or also to open
ones with ``live=True`` (bytes counted from the call) — HTTP clients keep connections open. A
reset from either end is passed on as a reset, an orderly close (FIN) as an orderly close; a
target that cannot be reached resets the client.

Counters: ``connections`` (accepted), ``refused``, ``cuts`` (reset by cut_after/cut_all),
``failed`` (target unreachable), ``bytes_up``/``bytes_down`` (delivered), ``live`` (open now);
``wait_until(lambda p: p.cuts == 1)`` waits for them.

One daemon thread does all the work on non-blocking sockets with a selector; ``stop()`` ends and
joins it and closes every socket.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import selectors
import socket
import struct
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

CHUNK = 65536
DRAIN_TIMEOUT_S = 1.0
_READ, _WRITE = selectors.EVENT_READ, selectors.EVENT_WRITE


def reset(sock: socket.socket) -> None:
    """Close with RST instead of FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _unsent(sock: socket.socket) -> int:
    """Bytes the kernel still holds for sending or awaits an ACK for (Linux TIOCOUTQ)."""
    try:
        return int(struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0" * 4))[0])
    except OSError:
        return 0


@dataclass
class _Way:
    """One direction of a connection: bytes read from ``src`` waiting to go to ``dst``."""

    src: socket.socket
    dst: socket.socket
    counter: str  # the FaultProxy counter of delivered bytes: bytes_up or bytes_down
    budget: int | None = None
    buf: bytearray = field(default_factory=bytearray)
    eof: bool = False  # src closed its sending side
    shut: bool = False  # and we passed that on to dst


@dataclass(eq=False)  # hashed by identity
class _Conn:
    client: socket.socket
    server: socket.socket
    up: _Way
    down: _Way
    connected: bool = False
    cut_deadline: float = 0.0  # over budget: flush what was allowed, then reset (by then)

    def ways(self, sock: socket.socket) -> tuple[_Way, _Way]:
        """(the way ``sock`` reads into, the way that writes to ``sock``)."""
        return (self.up, self.down) if sock is self.client else (self.down, self.up)


class FaultProxy:
    """A TCP proxy on 127.0.0.1 to ``target_host:target_port`` with fault controls."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self.connections = self.refused = self.cuts = self.failed = 0
        self.bytes_up = self.bytes_down = 0
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._limits: tuple[int | None, int | None] = (None, None)
        self._limit_count: int | None = None
        self._refuse = False
        self._commands: list[tuple[str, threading.Event]] = []
        self._conns: dict[socket.socket, _Conn] = {}  # both sockets of each connection
        self._thread: threading.Thread | None = None

    # -- control (any thread) ------------------------------------------------------------------

    def start(self) -> int:
        """Listen on 127.0.0.1 (a free port) and start the proxy thread; returns the port."""
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self._listener.setblocking(False)
        self.port = self._listener.getsockname()[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._listener, _READ)
        self._sel.register(self._wake_r, _READ)
        self._thread = threading.Thread(target=self._loop, name=f"fault-proxy-{self.port}",
                                        daemon=True)
        self._thread.start()
        return self.port

    def stop(self) -> None:
        """Reset open connections, end and join the thread, close every socket. Idempotent."""
        if self._thread is None:
            return
        self._command("stop")
        self._thread.join(10)
        if self._thread.is_alive():
            raise RuntimeError("fault proxy thread did not stop")
        self._thread = None
        for closable in (self._listener, self._wake_r, self._wake_w, self._sel):
            closable.close()

    def __enter__(self) -> FaultProxy:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def cut_after(self, upstream_bytes: int | None = None, downstream_bytes: int | None = None,
                  *, connections: int | None = None, live: bool = False) -> None:
        """Reset connections once more than ``upstream_bytes`` (client to server) or
        ``downstream_bytes`` (server to client) would pass. Applies to new connections until
        ``clear()`` (or to the next ``connections`` of them); with ``live`` also to open ones,
        counting from now."""
        with self._lock:
            self._limits, self._limit_count = (upstream_bytes, downstream_bytes), connections
        if live:
            self._command("limit-live")

    def refuse(self, on: bool = True) -> None:
        """While on, accept new connections and reset them at once (open ones are left)."""
        with self._lock:
            self._refuse = on

    def clear(self) -> None:
        """No more faults for new connections (open ones keep theirs)."""
        with self._lock:
            self._limits, self._limit_count, self._refuse = (None, None), None, False

    def cut_all(self) -> None:
        """Reset every open connection now; returns when done."""
        self._command("cut-all")

    @property
    def live(self) -> int:
        """Connections open right now."""
        return len(self._conns) // 2

    def wait_until(self, test: Callable[[FaultProxy], bool], timeout: float = 5.0) -> bool:
        """Wait until ``test(self)`` holds (checked whenever a counter changes)."""
        with self._changed:
            return self._changed.wait_for(lambda: test(self), timeout)

    def _command(self, name: str) -> None:
        if self._thread is None or not self._thread.is_alive():
            return
        done = threading.Event()
        with self._lock:
            self._commands.append((name, done))
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if not done.wait(10):
            raise RuntimeError(f"fault proxy did not do {name!r}")

    # -- the proxy thread ----------------------------------------------------------------------

    def _bump(self, **counts: int) -> None:
        with self._changed:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)
            self._changed.notify_all()

    def _loop(self) -> None:
        try:
            while self._commands_done():
                cutting = {c for c in self._conns.values() if c.cut_deadline}
                for key, mask in self._sel.select(0.002 if cutting else None):
                    sock = key.fileobj
                    if sock is self._listener:
                        self._accept()
                    elif sock in self._conns:
                        assert isinstance(sock, socket.socket)
                        self._io(self._conns[sock], sock, mask)
                for conn in {c for c in self._conns.values() if c.cut_deadline}:
                    self._finish_cut(conn)
        finally:
            for conn in set(self._conns.values()):
                self._close(conn, rst=True)

    def _commands_done(self) -> bool:
        """Run queued commands; False once told to stop."""
        with contextlib.suppress(OSError):
            self._wake_r.recv(CHUNK)
        with self._lock:
            commands, self._commands = self._commands, []
            limits = self._limits
        running = True
        for name, done in commands:
            for conn in set(self._conns.values()):
                if name == "limit-live":
                    conn.up.budget, conn.down.budget = limits
                else:  # cut-all, stop
                    self._close(conn, rst=True)
                    self._bump(cuts=int(name == "cut-all"))
            running = running and name != "stop"
            done.set()
        return running

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        with self._lock:
            refuse, limits = self._refuse, self._limits
            if limits != (None, None) and self._limit_count is not None:
                self._limit_count -= 1
                if self._limit_count <= 0:
                    self._limits, self._limit_count = (None, None), None
        self._bump(connections=1, refused=int(refuse))
        if refuse:
            reset(client)
            return
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        for s in (client, server):
            s.setblocking(False)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn = _Conn(client, server, up=_Way(client, server, "bytes_up", budget=limits[0]),
                     down=_Way(server, client, "bytes_down", budget=limits[1]))
        self._conns[client] = self._conns[server] = conn
        if server.connect_ex(self.target) not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
            self._close(conn, rst=True)
            self._bump(failed=1)
        else:
            self._watch(conn)

    def _watch(self, conn: _Conn) -> None:
        """(Re)register both sockets for what each can do now."""
        for sock in (conn.client, conn.server):
            into, out = conn.ways(sock)
            if sock is conn.server and not conn.connected:
                mask = _WRITE
            elif conn.cut_deadline:  # only flush what was let through
                mask = _WRITE if out.buf else 0
            else:
                mask = (_READ if not into.eof and not into.buf else 0) | (
                    _WRITE if out.buf or (out.eof and not out.shut) else 0)
            registered = sock in self._sel.get_map()
            if mask and registered:
                self._sel.modify(sock, mask)
            elif mask:
                self._sel.register(sock, mask)
            elif registered:
                self._sel.unregister(sock)

    def _io(self, conn: _Conn, sock: socket.socket, mask: int) -> None:
        into, out = conn.ways(sock)
        try:
            if sock is conn.server and not conn.connected:
                if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                    self._close(conn, rst=True)
                    self._bump(failed=1)
                    return
                conn.connected = True
            else:
                if mask & _READ and not conn.cut_deadline:
                    self._read(conn, into)
                if mask & _WRITE:
                    self._write(out)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:  # a reset from one end: pass on what we hold from it, then the reset
            with contextlib.suppress(OSError):
                into.dst.send(into.buf)
            self._close(conn, rst=True)
            return
        if conn.up.shut and conn.down.shut:
            self._close(conn, rst=False)
        else:
            self._watch(conn)

    def _read(self, conn: _Conn, way: _Way) -> None:
        data = way.src.recv(CHUNK)
        if not data:
            way.eof = True
        elif way.budget is not None and len(data) > way.budget:
            way.buf += data[:way.budget]
            way.budget = 0
            conn.cut_deadline = time.monotonic() + DRAIN_TIMEOUT_S
        else:
            way.buf += data
            if way.budget is not None:
                way.budget -= len(data)

    def _write(self, way: _Way) -> None:
        if way.buf:
            sent = way.dst.send(way.buf)
            del way.buf[:sent]
            self._bump(**{way.counter: sent})
        if not way.buf and way.eof and not way.shut:
            way.dst.shutdown(socket.SHUT_WR)
            way.shut = True

    def _finish_cut(self, conn: _Conn) -> None:
        """Reset once what was let through has left our buffers and both kernels."""
        pending = conn.up.buf or conn.down.buf or _unsent(conn.client) or _unsent(conn.server)
        if not pending or time.monotonic() >= conn.cut_deadline:
            self._close(conn, rst=True)
            self._bump(cuts=1)

    def _close(self, conn: _Conn, rst: bool) -> None:
        for sock in (conn.client, conn.server):
            if self._conns.pop(sock, None) is None:
                continue
            if sock in self._sel.get_map():
                self._sel.unregister(sock)
            if rst:
                reset(sock)
            else:
                sock.close()
        self._bump()  # live changed
