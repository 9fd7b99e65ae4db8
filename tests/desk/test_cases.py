"""CaseService on a real database: customers, cases, search, notes, CLEAR ticks, callbacks."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

import pytest

from db import queries as q
from desk.cases import MAX_TEXT, CaseError, CaseFilter, CaseService, seconds_left
from desk.store import Store
from desk.timeutil import now_iso, parse_iso

PHONES = ["+86 138-0013-8000", "138 0013 8000", "（138）00138000", "１３８００１３８０００"]
ID_NUMBER = "11010519491231002X"


def _errcode(fn: Callable[..., object], *args: object, **kw: object) -> str:
    with pytest.raises(CaseError) as info:
        fn(*args, **kw)
    return info.value.code


# --- customers -----------------------------------------------------------------------------

@pytest.mark.parametrize("stored", PHONES)
def test_customer_found_by_phone_in_any_format(svc: CaseService, stored: str) -> None:
    known = svc.new_customer("王小明", stored)
    earlier = svc.new_case(known.id, complaint="上次的投诉")
    svc.new_case(svc.new_customer("Someone else", "139 1111 2222").id)
    for typed in PHONES:
        found = svc.lookup(phone=typed)
        assert [h.customer.id for h in found] == [known.id], typed
        assert [c.id for c in found[0].cases] == [earlier.id]
    assert svc.lookup(phone=PHONES[0], exclude_case=earlier.id)[0].cases == ()
    assert svc.lookup(phone="138 0013") == []  # too short to mean one person


def test_customer_found_by_id_number_in_any_case(svc: CaseService) -> None:
    known = svc.new_customer("Li Na", id_number=f"  {ID_NUMBER.lower()} ")
    assert svc.customer(known.id).id_number == ID_NUMBER.lower()
    for typed in (ID_NUMBER, ID_NUMBER.lower(), f" {ID_NUMBER} "):
        assert [h.customer.id for h in svc.lookup(id_number=typed)] == [known.id]
    assert svc.lookup(id_number="110105194912310021") == []


# --- case fields ---------------------------------------------------------------------------

def test_update_writes_events_only_for_changed_fields(svc: CaseService) -> None:
    case = svc.new_case(complaint="漏水", category="quality")
    before = len(svc.history(case.id))
    svc.update_case(case.id, complaint="漏水", category="quality", severity="medium")
    assert len(svc.history(case.id)) == before
    svc.update_case(case.id, complaint="漏水", category="price")
    assert [h["field"] for h in svc.history(case.id)[before:]] == ["category"]


def test_history_keeps_every_version_typed(svc: CaseService) -> None:
    case = svc.new_case()
    typed = ["The blender", "The blender arrived", "The blender arrived broken 😡"]
    for text in typed:
        svc.update_case(case.id, complaint=text)
    svc.update_case(case.id, satisfaction=4, solution_options=["repair", "refund", "repair"])
    history = svc.history(case.id)
    assert [json.loads(h["value"]) for h in history if h["field"] == "complaint"] == typed
    values = {h["field"]: json.loads(h["value"]) for h in history}
    assert values["satisfaction"] == 4 and values["solution_options"] == ["refund", "repair"]
    now = svc.case(case.id)
    assert (now.complaint, now.satisfaction, now.solution_options) == (
        typed[-1], 4, ("refund", "repair"))


def test_resolving_sets_resolved_at_once(svc: CaseService) -> None:
    case = svc.new_case()
    assert case.resolved_at == ""
    resolved = svc.update_case(case.id, status="resolved")
    assert resolved.status == "resolved"
    assert abs((parse_iso(resolved.resolved_at) - datetime.now(timezone.utc)).total_seconds()) < 5
    events = len(svc.history(case.id))
    assert svc.update_case(case.id, status="resolved").resolved_at == resolved.resolved_at
    assert len(svc.history(case.id)) == events
    closed = svc.update_case(case.id, status="closed")
    assert (closed.status, closed.resolved_at) == ("closed", resolved.resolved_at)
    assert svc.update_case(case.id, status="open").resolved_at == ""
    assert _errcode(svc.update_case, case.id, status="finished") == "bad_value"


@pytest.mark.parametrize("bad", [0, 6, -1, "abc"])
def test_satisfaction_outside_1_to_5_is_refused(svc: CaseService, bad: object) -> None:
    case = svc.new_case()
    assert _errcode(svc.update_case, case.id, satisfaction=bad) == "bad_value"
    assert svc.case(case.id).satisfaction is None
    assert svc.update_case(case.id, satisfaction=5).satisfaction == 5


def test_unknown_field_and_unknown_case(svc: CaseService) -> None:
    case = svc.new_case()
    assert _errcode(svc.update_case, case.id, ref="X") == "bad_value"
    assert _errcode(svc.case, "no-such-case") == "no_case"


# --- callbacks (buy time) ------------------------------------------------------------------

def test_callback_in_the_past_is_refused(svc: CaseService) -> None:
    case = svc.new_case()
    past = datetime.now(timezone.utc) - timedelta(minutes=1)
    assert _errcode(svc.schedule_callback, case.id, past) == "past"
    assert _errcode(svc.schedule_callback, case.id, datetime.now() - timedelta(hours=1)) == "past"
    assert _errcode(svc.buy_time, case.id, 0) == "past"
    assert _errcode(svc.buy_time, case.id, -5) == "past"
    future = datetime.now(timezone.utc) + timedelta(hours=1)
    assert _errcode(svc.schedule_callback, "no-such-case", future) == "no_case"
    assert svc.open_callbacks() == []


def test_buy_time_then_finish(svc: CaseService) -> None:
    customer = svc.new_customer("Ann", "020 7946 0958")
    case = svc.new_case(customer.id)
    cb = svc.buy_time(case.id, 15, note="check stock")
    expected = datetime.now(timezone.utc) + timedelta(minutes=15)
    assert abs((parse_iso(cb.due_at) - expected).total_seconds()) < 5
    assert 14 * 60 < seconds_left(cb) <= 15 * 60
    [listed] = svc.open_callbacks()
    assert (listed.id, listed.case_id, listed.note, listed.status) == (
        cb.id, case.id, "check stock", "open")
    assert (listed.case_ref, listed.customer_name) == (case.ref, "Ann")

    svc.finish_callback(cb.id)
    assert svc.open_callbacks() == []
    [row] = svc.store.call(q.case_rows, "callbacks", case.id)
    assert row["status"] == "done" and row["done_at"]
    assert _errcode(svc.finish_callback, cb.id, "forgotten") == "bad_value"


# --- the case list -------------------------------------------------------------------------

@pytest.fixture
def three_cases(svc: CaseService, fake_now) -> list[str]:
    """Cases made on 1, 2 and 3 March; the 1st has a callback (edited 4 March), the 2nd was
    resolved on 5 March."""
    ids = []
    for day, category, severity in (("01", "quality", "low"), ("02", "price", "high"),
                                    ("03", "quality", "critical")):
        fake_now.set(f"2024-03-{day}T09:00:00.000Z")
        ids.append(svc.new_case(category=category, severity=severity).id)
    svc.buy_time(ids[0], 10)
    fake_now.set("2024-03-04T09:00:00.000Z")
    svc.update_case(ids[0], department="after-sales")
    fake_now.set("2024-03-05T09:00:00.000Z")
    svc.update_case(ids[1], status="resolved")
    return ids


def _ids(svc: CaseService, **kw: object) -> list[str]:
    return [c.id for c in svc.list_cases(CaseFilter(**kw))]


def test_list_filters(svc: CaseService, three_cases: list[str]) -> None:
    c1, c2, c3 = three_cases
    assert _ids(svc, status="open") == [c3, c1]
    assert _ids(svc, status="resolved") == [c2]
    assert _ids(svc, category="quality") == [c3, c1]
    assert _ids(svc, created_from="2024-03-02T00:00:00.000Z",
                created_to="2024-03-03T00:00:00.000Z") == [c2]
    soon = (datetime.now(timezone.utc) + timedelta(hours=1)).isoformat()
    assert _ids(svc, overdue_at=soon) == [c1]
    assert _ids(svc, overdue_at=now_iso()) == []
    assert _ids(svc, limit=1) == [c3]


@pytest.mark.parametrize(("sort", "order"), [
    ("created_desc", [2, 1, 0]), ("created_asc", [0, 1, 2]), ("updated_desc", [1, 0, 2]),
    ("severity_desc", [2, 1, 0]), ("callback_asc", [0, 2, 1]),
])
def test_list_sorts(svc: CaseService, three_cases: list[str], sort: str,
                    order: list[int]) -> None:
    assert _ids(svc, sort=sort) == [three_cases[i] for i in order]


def test_day_filter_holds_a_case_made_today(svc: CaseService) -> None:
    case = svc.new_case()
    start, end = svc.day_filter(date.today())
    assert _ids(svc, created_from=start, created_to=end) == [case.id]
    tomorrow = svc.day_filter(date.today() + timedelta(days=1))
    assert _ids(svc, created_from=tomorrow[0], created_to=tomorrow[1]) == []


@pytest.fixture
def searchable(svc: CaseService) -> dict[str, str]:
    wang = svc.new_customer("王小明", "138-0013-8000")
    zh = svc.new_case(wang.id, complaint="洗衣机漏水，地板被泡坏了")
    svc.commit_draft(zh.id, "顾客要求上门维修")
    meg = svc.new_customer("Margaret Oyelaran", "+44 20 7946 0958")
    en = svc.new_case(meg.id, complaint="The blender arrived broken")
    svc.commit_draft(en.id, "Promised a refund by Friday")
    return {"zh": zh.id, "en": en.id}


@pytest.mark.parametrize(("text", "which"), [
    ("漏水", "zh"), ("洗衣机", "zh"), ("地板被泡坏", "zh"),  # complaint: 2 chars and 3+
    ("小明", "zh"), ("王小明", "zh"),  # customer name
    ("13800138000", "zh"), ("0013", "zh"), ("79460958", "en"),  # phone digits
    *[(phone, "zh") for phone in PHONES], ("+44 (20) 7946-0958", "en"),
    ("维修", "zh"), ("上门维修", "zh"),  # notes
    ("blender", "en"), ("BLENDER", "en"), ("Oyelaran", "en"), ("refund", "en"),
    ("Oyelaran blender", "en"), ("漏水 王小明", "zh"), ("小明 维修", "zh"),  # terms ANDed
    ("blender 漏水", None), ("dishwasher", None), ("'); DROP TABLE cases; --", None),
    ('"unbalanced quote', None), ("100%", None), ("a_b", None),
])
def test_search(svc: CaseService, searchable: dict[str, str], text: str,
                which: str | None) -> None:
    expected = [] if which is None else [searchable[which]]
    assert _ids(svc, text=text) == expected
    assert len(svc.list_cases()) == 2  # nothing dropped


# --- notes and drafts ----------------------------------------------------------------------

def test_drafts_save_recover_and_commit(svc: CaseService, open_store) -> None:
    a, b = svc.new_case().id, svc.new_case().id
    svc.save_draft(a, "客户说三天前")
    svc.save_draft(a, "客户说三天前买的 😊")
    svc.save_draft(b, "typing")
    assert svc.draft(a) == "客户说三天前买的 😊"
    svc.store.close()  # as after a crash: the next start finds the drafts
    svc = CaseService(open_store(), agent="ana")
    assert sorted(svc.recover_drafts()) == sorted([a, b])

    svc.save_draft(b, "")
    assert (svc.draft(b), svc.recover_drafts()) == ("", [a])
    note = svc.commit_draft(a)
    assert note is not None and note.body == "客户说三天前买的 😊" and note.author == "ana"
    assert [n.body for n in svc.notes(a)] == [note.body]
    assert (svc.draft(a), svc.recover_drafts()) == ("", [])


def test_empty_or_blank_draft_commits_nothing(svc: CaseService) -> None:
    case = svc.new_case().id
    svc.save_draft(case, "   \n ")
    assert svc.commit_draft(case) is None
    assert svc.commit_draft(case, "") is None
    assert (svc.notes(case), svc.recover_drafts()) == ([], [])


def test_huge_notes(svc: CaseService) -> None:
    case = svc.new_case().id
    mega = "长" * 300_000 + "long " * 50_000  # about 1.15 MB of UTF-8
    svc.save_draft(case, mega)
    assert svc.draft(case) == mega
    svc.commit_draft(case)
    assert [n.body for n in svc.notes(case)] == [mega]
    too_long = "x" * (MAX_TEXT + 1)
    assert _errcode(svc.commit_draft, case, too_long) == "too_long"
    assert _errcode(svc.save_draft, case, too_long) == "too_long"
    assert _errcode(svc.update_case, case, complaint=too_long) == "too_long"
    assert _errcode(svc.add_update, case, too_long) == "too_long"
    broken = "ok \ud800 broken"  # a lone surrogate: UTF-8 (SQLite, the wire) cannot hold it
    assert _errcode(svc.commit_draft, case, broken) == "bad_value"
    assert _errcode(svc.update_case, case, complaint=broken) == "bad_value"
    assert len(svc.notes(case)) == 1


def test_progress_updates(svc: CaseService) -> None:
    case = svc.new_case().id
    svc.add_update(case, "已联系厂家，明天上门", channel="sms")
    assert [(u.body, u.channel) for u in svc.updates(case)] == [("已联系厂家，明天上门", "sms")]
    assert _errcode(svc.add_update, case, "  ") == "bad_value"


# --- the CLEAR checklist -------------------------------------------------------------------

def test_checklist_keeps_the_latest_tick(svc: CaseService) -> None:
    case = svc.new_case().id
    svc.tick_step(case, "C")
    svc.tick_step(case, "L", source="heard", evidence="我理解您的心情")
    svc.tick_step(case, "C", done=False)
    state = svc.checklist(case)
    assert {k: s.done for k, s in state.items()} == {
        "C": False, "L": True, "E": False, "A": False, "R": False}
    assert parse_iso(state["C"].at) and parse_iso(state["L"].at)
    assert (state["L"].source, state["L"].evidence) == ("heard", "我理解您的心情")
    svc.tick_step(case, "C")
    assert svc.checklist(case)["C"].done
    assert len(svc.store.call(q.case_rows, "checklist", case)) == 4  # every tick kept
    assert _errcode(svc.tick_step, case, "X") == "bad_value"


# --- read-only, two windows, follow-ups ----------------------------------------------------

def test_read_only_store_refuses_every_write(svc: CaseService, open_store, db_file) -> None:
    case = svc.new_case(complaint="kept").id
    svc.store.close()
    data = db_file.read_bytes()
    ro = CaseService(open_store(readonly=True))
    assert ro.case(case).complaint == "kept"
    future = datetime.now(timezone.utc) + timedelta(hours=1)
    for write in (lambda: ro.new_case(), lambda: ro.new_customer("A"),
                  lambda: ro.update_case(case, complaint="changed"),
                  lambda: ro.save_draft(case, "x"), lambda: ro.commit_draft(case, "x"),
                  lambda: ro.tick_step(case, "C"), lambda: ro.buy_time(case, 5),
                  lambda: ro.schedule_callback(case, future),
                  lambda: ro.add_update(case, "x")):
        assert _errcode(write) == "readonly"
    assert ro.case(case).complaint == "kept" and ro.notes(case) == []
    assert db_file.read_bytes() == data


def test_two_windows_on_one_file(open_store: Callable[..., Store]) -> None:
    one, two = CaseService(open_store(), "ana"), CaseService(open_store(), "bo")
    a = one.new_case(complaint="from window one").id
    b = two.new_case(complaint="from window two").id
    assert {c.id for c in one.list_cases()} == {c.id for c in two.list_cases()} == {a, b}
    two.update_case(a, result="refunded")
    one.commit_draft(b, "note from window one")
    assert one.case(a).result == "refunded"
    assert [n.body for n in two.notes(b)] == ["note from window one"]


def test_followups_due(svc: CaseService) -> None:
    today = date(2024, 3, 10)
    made = {}
    for name, day, done in (("late", "2024-03-09", False), ("today", "2024-03-10", False),
                            ("later", "2024-03-11", False), ("done", "2024-03-08", True)):
        case = svc.new_case(complaint=name, followup_date=day)
        if done:
            svc.update_case(case.id, followup_done=True)
        made[name] = case.id
    assert [c.id for c in svc.followups_due(today)] == [made["late"], made["today"]]
    assert [c.followup_date for c in svc.followups_due(today)] == ["2024-03-09", "2024-03-10"]
