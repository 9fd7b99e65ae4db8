"""The calls list's figures, against values worked out by hand on a small fixed set."""

from __future__ import annotations

from typing import Any

import pytest

from db.events import set_meta, transaction
from desk.calls import CallService
from desk.cases import CaseService
from desk.review import CallQuery, ReviewService, Viewer, viewer_of
from desk.store import Store
from desk.sync import credentials


def _call(store: Store, agent: str, customer: str, category: str, peak: float, final: float,
          duration: float, marks: list[tuple[float, str, str]]) -> str:
    cases = CaseService(store, agent=agent)
    cu = cases.new_customer(name=customer)
    case = cases.new_case(customer_id=cu.id, category=category)
    calls = CallService(cases)
    call_id = calls.begin(case.id)
    cases._append("call_marks", [
        {"id": store.clock_id(), "call_id": call_id, "channel": "agent", "t": t, "kind": kind,
         "code": code, "text": "", "hlc": store.clock.now(), "device": store.device}
        for t, kind, code in marks])
    calls.finish(call_id, duration, peak, final)
    return call_id


@pytest.fixture
def three_calls(store: Store) -> dict[str, Any]:
    ids = {
        # Calmed down: C, L, E, A (heard at 41 s), R (ticked at 95 s). In order.
        "good": _call(store, "ana", "Wang Fang", "delivery", 82.0, 30.0, 180.0, [
            (5.0, "step_manual", "C"), (12.0, "step", "L"), (30.0, "step", "E"),
            (41.0, "step", "A.apology"), (60.0, "step", "A.apology"), (95.0, "step_manual", "R")]),
        # Went wrong: apology first, then a trap twice and an escalation; A unticked later.
        "bad": _call(store, "bob", "Li Lei", "billing", 91.0, 88.0, 240.0, [
            (20.0, "step", "A"), (25.0, "trap", "sorry_but"), (50.0, "trap", "bare_understand"),
            (70.0, "escalation", "regulator"), (90.0, "step_manual", "L"),
            (120.0, "step_undone", "A"), (130.0, "interruption", "interruption")]),
        # Never agitated, nothing done.
        "calm": _call(store, "ana", "Zhao Min", "delivery", 20.0, 25.0, 60.0, []),
    }
    return ids


def test_figures_match_the_hand_computed_ones(store: Store, three_calls: dict[str, Any]) -> None:
    got = {c.id: c for c in ReviewService(store).calls()}
    good, bad, calm = (got[three_calls[k]] for k in ("good", "bad", "calm"))
    assert (good.agent, good.customer, good.category) == ("ana", "Wang Fang", "delivery")
    assert (good.peak, good.final, good.deescalation) == (82.0, 30.0, 52.0)
    assert (good.t_apology, good.t_offer) == (41.0, 95.0)
    assert good.steps_done == ("C", "L", "E", "A", "R") and good.in_clear_order
    assert (good.traps, good.escalations, good.interruptions) == (0, 0, 0)
    assert bad.deescalation == pytest.approx(3.0)
    assert (bad.t_apology, bad.t_offer) == (20.0, None)
    assert bad.steps_done == ("L",)  # A was unticked at 120 s
    assert bad.step_order == ("A", "L") and not bad.in_clear_order
    assert (bad.traps, bad.escalations, bad.interruptions) == (2, 1, 1)
    assert calm.deescalation == 0.0  # it ended higher than its peak figure: never negative
    assert (calm.t_apology, calm.steps_done) == (None, ())


def test_sort_and_filter(store: Store, three_calls: dict[str, Any]) -> None:
    review = ReviewService(store)
    by_peak = [c.id for c in review.calls(CallQuery(sort="peak"))]
    assert by_peak == [three_calls[k] for k in ("bad", "good", "calm")]
    by_apology = [c.id for c in review.calls(CallQuery(sort="t_apology", descending=False))]
    assert by_apology == [three_calls[k] for k in ("bad", "good", "calm")]  # never: last
    assert [c.id for c in review.calls(CallQuery(agent="ana", sort="deescalation"))] == \
        [three_calls["good"], three_calls["calm"]]
    assert [c.id for c in review.calls(CallQuery(category="billing"))] == [three_calls["bad"]]
    assert {c.id for c in review.calls(CallQuery(min_peak=80))} == \
        {three_calls["good"], three_calls["bad"]}
    with pytest.raises(ValueError):
        review.calls(CallQuery(sort="DROP TABLE"))
    # What went wrong (bands 35/55/75): bad peaked at 91 and ended at 88; good came down and
    # calm never went up. Only calm has no apology (bad's at 20 s counts, unticked later).
    def went_wrong(problem: str) -> set[str]:
        return {k for k, v in three_calls.items()
                if v in {c.id for c in review.calls(CallQuery(problem=problem))}}

    assert went_wrong("not_calmed") == {"bad"}
    assert went_wrong("no_apology") == {"calm"}
    assert went_wrong("clear_incomplete") == {"bad", "calm"}
    assert went_wrong("traps") == went_wrong("escalation") == {"bad"}
    with pytest.raises(ValueError):
        review.calls(CallQuery(problem="everything"))


def test_team_statistics_match_the_hand_computed_ones(store: Store,
                                                      three_calls: dict[str, Any]) -> None:
    from desk.agitation.config import load_config
    from desk.review import team_stats

    bands = load_config().bands
    assert bands == (35.0, 55.0, 75.0)  # elevated, agitated, escalate
    ana, bob, team = team_stats(ReviewService(store).calls(), bands)
    # ana: good (82 → 30) and calm (20 → 25).
    assert (ana.agent, ana.calls, ana.avg_peak, ana.max_peak, ana.avg_final) == \
        ("ana", 2, 51.0, 82.0, 27.5)
    assert (ana.needed, ana.calmed, ana.deescalation_rate) == (1, 1, 1.0)
    assert (ana.clear_complete, ana.in_order, ana.median_t_apology, ana.traps) == \
        (1, 1, 41.0, 0)
    # bob: bad (91 → 88), apology at 20 s then unticked, L after A: out of order.
    assert (bob.needed, bob.calmed, bob.deescalation_rate) == (1, 0, 0.0)
    assert (bob.clear_complete, bob.in_order, bob.median_t_apology, bob.traps) == \
        (0, 0, 20.0, 2)
    assert (team.agent, team.calls, team.needed, team.calmed) == ("", 3, 2, 1)
    assert team.avg_peak == pytest.approx((82 + 91 + 20) / 3)
    assert (team.median_t_apology, team.apologised) == (30.5, 2)


def test_an_agent_sees_only_their_own_calls(store: Store, three_calls: dict[str, Any]) -> None:
    ana = ReviewService(store, Viewer("agent", "ana"))
    assert {c.id for c in ana.calls()} == {three_calls["good"], three_calls["calm"]}
    assert ana.calls(CallQuery(agent="bob")) == []  # asking for a colleague's gives nothing
    assert ana.agents() == ["ana"]
    sup = ReviewService(store, Viewer("supervisor", "sue", "north"))
    assert len(sup.calls()) == 3 and sup.agents() == ["ana", "bob"]
    assert viewer_of(store, "counter 1") == Viewer("standalone", "counter 1")

    def set_url(conn: Any) -> None:
        with transaction(conn):
            set_meta(conn, credentials.URL_KEY, "https://sync.example.com")

    store.call(set_url)  # sync set up, not signed in yet: own calls only, not everyone's
    assert viewer_of(store, "ana") == Viewer("agent", "ana")
    assert {c.agent for c in ReviewService(store, viewer_of(store, "ana")).calls()} == {"ana"}


def test_search_finds_calls_by_transcript_customer_and_reference(
        store: Store, three_calls: dict[str, Any]) -> None:
    cases = CaseService(store)
    cases._append("call_segments", [{
        "id": store.clock_id(), "call_id": three_calls["bad"], "channel": "caller",
        "start": 12.0, "end": 15.0, "text": "我要投诉到12315，100%_不满意", "words": "[]",
        "lang": "zh", "hlc": store.clock.now(), "device": store.device}])
    svc = ReviewService(store)

    def found(text: str) -> set[str]:
        return {c.id for c in svc.calls(CallQuery(text=text))}

    assert found("12315") == {three_calls["bad"]}
    assert found("100%_") == {three_calls["bad"]} and found("0%x") == set()
    assert found("wang") == {three_calls["good"]}  # the customer, any case
    ref = svc.calls(CallQuery(agent="bob"))[0].case_ref
    assert found(ref) == {three_calls["bad"]}
    assert len(found("  ")) == 3
