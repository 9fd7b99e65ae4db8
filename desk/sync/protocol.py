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
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from db.events import APPEND_TABLES
from db.schema import ENTITY_FIELDS

PROTOCOL_VERSION = 1
MAX_BATCH = 500  # changes per push
MAX_BODY_BYTES = 32 * 1024 * 1024  # a push body; more is refused before it is parsed
MAX_TEXT = 10 * 1024 * 1024  # characters in one value, as desk.cases allows
MAX_PULL = 2000  # changes per pull page

KINDS = ("event", *APPEND_TABLES)
EVENT_COLUMNS = ("id", "entity", "entity_id", "field", "value", "hlc", "device", "at")
# The column that names the scope of an append-only row.
SCOPE_COLUMN = {"notes": "case_id", "checklist": "case_id", "updates": "case_id",
                "call_curve": "call_id", "call_segments": "call_id", "call_marks": "call_id"}
SCOPE_KIND = {"notes": "case", "checklist": "case", "updates": "case", "call_curve": "call",
              "call_segments": "call", "call_marks": "call"}
# Columns that are numbers; the rest are text (or null).
_NUMBERS = {"done", "t0", "t1", "start", "end", "t"}
_HLC = re.compile(r"^\d{13}-\d{5}-[A-Za-z0-9_.:]{1,64}$")
_DEVICE = re.compile(r"^[A-Za-z0-9_.:]{1,64}$")
_AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


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
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _text_ok(value: Any) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= MAX_TEXT)


def _number_ok(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)
                             and value == value and abs(value) < 1e15)


def _value_ok(value: Any) -> bool:
    """A field value: JSON scalars, or a list/dict of them, within the size limit."""
    if value is None or isinstance(value, (bool, int, float)):
        return _number_ok(value) if isinstance(value, (int, float)) and \
            not isinstance(value, bool) else True
    if isinstance(value, str):
        return len(value) <= MAX_TEXT
    if isinstance(value, (list, dict)):
        return len(json.dumps(value, ensure_ascii=False)) <= MAX_TEXT
    return False


def check_change(change: Any) -> Checked | Problem:
    """Validate one change from the wire."""
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
    if not isinstance(hlc, str) or not _HLC.match(hlc):
        return Problem("clock", "hlc must be '<ms>-<counter>-<device>'")
    if not isinstance(device, str) or not _DEVICE.match(device) or not hlc.endswith("-" + device):
        return Problem("clock", "device must match the hlc")
    if kind == "event":
        entity, field = row["entity"], row["field"]
        fields = ENTITY_FIELDS.get(entity) if isinstance(entity, str) else None
        if fields is None or field not in fields:
            return Problem("field", f"unknown field {str(entity)[:20]}.{str(field)[:40]}")
        if not _is_uuid(row["entity_id"]):
            return Problem("id", "entity_id must be a UUID")
        if not _value_ok(row["value"]):
            return Problem("size" if isinstance(row["value"], (str, list, dict)) else "type",
                           "value too large or not JSON")
        if not isinstance(row["at"], str) or not _AT.match(row["at"]):
            return Problem("type", "at must be an ISO-8601 time")
        return Checked(row["id"], kind, row["entity_id"], entity, hlc, device, dict(row))
    scope_col = SCOPE_COLUMN[kind]
    if not _is_uuid(row[scope_col]):
        return Problem("id", f"{scope_col} must be a UUID")
    for col in columns:
        value = row[col]
        ok = _number_ok(value) if col in _NUMBERS else _text_ok(value)
        if not ok:
            return Problem("size" if isinstance(value, str) else "type", f"{col}: bad value")
    return Checked(row["id"], kind, row[scope_col], SCOPE_KIND[kind], hlc, device, dict(row))


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
    parts = text.split(":")
    if len(parts) != 2 or not all(p.isdigit() and len(p) <= 20 for p in parts):
        return None
    return int(parts[0]), int(parts[1])


def format_cursor(xid: int, seq: int) -> str:
    return f"{xid}:{seq}"
