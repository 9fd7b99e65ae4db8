"""Case service: customers, cases, notes, the CLEAR checklist, callbacks, updates.

Every method runs its storage work on the store's database thread and may be
called from any thread. Field edits become events (last writer per field wins);
notes, ticks and updates are append-only; each carries an HLC for sync.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Any

from db import queries as q
from db.events import (
    FieldEvent,
    append_rows,
    apply_field_events,
    phone_digits,
    save_draft,
    transaction,
)
from db.schema import CASE_FIELDS, CUSTOMER_FIELDS
from desk.models import (
    STATUSES,
    STEP_KEYS,
    Callback,
    Case,
    CaseSummary,
    Customer,
    CustomerHistory,
    Note,
    StepState,
    Update,
)
from desk.store import Store
from desk.timeutil import local_day_range, now_iso, parse_iso, to_iso

MAX_TEXT = 10 * 1024 * 1024  # characters; a 1 MB note is fine, 10 MB is a paste gone wrong
EDITABLE_CASE_FIELDS = tuple(f for f in CASE_FIELDS if f != "resolved_at")
CaseFilter = q.CaseFilter


class CaseError(ValueError):
    """A request the user can fix. ``code``: too_long, past, no_case, bad_value, readonly."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def _check_text(value: Any) -> None:
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise CaseError("too_long", f"{len(value)} characters")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate: no database or wire can hold it
            raise CaseError("bad_value", "the text holds a broken character") from exc


class CaseService:
    def __init__(self, store: Store, agent: str = "") -> None:
        self.store = store
        self.agent = agent

    # -- writing helpers ----------------------------------------------------
    def _guard(self) -> None:
        if self.store.readonly:
            raise CaseError("readonly", "the database was opened read-only")

    def _events(self, entity: str, entity_id: str, values: dict[str, Any]) -> list[FieldEvent]:
        at = now_iso()
        return [FieldEvent(self.store.clock_id(), entity, entity_id, k, v, self.store.clock.now(),
                           self.store.device, at) for k, v in values.items()]

    def _write_fields(self, entity: str, entity_id: str, values: dict[str, Any]) -> None:
        self._guard()
        for v in values.values():
            _check_text(v)
        events = self._events(entity, entity_id, values)

        def write(conn: Any) -> None:
            with transaction(conn):
                apply_field_events(conn, events)

        self.store.call(write)

    def _append(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        self._guard()
        rows = list(rows)

        def write(conn: Any) -> None:
            with transaction(conn):
                append_rows(conn, table, rows)

        self.store.call(write)

    # -- customers ----------------------------------------------------------
    def new_customer(self, name: str = "", phone: str = "", id_number: str = "") -> Customer:
        cid = self.store.clock_id()
        self._write_fields("customer", cid, {"name": name, "phone": phone,
                                             "id_number": id_number.strip()})
        return self.customer(cid)

    def customer(self, customer_id: str) -> Customer:
        row = self.store.call(q.get_customer, customer_id)
        if row is None:
            raise CaseError("no_case", f"no customer {customer_id}")
        return Customer.from_row(row)

    def update_customer(self, customer_id: str, **values: Any) -> Customer:
        unknown = set(values) - set(CUSTOMER_FIELDS)
        if unknown:
            raise CaseError("bad_value", f"unknown customer fields {sorted(unknown)}")
        self._write_fields("customer", customer_id, values)
        return self.customer(customer_id)

    def lookup(self, phone: str = "", id_number: str = "",
               exclude_case: str | None = None) -> list[CustomerHistory]:
        """Known customers matching a phone number (any format) or id, with their cases."""
        def run(conn: Any) -> list[CustomerHistory]:
            out = []
            for row in q.find_customers(conn, phone_digits=phone_digits(phone),
                                        id_number=id_number.strip()):
                cases = [CaseSummary.from_row(r) for r in
                         q.list_cases(conn, q.CaseFilter(customer_id=row["id"], limit=50))
                         if r["id"] != exclude_case]
                out.append(CustomerHistory(Customer.from_row(row), tuple(cases)))
            return out

        return self.store.call(run)

    # -- cases --------------------------------------------------------------
    def new_case(self, customer_id: str | None = None, **values: Any) -> Case:
        case_id = self.store.clock_id()
        fields = {"status": "open", "stage": "attune", "severity": "medium",
                  "agent": self.agent, "owner": self.agent}
        if customer_id:
            fields["customer_id"] = customer_id
        fields.update(values)
        self._write_fields("case", case_id, fields)
        return self.case(case_id)

    def case(self, case_id: str) -> Case:
        row = self.store.call(q.get_case, case_id)
        if row is None:
            raise CaseError("no_case", f"no case {case_id}")
        return Case.from_row(row)

    def update_case(self, case_id: str, **values: Any) -> Case:
        unknown = set(values) - set(EDITABLE_CASE_FIELDS)
        if unknown:
            raise CaseError("bad_value", f"unknown case fields {sorted(unknown)}")
        if "status" in values and values["status"] not in STATUSES:
            raise CaseError("bad_value", f"status {values['status']!r}")
        if "satisfaction" in values and values["satisfaction"] is not None:
            try:
                sat = int(values["satisfaction"])
            except (TypeError, ValueError):
                raise CaseError("bad_value", "satisfaction must be 1-5") from None
            if not 1 <= sat <= 5:
                raise CaseError("bad_value", "satisfaction must be 1-5")
            values["satisfaction"] = sat
        if "solution_options" in values:
            values["solution_options"] = sorted(set(values["solution_options"]))
        if "followup_done" in values:
            values["followup_done"] = 1 if values["followup_done"] else 0
        current = self.case(case_id)
        if "status" in values and values["status"] != current.status:
            # Stamped when the case leaves "open"; kept from resolved to closed.
            if values["status"] == "open":
                values["resolved_at"] = ""
            elif not current.resolved_at:
                values["resolved_at"] = now_iso()
        changed = {k: v for k, v in values.items() if _differs(getattr(current, k, None), v)}
        if changed:
            self._write_fields("case", case_id, changed)
        return self.case(case_id)

    def list_cases(self, f: q.CaseFilter | None = None) -> list[CaseSummary]:
        rows = self.store.call(q.list_cases, f or q.CaseFilter())
        return [CaseSummary.from_row(r) for r in rows]

    def day_filter(self, day: date) -> tuple[str, str]:
        return local_day_range(day)

    def followups_due(self, day: date | None = None) -> list[CaseSummary]:
        day = day or date.today()
        return [CaseSummary.from_row(r)
                for r in self.store.call(q.followups_due, day.isoformat())]

    def history(self, case_id: str) -> list[dict[str, Any]]:
        """Every field edit of a case, oldest first (what was typed is never thrown away)."""
        return self.store.call(q.field_history, "case", case_id)

    # -- notes --------------------------------------------------------------
    def save_draft(self, case_id: str, body: str) -> None:
        """Autosave what is being typed (local only). Called about once a second."""
        self._guard()
        _check_text(body)
        at = now_iso()

        def write(conn: Any) -> None:
            save_draft(conn, case_id, body, at)

        self.store.call(write)

    def draft(self, case_id: str) -> str:
        row = self.store.call(q.draft, case_id)
        return "" if row is None else str(row["body"])

    def commit_draft(self, case_id: str, body: str | None = None) -> Note | None:
        """Turn the draft (or ``body``) into a permanent note, in one transaction."""
        self._guard()
        if body is not None:
            _check_text(body)
        at = now_iso()
        hlc = self.store.clock.now()
        note_id = self.store.clock_id()

        def write(conn: Any) -> Note | None:
            with transaction(conn):
                text = body
                if text is None:
                    row = q.draft(conn, case_id)
                    text = "" if row is None else str(row["body"])
                save_draft(conn, case_id, "", at)
                if not text.strip():
                    return None
                row = {"id": note_id, "case_id": case_id, "body": text, "created_at": at,
                       "hlc": hlc, "device": self.store.device, "author": self.agent}
                append_rows(conn, "notes", [row])
                return Note(note_id, case_id, text, at, self.agent)

        return self.store.call(write)

    def recover_drafts(self) -> list[str]:
        """Case ids that have unsaved text left from a crash (restored into the editor)."""
        return [r["case_id"] for r in self.store.call(q.all_drafts)]

    def notes(self, case_id: str) -> list[Note]:
        return [Note(r["id"], r["case_id"], r["body"], r["created_at"], r["author"] or "")
                for r in self.store.call(q.case_rows, "notes", case_id)]

    # -- CLEAR checklist ----------------------------------------------------
    def tick_step(self, case_id: str, step: str, done: bool = True, source: str = "manual",
                  evidence: str = "") -> StepState:
        if step not in STEP_KEYS:
            raise CaseError("bad_value", f"step {step!r}")
        at = now_iso()
        self._append("checklist", [{
            "id": self.store.clock_id(), "case_id": case_id, "step": step,
            "done": 1 if done else 0, "at": at, "source": source, "evidence": evidence,
            "hlc": self.store.clock.now(), "device": self.store.device}])
        return StepState(step, done, at, source, evidence)

    def checklist(self, case_id: str) -> dict[str, StepState]:
        state = {k: StepState(k, False) for k in STEP_KEYS}
        for r in self.store.call(q.case_rows, "checklist", case_id):  # ordered by HLC
            state[r["step"]] = StepState(r["step"], bool(r["done"]), r["at"],
                                         r["source"] or "", r["evidence"] or "")
        return state

    # -- callbacks (buy time) -----------------------------------------------
    def buy_time(self, case_id: str, minutes: float, note: str = "") -> Callback:
        if minutes <= 0:
            raise CaseError("past", "a callback must be in the future")
        due = datetime.now(timezone.utc) + timedelta(minutes=minutes)
        return self.schedule_callback(case_id, due, note)

    def schedule_callback(self, case_id: str, due: datetime, note: str = "") -> Callback:
        if due.tzinfo is None:
            due = due.astimezone()
        if due <= datetime.now(timezone.utc):
            raise CaseError("past", to_iso(due))
        self.case(case_id)  # raises no_case
        cb_id = self.store.clock_id()
        self._write_fields("callback", cb_id, {"case_id": case_id, "due_at": to_iso(due),
                                               "note": note, "status": "open"})
        return next(c for c in self.open_callbacks() if c.id == cb_id)

    def finish_callback(self, callback_id: str, status: str = "done") -> None:
        if status not in ("done", "cancelled"):
            raise CaseError("bad_value", status)
        self._write_fields("callback", callback_id, {"status": status, "done_at": now_iso()})

    def open_callbacks(self) -> list[Callback]:
        return [Callback(r["id"], r["case_id"], r["due_at"], r["created_at"], r["note"] or "",
                         r["status"], r["case_ref"] or "", r["customer_name"] or "",
                         r["customer_phone"] or "")
                for r in self.store.call(q.open_callbacks)]

    # -- progress updates to the customer (seed 001: update before they ask) --
    def add_update(self, case_id: str, body: str, channel: str = "phone") -> Update:
        _check_text(body)
        if not body.strip():
            raise CaseError("bad_value", "empty update")
        row = {"id": self.store.clock_id(), "case_id": case_id, "at": now_iso(),
               "channel": channel, "body": body, "hlc": self.store.clock.now(),
               "device": self.store.device}
        self._append("updates", [row])
        return Update(row["id"], case_id, row["at"], channel, body)

    def updates(self, case_id: str) -> list[Update]:
        return [Update(r["id"], r["case_id"], r["at"], r["channel"], r["body"])
                for r in self.store.call(q.case_rows, "updates", case_id)]


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, tuple):
        return list(old) != list(new)
    if isinstance(old, bool):
        return int(old) != int(new or 0)
    return (old if old is not None else "") != (new if new is not None else "")


def seconds_left(cb: Callback, now: datetime | None = None) -> float:
    now = now or datetime.now(timezone.utc)
    return (parse_iso(cb.due_at) - now).total_seconds()
