"""Reading calls for review: one row per call with what the calls list shows, and the CLEAR
step marks from which the steps done (and their order) are worked out in desk.review."""

from __future__ import annotations

import sqlite3
from typing import Any

from db.queries import _rows

STEP_KINDS = ("step", "step_manual", "step_undone")

CALLS_SQL = """
SELECT c.id, c.case_id, c.started_at, c.ended_at, c.status, c.duration, c.agent, c.peak,
       c.final, ca.category, ca.ref AS case_ref, cu.name AS customer_name,
       (SELECT count(*) FROM call_marks m WHERE m.call_id = c.id AND m.kind = 'trap') AS traps,
       (SELECT count(*) FROM call_marks m
         WHERE m.call_id = c.id AND m.kind = 'escalation') AS escalations,
       (SELECT count(*) FROM call_marks m
         WHERE m.call_id = c.id AND m.kind = 'interruption') AS interruptions
FROM calls c
LEFT JOIN cases ca ON ca.id = c.case_id
LEFT JOIN customers cu ON cu.id = ca.customer_id
WHERE c.started_at IS NOT NULL
"""


def like_pattern(text: str) -> str:
    """``text`` as a LIKE pattern matching it anywhere (its own % and _ taken literally)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def review_calls(conn: sqlite3.Connection, started_from: str | None = None,
                 started_to: str | None = None, agent: str | None = None,
                 category: str | None = None, text: str | None = None
                 ) -> list[dict[str, Any]]:
    """Calls started in [from, to) (ISO UTC), of an agent and a case category if given, and
    whose transcript, customer name or case reference holds ``text``."""
    sql, args = CALLS_SQL, []
    for clause, value in ((" AND c.started_at >= ?", started_from),
                          (" AND c.started_at < ?", started_to),
                          (" AND c.agent = ?", agent), (" AND ca.category = ?", category)):
        if value is not None:
            sql += clause
            args.append(value)
    if text:
        like = "LIKE ? ESCAPE '\\'"
        # EXISTS per call stops at its first matching line (call_segments_text covers it).
        sql += (f" AND (cu.name {like} OR ca.ref {like} OR EXISTS (SELECT 1 FROM"
                f" call_segments s WHERE s.call_id = c.id AND s.text {like}))")
        args += [like_pattern(text)] * 3
    return _rows(conn.execute(sql + " ORDER BY c.started_at DESC, c.id", args))


def step_marks(conn: sqlite3.Connection, call_ids: list[str]) -> list[dict[str, Any]]:
    """CLEAR step marks (heard, ticked, unticked) of these calls, in call time order."""
    out: list[dict[str, Any]] = []
    for start in range(0, len(call_ids), 500):
        chunk = call_ids[start:start + 500]
        out += _rows(conn.execute(
            "SELECT call_id, t, kind, code FROM call_marks"
            f" WHERE call_id IN ({', '.join('?' * len(chunk))})"
            f" AND kind IN ({', '.join('?' * len(STEP_KINDS))}) ORDER BY call_id, t, id",
            [*chunk, *STEP_KINDS]))
    return out


def call_agents(conn: sqlite3.Connection) -> list[str]:
    """The names of the agents with calls here, in order."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT agent FROM calls WHERE agent IS NOT NULL AND agent != '' ORDER BY 1")]
