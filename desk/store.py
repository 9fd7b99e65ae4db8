"""The database executor: one thread owns the SQLite connection.

Callers on any thread use :meth:`Store.call` (wait for the result) or
:meth:`Store.submit` (fire and forget, e.g. autosave). Errors from storage are
turned into :class:`StoreError` with a stable ``code`` the UI translates.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from db import backup as db_backup
from db.clock import MAX_CLOCK_AHEAD_MS, HybridClock, new_id, parse_hlc
from db.connection import DatabaseError, classify, integrity_problems, open_database
from db.events import set_meta, transaction
from db.queries import HLC_TABLES, get_meta, hlc_since
from db.schema import SCHEMA_VERSION

T = TypeVar("T")
log = logging.getLogger(__name__)

BACKUP_EVERY_S = 12 * 3600
# Up to this size the full integrity check runs before the window opens (well under a
# second); a bigger database is checked in the background right after start-up.
SYNC_CHECK_MAX_BYTES = 64 * 1024 * 1024
# meta: how far the stamps stored so far were read ({"events": rowid, "checklist": rowid,
# "hlc": the largest believable stamp among them}), so each start reads only new rows.
CLOCK_SEEN_KEY = "clock_seen"


def stamp_limit_ms() -> int:
    """The largest believable milliseconds of a clock stamp, now."""
    return time.time_ns() // 1_000_000 + MAX_CLOCK_AHEAD_MS


class StoreError(Exception):
    """Storage failed. ``code``: locked, corrupt, newer_schema, unwritable, missing, readonly."""

    def __init__(self, code: str, path: Path, detail: str = "",
                 found_version: int | None = None) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.path = path
        self.detail = detail
        self.found_version = found_version
        self.supported_version = SCHEMA_VERSION


@dataclass(frozen=True)
class Maintenance:
    """What the start-up maintenance found: integrity problems, and the backup made."""

    problems: tuple[str, ...] = ()
    backup: Path | None = None
    backup_error: str = ""


def damage_marker(path: Path) -> Path:
    """Left beside a database in which damage was found, until a check passes again."""
    return path.with_name(path.name + ".damage-found")


def check_at_open(path: Path) -> bool:
    """Whether the integrity check should run before the desk opens (else in the background)."""
    if damage_marker(path).exists():
        return True
    try:
        return path.stat().st_size <= SYNC_CHECK_MAX_BYTES
    except OSError:
        return True


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    modified: float


def _wrap(exc: BaseException, path: Path) -> StoreError:
    if isinstance(exc, DatabaseError):
        return StoreError(exc.code, exc.path, exc.detail, exc.found_version)
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc).lower():
        return StoreError("readonly", path, str(exc))
    if isinstance(exc, sqlite3.Error):
        return StoreError(classify(exc), path, str(exc))
    return StoreError("unwritable", path, str(exc))


class Store:
    def __init__(self, path: Path, *, readonly: bool = False, check: bool = True) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="cleardesk-db")
        self._closed = False
        self._lock = threading.Lock()
        try:
            result = self._executor.submit(open_database, self.path, readonly=readonly,
                                           check=check).result()
        except BaseException as exc:
            self._executor.shutdown(wait=True)
            raise _wrap(exc, self.path) from exc
        self._conn = result.conn
        self.upgraded_from = result.upgraded_from
        self.device = self.call(self._device_id)
        self.clock = HybridClock(self.device)
        self.call(self._seed_clock)

    def _device_id(self, conn: sqlite3.Connection) -> str:
        device = get_meta(conn, "device_id")
        if device is None:
            device = secrets.token_hex(6)
            if not self.readonly:
                with transaction(conn):
                    set_meta(conn, "device_id", device)
        return device

    def _seed_clock(self, conn: sqlite3.Connection) -> None:
        """Start the clock above every stamp stored here (made here before a restart, or
        pulled from a workstation whose clock runs ahead), so a new edit never sorts below
        one already seen, whatever this machine's wall clock says. Stamps more than
        MAX_CLOCK_AHEAD_MS ahead are left out (with a warning)."""
        limit = stamp_limit_ms()
        below = f"{limit + 1:013d}"  # sorts above every stamp of ``limit`` ms or less
        try:
            seen = json.loads(get_meta(conn, CLOCK_SEEN_KEY) or "{}")
            after = {t: int(seen.get(t) or 0) for t in HLC_TABLES}
            best: str | None = seen.get("hlc") or None
            if best is not None and (not isinstance(best, str) or parse_hlc(best)[0] > limit):
                raise ValueError("the kept stamp is not believable now")
        except (ValueError, TypeError, AttributeError):
            # Unreadable, or this machine's time went back more than a day: read everything.
            after, best = dict.fromkeys(HLC_TABLES, 0), None
        rowids, ahead = dict(after), None
        try:
            for table in HLC_TABLES:
                last, fine, future = hlc_since(conn, table, after[table], below)
                if last is not None:
                    rowids[table] = last
                best = max(filter(None, (best, fine)), default=None)
                ahead = max(filter(None, (ahead, future)), default=None)
        except sqlite3.DatabaseError as exc:  # damage: the integrity check will say so
            log.warning("could not read the stored clock stamps: %s", exc)
            rowids = after
        if ahead is not None:
            log.warning("a stored clock stamp is more than a day ahead of this computer's"
                        " time; the clock does not follow it: %s", ahead)
        if best is not None:
            self.clock.observe(best)
        if rowids != after and not self.readonly:
            try:
                with transaction(conn):
                    set_meta(conn, CLOCK_SEEN_KEY, json.dumps({**rowids, "hlc": best}))
            except sqlite3.Error as exc:  # busy: the next start reads these rows again
                log.info("clock high-water mark not saved: %s", exc)

    def observe_stamps(self, stamps: Iterable[str]) -> None:
        """Let the clock follow stamps from elsewhere (well-formed: checked by the caller),
        except those more than MAX_CLOCK_AHEAD_MS ahead of this computer's time."""
        limit = stamp_limit_ms()
        believed: list[str] = []
        ignored: list[str] = []
        for stamp in stamps:
            (believed if parse_hlc(stamp)[0] <= limit else ignored).append(stamp)
        if ignored:
            log.warning("%d received clock stamps are more than a day ahead of this"
                        " computer's time; the clock does not follow them (largest %s)",
                        len(ignored), max(ignored))
        if believed:
            self.clock.observe(max(believed))

    def clock_id(self) -> str:
        """A new UUIDv7 for a row made on this device."""
        return new_id()

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(conn, *args)`` on the database thread and wait for it."""
        return self.submit(fn, *args, **kwargs).result()

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        def run() -> T:
            try:
                return fn(self._conn, *args, **kwargs)
            except StoreError:
                raise
            except (sqlite3.Error, DatabaseError) as exc:
                raise _wrap(exc, self.path) from exc

        with self._lock:
            if self._closed:
                raise StoreError("closed", self.path, "the database is closed")
            return self._executor.submit(run)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._executor.submit(self._conn.close)
        self._executor.shutdown(wait=True)

    # Backups -----------------------------------------------------------------
    @property
    def backup_dir(self) -> Path:
        return db_backup.backup_dir_for(self.path)

    def backup_if_due(self, every_s: float = BACKUP_EVERY_S) -> Path | None:
        """Make a rotating backup when the last one is older than ``every_s``.

        Opens its own connection, so it may run on any thread (the UI runs it in
        the background after the window is shown).
        """
        age = db_backup.last_backup_age_s(self.backup_dir)
        if age is not None and age < every_s:
            return None
        return self.backup_now()

    def maintain(self, every_s: float = BACKUP_EVERY_S) -> Maintenance:
        """Integrity check, then the rotating backup if the file is sound.

        Runs on a background thread with connections of its own. A damaged file is
        never backed up (it would push good backups out of the rotation); the marker
        makes the next start check before opening, which offers the restore.
        """
        problems = tuple(integrity_problems(self.path))
        marker = damage_marker(self.path)
        if problems:
            marker.write_text("\n".join(problems), encoding="utf-8")
            return Maintenance(problems)
        marker.unlink(missing_ok=True)
        try:
            return Maintenance((), self.backup_if_due(every_s))
        except StoreError as exc:
            return Maintenance((), None, exc.detail)

    def backup_now(self) -> Path:
        try:
            return db_backup.make_backup(self.path, self.backup_dir)
        except (sqlite3.Error, OSError) as exc:
            raise _wrap(exc, self.path) from exc


def list_backups(db_path: Path) -> list[BackupInfo]:
    return [BackupInfo(p, p.stat().st_mtime)
            for p in db_backup.list_backups(db_backup.backup_dir_for(db_path))]


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Replace the database with ``backup``; returns where the old file was kept."""
    return db_backup.restore_backup(backup, db_path)
