"""Reading one call for the one-call review view in one trip to the database thread: the call,
its row of the calls list (desk.review's figures), its step marks, curve chunks, transcript,
marks and comments."""

from __future__ import annotations

import sqlite3
from typing import Any

from db import calls as qc
from db import review as qr
from db.queries import _rows


def review_row(conn: sqlite3.Connection, call_id: str) -> dict[str, Any] | None:
    """The call's row as the calls list reads it (case reference, customer, counts)."""
    rows = _rows(conn.execute(qr.CALLS_SQL + " AND c.id = ?", (call_id,)))
    return rows[0] if rows else None


def one_call(conn: sqlite3.Connection, call_id: str) -> dict[str, Any] | None:
    """Everything stored of one call (None if there is no such call): ``call``, ``review``,
    ``step_marks``, ``curve``, ``segments``, ``marks``, ``comments`` (rows, in the orders of
    db.calls and db.review)."""
    call = qc.get_call(conn, call_id)
    if call is None:
        return None
    return {"call": call, "review": review_row(conn, call_id),
            "step_marks": qr.step_marks(conn, [call_id]),
            "curve": qc.call_curve(conn, call_id), "segments": qc.call_segments(conn, call_id),
            "marks": qc.call_marks(conn, call_id), "comments": qc.call_comments(conn, call_id)}
