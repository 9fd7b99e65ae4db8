"""Reading for the periodic complaint analysis (定期检讨) and the morning-meeting digest.

Periods are half-open ranges of ISO-8601 UTC strings ``[from, to)`` as everywhere else; days
(follow-up dates) are ``YYYY-MM-DD`` local calendar days. Long texts are cut here (``substr``)
so that a 10 MB paste in a root cause costs nothing beyond its first ``max_chars``. An ``agent``
filter means the case's agent (who opened it); calls have their own agent.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from db.queries import _rows

# Fields whose time of writing matters to the analysis: the time comes from the winning field
# event (db.events: last writer per field), so "rated in the period" means rated then.
WRITTEN_FIELDS = ("root_cause", "prevention", "satisfaction", "followup_done")
MARK_KINDS = ("trap", "escalation", "interruption")


def _agent(sql: str, args: list[Any], agent: str | None, column: str = "c.agent") -> str:
    if agent is not None:
        args.append(agent)
        return sql + f" AND {column} = ?"
    return sql


def period_cases(conn: sqlite3.Connection, created_from: str, created_to: str,
                 agent: str | None = None) -> list[dict[str, Any]]:
    """Cases opened in ``[created_from, created_to)``, oldest first."""
    args: list[Any] = [created_from, created_to]
    sql = _agent(
        "SELECT c.id, c.ref, c.created_at, c.resolved_at, c.status, c.category, c.customer_id,"
        " cu.name AS customer_name, c.satisfaction, c.followup_date, c.followup_done, c.agent"
        " FROM cases c LEFT JOIN customers cu ON cu.id = c.customer_id"
        " WHERE c.created_at >= ? AND c.created_at < ?", args, agent)
    return _rows(conn.execute(sql + " ORDER BY c.created_at, c.id", args))


def fields_written(conn: sqlite3.Connection, written_from: str, written_to: str,
                   agent: str | None = None, max_chars: int = 2000) -> list[dict[str, Any]]:
    """Root causes, preventive measures, satisfaction ratings and follow-ups done whose current
    value was written in ``[written_from, written_to)``, on any case: one row per case and
    field, with the case's ref and category, the time written (``written_at``) and the value;
    texts are cut to about ``max_chars`` (``cut``: True when something was left off)."""
    fields = ", ".join("?" * len(WRITTEN_FIELDS))
    max_bytes = 4 * max_chars
    args: list[Any] = [max_bytes, max_bytes, *WRITTEN_FIELDS, written_from, written_from,
                       written_to]
    # Texts are cut as bytes: SQLite's own substr() and length() stop at a NUL character.
    # updated_at is at least the time of every event applied to the case: a correct prefilter.
    sql = _agent(
        "SELECT c.id, c.ref, c.category, c.agent, c.customer_id, fs.field, e.at AS written_at,"
        " CASE fs.field WHEN 'root_cause' THEN substr(CAST(c.root_cause AS BLOB), 1, ?)"
        "  WHEN 'prevention' THEN substr(CAST(c.prevention AS BLOB), 1, ?)"
        "  WHEN 'satisfaction' THEN c.satisfaction ELSE c.followup_done END AS value,"
        " CASE fs.field WHEN 'root_cause' THEN length(CAST(c.root_cause AS BLOB))"
        "  WHEN 'prevention' THEN length(CAST(c.prevention AS BLOB)) ELSE 0 END AS bytes"
        # CROSS JOIN: the recently updated cases drive (the planner would rather walk every
        # case's field states).
        " FROM cases c"
        " CROSS JOIN field_state fs ON fs.entity = 'case' AND fs.entity_id = c.id"
        f"  AND fs.field IN ({fields})"
        " CROSS JOIN events e ON e.id = fs.event_id"
        " WHERE c.updated_at >= ? AND e.at >= ? AND e.at < ?", args, agent)
    rows = _rows(conn.execute(sql + " ORDER BY e.at DESC, c.id, fs.field", args))
    for row in rows:
        value, full = row["value"], row.pop("bytes") or 0
        row["cut"] = isinstance(value, bytes) and full > len(value)
        if isinstance(value, bytes):  # a character cut in two at the end is left off
            row["value"] = value.decode("utf-8", "ignore")
    return rows


CALLBACK_COLUMNS = (
    "SELECT cb.id, cb.case_id, cb.due_at, cb.status, cb.done_at, cb.created_at,"
    " substr(cb.note, 1, 200) AS note, c.ref AS case_ref, c.category, c.agent,"
    " cu.name AS customer_name"
    " FROM callbacks cb LEFT JOIN cases c ON c.id = cb.case_id"
    " LEFT JOIN customers cu ON cu.id = c.customer_id")


def callbacks_due(conn: sqlite3.Connection, due_from: str, due_to: str,
                  agent: str | None = None) -> list[dict[str, Any]]:
    """Callback promises due in ``[due_from, due_to)``, whatever their status, by due time."""
    args: list[Any] = [due_from, due_to]
    sql = _agent(CALLBACK_COLUMNS + " WHERE cb.due_at >= ? AND cb.due_at < ?", args, agent)
    return _rows(conn.execute(sql + " ORDER BY cb.due_at, cb.id", args))


def overdue_callbacks(conn: sqlite3.Connection, now: str, agent: str | None = None,
                      limit: int = 10) -> tuple[int, list[dict[str, Any]]]:
    """Callbacks still open whose time has passed at ``now``: (how many, the oldest ``limit``)."""
    args: list[Any] = [now]
    where = _agent(" WHERE cb.status = 'open' AND cb.due_at < ?", args, agent)
    count = int(conn.execute(
        "SELECT count(*) FROM callbacks cb LEFT JOIN cases c ON c.id = cb.case_id" + where,
        args).fetchone()[0])
    rows = _rows(conn.execute(CALLBACK_COLUMNS + where + " ORDER BY cb.due_at, cb.id LIMIT ?",
                              [*args, max(0, limit)]))
    return count, rows


def open_cases(conn: sqlite3.Connection, agent: str | None = None) -> int:
    """Cases open now (the backlog), whenever they were opened."""
    args: list[Any] = []
    sql = _agent("SELECT count(*) FROM cases c WHERE c.status = 'open'", args, agent)
    return int(conn.execute(sql, args).fetchone()[0])


def followups(conn: sqlite3.Connection, day_from: str, day_to: str, today: str,
              agent: str | None = None) -> dict[str, int]:
    """Follow-up visits (回访): ``due`` with a date in ``[day_from, day_to)`` and how many of
    them are ``done``; ``overdue``: dated before ``today`` and not done, whenever."""
    args: list[Any] = [day_from, day_to]
    sql = _agent("SELECT count(*), coalesce(sum(c.followup_done = 1), 0) FROM cases c"
                 " WHERE c.followup_date >= ? AND c.followup_date < ?", args, agent)
    due, done = conn.execute(sql, args).fetchone()
    args = [today]
    sql = _agent("SELECT count(*) FROM cases c WHERE c.followup_done IS NOT 1"
                 " AND c.followup_date != '' AND c.followup_date < ?", args, agent)
    overdue = conn.execute(sql, args).fetchone()[0]
    return {"due": int(due), "done": int(done), "overdue": int(overdue)}


def customer_cases(conn: sqlite3.Connection, period_from: str, period_to: str,
                   window_from: str, agent: str | None = None) -> list[dict[str, Any]]:
    """For every customer with a case opened in ``[period_from, period_to)`` (of ``agent`` if
    given): all their cases opened in ``[window_from, period_to)`` (any agent's), grouped by
    customer, oldest first. Repeat customers are those with two or more."""
    args: list[Any] = [period_from, period_to]
    inner = _agent("SELECT customer_id FROM cases c WHERE c.created_at >= ?"
                   " AND c.created_at < ? AND c.customer_id IS NOT NULL"
                   " AND c.customer_id != ''", args, agent)
    args += [window_from, period_to]
    return _rows(conn.execute(
        "SELECT c.customer_id, cu.name AS customer_name, c.id, c.ref, c.category,"
        " c.created_at, c.agent FROM cases c LEFT JOIN customers cu ON cu.id = c.customer_id"
        f" WHERE c.customer_id IN ({inner}) AND c.created_at >= ? AND c.created_at < ?"
        " ORDER BY c.customer_id, c.created_at, c.id", args))


def mark_counts(conn: sqlite3.Connection, started_from: str, started_to: str,
                agent: str | None = None) -> list[dict[str, Any]]:
    """Traps, escalation cues and interruptions in the calls started in the period, by kind and
    code, the most frequent first."""
    kinds = ", ".join("?" * len(MARK_KINDS))
    args: list[Any] = [started_from, started_to, *MARK_KINDS]
    sql = _agent("SELECT m.kind, m.code, count(*) AS n FROM calls c"
                 " JOIN call_marks m ON m.call_id = c.id"
                 f" WHERE c.started_at >= ? AND c.started_at < ? AND m.kind IN ({kinds})",
                 args, agent)
    return _rows(conn.execute(sql + " GROUP BY m.kind, m.code ORDER BY n DESC, m.kind, m.code",
                              args))


def followups_by_agent(conn: sqlite3.Connection, day_from: str,
                       day_to: str) -> list[dict[str, Any]]:
    """Per case agent: follow-up visits dated in ``[day_from, day_to)`` and how many are done."""
    return _rows(conn.execute(
        "SELECT coalesce(c.agent, '') AS agent, count(*) AS due,"
        " coalesce(sum(c.followup_done = 1), 0) AS done FROM cases c"
        " WHERE c.followup_date >= ? AND c.followup_date < ? GROUP BY 1", (day_from, day_to)))


def lesson_texts(conn: sqlite3.Connection, case_ids: list[str],
                 max_chars: int = 2000) -> dict[str, dict[str, Any]]:
    """The current root cause and preventive measure of these cases (cut to about
    ``max_chars``, as fields_written cuts them), by case id."""
    out: dict[str, dict[str, Any]] = {}
    max_bytes = 4 * max_chars
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start:start + 500]
        for row in _rows(conn.execute(
                "SELECT id, substr(CAST(root_cause AS BLOB), 1, ?) AS root_cause,"
                " length(CAST(root_cause AS BLOB)) AS root_bytes,"
                " substr(CAST(prevention AS BLOB), 1, ?) AS prevention,"
                " length(CAST(prevention AS BLOB)) AS prevention_bytes"
                f" FROM cases WHERE id IN ({', '.join('?' * len(chunk))})",
                [max_bytes, max_bytes, *chunk])):
            texts = {}
            for field in ("root_cause", "prevention"):
                value = row[field] or b""
                full = row[f"{'root' if field == 'root_cause' else field}_bytes"] or 0
                text = value.decode("utf-8", "ignore") if isinstance(value, bytes) else value
                texts[field] = (str(text), full > len(value))
            out[row["id"]] = texts
    return out
