"""Reading calls back: the calls of a case, one call's curve, transcript and marks.

Writing goes through db.events (field events for ``calls``, append rows for the rest).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from db.queries import _rows


def get_call(conn: sqlite3.Connection, call_id: str) -> dict[str, Any] | None:
    rows = _rows(conn.execute("SELECT * FROM calls WHERE id = ?", (call_id,)))
    return rows[0] if rows else None


def case_calls(conn: sqlite3.Connection, case_id: str) -> list[dict[str, Any]]:
    return _rows(conn.execute(
        "SELECT * FROM calls WHERE case_id = ? ORDER BY started_at, id", (case_id,)))


def unfinished_calls(conn: sqlite3.Connection, device: str) -> list[dict[str, Any]]:
    """Calls started on ``device`` that were live when the app last stopped (no end recorded),
    with the call time of the last thing stored for each. A call synced from another
    workstation may be live there right now: it is not ours to close."""
    return _rows(conn.execute(
        "SELECT c.*, max(coalesce((SELECT max(t1) FROM call_curve WHERE call_id = c.id), 0),"
        " coalesce((SELECT max(\"end\") FROM call_segments WHERE call_id = c.id), 0),"
        " coalesce((SELECT max(t) FROM call_marks WHERE call_id = c.id), 0)) AS last_t"
        " FROM calls c WHERE c.status = 'live' AND EXISTS (SELECT 1 FROM events e"
        "  WHERE e.entity = 'call' AND e.entity_id = c.id AND e.field = 'started_at'"
        "    AND e.device = ?)", (device,)))


def call_curve(conn: sqlite3.Connection, call_id: str) -> list[dict[str, Any]]:
    return _rows(conn.execute(
        "SELECT channel, t0, t1, data FROM call_curve WHERE call_id = ? ORDER BY channel, t0",
        (call_id,)))


def call_segments(conn: sqlite3.Connection, call_id: str) -> list[dict[str, Any]]:
    return _rows(conn.execute(
        "SELECT channel, start, \"end\", text, words, lang FROM call_segments"
        " WHERE call_id = ? ORDER BY start, channel, id", (call_id,)))


def call_marks(conn: sqlite3.Connection, call_id: str) -> list[dict[str, Any]]:
    return _rows(conn.execute(
        "SELECT channel, t, kind, code, text FROM call_marks WHERE call_id = ? ORDER BY t, id",
        (call_id,)))


COMMENT_COLUMNS = "cc.id, cc.call_id, cc.t, cc.body, cc.author, cc.created_at, cc.hlc, cc.device"


def call_comments(conn: sqlite3.Connection, call_id: str) -> list[dict[str, Any]]:
    """A call's comments in call time order (then as written)."""
    return _rows(conn.execute(
        f"SELECT {COMMENT_COLUMNS} FROM call_comments cc WHERE cc.call_id = ?"
        " ORDER BY cc.t, cc.hlc, cc.id", (call_id,)))


def comments_received(conn: sqlite3.Connection, agent: str, after_seq: int = 0,
                      limit: int = 200) -> list[dict[str, Any]]:
    """Comments others wrote on ``agent``'s calls that arrived here after ``after_seq`` (the
    table's rowid: the order they were stored in, not their clocks), the last to arrive first;
    with the call's start and its case's reference."""
    return _rows(conn.execute(
        f"SELECT {COMMENT_COLUMNS}, cc.rowid AS seq, c.started_at, c.case_id,"
        " ca.ref AS case_ref"
        " FROM call_comments cc JOIN calls c ON c.id = cc.call_id"
        " LEFT JOIN cases ca ON ca.id = c.case_id"
        " WHERE c.agent = ? AND cc.author != ? AND cc.rowid > ?"
        " ORDER BY cc.rowid DESC LIMIT ?", (agent, agent, after_seq, limit)))
