"""The sync queue as the window sees it: how much is waiting, what the server refused, and
sending the refused changes again (after the server or the account was fixed).

Each function runs on the caller's thread and waits for the Store's database thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db import outbox
from db.events import transaction
from desk.store import Store


@dataclass(frozen=True)
class Refused:
    kind: str  # "event" (a case field) or a table of rows: notes, checklist, ...
    row_id: str
    code: str  # the server's reason
    detail: str
    at: str  # ISO time it was refused


def counts(store: Store) -> tuple[int, int]:
    """(changes waiting to be sent, changes the server refused)."""

    def read(conn: Any) -> tuple[int, int]:
        return outbox.pending_count(conn), outbox.rejected_count(conn)

    return store.call(read)


def rejected(store: Store) -> list[Refused]:
    return [Refused(r["kind"], r["row_id"], r["code"], r["detail"], r["at"])
            for r in store.call(outbox.rejected)]


def requeue(store: Store) -> int:
    """Put every refused change back in the queue; returns how many."""

    def write(conn: Any) -> int:
        with transaction(conn):
            return outbox.requeue_rejected(conn)

    return store.call(write)
