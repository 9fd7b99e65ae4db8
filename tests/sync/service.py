"""The real ``cleardesk serve`` in a child process, for the sync tests.

``Service(db_url).start()`` runs ``python -m desk serve`` with its configuration in the
environment, on a free loopback port, and waits for ``/v1/health``. ``kill()`` is SIGKILL
(a crash), ``stop()`` a clean SIGTERM; ``start()`` again uses the same port.
"""

from __future__ import annotations

import os
import signal
import ssl
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import psycopg

from db import central
from db.central_schema import migrate_central
from desk.sync.tokens import make_token
from tests.sync.pg import free_port

SECRET = "test-secret-" + "x" * 40
ROOT = Path(__file__).resolve().parents[2]


class Service:
    def __init__(self, db_url: str, port: int | None = None, extra_env: dict[str, str] | None
                 = None) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.extra_env = extra_env or {}
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path: Path | None = None

    @property
    def url(self) -> str:
        scheme = "https" if "CLEARDESK_TLS_CERT" in self.extra_env else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> Service:
        env = dict(os.environ, CLEARDESK_DATABASE_URL=self.db_url, CLEARDESK_TOKEN_SECRET=SECRET,
                   CLEARDESK_LISTEN=f"127.0.0.1:{self.port}", CLEARDESK_POOL_SIZE="8",
                   **self.extra_env)
        import tempfile

        if self.log_path is not None:  # the log of a run before a kill
            self.log_path.unlink(missing_ok=True)
        fd, name = tempfile.mkstemp(prefix="cleardesk-serve-", suffix=".log")
        os.close(fd)
        self.log_path = Path(name)
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "desk", "serve"], cwd=ROOT,
                                         env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"cleardesk serve exited: {self.log()}")
            try:
                ca = self.extra_env.get("CA_FILE")
                verify = ssl.create_default_context(cafile=ca) if ca else True
                if httpx.get(self.url + "/v1/health", timeout=1,
                             verify=verify).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"cleardesk serve did not answer: {self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:] if self.log_path else ""

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None
        if self.log_path is not None:
            self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> Service:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def account(db_url: str, name: str, role: str = "agent", team: str = "north",
            days: float = 30) -> str:
    """Create an account (schema first, if needed) and return a token for it."""
    migrate_central(db_url)
    with psycopg.connect(db_url, autocommit=True) as conn:
        try:
            acc = central.create_account(conn, name, role, team)
        except central.AdminError:
            acc = central.find_account(conn, name)
        expires = datetime.now(timezone.utc) + timedelta(days=days)
        token_id = central.add_token(conn, acc, f"{name}-desk", expires)
    return make_token(SECRET.encode(), token_id, int(expires.timestamp()))


def token_id(token: str) -> str:
    return token.split(".")[1]
