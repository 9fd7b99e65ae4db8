"""Opening the local database: pragmas, checks and clear errors.

Every failure is raised as :class:`DatabaseError` with a ``code`` the UI turns
into words and a way out; nothing here ever creates a fresh empty database in
place of one that exists but cannot be read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.schema import SCHEMA_VERSION, migrate, schema_version

BUSY_TIMEOUT_MS = 5000

# Codes, kept stable: the UI maps each to a message and the ways out.
LOCKED = "locked"
CORRUPT = "corrupt"
NEWER = "newer_schema"
UNWRITABLE = "unwritable"
MISSING = "missing"


class DatabaseError(Exception):
    def __init__(self, code: str, path: Path, detail: str = "",
                 found_version: int | None = None) -> None:
        super().__init__(f"{code}: {path}: {detail}")
        self.code = code
        self.path = path
        self.detail = detail
        self.found_version = found_version


@dataclass(frozen=True)
class OpenResult:
    conn: sqlite3.Connection
    path: Path
    readonly: bool
    upgraded_from: int  # schema version found on disk (0 for a new file)


def classify(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LOCKED
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CORRUPT
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return UNWRITABLE
    return CORRUPT


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A raw connection with our pragmas; autocommit mode, we manage transactions."""
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_database(path: Path, *, readonly: bool = False, check: bool = True) -> OpenResult:
    """Open (creating if absent, unless read-only), check, and upgrade the database.

    Runs on the database executor thread (or at start-up, before it exists).
    """
    path = Path(path)
    if readonly and not path.exists():
        raise DatabaseError(MISSING, path, "no such file")
    if not readonly:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(UNWRITABLE, path, str(exc)) from exc
    try:
        conn = connect(path, readonly=readonly)
    except sqlite3.Error as exc:
        raise DatabaseError(classify(exc), path, str(exc)) from exc
    try:
        found = schema_version(conn)
        if found > SCHEMA_VERSION:
            raise DatabaseError(NEWER, path, f"schema {found} > {SCHEMA_VERSION}", found)
        if check:
            problems = quick_check(conn)
            if problems:
                raise DatabaseError(CORRUPT, path, "; ".join(problems[:5]))
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise DatabaseError(LOCKED, path, f"journal mode stayed {mode}")
            # FULL: a committed note survives a power cut, not only a crash.
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn)
        elif found < SCHEMA_VERSION:
            raise DatabaseError(UNWRITABLE, path,
                                f"schema {found} needs an upgrade that read-only cannot do")
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseError(classify(exc), path, str(exc)) from exc
    except BaseException:  # DatabaseError, or a bug in a migration: never leak the connection
        conn.close()
        raise
    return OpenResult(conn=conn, path=path, readonly=readonly, upgraded_from=found)


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's quick integrity check: an empty list when the file is sound."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def integrity_problems(path: Path) -> list[str]:
    """Check ``path`` on a connection of its own (any thread; the desk stays usable)."""
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return quick_check(conn)
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
