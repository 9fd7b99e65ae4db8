"""The workstation side: the command line, where the token is kept, background sync."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from desk.cases import CaseService
from desk.store import Store
from desk.sync import credentials
from desk.sync.client import SyncClient, SyncError
from desk.sync.config import ConfigError, load_config
from desk.sync.worker import SyncStatus, SyncWorker
from tests.sync.service import ROOT, SECRET, Service, account
from tests.sync.state import pending


def _run(*args: str, data_dir: Path | None = None, stdin: str = "",
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "desk", *args]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_admin_and_sync_commands(pg_db: Any, tmp_path: Path) -> None:
    """A newcomer's path: a config file, accounts, a token, then `cleardesk sync` on two
    workstations — and the errors a person can make, each said in one line."""
    config = tmp_path / "server.toml"
    config.write_text(f'[server]\ndatabase_url = "{pg_db.url}"\ntoken_secret = "{SECRET}"\n')
    assert _run("accounts", "--config", str(config), "add", "li.na", "--team", "north"
                ).returncode == 0
    again = _run("accounts", "--config", str(config), "add", "li.na")
    assert again.returncode == 1 and "exists" in again.stderr
    issued = _run("accounts", "--config", str(config), "token", "li.na", "--device", "desk 1")
    assert issued.returncode == 0, issued.stderr
    token = issued.stdout.strip()
    listed = _run("accounts", "--config", str(config), "tokens", "li.na")
    assert "desk 1" in listed.stdout and "expires" in listed.stdout
    assert "li.na" in _run("accounts", "--config", str(config), "list").stdout

    one, two = tmp_path / "one", tmp_path / "two"
    store = Store(one / "cleardesk.db")
    CaseService(store).new_case(complaint="made on desk one")
    store.close()
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    not_set = _run("sync", data_dir=one, env=env)
    assert not_set.returncode == 2 and "no server is set" in not_set.stderr
    with Service(pg_db.url) as service:
        for d in (one, two):
            r = _run("sync", "--server", service.url, "--token-stdin", data_dir=d,
                     stdin=token + "\n", env=env)
            assert r.returncode == 0, r.stderr
            assert "token kept in the file" in r.stdout
        assert "waiting: 0" in _run("sync", "--status", data_dir=one, env=env).stdout
        store = Store(two / "cleardesk.db")
        assert [c.complaint for c in CaseService(store).list_cases()] == ["made on desk one"]
        store.close()
        revoke = _run("accounts", "--config", str(config), "revoke", token.split(".")[1])
        assert revoke.returncode == 0
        refused = _run("sync", data_dir=one, env=env)
        assert refused.returncode == 1 and "refused the token" in refused.stderr
    offline = _run("sync", data_dir=one, env=env)
    assert offline.returncode == 1 and "cannot be reached" in offline.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('[server]\ndatabase_url = "x"\ntoken_secret = "short"\n')
    r = _run("serve", "--config", str(bad))
    assert r.returncode == 2 and "at least 32 bytes" in r.stderr


class MemoryKeyring(KeyringBackend):
    """A keyring backend kept in memory (a unit stand-in for the OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def test_token_goes_to_the_keyring_and_never_to_disk(memory_keyring: MemoryKeyring,
                                                     tmp_path: Path) -> None:
    store = Store(tmp_path / "cleardesk.db")
    saved = credentials.save(store, "https://sync.example:8765/", "cdt1.secret")
    assert (saved.url, saved.token_place) == ("https://sync.example:8765", "keyring")
    assert list(memory_keyring.items.values()) == ["cdt1.secret"]
    assert not (tmp_path / credentials.TOKEN_FILE).exists()
    assert b"cdt1.secret" not in (tmp_path / "cleardesk.db").read_bytes()
    assert credentials.load(store).token == "cdt1.secret"
    credentials.save(store, "", "")  # sync off: the token is forgotten
    assert memory_keyring.items == {} and credentials.load(store).url == ""
    store.close()


def test_without_a_keyring_the_token_file_is_private(tmp_path: Path) -> None:
    before = keyring.get_keyring()
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    try:
        store = Store(tmp_path / "cleardesk.db")
        saved = credentials.save(store, "http://10.0.0.5:8765", "cdt1.secret")
        assert saved.token_place == "file"
        mode = stat.S_IMODE((tmp_path / credentials.TOKEN_FILE).stat().st_mode)
        assert mode == 0o600
        assert credentials.load(store) == saved
        store.close()
    finally:
        keyring.set_keyring(before)


def test_config_errors_say_what_to_change(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="database_url"):
        load_config(env={})
    with pytest.raises(ConfigError, match="token secret"):
        load_config(env={"CLEARDESK_DATABASE_URL": "postgresql://x"})
    with pytest.raises(ConfigError, match="both tls_cert and tls_key"):
        load_config(env={"CLEARDESK_DATABASE_URL": "postgresql://x",
                         "CLEARDESK_TOKEN_SECRET": SECRET, "CLEARDESK_TLS_CERT": "/c"})
    broken = tmp_path / "s.toml"
    broken.write_text("[server\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(broken, env={})
    ok = load_config(env={"CLEARDESK_DATABASE_URL": "postgresql://x",
                          "CLEARDESK_TOKEN_SECRET": SECRET, "CLEARDESK_LISTEN": "[::1]:9000"})
    assert (ok.host, ok.port, ok.scheme) == ("::1", 9000, "http")


def test_background_sync_reports_its_state(pg_db: Any, tmp_path: Path) -> None:
    """Pending after an edit, synced soon after; offline while the service is down (the
    edits stay queued); synced again when it returns; rows from elsewhere are reported."""
    token = account(pg_db.url, "ana")
    store, other = Store(tmp_path / "a.db"), Store(tmp_path / "b.db")
    statuses: list[SyncStatus] = []
    service = Service(pg_db.url).start()

    def client() -> SyncClient:
        return SyncClient(store, service.url, token, timeout=5)

    worker = SyncWorker(store, client, statuses.append, pull_s=0.5, poll_s=0.05,
                        settle_s=0.05, max_backoff_s=0.5)
    worker.start()
    try:
        _wait(lambda: worker.status.state == "synced")
        cases = CaseService(store)
        case = cases.new_case(complaint="first")
        _wait(lambda: pending(store) == 0 and worker.status.state == "synced")
        service.kill()
        cases.update_case(case.id, complaint="edited while the server is down")
        _wait(lambda: worker.status.state == "offline" and worker.status.pending == 1)
        assert worker.status.offline_since is not None and worker.status.error == "offline"
        service.start()
        _wait(lambda: worker.status.state == "synced" and worker.status.pending == 0)
        CaseService(other).commit_draft(case.id, "from the other desk")
        with SyncClient(other, service.url, token) as c:
            c.sync()
        _wait(lambda: any(s.received for s in statuses))
        assert [n.body for n in cases.notes(case.id)] == ["from the other desk"]
    finally:
        worker.stop()
        service.stop()
        store.close()
        other.close()
    states = [s.state for s in statuses]
    assert {"syncing", "synced", "pending", "offline"} <= set(states) or \
        {"syncing", "synced", "offline"} <= set(states)


def _wait(test: Any, timeout: float = 20.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def test_tls_with_a_company_ca(pg_db: Any, tmp_path: Path) -> None:
    """The service serves TLS from its config; a workstation trusts it through a CA file set
    for the server, and refuses it (saying why) without one."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert_file, key_file, ca_file = (tmp_path / n for n in ("cert.pem", "key.pem", "ca.pem"))
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    ca.cert_pem.write_to_path(str(ca_file))
    token = account(pg_db.url, "ana")
    store = Store(tmp_path / "a.db")
    CaseService(store).new_case(complaint="over TLS")
    env = {"CLEARDESK_TLS_CERT": str(cert_file), "CLEARDESK_TLS_KEY": str(key_file),
           "CA_FILE": str(ca_file)}
    with Service(pg_db.url, extra_env=env) as service:
        assert service.url.startswith("https://")
        with SyncClient(store, service.url, token, ca_file=str(ca_file)) as client:
            assert client.sync().pushed > 0
        with pytest.raises(SyncError) as err, SyncClient(store, service.url, token) as client:
            client.whoami()
        assert err.value.code == "tls"
    store.close()
