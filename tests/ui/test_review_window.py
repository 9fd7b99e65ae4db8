"""The review window on calls heard by the real pipeline: the list sorts and filters, the
team's figures, comparing calls, an agent's own view and the comments a supervisor leaves."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QApplication

from desk.cases import CaseService
from desk.comments import CommentService
from desk.content import load_catalog, resources_dir
from desk.store import Store
from desk.sync import credentials
from desk.timeutil import to_iso
from tests.review_data import ReviewData
from ui.review_window import ReviewWindow
from ui.team_stats import TeamStatsWidget

OpenReview = Callable[..., ReviewWindow]


@pytest.fixture
def open_review(qapp: QApplication, qtbot, review_data: ReviewData,
                tmp_path: Path) -> Iterator[OpenReview]:
    stores: list[Store] = []

    def make(agent: str = "", role: str = "", account: str = "") -> ReviewWindow:
        store = Store(review_data.path)
        stores.append(store)
        if role:
            credentials.remember_identity(store, {"account": account, "role": role,
                                                  "team": "north"})
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = ReviewWindow(CaseService(store, agent=agent or account),
                              load_catalog(resources_dir()), "en", settings)
        qtbot.addWidget(window)
        window.filters.period.setCurrentIndex(window.filters.period.findData(""))  # any date
        window.show()
        return window

    yield make
    for s in stores:
        s.close()


def peaks(w: ReviewWindow) -> list[float]:
    return [c.peak for c in w.model.calls]


def test_the_list_sorts_by_peak_and_filters(open_review: OpenReview,
                                            review_data: ReviewData) -> None:
    w = open_review()
    assert w.model.rowCount() == 3 and peaks(w) == sorted(peaks(w), reverse=True)
    assert w.viewer.role == "standalone" and w.filters.agent.isVisible()
    top = w.model.calls[0]
    index = w.model.index(0, w.model.column_of("peak"))
    assert w.model.data(index) == f"{top.peak:.0f}"
    # Click the Peak header: lowest first.
    w.table.sortByColumn(w.model.column_of("peak"), Qt.SortOrder.AscendingOrder)
    assert peaks(w) == sorted(peaks(w))
    # Only bob's calls; then everyone's again with a peak of at least 50.
    w.filters.agent.setCurrentIndex(w.filters.agent.findData("bob"))
    assert [c.id for c in w.model.calls] == [review_data.calls["worst"]]
    w.filters.agent.setCurrentIndex(0)
    w.filters.min_peak.setValue(50)
    assert {c.id for c in w.model.calls} == {review_data.calls["calmed"],
                                              review_data.calls["worst"]}
    assert w.count.text() == "Calls: 2"
    w.filters.min_peak.setValue(0)
    w.filters.problem.setCurrentIndex(w.filters.problem.findData("not_calmed"))
    assert [c.id for c in w.model.calls] == [review_data.calls["worst"]]  # ended agitated


def test_search_finds_a_call_by_what_was_said(open_review: OpenReview, qtbot,
                                              review_data: ReviewData) -> None:
    w = open_review()
    worst = review_data.calls["worst"]
    words = w.calls.record(worst).segments[-1].text.split()
    word = max(words, key=len)
    w.filters.search.setText(word)
    qtbot.waitUntil(lambda: worst in {c.id for c in w.model.calls}
                    and w.model.rowCount() < 3, timeout=3000)
    w.filters.search.setText("no such words anywhere 없는말")
    qtbot.waitUntil(lambda: w.model.rowCount() == 0, timeout=3000)
    assert w.count.text() == "Calls: 0"


def test_selecting_a_call_opens_it_and_calls_compare(open_review: OpenReview,
                                                     review_data: ReviewData) -> None:
    w = open_review()
    calmed = review_data.calls["calmed"]
    w.select_call(calmed)
    assert w.view.data is not None and w.view.data.summary.id == calmed
    w.view.set_cursor(30.0)
    w.refresh()  # as after a sync: the call stays at the moment picked (a comment goes there)
    assert w.view.cursor_t == 30.0 and "0:30" in w.view.side.add_button.text()
    sel = w.table.selectionModel()
    for row in range(2):
        sel.select(w.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    w.compare_button.click()
    assert w.tabs.currentWidget() is w.compare and w.compare.line_count() == 2
    w.compare.at_peak.setChecked(True)
    for item in w.compare.plot.listDataItems():  # each curve's peak now at time 0
        x, y = item.getOriginalDataset()
        assert abs(x[int(y.argmax())]) < 1e-9


def test_team_figures_and_charts(open_review: OpenReview, review_data: ReviewData) -> None:
    w = open_review()
    # Case figures of ana's: a satisfaction of 4, a callback promise kept and one missed.
    ana = CaseService(w.service.store, agent="ana")
    ana.update_case(review_data.cases["calmed"], satisfaction=4)
    now = datetime.now(timezone.utc)
    kept = ana.schedule_callback(review_data.cases["calmed"], now + timedelta(hours=1))
    ana.finish_callback(kept.id)
    missed = w.service.store.clock_id()  # promised for 5 minutes ago, still open
    ana._write_fields("callback", missed, {
        "case_id": review_data.cases["calm"], "status": "open", "note": "",
        "due_at": to_iso(now - timedelta(minutes=5))})
    w.refresh()
    w.tabs.setCurrentWidget(w.team)
    team: TeamStatsWidget = w.team
    names = [team.table.item(r, 0).text() for r in range(team.table.rowCount())]
    assert names == ["ana", "bob", "Team"]
    assert team.table.item(2, 1).text() == "3"
    calmed_share = team.table.item(2, 5).text()  # of 2 agitated callers, 1 calmed down
    assert calmed_share.endswith("(1/2)") and calmed_share.startswith("50")
    assert team.agitation.bar_count() == 2 and team.outcomes.bar_count() == 2
    cells = [team.table.item(0, c).text() for c in (10, 12)]  # ana's row
    assert cells == ["50 % (1/2)", "4.0 (1 rated)"]
    assert team.table.item(1, 10).text() == "— (0/0)"  # bob promised nothing


def test_an_agent_sees_only_their_own_calls(open_review: OpenReview,
                                            review_data: ReviewData) -> None:
    w = open_review(role="agent", account="ana")
    assert w.viewer.role == "agent" and not w.filters.agent.isVisible()
    assert {c.id for c in w.model.calls} == {review_data.calls["calmed"],
                                              review_data.calls["calm"]}
    w.tabs.setCurrentWidget(w.team)
    assert [w.team.table.item(0, 0).text(), w.team.table.rowCount()] == ["ana", 1]
    assert "ana" in w.who.text()


def test_a_supervisors_comment_reaches_the_agents_window(open_review: OpenReview,
                                                         review_data: ReviewData) -> None:
    sup = open_review(role="supervisor", account="sue")
    assert sup.model.rowCount() == 3 and "team north" in sup.who.text()
    calmed = review_data.calls["calmed"]
    CommentService(sup.service).add(calmed, 12.5, "Good: you apologised before explaining.")
    agent = open_review(role="agent", account="ana")
    agent.tabs.setCurrentWidget(agent.received)
    tree = agent.received.tree
    assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).font(5).bold()
    assert agent.received.summary.text().endswith(": 1")
    tree.itemActivated.emit(tree.topLevelItem(0), 0)
    assert agent.tabs.currentIndex() == 0 and agent.view.data.summary.id == calmed
    assert agent.view.cursor_t == 12.5
    agent.received.mark.click()
    assert not agent.received.tree.topLevelItem(0).font(5).bold()
    assert agent.received.summary.text().endswith(": 0")


def test_the_main_window_opens_the_review_and_counts_new_comments(
        open_desk, review_data: ReviewData) -> None:
    desk = open_desk(db=review_data.path)
    credentials.remember_identity(desk.store, {"account": "ana", "role": "agent",
                                               "team": "north"})
    CommentService(CaseService(desk.store, agent="sue")).add(
        review_data.calls["calmed"], 5.0, "Well done: the apology came first.")
    w = desk.window
    w.review.rows_arrived()  # as after a sync brought rows
    action = w.actions_by_name["review"]
    assert action.text() == "Review calls (new comments: 1)"
    assert "commented on your calls" in w.statusBar().currentMessage()
    assert desk.service.agent == "ana"  # signed in: what this desk writes is ana's
    action.trigger()
    review = w.review.review
    assert review is not None and review.isVisible() and review.viewer.role == "agent"
    assert {c.agent for c in review.model.calls} <= {"ana"}
    review.received.mark.click()
    assert action.text() == "Review calls"
    w.switch_language("zh_CN")  # the open review window comes back in Chinese
    assert w.review.review is not None and w.review.review.isVisible()
    assert w.review.review.windowTitle() != "ClearDesk — call review"
