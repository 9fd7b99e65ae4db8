"""The calls list's figures on calls heard by the real pipeline (espeak-ng speech, the real
vosk model and scorer), stored through the same path as a live call."""

from __future__ import annotations

from desk.calls import CallService
from desk.cases import CaseService
from desk.review import CallQuery, ReviewService, team_stats
from desk.store import Store
from tests.review_data import ReviewData


def test_the_list_sorts_by_peak_and_the_figures_are_the_heard_ones(
        review_data: ReviewData) -> None:
    store = Store(review_data.path)
    try:
        got = ReviewService(store).calls(CallQuery(sort="peak"))
        ids = review_data.calls
        assert [c.peak for c in got] == sorted((c.peak for c in got), reverse=True)
        by = {c.id: c for c in got}
        calmed, worst, calm = by[ids["calmed"]], by[ids["worst"]], by[ids["calm"]]
        assert calm.peak < 35 < 55 < min(calmed.peak, worst.peak)
        assert worst.final > 55 > 35 > calmed.final  # one ended agitated, one calmed down
        assert calmed.deescalation > 40 and worst.deescalation < calmed.deescalation
        # The agent's apology at 3 s of the recording, heard by the recognizer.
        assert calmed.t_apology is not None and 2.5 < calmed.t_apology < 9
        assert "A" in calmed.steps_done and worst.t_apology is None
        assert (calmed.agent, calmed.customer, calmed.category) == (
            "ana", "Wang Fang", "communication")
        # Every figure is the record's: the peak is the caller's highest sample.
        rec = CallService(CaseService(store)).record(ids["worst"])
        assert worst.peak == round(max(s.score for s in rec.samples if s.channel == "caller"), 2)
        assert worst.started_at.startswith("2026-11-16T10:00")
        ana = ReviewService(store).calls(CallQuery(agent="ana"))
        assert {c.id for c in ana} == {ids["calmed"], ids["calm"]}
        team = team_stats(got, (35.0, 55.0, 75.0))
        assert [s.agent for s in team] == ["ana", "bob", ""]
        assert (team[-1].calls, team[-1].needed, team[-1].calmed) == (3, 2, 1)
    finally:
        store.close()
