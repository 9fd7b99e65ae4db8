"""Local SQLite schema and its migrations.

The schema version lives in ``PRAGMA user_version``. Each migration is a function
that takes a :class:`sqlite_utils.Database` and moves it up by one version; all
of them run inside one transaction per step, so a failed upgrade leaves the old
database untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

# Columns of the materialised entity tables, derived from field events.
CUSTOMER_FIELDS = ("name", "phone", "id_number")
CASE_FIELDS = (
    "customer_id", "status", "stage", "category", "severity", "style", "complaint",
    "department", "owner", "solution_options", "solution", "action_flaw", "action_impact",
    "result", "satisfaction", "followup_date", "followup_done", "root_cause", "prevention",
    "resolved_at", "agent",
)
CALLBACK_FIELDS = ("case_id", "due_at", "note", "status", "done_at")
CALL_FIELDS = ("case_id", "started_at", "ended_at", "status", "duration", "agent",
               "model_name", "model_lang", "sources", "peak", "final")
ENTITY_TABLES = {"customer": "customers", "case": "cases", "callback": "callbacks",
                 "call": "calls"}
ENTITY_FIELDS = {"customer": CUSTOMER_FIELDS, "case": CASE_FIELDS, "callback": CALLBACK_FIELDS,
                 "call": CALL_FIELDS}


def _v1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("customers").create(
        {"id": str, "name": str, "phone": str, "phone_digits": str, "id_number": str,
         "created_at": str, "updated_at": str},
        pk="id",
    )
    db.table("customers").create_index(["phone_digits"])
    db.table("customers").create_index(["id_number"])
    db.table("cases").create(
        {"id": str, "ref": str, "created_at": str, "updated_at": str,
         "customer_id": str, "status": str, "stage": str, "category": str, "severity": str,
         "style": str, "complaint": str, "department": str, "owner": str,
         "solution_options": str, "solution": str, "action_flaw": str, "action_impact": str,
         "result": str, "satisfaction": int, "followup_date": str, "followup_done": int,
         "root_cause": str, "prevention": str, "resolved_at": str, "agent": str},
        pk="id",
    )
    # The case list filters by status or source and shows the newest first: these indexes
    # give it the first page without sorting the whole table.
    for cols in (["created_at"], ["updated_at"], ["status", "created_at"],
                 ["category", "created_at"], ["customer_id"]):
        db.table("cases").create_index(cols)
    # Follow-up visits still to do: a partial index, so years of done ones cost nothing.
    db.execute("CREATE INDEX idx_cases_followup_due ON cases(followup_date)"
               " WHERE followup_done IS NOT 1")
    db.table("callbacks").create(
        {"id": str, "case_id": str, "created_at": str, "updated_at": str, "due_at": str,
         "note": str, "status": str, "done_at": str},
        pk="id",
    )
    db.table("callbacks").create_index(["status", "due_at"])
    db.table("callbacks").create_index(["case_id", "status", "due_at"])
    # Field edits: the log from which the three tables above are derived.
    db.table("events").create(
        {"id": str, "entity": str, "entity_id": str, "field": str, "value": str,
         "hlc": str, "device": str, "at": str},
        pk="id",
    )
    db.table("events").create_index(["entity", "entity_id"])
    db.execute(
        "CREATE TABLE field_state (entity TEXT NOT NULL, entity_id TEXT NOT NULL,"
        " field TEXT NOT NULL, hlc TEXT NOT NULL, event_id TEXT NOT NULL,"
        " PRIMARY KEY (entity, entity_id, field)) WITHOUT ROWID"
    )
    # Append-only rows.
    db.table("notes").create(
        {"id": str, "case_id": str, "body": str, "created_at": str, "hlc": str,
         "device": str, "author": str},
        pk="id",
    )
    db.table("notes").create_index(["case_id", "created_at"])
    db.table("checklist").create(
        {"id": str, "case_id": str, "step": str, "done": int, "at": str, "source": str,
         "evidence": str, "hlc": str, "device": str},
        pk="id",
    )
    db.table("checklist").create_index(["case_id", "hlc"])
    db.table("updates").create(
        {"id": str, "case_id": str, "at": str, "channel": str, "body": str, "hlc": str,
         "device": str},
        pk="id",
    )
    db.table("updates").create_index(["case_id", "at"])
    # Local only: what is being typed right now (crash safety, never synced).
    db.table("note_drafts").create({"case_id": str, "body": str, "updated_at": str}, pk="case_id")
    # Outbox: written in the same transaction as the change it carries. It names the row
    # (the payload is read from the row itself when a batch is sent) and is deleted once the
    # server has acknowledged it, so it stays small on a desk that syncs.
    db.execute(
        "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " row_id TEXT NOT NULL)"
    )


def _v2(db: sqlite_utils.Database) -> None:
    """Full-text search. Trigram tokens find Chinese text, which has no spaces."""
    for table, cols in (
        ("cases", ["complaint", "result", "root_cause", "prevention", "action_flaw",
                   "action_impact", "ref"]),
        ("customers", ["name", "phone", "phone_digits", "id_number"]),
        ("notes", ["body"]),
    ):
        db.table(table).enable_fts(cols, tokenize="trigram", create_triggers=True, replace=True)
        db.table(f"{table}_fts").rebuild_fts()


def _v3(db: sqlite_utils.Database) -> None:
    """Calls: what the listening pipeline heard, stored with the case as it happens.

    ``calls`` is an entity (its fields change: ended_at, peak...) derived from field events
    like cases. The rest is append-only: the curve in chunks of about a second per channel
    (``data``: JSON columns t, score, band, contributions — one row per second instead of ten
    keeps a two-hour call at 14 400 rows), final transcript segments, and marks (cues, CLEAR
    steps heard or ticked, source and model statuses) at call time ``t``.
    """
    db.table("calls").create(
        {"id": str, "created_at": str, "updated_at": str, "case_id": str, "started_at": str,
         "ended_at": str, "status": str, "duration": float, "agent": str, "model_name": str,
         "model_lang": str, "sources": str, "peak": float, "final": float},
        pk="id",
    )
    db.table("calls").create_index(["case_id", "started_at"])
    db.table("calls").create_index(["started_at"])
    db.table("call_curve").create(
        {"id": str, "call_id": str, "channel": str, "t0": float, "t1": float, "data": str,
         "hlc": str, "device": str},
        pk="id",
    )
    db.table("call_curve").create_index(["call_id", "channel", "t0"])
    db.table("call_segments").create(
        {"id": str, "call_id": str, "channel": str, "start": float, "end": float, "text": str,
         "words": str, "lang": str, "hlc": str, "device": str},
        pk="id",
    )
    db.table("call_segments").create_index(["call_id", "start"])
    db.table("call_marks").create(
        {"id": str, "call_id": str, "channel": str, "t": float, "kind": str, "code": str,
         "text": str, "hlc": str, "device": str},
        pk="id",
    )
    db.table("call_marks").create_index(["call_id", "t"])


def _v4(db: sqlite_utils.Database) -> None:
    """Sync: outbox entries the server refused, kept with its reason (never silently lost)."""
    db.execute(
        "CREATE TABLE sync_rejected (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
        " row_id TEXT NOT NULL, code TEXT NOT NULL, detail TEXT NOT NULL, at TEXT NOT NULL)"
    )


FTS_COLUMNS = {
    "cases": ("complaint", "result", "root_cause", "prevention", "action_flaw",
              "action_impact", "ref"),
    "customers": ("name", "phone", "phone_digits", "id_number"),
    "notes": ("body",),
}


def _v5(db: sqlite_utils.Database) -> None:
    """Full-text index upkeep only when an indexed column changes: the update triggers made in
    v2 re-indexed a case on every field edit (status, owner, updated_at...), which was most of
    the cost of applying a pulled page."""
    for table, cols in FTS_COLUMNS.items():
        name = f"{table}_au"
        row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                         [name]).fetchone()
        if row is None:
            continue
        old = f'AFTER UPDATE ON "{table}"'
        if old not in row[0]:
            raise RuntimeError(f"unexpected trigger {name}: {row[0][:80]}")
        columns = ", ".join(f'"{c}"' for c in cols)
        db.execute(f'DROP TRIGGER "{name}"')
        db.execute(row[0].replace(old, f'AFTER UPDATE OF {columns} ON "{table}"', 1))


def _v6(db: sqlite_utils.Database) -> None:
    """Review: comments a supervisor (or the agent) pins to a moment ``t`` of a call, and an
    index for searching the transcripts.

    Append-only and in the call's sync scope, so a supervisor's comment reaches the agent whose
    call it is."""
    db.table("call_comments").create(
        {"id": str, "call_id": str, "t": float, "body": str, "author": str, "created_at": str,
         "hlc": str, "device": str},
        pk="id",
    )
    db.table("call_comments").create_index(["call_id", "t"])
    # Searching the transcripts reads this (call and text only) instead of the segments with
    # their word timings, a sixth of the bytes.
    db.table("call_segments").create_index(["call_id", "text"], index_name="call_segments_text")
    # A workstation of an older version skipped the comments it pulled (a kind it did not
    # know) and moved its cursor past them: read the server's log again from the start
    # (what is here already is applied again as a no-op).
    db.execute("UPDATE meta SET value = '' WHERE key = 'sync_cursor'")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2, _v3, _v4, _v5, _v6]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Upgrade ``conn`` to ``target``. Returns the version it started from."""
    start = schema_version(conn)
    db = sqlite_utils.Database(conn)
    for version in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](db)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
