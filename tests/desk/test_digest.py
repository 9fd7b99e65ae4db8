"""The complaint analysis and the morning-meeting digest, against values worked out by hand on a
small fixed data set written through the real services.

The desk runs in Beijing time (UTC+8) here, so local days differ from UTC days: the digest day
Tue 2024-03-05 is [2024-03-04T16:00Z, 2024-03-05T16:00Z), and the meeting is held at
2024-03-06T01:00Z (09:00 in Beijing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

import pytest

import desk.calls
import desk.cases
from db.events import FieldEvent, apply_field_events, transaction
from desk.analysis import LESSON_CHARS, Period, analyse, clean_line
from desk.calls import CallService
from desk.cases import CaseFilter, CaseService
from desk.digest import build_digest
from desk.review import CallQuery, ReviewService
from desk.store import Store
from desk.timeutil import parse_iso
from tests.desk.conftest import FakeNow

BANDS = (35.0, 55.0, 75.0)  # elevated, agitated, escalate (the shipped scorer's)
DAY = Period.day(date(2024, 3, 5))
WEEK = Period(date(2024, 3, 4), date(2024, 3, 11))  # Mon 4 .. Sun 10 March
MEETING = datetime(2024, 3, 6, 1, 0, tzinfo=timezone.utc)
HUGE = "Firmware\x00 bug\x07 in batch 7\u200b — " * 2000  # 62 000 characters, odd ones inside


@dataclass
class FixedSet:
    refs: dict[str, str]  # K0..K7 -> case ref
    cases: dict[str, str]  # K0..K7 -> case id
    callbacks: dict[str, str]
    calls: dict[str, str]


def build_fixed_set(store: Store, monkeypatch: pytest.MonkeyPatch) -> FixedSet:
    """Eight cases of four customers, six callbacks, five calls. Times are UTC; the local day
    (Beijing) of each is given where it matters."""
    clock = FakeNow("2024-01-01T00:00:00.000Z")
    monkeypatch.setattr(desk.cases, "now_iso", clock)
    monkeypatch.setattr(desk.calls, "now_iso", clock)
    ana, bob = CaseService(store, agent="ana"), CaseService(store, agent="bob")

    def at(iso: str) -> CaseService:
        clock.set(iso)
        return ana

    wang = at("2024-02-01T02:00:00Z").new_customer(name="Wang Fang", phone="13800138000")
    li = ana.new_customer(name="Li Lei")
    zhao = ana.new_customer(name="Zhao Min")
    chen = ana.new_customer(name="Chen Jie")
    odd = ana.new_customer(name="O'Brien & <Sons> \"Ltd\"")
    ids: dict[str, str] = {}

    def case(key: str, svc: CaseService, when: str, customer: str, category: str) -> None:
        clock.set(when)
        ids[key] = svc.new_case(customer_id=customer, category=category).id

    case("K0", ana, "2024-02-20T03:00:00Z", wang.id, "quality")        # Feb 20
    case("K1", ana, "2024-03-04T17:30:00Z", wang.id, "quality")        # Mar 5, 01:30
    case("K2", bob, "2024-03-05T02:00:00Z", li.id, "communication")    # Mar 5
    case("K3", ana, "2024-03-05T05:00:00Z", zhao.id, "attitude")       # Mar 5
    case("K4", bob, "2024-03-05T15:59:00Z", chen.id, "communication")  # Mar 5, 23:59
    case("K5", ana, "2024-03-05T16:00:00Z", wang.id, "price")          # Mar 6, 00:00
    case("K7", ana, "2024-03-07T02:00:00Z", odd.id, "")                # Mar 7, no category

    # Satisfaction, statuses, follow-ups, root causes: each written at a known time.
    at("2024-02-25T02:00:00Z").update_case(ids["K0"], status="resolved", satisfaction=5,
                                           followup_date="2024-03-01")
    at("2024-03-05T06:00:00Z").update_case(
        ids["K1"], status="resolved", satisfaction=4, followup_date="2024-03-05",
        root_cause="Door seal fails after six months",
        prevention="Check seals at the 5-month service")
    at("2024-03-05T07:00:00Z").update_case(ids["K1"], followup_done=True)
    at("2024-03-05T09:00:00Z").update_case(
        ids["K3"], status="closed", satisfaction=2, followup_date="2024-03-05",
        root_cause="Agent argued with the customer", prevention="Coaching on empathy (E)")
    # The same lesson on the earlier case, spaced and cased differently: one lesson, two refs.
    at("2024-03-05T10:00:00Z").update_case(
        ids["K0"], root_cause="  door seal   fails after SIX months ",
        prevention="Check seals at the 5-month service")
    at("2024-03-05T17:00:00Z").update_case(ids["K5"],
                                           root_cause="Price list on the website out of date")
    at("2024-03-07T03:00:00Z").update_case(ids["K7"], root_cause=HUGE)
    at("2024-03-08T02:00:00Z").update_case(ids["K2"], satisfaction=5,
                                           followup_date="2024-03-08")

    # Callback promises. Written as schedule_callback writes them (it refuses a time in the
    # past, and this data set lives in 2024).
    cbs: dict[str, str] = {}

    def callback(key: str, case_key: str, made: str, due: str) -> None:
        clock.set(made)
        cbs[key] = store.clock_id()
        ana._write_fields("callback", cbs[key], {"case_id": ids[case_key], "due_at": due,
                                                "note": f"promise {key}", "status": "open"})

    callback("CB1", "K2", "2024-03-05T02:10:00Z", "2024-03-05T03:00:00.000Z")
    callback("CB2", "K3", "2024-03-05T05:10:00Z", "2024-03-05T05:30:00.000Z")
    callback("CB3", "K1", "2024-03-05T07:30:00Z", "2024-03-05T08:00:00.000Z")
    callback("CB4", "K4", "2024-03-05T15:59:30Z", "2024-03-06T05:00:00.000Z")
    callback("CB5", "K2", "2024-03-05T02:20:00Z", "2024-03-05T12:00:00.000Z")
    callback("CB6", "K0", "2024-03-04T13:00:00Z", "2024-03-04T15:00:00.000Z")
    at("2024-03-05T02:50:00Z").finish_callback(cbs["CB1"])               # kept
    at("2024-03-05T06:10:00Z").finish_callback(cbs["CB2"])               # 40 min late
    at("2024-03-05T04:00:00Z").finish_callback(cbs["CB5"], "cancelled")
    at("2024-03-04T14:00:00Z").finish_callback(cbs["CB6"])               # kept (Mar 4)

    # Calls, with marks as the pipeline stores them (t: seconds into the call).
    calls: dict[str, str] = {}

    def call(key: str, svc: CaseService, case_key: str, when: str, peak: float, final: float,
             marks: list[tuple[float, str, str]]) -> None:
        clock.set(when)
        service = CallService(svc)
        calls[key] = service.begin(ids[case_key])
        svc._append("call_marks", [
            {"id": store.clock_id(), "call_id": calls[key], "channel": "agent", "t": t,
             "kind": kind, "code": code, "text": "", "hlc": store.clock.now(),
             "device": store.device} for t, kind, code in marks])
        service.finish(calls[key], 180.0, peak, final)

    call("A", bob, "K2", "2024-03-05T02:00:30Z", 91.0, 88.0, [
        (20.0, "step", "A"), (25.0, "trap", "sorry_but"), (50.0, "trap", "bare_understand"),
        (70.0, "escalation", "regulator"), (90.0, "step_manual", "L"),
        (120.0, "step_undone", "A"), (130.0, "interruption", "interruption")])
    call("B", ana, "K1", "2024-03-04T17:31:00Z", 82.0, 30.0, [
        (5.0, "step_manual", "C"), (12.0, "step", "L"), (30.0, "step", "E"),
        (41.0, "step", "A"), (95.0, "step_manual", "R")])
    call("C", ana, "K3", "2024-03-05T05:01:00Z", 60.0, 50.0, [
        (10.0, "trap", "sorry_but"), (15.0, "step", "A"), (30.0, "step", "E"),
        (50.0, "step", "R")])
    call("D", bob, "K4", "2024-03-05T15:59:30Z", 20.0, 25.0, [])
    call("E", ana, "K5", "2024-03-05T16:01:00Z", 99.0, 10.0, [(3.0, "trap", "talk_over")])
    refs = {k: ana.case(v).ref for k, v in ids.items()}
    return FixedSet(refs, ids, cbs, calls)


@pytest.fixture
def fixed(store: Store, beijing: None, monkeypatch: pytest.MonkeyPatch) -> FixedSet:
    return build_fixed_set(store, monkeypatch)


def test_period_is_local_days(beijing: None) -> None:
    assert DAY.bounds() == ("2024-03-04T16:00:00.000Z", "2024-03-05T16:00:00.000Z")
    assert (DAY.days, DAY.bucket, WEEK.bucket) == (1, "day", "day")
    assert Period(date(2024, 1, 1), date(2024, 3, 1)).bucket == "week"
    assert Period(date(2024, 1, 1), date(2024, 12, 1)).bucket == "month"
    assert Period.yesterday(date(2024, 3, 6)) == DAY
    assert Period.last_days(7, date(2024, 3, 10)) == WEEK
    with pytest.raises(ValueError):
        Period(date(2024, 3, 5), date(2024, 3, 5))
    with pytest.raises(ValueError):
        Period(date(2020, 1, 1), date(2024, 1, 1))


def test_day_analysis_matches_hand_computed_values(store: Store, fixed: FixedSet) -> None:
    a = analyse(store, DAY, now=MEETING)
    # Opened on Mar 5 (Beijing): K1 (01:30), K2, K3, K4 (23:59); not K0, K5 (00:00 on Mar 6).
    assert a.cases == 4
    assert a.by_category == (("communication", 2), ("attitude", 1), ("quality", 1))
    assert a.by_status == (("open", 2), ("closed", 1), ("resolved", 1))  # K2 K4 / K3 / K1
    assert [(b.start, b.counts) for b in a.trend] == [
        (date(2024, 3, 5), (("communication", 2), ("attitude", 1), ("quality", 1)))]
    # Callbacks due on Mar 5: CB1 done 10 min early, CB2 done 40 min late, CB3 still open at
    # the meeting, CB5 cancelled. CB6 (due Mar 4, 23:00) and CB4 (Mar 6) are outside.
    p = a.promises
    assert (p.due, p.kept, p.late, p.missed, p.pending, p.cancelled) == (4, 1, 1, 1, 0, 1)
    assert (p.broken, p.kept_rate) == (2, pytest.approx(1 / 3))
    # Follow-ups dated Mar 5: K1 (done at 07:00 on Mar 5 UTC), K3 (not). Overdue at the meeting
    # (dated before Mar 6, not done): K3 and K0 (Mar 1).
    f = a.followups
    assert (f.due, f.done, f.done_in_period, f.overdue) == (2, 1, 1, 2)
    # Rated on Mar 5: K1 4, K3 2 (K0's 5 was given in February, K2's 5 on Mar 8).
    s = a.satisfaction
    assert (s.rated, s.average, s.distribution) == (2, 3.0, (0, 1, 0, 1, 0))
    # Lessons written on Mar 5 (Beijing): K0 at 10:00Z (same text as K1's, newest first),
    # K1 at 06:00Z, K3 at 09:00Z. K5's at 17:00Z is Mar 6 in Beijing.
    assert a.lessons_total == 2
    first, second = a.lessons
    assert first.case_refs == (fixed.refs["K0"], fixed.refs["K1"])
    assert first.root_cause == "door seal fails after SIX months"  # the newest wording
    assert first.prevention == "Check seals at the 5-month service"
    assert (first.categories, first.written_at[:16]) == (("quality",), "2024-03-05T10:00")
    assert (second.case_refs, second.root_cause) == ((fixed.refs["K3"],),
                                                     "Agent argued with the customer")
    # Repeat customers: Wang Fang has K1 on Mar 5 and K0 within 90 days before it.
    assert a.repeat_total == 1
    (wang,) = a.repeat_customers
    assert (wang.name, wang.cases, wang.in_period) == ("Wang Fang", 2, 1)
    assert (wang.case_refs, wang.categories) == ((fixed.refs["K0"], fixed.refs["K1"]),
                                                 ("quality",))


def test_week_analysis_matches_hand_computed_values(store: Store, fixed: FixedSet) -> None:
    a = analyse(store, WEEK, now=MEETING)
    # Mar 4-10: K1-K5 and K7 (no category: counted, and ranked last among equals).
    assert a.cases == 6
    assert a.by_category == (("communication", 2), ("attitude", 1), ("price", 1),
                             ("quality", 1), ("", 1))
    assert len(a.trend) == 7 and a.trend[0].start == date(2024, 3, 4)
    assert [b.total for b in a.trend] == [0, 4, 1, 1, 0, 0, 0]
    assert dict(a.trend[2].counts) == {"communication": 0, "attitude": 0, "price": 1,
                                       "quality": 0, "": 0}
    # CB1 CB6 kept, CB2 late, CB3 missed, CB4 (due Mar 6 05:00Z) pending at the meeting.
    p = a.promises
    assert (p.due, p.kept, p.late, p.missed, p.pending, p.cancelled) == (6, 2, 1, 1, 1, 1)
    # Follow-ups dated Mar 4-10: K1 (done), K3, K2 (Mar 8).
    assert (a.followups.due, a.followups.done) == (3, 1)
    # Ratings 4, 2 and K2's 5 on Mar 8: 11 / 3.
    assert a.satisfaction.rated == 3
    assert a.satisfaction.average == pytest.approx(11 / 3)
    assert a.satisfaction.distribution == (0, 1, 0, 1, 1)
    # Newest first: K7 (Mar 7, the huge paste: one line, cut), K5, K0+K1, K3.
    assert a.lessons_total == 4
    assert [x.case_refs[0] for x in a.lessons] == [fixed.refs[k] for k in ("K7", "K5", "K0",
                                                                          "K3")]
    huge = a.lessons[0]
    assert LESSON_CHARS - 2 <= len(huge.root_cause) <= LESSON_CHARS  # cut at a word's end
    assert huge.root_cause.endswith("…")
    assert huge.root_cause.startswith("Firmware bug in batch 7 — Firmware bug")
    assert huge.categories == ("",) and huge.prevention == ""
    assert a.lessons[1].prevention == ""  # a root cause without a measure yet
    (wang,) = a.repeat_customers
    assert (wang.cases, wang.in_period, wang.categories) == (3, 2, ("quality", "price"))


def test_one_agent(store: Store, fixed: FixedSet) -> None:
    a = analyse(store, DAY, agent="bob", now=MEETING)
    assert (a.cases, a.by_category) == (2, (("communication", 2),))  # K2, K4
    p = a.promises  # on bob's cases: CB1 kept, CB5 cancelled
    assert (p.due, p.kept, p.broken, p.cancelled) == (2, 1, 0, 1)
    assert a.lessons == () and a.repeat_customers == ()
    d = build_digest(store, DAY, agent="bob", now=MEETING, bands=BANDS)
    assert d.calls == 2 and [w.call_id for w in d.worst_calls] == [fixed.calls["A"],
                                                                  fixed.calls["D"]]
    assert d.traps == (("bare_understand", 1), ("sorry_but", 1))
    assert [s.agent for s in d.agents] == ["bob"]
    assert d.open_cases == 2  # K2, K4


def test_an_agent_viewer_gets_their_own_digest(store: Store, fixed: FixedSet) -> None:
    from desk.review import Viewer

    bob = Viewer("agent", "bob", "team-1")
    own = build_digest(store, DAY, now=MEETING, bands=BANDS, viewer=bob)
    assert own == build_digest(store, DAY, agent="bob", now=MEETING, bands=BANDS)
    asked = build_digest(store, DAY, agent="ana", now=MEETING, bands=BANDS, viewer=bob)
    assert asked == own and asked.agent == "bob"
    lead = build_digest(store, DAY, now=MEETING, bands=BANDS,
                        viewer=Viewer("supervisor", "lee", "team-1"))
    assert lead.agent is None and lead.calls == 4


def test_digest_matches_hand_computed_values(store: Store, fixed: FixedSet) -> None:
    d = build_digest(store, DAY, now=MEETING, bands=BANDS)
    assert d.generated_at == "2024-03-06T01:00:00.000Z"
    # Calls started on Mar 5 (Beijing): A (91 -> 88), B (82 -> 30, 01:31), C (60 -> 50),
    # D (20 -> 25, 23:59:30). E started at 00:01 on Mar 6.
    t = d.team
    assert (t.agent, t.calls, t.max_peak) == ("", 4, 91.0)
    assert t.avg_peak == pytest.approx((91 + 82 + 60 + 20) / 4)  # 63.25
    assert t.avg_final == pytest.approx((88 + 30 + 50 + 25) / 4)  # 48.25
    # Agitated (peak >= 55): A, B, C; calmed below 35 by the end: B only.
    assert (t.needed, t.calmed, t.deescalation_rate) == (3, 1, pytest.approx(1 / 3))
    # CLEAR complete: B. In order: B (C L E A R); not A (A, L), not C (A, E, R); D did none.
    assert (t.clear_complete, t.in_order) == (1, 1)
    # First apologies at 20 s (A), 41 s (B), 15 s (C): median 20 s.
    assert (t.median_t_apology, t.apologised) == (20.0, 3)
    assert t.traps == 3
    assert d.traps == (("sorry_but", 2), ("bare_understand", 1))  # E's talk_over: Mar 6
    assert (d.escalations, d.interruptions) == ((("regulator", 1),), 1)
    assert [(w.case_ref, w.agent, w.customer, w.category, w.peak, w.final)
            for w in d.worst_calls] == [
        (fixed.refs["K2"], "bob", "Li Lei", "communication", 91.0, 88.0),
        (fixed.refs["K1"], "ana", "Wang Fang", "quality", 82.0, 30.0),
        (fixed.refs["K3"], "ana", "Zhao Min", "attitude", 60.0, 50.0)]
    ana, bob = d.agents
    assert (ana.agent, ana.calls, ana.avg_peak, ana.traps) == ("ana", 2, 71.0, 1)
    assert (bob.agent, bob.calls, bob.avg_peak, bob.traps) == ("bob", 2, 55.5, 2)
    # Open now: K2, K4, K5, K7 (K0 K1 resolved, K3 closed).
    assert d.open_cases == 4
    # Still open after their time at the meeting: CB3 only (CB4 is due later that day).
    assert d.overdue_total == 1
    (late,) = d.overdue_callbacks
    assert (late.case_ref, late.customer, late.note) == (fixed.refs["K1"], "Wang Fang",
                                                         "promise CB3")
    assert d.new_cases == 4 and not d.is_empty


def test_digest_counts_match_the_database(store: Store, fixed: FixedSet) -> None:
    """The digest's counts against the app's own lists of the same things."""
    d = build_digest(store, DAY, now=MEETING, bands=BANDS)
    start, end = DAY.bounds()
    svc = CaseService(store)
    assert d.new_cases == len(svc.list_cases(CaseFilter(created_from=start, created_to=end)))
    for key, n in d.analysis.by_category:
        assert n == len(svc.list_cases(CaseFilter(category=key, created_from=start,
                                                  created_to=end)))
    assert d.open_cases == len(svc.list_cases(CaseFilter(status="open")))
    overdue = [c for c in svc.open_callbacks() if parse_iso(c.due_at) < MEETING]
    assert d.overdue_total == len(overdue)
    calls = ReviewService(store).calls(CallQuery(start, end))
    assert d.calls == len(calls) and d.team.traps == sum(n for _, n in d.traps)
    assert d.worst_calls[0].peak == max(c.peak for c in calls)


def test_empty_period(store: Store, fixed: FixedSet) -> None:
    d = build_digest(store, Period.day(date(2023, 6, 1)), now=MEETING, bands=BANDS)
    assert d.is_empty and d.calls == 0 and d.worst_calls == () and d.agents == ()
    assert d.team.median_t_apology is None and d.team.deescalation_rate is None
    a = d.analysis
    assert (a.cases, a.by_category, a.lessons, a.repeat_customers) == (0, (), (), ())
    assert [b.total for b in a.trend] == [0]
    assert a.satisfaction.average is None and a.promises.kept_rate is None
    assert d.open_cases == 4 and d.overdue_total == 1  # the backlog is still there


def test_empty_database(store: Store) -> None:
    d = build_digest(store, bands=BANDS)  # yesterday, now
    assert d.is_empty and d.open_cases == 0 and d.overdue_total == 0
    assert d.period == Period.yesterday()


def test_clean_line() -> None:
    assert clean_line(" a\x00b\n\tc\u200b  d ") == "ab c d"
    assert clean_line("x" * 10, 5) == "xxxx…"
    assert clean_line("short", 50, cut=True) == "short…"  # cut by the database
    assert clean_line("") == ""


def test_lesson_text_with_markup_is_kept_as_text(store: Store, svc: CaseService,
                                                 fake_now: Any) -> None:
    fake_now.set("2024-03-05T03:00:00Z")
    case = svc.new_case(category="price")
    svc.update_case(case.id, root_cause="<b>50%</b> off & \"free\" 送货 😀",
                    prevention="'; DROP TABLE cases; --")
    (lesson,) = analyse(store, Period.day(date(2024, 3, 5)),
                        now=datetime(2024, 3, 6, tzinfo=timezone.utc)).lessons
    assert lesson.root_cause == "<b>50%</b> off & \"free\" 送货 😀"
    assert lesson.prevention == "'; DROP TABLE cases; --"


def test_an_agents_repeat_customers_name_only_their_own_cases(store: Store) -> None:
    ana, bob = CaseService(store, agent="ana"), CaseService(store, agent="bob")
    cu = ana.new_customer(name="Zhou Min")
    theirs = ana.new_case(customer_id=cu.id, category="price")
    mine = bob.new_case(customer_id=cu.id, category="quality")
    today = Period.day(date.today())
    (repeat,) = analyse(store, today, agent="bob").repeat_customers
    assert (repeat.cases, repeat.case_refs, repeat.categories) == (2, (mine.ref,), ("quality",))
    (whole,) = analyse(store, today).repeat_customers
    assert set(whole.case_refs) == {theirs.ref, mine.ref}


def test_a_root_cause_is_read_out_with_its_measure_written_before(store: Store) -> None:
    """The measure was written on the 12th, the root cause on the 16th: the lesson of the
    16th has both."""
    svc = CaseService(store, agent="ana")
    case = svc.new_case(complaint="kettle leaks")

    def ev(field: str, value: str, at: str) -> FieldEvent:
        return FieldEvent(store.clock_id(), "case", case.id, field, value, store.clock.now(),
                          store.device, at)

    def write(conn: Any) -> None:
        with transaction(conn):
            apply_field_events(conn, [
                ev("prevention", "Check the seal before shipping", "2026-11-12T02:00:00.000Z"),
                ev("root_cause", "Seal not checked at the depot", "2026-11-16T02:00:00.000Z")])

    store.call(write)
    (lesson,) = analyse(store, Period.day(date(2026, 11, 16)),
                        now=datetime(2026, 11, 17, tzinfo=timezone.utc)).lessons
    assert (lesson.root_cause, lesson.prevention) == ("Seal not checked at the depot",
                                                      "Check the seal before shipping")
