"""Where the workstation keeps its server address and token.

The address is in the local database (``meta.sync_url``); it is not secret. The token goes
to the OS keyring (Windows Credential Manager, macOS Keychain, the Secret Service on a Linux
desktop) through ``keyring``. Where there is no keyring (a server without a desktop session,
a kiosk), it goes to a file beside the database that only this user may read, and the
settings page says so.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.events import set_meta, transaction
from db.outbox import CURSOR_KEY
from db.queries import get_meta
from desk.store import Store

log = logging.getLogger(__name__)
KEYRING_SERVICE = "ClearDesk sync"
URL_KEY = "sync_url"
CA_KEY = "sync_ca_file"
IDENTITY_KEY = "sync_identity"  # who the token signs in as (JSON), learnt from the server
ROLES = ("agent", "supervisor")
TOKEN_FILE = "sync-token"


@dataclass(frozen=True)
class SyncSettings:
    url: str  # "" when sync is off
    token: str  # "" when none is stored
    token_place: str  # keyring | file | none
    ca_file: str = ""  # a CA certificate to trust for this server ("": the system's store)


def _keyring() -> Any | None:
    """The keyring backend, or None where there is no usable one."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or type(backend).__module__.endswith(".null"):
        return None
    return backend


def _token_file(store: Store) -> Path:
    return store.path.with_name(TOKEN_FILE)


def _user(store: Store, url: str) -> str:
    return f"{url}#{store.device}"


def load(store: Store) -> SyncSettings:
    url = store.call(get_meta, URL_KEY) or ""
    ca = store.call(get_meta, CA_KEY) or ""
    if not url:
        return SyncSettings("", "", "none", ca)
    ring = _keyring()
    if ring is not None:
        try:
            token = ring.get_password(KEYRING_SERVICE, _user(store, url))
        except Exception as exc:
            log.warning("keyring unavailable: %s", exc)
            token = None
        if token:
            return SyncSettings(url, token, "keyring", ca)
    path = _token_file(store)
    try:
        token = path.read_text("utf-8").strip()
    except OSError:
        return SyncSettings(url, "", "none", ca)
    return SyncSettings(url, token, "file" if token else "none", ca)


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def save(store: Store, url: str, token: str, ca_file: str | None = None) -> SyncSettings:
    """Store the address and token (an empty url turns sync off and forgets the token).
    ``ca_file``: a CA certificate to trust ("" for the system's store; None keeps it)."""
    url = url.strip().rstrip("/")
    token = token.strip()
    old = load(store)
    place = "none"
    if url and token:
        ring = _keyring()
        if ring is not None:
            try:
                ring.set_password(KEYRING_SERVICE, _user(store, url), token)
                place = "keyring"
            except Exception as exc:
                log.warning("keyring refused the token: %s", exc)
        if place == "keyring":
            _token_file(store).unlink(missing_ok=True)
        else:
            _write_private(_token_file(store), token)
            place = "file"
            # load() asks the keyring first: an older token kept there for this address
            # would shadow the one just written to the file.
            _forget_stale(store, ring, url, token)
    if old.url and old.token_place == "keyring" and (old.url != url or not token):
        forget_keyring(store, old.url)
    if not url:
        _token_file(store).unlink(missing_ok=True)
    # Another server, or another account on it: its log is not the one the cursor points
    # into, so read it from the start (applying what is here already changes nothing).
    new_source = (old.url, old.token) != (url, token)

    def write(conn: Any) -> None:
        with transaction(conn):
            set_meta(conn, URL_KEY, url)
            if ca_file is not None:
                set_meta(conn, CA_KEY, ca_file)
            if new_source:
                set_meta(conn, CURSOR_KEY, "")
                set_meta(conn, IDENTITY_KEY, "")

    store.call(write)
    return load(store)


def _forget_stale(store: Store, ring: Any | None, url: str, token: str) -> None:
    if ring is None:
        return
    forget_keyring(store, url)
    try:
        left = ring.get_password(KEYRING_SERVICE, _user(store, url))
    except Exception:
        return
    if left and left != token:
        log.warning("the keyring refused to forget an older token for %s; it will be used"
                    " instead of the one in %s", url, _token_file(store))


def forget_keyring(store: Store, url: str) -> None:
    ring = _keyring()
    if ring is None:
        return
    with contextlib.suppress(Exception):  # nothing stored there, or no keyring after all
        ring.delete_password(KEYRING_SERVICE, _user(store, url))


@dataclass(frozen=True)
class Identity:
    """The account this workstation syncs as: its name, role (agent or supervisor) and team."""

    account: str
    role: str
    team: str


def configured(store: Store) -> bool:
    """Whether this desk syncs (an address is set)."""
    return bool(store.call(get_meta, URL_KEY))


def identity(store: Store) -> Identity | None:
    """The signed-in account, once a sync has asked the server (None: standalone, or not
    asked yet since the address or token changed)."""
    text = store.call(get_meta, IDENTITY_KEY) or ""
    try:
        doc = json.loads(text) if text else None
    except ValueError:
        return None
    if not isinstance(doc, dict) or doc.get("role") not in ROLES:
        return None
    return Identity(str(doc.get("account") or ""), str(doc["role"]), str(doc.get("team") or ""))


def remember_identity(store: Store, whoami: dict[str, Any]) -> Identity | None:
    """Keep what the server said about the token (GET /v1/whoami)."""
    doc = {"account": str(whoami.get("account") or ""), "role": str(whoami.get("role") or ""),
           "team": str(whoami.get("team") or "")}
    if doc["role"] not in ROLES or not doc["account"]:
        return None

    def write(conn: Any) -> None:
        with transaction(conn):
            set_meta(conn, IDENTITY_KEY, json.dumps(doc, ensure_ascii=False))

    store.call(write)
    return Identity(doc["account"], doc["role"], doc["team"])
