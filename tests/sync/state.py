"""Comparing workstations with each other and with the server, for the sync tests.

``local_state(store)`` is everything that syncs, as a workstation derived it: the entity
tables (cases, customers, callbacks, calls: last writer per field), every field event (the
history) and every append-only row — without local-only columns such as ``updated_at`` or FTS.
Two workstations that have converged give equal states.

``server_ids(db_url)`` lists the ids in the central log, with how many times each appears.
"""

from __future__ import annotations

import collections
from typing import Any

import psycopg

from db.events import APPEND_TABLES, EVENT_COLUMNS
from db.schema import ENTITY_FIELDS, ENTITY_TABLES
from desk.store import Store


def _dump(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    state: dict[str, list[tuple[Any, ...]]] = {}
    for entity, table in ENTITY_TABLES.items():
        cols = ("id", *ENTITY_FIELDS[entity])
        quoted = ", ".join(f'"{c}"' for c in cols)
        state[table] = [tuple(r) for r in conn.execute(
            f"SELECT {quoted} FROM {table} ORDER BY id").fetchall()]
    state["events"] = [tuple(r) for r in conn.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY id").fetchall()]
    for table, cols in APPEND_TABLES.items():
        quoted = ", ".join(f'"{c}"' for c in cols)
        state[table] = [tuple(r) for r in conn.execute(
            f"SELECT {quoted} FROM {table} ORDER BY id").fetchall()]
    return state


def local_state(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return store.call(_dump)


def local_ids(store: Store) -> set[str]:
    """Ids of every row that syncs (field events and append-only rows)."""
    state = local_state(store)
    ids = {r[0] for r in state["events"]}
    for table in APPEND_TABLES:
        ids.update(r[0] for r in state[table])
    return ids


def pending(store: Store) -> int:
    return int(store.call(lambda conn: conn.execute("SELECT count(*) FROM outbox").fetchone()[0]))


def server_ids(admin_url: str) -> collections.Counter[str]:
    """Every id in the central log with its count (connect as a superuser: RLS is forced)."""
    with psycopg.connect(admin_url) as conn:
        rows = conn.execute("SELECT id::text FROM changes").fetchall()
    return collections.Counter(r[0] for r in rows)


def diff(a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]) -> str:
    """A short description of how two states differ ("" when equal)."""
    lines = []
    for table in sorted(set(a) | set(b)):
        ra, rb = set(a.get(table, [])), set(b.get(table, []))
        if ra != rb:
            lines.append(f"{table}: only in first {sorted(ra - rb)[:3]}, "
                         f"only in second {sorted(rb - ra)[:3]}")
    return "\n".join(lines)
