"""Reading: cases, customers, the case list with search and filters, callbacks."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from db.events import phone_digits

SORTS = {
    "created_desc": "c.created_at DESC",
    "created_asc": "c.created_at ASC",
    "updated_desc": "c.updated_at DESC",
    "severity_desc": ("CASE c.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3"
                      " WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END DESC,"
                      " c.created_at DESC"),
    "callback_asc": "next_callback IS NULL, next_callback ASC, c.created_at DESC",
}

CASE_SUMMARY_SQL = """
SELECT c.id, c.ref, c.created_at, c.updated_at, c.status, c.stage, c.category, c.severity,
       c.complaint, c.followup_date, c.customer_id, cu.name AS customer_name,
       cu.phone AS customer_phone,
       (SELECT min(due_at) FROM callbacks cb
         WHERE cb.case_id = c.id AND cb.status = 'open') AS next_callback
FROM cases c LEFT JOIN customers cu ON cu.id = c.customer_id
"""


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""
    status: str | None = None
    category: str | None = None
    created_from: str | None = None  # ISO UTC, inclusive
    created_to: str | None = None  # ISO UTC, exclusive
    overdue_at: str | None = None  # only cases with an open callback due before this
    customer_id: str | None = None
    sort: str = "created_desc"
    limit: int = 500


def _rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def fts_phrase(text: str) -> str:
    """A safe FTS5 query: every whitespace-separated term as a quoted phrase, ANDed."""
    terms = [t for t in text.split() if t]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


PHONE_PUNCTUATION = frozenset("+-–.()（）－＋ \u3000")


def _phone_search(text: str) -> str | None:
    """The digits to look for when ``text`` is a phone number in any format, else None."""
    if any(ch not in PHONE_PUNCTUATION and not ch.isdecimal() for ch in text):
        return None
    digits = phone_digits(text)
    return digits[-11:] if len(digits) >= 7 else None


# Above this many full-text hits, walking the cases newest first and stopping at the page
# size beats fetching and sorting every hit.
MANY_HITS = 2000


def _fts_hits(conn: sqlite3.Connection, q: str) -> int:
    return sum(int(conn.execute(f"SELECT count(*) FROM {t} WHERE {t} MATCH ?", (q,))
                   .fetchone()[0]) for t in ("cases_fts", "customers_fts", "notes_fts"))


def _text_match(conn: sqlite3.Connection, text: str, params: list[Any]) -> str:
    """SQL matching ``text`` in cases, customers and notes: every term somewhere (AND)."""
    text = _phone_search(text) or text
    clauses = []
    for t in (t for t in text.split() if t):
        if len(t) >= 3:
            q = fts_phrase(t)
            params.extend([q, q, q])
            # "+c.id" keeps the planner from driving the query by the hit list.
            column = "+c.id" if _fts_hits(conn, q) > MANY_HITS else "c.id"
            clauses.append(
                f"{column} IN (SELECT rowid_case FROM ("
                " SELECT cases.id AS rowid_case FROM cases_fts"
                "  JOIN cases ON cases.rowid = cases_fts.rowid WHERE cases_fts MATCH ?"
                " UNION SELECT cases.id FROM customers_fts"
                "  JOIN customers ON customers.rowid = customers_fts.rowid"
                "  JOIN cases ON cases.customer_id = customers.id WHERE customers_fts MATCH ?"
                " UNION SELECT notes.case_id FROM notes_fts"
                "  JOIN notes ON notes.rowid = notes_fts.rowid WHERE notes_fts MATCH ?))"
            )
            continue
        # Trigrams cannot match one or two characters (common in Chinese): scan instead.
        like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            "(c.complaint LIKE ? ESCAPE '\\' OR c.ref LIKE ? ESCAPE '\\'"
            " OR cu.name LIKE ? ESCAPE '\\' OR cu.phone_digits LIKE ? ESCAPE '\\'"
            " OR c.id IN (SELECT case_id FROM notes WHERE body LIKE ? ESCAPE '\\'))"
        )
        params.extend([like] * 5)
    return " AND ".join(clauses)


def list_cases(conn: sqlite3.Connection, f: CaseFilter) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.text.strip():
        where.append(_text_match(conn, f.text.strip(), params))
    for value, clause in (
        (f.status, "c.status = ?"),
        (f.category, "c.category = ?"),
        (f.created_from, "c.created_at >= ?"),
        (f.created_to, "c.created_at < ?"),
        (f.customer_id, "c.customer_id = ?"),
        (f.overdue_at, "c.id IN (SELECT case_id FROM callbacks"
                       " WHERE status = 'open' AND due_at < ?)"),
    ):
        if value:
            where.append(clause)
            params.append(value)
    sql = CASE_SUMMARY_SQL
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {SORTS.get(f.sort, SORTS['created_desc'])} LIMIT ?"
    params.append(max(1, int(f.limit)))
    return _rows(conn.execute(sql, params))


def get_case(conn: sqlite3.Connection, case_id: str) -> dict[str, Any] | None:
    rows = _rows(conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)))
    return rows[0] if rows else None


def get_customer(conn: sqlite3.Connection, customer_id: str) -> dict[str, Any] | None:
    rows = _rows(conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)))
    return rows[0] if rows else None


def find_customers(conn: sqlite3.Connection, *, phone_digits: str = "",
                   id_number: str = "", limit: int = 20) -> list[dict[str, Any]]:
    """Customers whose phone ends with ``phone_digits`` (7+ digits) or whose id matches."""
    clauses, params = [], []
    if len(phone_digits) >= 7:
        clauses.append("phone_digits LIKE ?")
        params.append("%" + phone_digits[-11:])
    if id_number:
        clauses.append("upper(id_number) = upper(?)")
        params.append(id_number)
    if not clauses:
        return []
    sql = f"SELECT * FROM customers WHERE {' OR '.join(clauses)} ORDER BY updated_at DESC LIMIT ?"
    return _rows(conn.execute(sql, [*params, limit]))


def case_rows(conn: sqlite3.Connection, table: str, case_id: str) -> list[dict[str, Any]]:
    order = {"notes": "created_at, hlc", "checklist": "hlc", "updates": "at, hlc",
             "callbacks": "created_at"}[table]
    return _rows(conn.execute(f"SELECT * FROM {table} WHERE case_id = ? ORDER BY {order}",
                              (case_id,)))


def open_callbacks(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn.execute(
        "SELECT cb.*, c.ref AS case_ref, cu.name AS customer_name, cu.phone AS customer_phone"
        " FROM callbacks cb JOIN cases c ON c.id = cb.case_id"
        " LEFT JOIN customers cu ON cu.id = c.customer_id"
        " WHERE cb.status = 'open' ORDER BY cb.due_at"))


def followups_due(conn: sqlite3.Connection, day: str, limit: int = 500) -> list[dict[str, Any]]:
    """Cases whose follow-up visit (回访) is due on or before ``day`` and not done."""
    return _rows(conn.execute(
        CASE_SUMMARY_SQL + " WHERE c.followup_done IS NOT 1 AND c.followup_date != ''"
        " AND c.followup_date <= ? ORDER BY c.followup_date, c.created_at LIMIT ?",
        (day, limit)))


def draft(conn: sqlite3.Connection, case_id: str) -> dict[str, Any] | None:
    rows = _rows(conn.execute("SELECT * FROM note_drafts WHERE case_id = ?", (case_id,)))
    return rows[0] if rows else None


def all_drafts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn.execute("SELECT * FROM note_drafts ORDER BY updated_at"))


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def field_history(conn: sqlite3.Connection, entity: str, entity_id: str) -> list[dict[str, Any]]:
    return _rows(conn.execute(
        "SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY hlc",
        (entity, entity_id)))


HLC_TABLES = ("events", "checklist")
# A well-formed stamp: 13 digits of milliseconds, 5 of counter, a device (db.clock).
_HLC_GLOB = "[0-9]" * 13 + "-[0-9][0-9][0-9][0-9][0-9]-?*"
_HLC_FORM = re.compile(r"[0-9]{13}-[0-9]{5}-.+")


def hlc_since(conn: sqlite3.Connection, table: str, after_rowid: int,
              below: str) -> tuple[int | None, str | None, str | None]:
    """The clock stamps of ``table`` (events or checklist) in rows stored after
    ``after_rowid``: (the last rowid, the largest well-formed stamp below ``below``, the
    largest at or above it). One statement, so the three agree."""
    if table not in HLC_TABLES:
        raise ValueError(f"no clock stamps in {table!r}")
    sql = ("SELECT max(rowid), max(CASE WHEN hlc < :below{also} THEN hlc END),"
           " max(CASE WHEN hlc >= :below AND hlc GLOB :glob THEN hlc END)"
           f" FROM {table} WHERE rowid > :after")
    args = {"glob": _HLC_GLOB, "below": below, "after": after_rowid}
    # GLOB on every row costs 4x the scan (a first start reads ~2 million events): check
    # the largest only, and only if it is damaged ask again checking each.
    row = conn.execute(sql.format(also=""), args).fetchone()
    if row[1] is not None and not _HLC_FORM.fullmatch(row[1]):
        row = conn.execute(sql.format(also=" AND hlc GLOB :glob"), args).fetchone()
    return (None if row[0] is None else int(row[0]), row[1], row[2])
