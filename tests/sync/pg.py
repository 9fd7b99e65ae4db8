"""A real, throwaway PostgreSQL cluster for the sync tests, started from the Debian binaries.

``PgCluster().start()`` runs ``initdb`` into a fresh folder (in /dev/shm, else /tmp) and
``pg_ctl start`` on it: TCP on 127.0.0.1 (a free port), a unix socket in the same folder,
``trust`` authentication for local and loopback connections, superuser ``postgres``, and
durability switched off for speed (``fsync``, ``full_page_writes``). ``halt()`` / ``start()``
take the server down and up again on the same port and data (``restart()`` does both);
``stop()`` shuts it down (fast) and deletes the folder. A watchdog child does that too if the
test process dies without teardown.

PostgreSQL refuses to run as root. When the tests run as root (CI does), initdb and pg_ctl run as
the ``postgres`` system user (made by the Debian package) and the folder is handed to that user.

No binaries means ``PgNotFound`` — the caller fails the run rather than skipping: CI installs the
Debian package ``postgresql`` through scripts/test.sh.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

TOOLS = ("initdb", "pg_ctl", "postgres")
DEBIAN_ROOT = Path("/usr/lib/postgresql")
SYSTEM_USER = "postgres"
SUPERUSER = "postgres"
START_TIMEOUT_S = 60
SHM = Path("/dev/shm")
SHM_MIN_FREE = 1 << 30  # Docker's default /dev/shm is 64 MB: too small, /tmp is used then
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PgNotFound(RuntimeError):
    """No PostgreSQL server binaries (or no ``postgres`` user to run them as root)."""


def _version_key(path: Path) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in path.name.split("."))
    except ValueError:
        return (-1,)


def find_binaries() -> dict[str, Path]:
    """Paths of initdb, pg_ctl and postgres: the newest /usr/lib/postgresql/<version>/bin that
    has all three, else PATH. Raises PgNotFound."""
    versions = sorted(DEBIAN_ROOT.glob("*/bin"), key=lambda p: _version_key(p.parent),
                      reverse=True) if DEBIAN_ROOT.is_dir() else []
    for bindir in versions:
        if all((bindir / tool).is_file() for tool in TOOLS):
            return {tool: bindir / tool for tool in TOOLS}
    found = {tool: shutil.which(tool) for tool in TOOLS}
    if all(found.values()):
        return {tool: Path(path) for tool, path in found.items() if path}
    missing = ", ".join(tool for tool, path in found.items() if not path)
    raise PgNotFound(
        f"PostgreSQL server binaries not found ({missing} missing; looked in "
        f"{DEBIAN_ROOT}/*/bin and on PATH). The sync tests need a real PostgreSQL: install the "
        "Debian package `postgresql` (apt-get install postgresql; scripts/test.sh does it "
        "when run as root).")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def base_dir() -> Path | None:
    """Where the cluster's folder goes: /dev/shm when it is a tmpfs with room (CREATE DATABASE
    measured 40-60 ms there against 230-470 ms on a busy disk), else /tmp; both are world-
    traversable, which the ``postgres`` user needs when we are root."""
    for candidate in (SHM, Path("/tmp")):
        try:
            stat = os.statvfs(candidate)
        except OSError:
            continue
        room = stat.f_bavail * stat.f_frsize
        if os.access(candidate, os.W_OK) and (candidate != SHM or room >= SHM_MIN_FREE):
            return candidate
    return None


def check_name(name: str) -> str:
    """A role or database name we make: lower-case identifier, so URLs need no quoting."""
    if not _NAME.match(name):
        raise ValueError(f"not a plain lower-case identifier: {name!r}")
    return name


class PgCluster:
    """One PostgreSQL cluster in a temporary folder. ``start()`` / ``stop()`` / ``restart()``;
    connection URLs from ``url()``; small admin helpers over psycopg (autocommit)."""

    def __init__(self) -> None:
        self.bin = find_binaries()
        self.as_user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(SYSTEM_USER)
            except KeyError:
                raise PgNotFound(
                    f"running as root and there is no {SYSTEM_USER!r} system user to run "
                    "PostgreSQL as: install the Debian package `postgresql` (it makes the "
                    "user)") from None
            self.as_user = SYSTEM_USER
        self.dir: Path | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.running = False

    # -- paths ---------------------------------------------------------------------------------

    def _path(self, name: str) -> Path:
        if self.dir is None:
            raise RuntimeError("the cluster has not been started")
        return self.dir / name

    @property
    def data_dir(self) -> Path:
        return self._path("data")

    @property
    def socket_dir(self) -> Path:
        return self._path("sock")

    @property
    def log_file(self) -> Path:
        return self._path("server.log")

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server log (for error messages)."""
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except (OSError, RuntimeError):
            return "(no server log)"

    # -- processes -----------------------------------------------------------------------------

    def _as_server(self) -> dict[str, Any]:
        """Popen arguments for a server tool: as the ``postgres`` user when we are root."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(LC_ALL="C", HOME=str(self.dir), TZ="UTC")
        kwargs: dict[str, Any] = {"env": env, "cwd": self.dir}
        if self.as_user is not None:
            kwargs.update(user=self.as_user, group=self.as_user, extra_groups=[])
        return kwargs

    def _run(self, args: Sequence[str | Path], timeout: float = START_TIMEOUT_S
             ) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                              errors="replace", timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL, **self._as_server())

    def _start_watchdog(self) -> None:
        """A child in a session of its own that waits for this process to end (its stdin pipe
        closes) and then stops the server and deletes the folder: a run killed without
        teardown (SIGKILL, or SIGTERM from ``timeout``) leaves no server behind."""
        script = 'cat >/dev/null; "$0" stop -D "$1" -m immediate -w >/dev/null 2>&1; rm -rf "$2"'
        self._watchdog = subprocess.Popen(
            ["sh", "-c", script, str(self.bin["pg_ctl"]), str(self.data_dir), str(self.dir)],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, **self._as_server())

    def _check(self, what: str, run: subprocess.CompletedProcess[str]) -> None:
        if run.returncode != 0:
            raise RuntimeError(f"{what} failed ({run.returncode}):\n{run.stdout}{run.stderr}\n"
                               f"server log:\n{self.log_tail()}")

    def _init(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="cleardesk-pg-", dir=base_dir()))
        self.dir.chmod(0o755)  # the postgres user must be able to reach it
        self.socket_dir.mkdir(mode=0o755)
        if self.as_user is not None:
            info = pwd.getpwnam(self.as_user)
            for path in (self.dir, self.socket_dir):
                os.chown(path, info.pw_uid, info.pw_gid)
        self._check("initdb", self._run(
            [self.bin["initdb"], "-D", self.data_dir, "-U", SUPERUSER, "-A", "trust",
             "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]))
        self._start_watchdog()
        # Writing into files initdb made keeps their owner (postgres) and mode.
        with (self.data_dir / "pg_hba.conf").open("w", encoding="utf-8") as hba:
            hba.write("local all all trust\n"
                      "host all all 127.0.0.1/32 trust\n")

    def _write_port(self) -> None:
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"\n# cleardesk tests\n"
                       f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.socket_dir}'\n"
                       "fsync = off\nfull_page_writes = off\n"
                       # synchronous_commit stays on: with fsync off it costs nothing
                       # measurable (~80 us a commit either way), and off would lose commits
                       # already acknowledged when restart("immediate") plays a crash.
                       "synchronous_commit = on\n"
                       "max_connections = 200\nlogging_collector = off\n")

    def _pg_ctl(self, action: str, *extra: str) -> subprocess.CompletedProcess[str]:
        return self._run([self.bin["pg_ctl"], action, "-D", self.data_dir, "-w",
                          "-t", str(START_TIMEOUT_S), *extra], timeout=START_TIMEOUT_S + 10)

    def start(self) -> PgCluster:
        """initdb (first time only) and start the server; returns self. Also starts it again
        after ``halt()`` (same port and data). At the first start, a port taken between choosing
        and binding is retried with another; later starts keep the port (URLs stay valid)."""
        if self.running:
            return self
        first = self.dir is None
        try:
            if first:
                self._init()
            for _attempt in range(3 if first else 1):
                if first:
                    self.port = free_port()
                    self._write_port()  # a later line wins
                run = self._pg_ctl("start", "-l", str(self.log_file))
                if run.returncode == 0 or "could not bind" not in self.log_tail(5):
                    break
            self._check("pg_ctl start", run)
        except BaseException:
            if first:
                self.stop()  # nothing half-made left in /tmp
            raise
        self.running = True
        atexit.register(self.stop)
        return self

    def halt(self, mode: str = "fast") -> None:
        """Stop the server and keep its data (``start()`` brings it back). ``fast``: sessions
        are ended cleanly; ``immediate``: like a crash, with recovery at the next start."""
        if self.running:
            self._check("pg_ctl stop", self._pg_ctl("stop", "-m", mode))
            self.running = False

    def restart(self, mode: str = "fast") -> None:
        """``halt(mode)`` then ``start()``: same port, same data."""
        if not self.running:
            raise RuntimeError("the cluster is not running")
        self.halt(mode)
        self.start()

    def stop(self) -> None:
        """Fast shutdown and delete the folder (and data). Idempotent."""
        atexit.unregister(self.stop)
        if self.running or (self.dir is not None and (self.data_dir / "postmaster.pid").exists()):
            self._pg_ctl("stop", "-m", "fast")
            self.running = False
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None
        if self._watchdog is not None:
            assert self._watchdog.stdin is not None
            self._watchdog.stdin.close()  # nothing left for it to do: it ends
            self._watchdog.wait(30)
            self._watchdog = None

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- SQL -----------------------------------------------------------------------------------

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """``postgresql://user@127.0.0.1:port/dbname`` (trust: no password)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def execute(self, query: str | sql.Composable, params: Sequence[Any] | None = None,
                dbname: str = "postgres") -> list[tuple[Any, ...]]:
        """Run one statement as the superuser (autocommit); the rows, if it returns any."""
        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            cur = conn.execute(query, params)  # type: ignore[arg-type]
            return cur.fetchall() if cur.description is not None else []

    def create_role(self, name: str, login: bool = True, createrole: bool = False) -> str:
        """A role that is not a superuser; returns its name."""
        options = sql.SQL(" ").join(sql.SQL(o) for o in (
            "LOGIN" if login else "NOLOGIN", "CREATEROLE" if createrole else "NOCREATEROLE"))
        self.execute(sql.SQL("CREATE ROLE {} {}").format(sql.Identifier(check_name(name)),
                                                          options))
        return name

    def drop_roles(self, *names: str) -> None:
        """Drop roles in one statement (so grants among them do not block it)."""
        if names:
            self.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(
                sql.SQL(", ").join(sql.Identifier(n) for n in names)))

    def roles(self) -> set[str]:
        """Names of all roles (the built-in ``pg_*`` ones included)."""
        return {row[0] for row in self.execute("SELECT rolname FROM pg_roles")}

    def create_database(self, name: str, owner: str | None = None) -> str:
        """CREATE DATABASE (from template1); returns the superuser's URL to it."""
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(check_name(name)))
        if owner is not None:
            query += sql.SQL(" OWNER {}").format(sql.Identifier(owner))
        self.execute(query)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """DROP DATABASE ... WITH (FORCE): sessions still connected to it are ended."""
        self.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))
