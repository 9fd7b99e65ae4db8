"""Comments pinned to a moment of a call: a supervisor's coaching, or the agent's own remark.

A comment is an append-only row in the call's sync scope, so a supervisor's comment on an
agent's call reaches that agent's workstations at the next pull. "Received" comments are the
ones others wrote on this agent's calls; the newest one read is remembered locally.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db import calls as qc
from db.events import append_rows, set_meta, transaction
from db.queries import get_meta
from desk.cases import CaseError, CaseService, _check_text
from desk.sync.protocol import MAX_CALL_S, MAX_COMMENT
from desk.timeutil import now_iso

SEEN_KEY = "comments_seen_seq"  # the local arrival number of the newest comment read


@dataclass(frozen=True)
class Comment:
    id: str
    call_id: str
    t: float  # call time (s) the comment is pinned to
    body: str
    author: str
    created_at: str
    hlc: str = ""
    case_id: str = ""  # filled for received comments
    case_ref: str = ""
    call_started_at: str = ""
    seq: int = 0  # local arrival order (SQLite rowid): comments sync in any clock order

    @staticmethod
    def from_row(row: dict[str, Any]) -> Comment:
        return Comment(row["id"], row["call_id"], float(row["t"] or 0), row["body"] or "",
                       row["author"] or "", row["created_at"] or "", row["hlc"] or "",
                       row.get("case_id") or "", row.get("case_ref") or "",
                       row.get("started_at") or "", int(row.get("seq") or 0))


class CommentService:
    """Comments on calls, written as ``cases.agent`` (the signed-in account's name)."""

    def __init__(self, cases: CaseService) -> None:
        self.cases = cases
        self.store = cases.store

    @property
    def author(self) -> str:
        return self.cases.agent

    def add(self, call_id: str, t: float, body: str) -> Comment:
        """Pin ``body`` to call time ``t`` of ``call_id``. CaseError: empty, too_long,
        bad_value (broken characters, a time that is not a call time), no_call, readonly."""
        self.cases._guard()
        body = body.strip()
        if not body:
            raise CaseError("empty", "a comment needs some text")
        if len(body) > MAX_COMMENT:
            raise CaseError("too_long", f"{len(body)} characters")
        _check_text(body)
        if not (t == t and 0 <= t < MAX_CALL_S):  # NaN or a time no call reaches
            raise CaseError("bad_value", f"call time {t!r}")
        row = {"id": self.store.clock_id(), "call_id": call_id, "t": round(float(t), 2),
               "body": body, "author": self.author, "created_at": now_iso(),
               "hlc": self.store.clock.now(), "device": self.store.device}

        def write(conn: Any) -> None:
            with transaction(conn):
                if qc.get_call(conn, call_id) is None:
                    raise CaseError("no_call", call_id)
                append_rows(conn, "call_comments", [row])

        self.store.call(write)
        return Comment.from_row(row)

    def comments(self, call_id: str) -> list[Comment]:
        return [Comment.from_row(r) for r in self.store.call(qc.call_comments, call_id)]

    def received(self, unread_only: bool = False, limit: int = 200) -> list[Comment]:
        """Comments others wrote on this agent's calls, newest first."""
        if not self.author:
            return []

        def run(conn: Any) -> list[dict[str, Any]]:
            seen = get_meta(conn, SEEN_KEY) or "0"
            after = int(seen) if unread_only and seen.isdigit() else 0
            return qc.comments_received(conn, self.author, after, limit)

        return [Comment.from_row(r) for r in self.store.call(run)]

    def mark_read(self, comments: list[Comment]) -> None:
        """Remember the last to arrive of ``comments`` as read (those that arrived before it
        count as read too; one pulled later is new, whatever its clock)."""
        newest = max((c.seq for c in comments), default=0)
        if not newest or self.store.readonly:
            return

        def write(conn: Any) -> None:
            with transaction(conn):
                seen = get_meta(conn, SEEN_KEY) or "0"
                if newest > (int(seen) if seen.isdigit() else 0):
                    set_meta(conn, SEEN_KEY, str(newest))

        self.store.call(write)
