"""The sync wire format, shared by the workstation and ``cleardesk serve``.

A *change* is one outbox entry as it travels: ``{"kind": ..., "row": {...}}``.

- ``kind == "event"``: a field edit, ``row`` has the columns of the local ``events`` table with
  ``value`` as JSON (not a JSON string).
- any other kind names an append-only table (notes, checklist, updates, call_curve,
  call_segments, call_marks) and ``row`` holds exactly its columns.

Every change belongs to a *scope*: the case, customer, callback or call it is part of. The
server keeps who owns each scope; row-level security decides who may read or add to it.

:func:`check_change` validates a change strictly (types, sizes, ids, clocks) and returns a
:class:`Problem` code instead of raising, so the server can reject one event of a batch and
apply the rest. It runs on both sides: the server never trusts a workstation, and a
workstation never applies a pulled row it could not store.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from db.clock import MAX_CLOCK_AHEAD_MS
from db.events import APPEND_TABLES, EVENT_COLUMNS
from db.schema import ENTITY_FIELDS

PROTOCOL_VERSION = 1
MAX_BATCH = 500  # changes per push
MAX_BODY_BYTES = 32 * 1024 * 1024  # a push body; more is refused before it is parsed
MAX_TEXT = 10 * 1024 * 1024  # characters in one value, as desk.cases allows
MAX_PULL = 2000  # changes per pull page
MAX_PULL_BYTES = 16 * 1024 * 1024  # ...or about this much of them (at least one)
MAX_COMMENT = 20_000  # characters in a comment on a call: a coaching remark, not a document
MAX_CALL_S = 1e7  # a time in a call (s); no call is four months long
MAX_NAME = 200  # characters in an author's name

KINDS = ("event", *APPEND_TABLES)
# The column that names the scope of an append-only row.
SCOPE_COLUMN = {"notes": "case_id", "checklist": "case_id", "updates": "case_id",
                "call_curve": "call_id", "call_segments": "call_id", "call_marks": "call_id",
                "call_comments": "call_id"}
SCOPE_KIND = {"notes": "case", "checklist": "case", "updates": "case", "call_curve": "call",
              "call_segments": "call", "call_marks": "call", "call_comments": "call"}
# Columns that are numbers; the rest are text (or null).
_NUMBERS = {"done", "t0", "t1", "start", "end", "t"}
# ASCII only: str.isdigit and \d accept other scripts' digits, which sort after "9".
_HLC = re.compile(r"[0-9]{13}-[0-9]{5}-[A-Za-z0-9_.:]{1,64}", re.ASCII)
_DEVICE = re.compile(r"[A-Za-z0-9_.:]{1,64}", re.ASCII)
_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
                 r"(Z|[+-][0-9]{2}:[0-9]{2})?", re.ASCII)
_CURSOR = re.compile(r"([0-9]{1,20}):([0-9]{1,20})", re.ASCII)
# Field values that are not text (or null). Everything else is text or null.
FIELD_TYPES: dict[tuple[str, str], str] = {
    ("case", "satisfaction"): "int", ("case", "followup_done"): "flag",
    ("case", "solution_options"): "texts", ("call", "duration"): "number",
    ("call", "peak"): "number", ("call", "final"): "number",
}


@dataclass(frozen=True)
class Problem:
    """Why a change was refused. ``code``: kind, shape, type, id, clock, field, size, pii."""

    code: str
    detail: str = ""


@dataclass(frozen=True)
class Checked:
    """A valid change and what it belongs to."""

    id: str
    kind: str
    scope: str  # the uuid of the case / customer / callback / call
    scope_kind: str
    hlc: str
    device: str
    row: dict[str, Any]


def _is_uuid(value: Any) -> bool:
    """A UUID in its canonical lower-case form (so one id has one spelling)."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _text_ok(value: Any) -> bool:
    """Text that can be stored anywhere: within the size limit and valid Unicode (a lone
    surrogate cannot be encoded as UTF-8, so PostgreSQL and the wire would refuse it)."""
    if value is None:
        return True
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _number_ok(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)
                             and math.isfinite(value) and abs(value) < 1e15)


def _field_ok(entity: str, field: str, value: Any) -> bool:
    """A field edit's value has the type the desk reads back (a wrong type would stop the
    case from opening on every workstation that pulls it)."""
    kind = FIELD_TYPES.get((entity, field), "text")
    if kind == "int":
        return value is None or value == "" or (
            isinstance(value, int) and not isinstance(value, bool) and abs(value) < 1e9)
    if kind == "flag":
        return value is None or isinstance(value, bool) or value in (0, 1)
    if kind == "number":
        return _number_ok(value)
    if kind == "texts":
        return value is None or (isinstance(value, list) and len(value) <= 100
                                 and all(isinstance(v, str) and _text_ok(v) for v in value)
                                 and sum(len(v) for v in value) <= MAX_TEXT)
    return _text_ok(value)


def _clock_ok(hlc: str, not_after_ms: int | None) -> bool:
    return not_after_ms is None or int(hlc[:13]) <= not_after_ms


def check_change(change: Any, now_ms: int | None = None) -> Checked | Problem:
    """Validate one change from the wire. With ``now_ms`` (the server), a stamp more than
    :data:`MAX_CLOCK_AHEAD_MS` ahead of it is refused."""
    if not isinstance(change, Mapping):
        return Problem("shape", "a change must be an object")
    kind, row = change.get("kind"), change.get("row")
    if kind not in KINDS:
        return Problem("kind", f"unknown kind {str(kind)[:40]!r}")
    if not isinstance(row, Mapping):
        return Problem("shape", "row must be an object")
    columns = EVENT_COLUMNS if kind == "event" else APPEND_TABLES[kind]
    if set(row) != set(columns):
        extra, missing = set(row) - set(columns), set(columns) - set(row)
        return Problem("shape", f"columns: extra {sorted(extra)[:5]}, missing {sorted(missing)}")
    if not _is_uuid(row["id"]):
        return Problem("id", "id must be a UUID")
    hlc, device = row["hlc"], row["device"]
    if not isinstance(hlc, str) or not _HLC.fullmatch(hlc):
        return Problem("clock", "hlc must be '<ms>-<counter>-<device>'")
    if not isinstance(device, str) or not _DEVICE.fullmatch(device) \
            or not hlc.endswith("-" + device):
        return Problem("clock", "device must match the hlc")
    if not _clock_ok(hlc, None if now_ms is None else now_ms + MAX_CLOCK_AHEAD_MS):
        return Problem("clock", "the stamp is more than a day ahead: check the computer's clock")
    if kind == "event":
        entity, field = row["entity"], row["field"]
        fields = ENTITY_FIELDS.get(entity) if isinstance(entity, str) else None
        if fields is None or field not in fields:
            return Problem("field", f"unknown field {str(entity)[:20]}.{str(field)[:40]}")
        if not _is_uuid(row["entity_id"]):
            return Problem("id", "entity_id must be a UUID")
        value = row["value"]
        if not _field_ok(entity, field, value):
            big = isinstance(value, str) and len(value) > MAX_TEXT
            return Problem("size" if big else "type", f"{entity}.{field}: bad value")
        if not isinstance(row["at"], str) or not _AT.fullmatch(row["at"]):
            return Problem("type", "at must be an ISO-8601 time")
        return Checked(row["id"], kind, row["entity_id"], entity, hlc, device, dict(row))
    scope_col = SCOPE_COLUMN[kind]
    if not _is_uuid(row[scope_col]):
        return Problem("id", f"{scope_col} must be a UUID")
    for col in columns:
        value = row[col]
        ok = _number_ok(value) if col in _NUMBERS else _text_ok(value)
        if not ok:
            big = isinstance(value, str) and len(value) > MAX_TEXT
            return Problem("size" if big else "type", f"{col}: bad value")
    if kind == "call_comments":
        problem = _comment_problem(row)
        if problem is not None:
            return problem
    return Checked(row["id"], kind, row[scope_col], SCOPE_KIND[kind], hlc, device, dict(row))


def _comment_problem(row: Mapping[str, Any]) -> Problem | None:
    """What the review shows of a comment must be readable: its time in the call, its text,
    who wrote it and when."""
    t, body, author, at = row["t"], row["body"], row["author"], row["created_at"]
    if t is None or not 0 <= t < MAX_CALL_S:
        return Problem("type", "t must be a time in the call")
    if not isinstance(body, str) or not body.strip():
        return Problem("type", "body must be text")
    if len(body) > MAX_COMMENT:
        return Problem("size", f"body: {len(body)} characters")
    if not isinstance(author, str) or len(author) > MAX_NAME:  # "": a desk with no name set
        return Problem("type", "author must be a name")
    if not isinstance(at, str) or not _AT.fullmatch(at):
        return Problem("type", "created_at must be an ISO-8601 time")
    return None


def transcript_texts(checked: Checked) -> list[str]:
    """The texts of a transcript row that must have been masked before they were stored."""
    if checked.kind != "call_segments":
        return []
    texts = [str(checked.row.get("text") or "")]
    try:
        words = json.loads(checked.row.get("words") or "[]")
    except (TypeError, ValueError):
        return texts
    if isinstance(words, list):
        texts.append(" ".join(str(w[0]) for w in words if isinstance(w, list) and w))
    return texts


def parse_cursor(text: str | None) -> tuple[int, int] | None:
    """``"<xid>:<seq>"`` → (xid, seq); ``None`` for a malformed cursor."""
    if not text:
        return (0, 0)
    m = _CURSOR.fullmatch(text)
    if m is None or int(m[1]) >= 2**63 or int(m[2]) >= 2**63:
        return None
    return int(m[1]), int(m[2])


def format_cursor(xid: int, seq: int) -> str:
    return f"{xid}:{seq}"
