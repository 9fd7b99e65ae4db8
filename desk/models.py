"""Frozen dataclasses that cross from the core to the UI."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

STEP_KEYS = ("C", "L", "E", "A", "R")
STATUSES = ("open", "resolved", "closed")


@dataclass(frozen=True)
class Customer:
    id: str
    name: str = ""
    phone: str = ""
    id_number: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Customer:
        return cls(row["id"], row.get("name") or "", row.get("phone") or "",
                   row.get("id_number") or "")


@dataclass(frozen=True)
class Case:
    id: str
    ref: str
    created_at: str
    updated_at: str
    customer_id: str | None = None
    status: str = "open"
    stage: str = "attune"
    category: str = ""
    severity: str = "medium"
    style: str = ""
    complaint: str = ""
    department: str = ""
    owner: str = ""
    solution_options: tuple[str, ...] = ()
    solution: str = ""
    action_flaw: str = ""
    action_impact: str = ""
    result: str = ""
    satisfaction: int | None = None
    followup_date: str = ""
    followup_done: bool = False
    root_cause: str = ""
    prevention: str = ""
    resolved_at: str = ""
    agent: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Case:
        opts = row.get("solution_options")
        options: tuple[str, ...] = tuple(json.loads(opts)) if opts else ()
        sat = row.get("satisfaction")
        return cls(
            id=row["id"], ref=row["ref"], created_at=row["created_at"],
            updated_at=row["updated_at"], customer_id=row.get("customer_id"),
            status=row.get("status") or "open", stage=row.get("stage") or "attune",
            category=row.get("category") or "", severity=row.get("severity") or "medium",
            style=row.get("style") or "", complaint=row.get("complaint") or "",
            department=row.get("department") or "", owner=row.get("owner") or "",
            solution_options=options, solution=row.get("solution") or "",
            action_flaw=row.get("action_flaw") or "",
            action_impact=row.get("action_impact") or "", result=row.get("result") or "",
            satisfaction=None if sat in (None, "") else int(sat),
            followup_date=row.get("followup_date") or "",
            followup_done=bool(row.get("followup_done")),
            root_cause=row.get("root_cause") or "", prevention=row.get("prevention") or "",
            resolved_at=row.get("resolved_at") or "", agent=row.get("agent") or "",
        )


@dataclass(frozen=True)
class CaseSummary:
    id: str
    ref: str
    created_at: str
    status: str
    category: str
    severity: str
    complaint: str
    customer_name: str
    customer_phone: str
    next_callback: str | None
    followup_date: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CaseSummary:
        return cls(row["id"], row["ref"], row["created_at"], row.get("status") or "open",
                   row.get("category") or "", row.get("severity") or "",
                   row.get("complaint") or "", row.get("customer_name") or "",
                   row.get("customer_phone") or "", row.get("next_callback"),
                   row.get("followup_date") or "")


@dataclass(frozen=True)
class Note:
    id: str
    case_id: str
    body: str
    created_at: str
    author: str


@dataclass(frozen=True)
class StepState:
    step: str
    done: bool
    at: str = ""
    source: str = ""  # "manual" or "heard"
    evidence: str = ""


@dataclass(frozen=True)
class Callback:
    id: str
    case_id: str
    due_at: str
    created_at: str
    note: str
    status: str
    case_ref: str = ""
    customer_name: str = ""
    customer_phone: str = ""


@dataclass(frozen=True)
class Update:
    id: str
    case_id: str
    at: str
    channel: str
    body: str


@dataclass(frozen=True)
class CustomerHistory:
    customer: Customer
    cases: tuple[CaseSummary, ...] = field(default=())
