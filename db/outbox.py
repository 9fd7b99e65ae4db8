"""The workstation's side of sync: reading the outbox, acknowledging, applying pulled rows.

The outbox names rows (kind, row id); a batch reads the rows themselves, so an edit is sent
as it was stored. Acknowledged entries are deleted; rejected ones move to ``sync_rejected``
with the server's reason, so one bad row never blocks the queue and is never silently lost.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from db.events import (
    APPEND_TABLES,
    EVENT_COLUMNS,
    FieldEvent,
    append_rows,
    apply_field_events,
    set_meta,
)
from db.queries import get_meta

CURSOR_KEY = "sync_cursor"


@dataclass(frozen=True)
class Pending:
    seq: int
    kind: str
    row_id: str
    # None: the row is gone or unreadable (cannot happen unless edited by hand), or ``kind``
    # is one this version does not know (written by a newer one)
    row: dict[str, Any] | None


def pending_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])


def rejected_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM sync_rejected").fetchone()[0])


def pending(conn: sqlite3.Connection, limit: int) -> list[Pending]:
    """The oldest ``limit`` outbox entries with their rows."""
    entries = conn.execute("SELECT seq, kind, row_id FROM outbox ORDER BY seq LIMIT ?",
                           (limit,)).fetchall()
    by_kind: dict[str, list[str]] = {}
    for _, kind, row_id in entries:
        if kind == "event" or kind in APPEND_TABLES:
            by_kind.setdefault(kind, []).append(row_id)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for kind, ids in by_kind.items():
        table, cols = ("events", EVENT_COLUMNS) if kind == "event" else (kind, APPEND_TABLES[kind])
        quoted = ", ".join(f'"{c}"' for c in cols)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            cur = conn.execute(
                f"SELECT {quoted} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk)
            for values in cur.fetchall():
                row = dict(zip(cols, values, strict=True))
                if kind == "event":
                    try:
                        row["value"] = json.loads(row["value"])
                    except (TypeError, ValueError):  # damaged on disk: sent as missing
                        continue
                rows[(kind, row["id"])] = row
    return [Pending(seq, kind, row_id, rows.get((kind, row_id)))
            for seq, kind, row_id in entries]


def acknowledge(conn: sqlite3.Connection, seqs: Iterable[int]) -> None:
    conn.executemany("DELETE FROM outbox WHERE seq = ?", [(s,) for s in seqs])


def reject(conn: sqlite3.Connection, entries: Iterable[tuple[Pending, str, str]],
           at: str) -> None:
    """Move entries the server refused (with its code and detail) out of the queue."""
    for entry, code, detail in entries:
        conn.execute(
            "INSERT INTO sync_rejected(seq, kind, row_id, code, detail, at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(seq) DO NOTHING",
            (entry.seq, entry.kind, entry.row_id, code, detail[:500], at))
        conn.execute("DELETE FROM outbox WHERE seq = ?", (entry.seq,))


def rejected(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    cur = conn.execute("SELECT seq, kind, row_id, code, detail, at FROM sync_rejected"
                       " ORDER BY seq")
    return [dict(zip(("seq", "kind", "row_id", "code", "detail", "at"), r, strict=True))
            for r in cur.fetchall()]


def requeue_rejected(conn: sqlite3.Connection) -> int:
    """Put rejected entries back in the queue (after the server was fixed)."""
    moved = conn.execute("INSERT INTO outbox(kind, row_id) SELECT kind, row_id"
                         " FROM sync_rejected ORDER BY seq").rowcount
    conn.execute("DELETE FROM sync_rejected")
    return int(moved)


def cursor(conn: sqlite3.Connection) -> str:
    return get_meta(conn, CURSOR_KEY) or ""


def apply_pulled(conn: sqlite3.Connection, changes: Sequence[tuple[str, Mapping[str, Any]]],
                 new_cursor: str) -> int:
    """Store pulled changes (already checked) without queueing them to be sent back, and
    move the cursor, in the caller's transaction. Returns how many were new here."""
    events = [FieldEvent(**{c: row[c] for c in EVENT_COLUMNS})
              for kind, row in changes if kind == "event"]
    applied = apply_field_events(conn, events, outbox=False)
    by_table: dict[str, list[Mapping[str, Any]]] = {}
    for kind, row in changes:
        if kind != "event":
            by_table.setdefault(kind, []).append(row)
    for table, rows in by_table.items():
        applied += append_rows(conn, table, rows, outbox=False)
    set_meta(conn, CURSOR_KEY, new_cursor)
    return applied
