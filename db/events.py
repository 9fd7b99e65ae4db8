"""Writing changes: field events (last writer per field wins), append-only rows, outbox.

Callers wrap a group of writes in :func:`transaction`; the outbox row for each
change is written inside the same transaction, so a change and its intent to
sync can never be separated by a crash.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from db.schema import ENTITY_FIELDS, ENTITY_TABLES

# The columns of a field event as it is stored and sent (``value`` JSON-encoded in the table).
EVENT_COLUMNS = ("id", "entity", "entity_id", "field", "value", "hlc", "device", "at")
APPEND_TABLES = {
    "notes": ("id", "case_id", "body", "created_at", "hlc", "device", "author"),
    "checklist": ("id", "case_id", "step", "done", "at", "source", "evidence", "hlc", "device"),
    "updates": ("id", "case_id", "at", "channel", "body", "hlc", "device"),
    "call_curve": ("id", "call_id", "channel", "t0", "t1", "data", "hlc", "device"),
    "call_segments": ("id", "call_id", "channel", "start", "end", "text", "words", "lang",
                      "hlc", "device"),
    "call_marks": ("id", "call_id", "channel", "t", "kind", "code", "text", "hlc", "device"),
    "call_comments": ("id", "call_id", "t", "body", "author", "created_at", "hlc", "device"),
}


@dataclass(frozen=True)
class FieldEvent:
    id: str
    entity: str
    entity_id: str
    field: str
    value: Any  # JSON-serialisable
    hlc: str
    device: str
    at: str  # ISO-8601 UTC


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def case_ref(case_id: str, at: str) -> str:
    """A short reference an agent can read out: creation date and four hex digits."""
    return f"{at[2:4]}{at[5:7]}{at[8:10]}-{case_id.replace('-', '')[-4:].upper()}"


def _column_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _outbox(conn: sqlite3.Connection, kind: str, row_id: str) -> None:
    conn.execute("INSERT INTO outbox(kind, row_id) VALUES (?, ?)", (kind, row_id))


def apply_field_events(conn: sqlite3.Connection, events: Iterable[FieldEvent],
                       *, outbox: bool = True) -> int:
    """Record events and update the derived rows where an event is the newest for its field.

    Idempotent: an event id seen before is ignored. Returns how many were new.
    """
    applied = 0
    for ev in events:
        fields = ENTITY_FIELDS.get(ev.entity)
        if fields is None or ev.field not in fields:
            raise ValueError(f"unknown field {ev.entity}.{ev.field}")
        cur = conn.execute(
            "INSERT INTO events(id, entity, entity_id, field, value, hlc, device, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (ev.id, ev.entity, ev.entity_id, ev.field,
             json.dumps(ev.value, ensure_ascii=False), ev.hlc, ev.device, ev.at),
        )
        if cur.rowcount == 0:
            continue
        applied += 1
        if outbox:
            _outbox(conn, "event", ev.id)
        current = conn.execute(
            "SELECT hlc, event_id FROM field_state"
            " WHERE entity = ? AND entity_id = ? AND field = ?",
            (ev.entity, ev.entity_id, ev.field),
        ).fetchone()
        table = ENTITY_TABLES[ev.entity]
        _ensure_row(conn, table, ev)
        # Equal stamps (two windows of one device) are settled by event id, so every
        # workstation picks the same winner whatever the arrival order.
        if current is not None and (current[0], current[1]) >= (ev.hlc, ev.id):
            continue
        conn.execute(
            "INSERT INTO field_state(entity, entity_id, field, hlc, event_id)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(entity, entity_id, field)"
            " DO UPDATE SET hlc = excluded.hlc, event_id = excluded.event_id",
            (ev.entity, ev.entity_id, ev.field, ev.hlc, ev.id),
        )
        # Field and table names come from the whitelist in db.schema, never from input.
        conn.execute(
            f"UPDATE {table} SET {ev.field} = ? WHERE id = ?",
            (_column_value(ev.value), ev.entity_id),
        )
        if ev.entity == "customer" and ev.field == "phone":
            digits = phone_digits(str(ev.value or ""))
            conn.execute("UPDATE customers SET phone_digits = ? WHERE id = ?",
                         (digits, ev.entity_id))
    return applied


def phone_digits(text: str) -> str:
    """ASCII digits of a phone number in any format (full-width digits included)."""
    return "".join(str(d) for d in (unicodedata.decimal(ch, None) for ch in text)
                   if d is not None)


def _ensure_row(conn: sqlite3.Connection, table: str, ev: FieldEvent) -> None:
    if table == "cases":
        # The ref comes from the earliest event, whichever arrives first.
        conn.execute(
            "INSERT INTO cases(id, ref, created_at, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET"
            " ref = CASE WHEN excluded.created_at < created_at THEN excluded.ref ELSE ref END,"
            " created_at = min(created_at, excluded.created_at),"
            " updated_at = max(updated_at, excluded.updated_at)",
            (ev.entity_id, case_ref(ev.entity_id, ev.at), ev.at, ev.at),
        )
    else:
        conn.execute(
            f"INSERT INTO {table}(id, created_at, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET"
            " created_at = min(created_at, excluded.created_at),"
            " updated_at = max(updated_at, excluded.updated_at)",
            (ev.entity_id, ev.at, ev.at),
        )


def append_rows(conn: sqlite3.Connection, table: str, rows: Iterable[Mapping[str, Any]],
                *, outbox: bool = True) -> int:
    """Insert append-only rows (notes, checklist ticks, updates). Idempotent by id."""
    cols = APPEND_TABLES[table]
    sql = (f"INSERT INTO {table}({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
           " ON CONFLICT(id) DO NOTHING")
    inserted = 0
    for row in rows:
        cur = conn.execute(sql, tuple(row.get(c) for c in cols))
        if cur.rowcount:
            inserted += 1
            if outbox:
                _outbox(conn, table, str(row["id"]))
            if table != "checklist" and "case_id" in row:
                conn.execute("UPDATE cases SET updated_at = max(updated_at, ?) WHERE id = ?",
                             (row.get("created_at") or row.get("at"), row["case_id"]))
    return inserted


def save_draft(conn: sqlite3.Connection, case_id: str, body: str, at: str) -> None:
    if body:
        conn.execute(
            "INSERT INTO note_drafts(case_id, body, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(case_id) DO UPDATE SET body = excluded.body,"
            " updated_at = excluded.updated_at",
            (case_id, body, at),
        )
    else:
        conn.execute("DELETE FROM note_drafts WHERE case_id = ?", (case_id,))


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key)"
                 " DO UPDATE SET value = excluded.value", (key, value))


def event_from_row(row: Mapping[str, Any]) -> FieldEvent:
    """The event as stored in ``events`` (value JSON-encoded) back as a FieldEvent."""
    return FieldEvent(row["id"], row["entity"], row["entity_id"], row["field"],
                      json.loads(row["value"]), row["hlc"], row["device"], row["at"])
