"""The agitation plot: live window from the ring buffer, markers, explanation, review mode."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desk.events import (
    AGENT,
    CALLER,
    AgitationSample,
    Cue,
    SourceStatus,
    StepHeard,
    TranscriptSegment,
)
from ui.agitation_plot import AgitationPlotWidget, clock


def band(score: float) -> str:
    return "calm" if score < 35 else "elevated" if score < 55 else (
        "agitated" if score < 75 else "escalate")


def samples(t0: float, t1: float, channel: str = CALLER) -> list[AgitationSample]:
    """10 Hz samples over [t0, t1): a slow wave with loudness and words behind it."""
    out = []
    for i in range(round(t0 * 10), round(t1 * 10)):
        t = i / 10
        score = 40 + 30 * math.sin(t / 20) if channel == CALLER else 20.0
        contrib = (("loudness", score * 0.5), ("words", score * 0.3), ("pitch", score * 0.2),
                   ("tilt", 0.1))
        out.append(AgitationSample(channel, t, score, band(score), contrib))
    return out


def call(t0: float, t1: float) -> list[AgitationSample]:
    return samples(t0, t1, CALLER) + samples(t0, t1, AGENT)


@pytest.fixture
def plot(qtbot) -> AgitationPlotWidget:
    widget = AgitationPlotWidget(window_s=120.0)
    qtbot.addWidget(widget)
    widget.resize(1200, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def visible_marks(plot: AgitationPlotWidget) -> list[tuple[float, str]]:
    return sorted((line.value(), line.label.format) for line in plot.pool if line.isVisible())


def x_range(plot: AgitationPlotWidget) -> tuple[float, float]:
    x0, x1 = plot.view.viewRange()[0]
    return x0, x1


def wheel(plot: AgitationPlotWidget) -> None:
    """One wheel turn over the middle of the graph."""
    viewport = plot.plot.viewport()
    centre = viewport.rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(viewport.mapToGlobal(centre)), QPoint(),
                        QPoint(0, 480), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def test_curve_data_is_the_live_window(plot: AgitationPlotWidget) -> None:
    plot.add_events(call(0, 300))
    assert plot.redraw() is True
    t, score = plot.curves[CALLER].window(300 - 0.1 - 120 - 1.0, 299.9)
    assert plot.caller_curve.xData.tolist() == t.tolist()
    assert plot.caller_curve.yData.tolist() == score.tolist()
    assert plot.caller_curve.xData[-1] == pytest.approx(299.9)
    assert len(plot.agent_curve.xData) == len(t)
    assert x_range(plot) == pytest.approx((179.9, 299.9), abs=1e-6)
    assert plot.view.viewRange()[1] == pytest.approx([0, 100])


def test_x_range_is_fixed_and_follows_the_call(plot: AgitationPlotWidget, qtbot) -> None:
    plot.add_events(call(0, 30))
    plot.redraw()
    assert x_range(plot) == pytest.approx((0, 120))      # at first: from 0, curve grows
    plot.add_events(call(30, 200))
    plot.redraw()
    assert x_range(plot) == pytest.approx((79.9, 199.9))
    wheel(plot)                                          # does not zoom a live plot
    assert x_range(plot) == pytest.approx((79.9, 199.9))
    plot.add_events(samples(200, 201))
    plot.redraw()
    assert x_range(plot) == pytest.approx((80.9, 200.9))


def test_redraw_with_nothing_new_returns_false(plot: AgitationPlotWidget) -> None:
    plot.add_events(call(0, 5))
    assert plot.redraw() is True
    assert plot.redraw() is False
    plot.add_events([TranscriptSegment(CALLER, 1, 2, "hello", True),
                     SourceStatus(CALLER, 2, "started"), "noise"])
    assert plot.redraw() is False
    plot.add_events(samples(5, 5.1))
    assert plot.redraw() is True
    assert plot.frame_stats()["frames"] >= 2


def test_markers_appear_in_the_window_and_leave_it(plot: AgitationPlotWidget) -> None:
    plot.add_events([
        *call(0, 100),
        StepHeard(AGENT, 20.0, "C", "C.calm", "take your time"),
        Cue(CALLER, 40.0, "escalation", "lawyer", "my lawyer"),
        Cue(AGENT, 50.0, "trap", "sorry_but", "sorry but"),
        Cue(CALLER, 60.0, "interruption", "interruption")])
    plot.add_step_mark(70.0, "L")
    plot.redraw()
    assert visible_marks(plot) == [(20.0, "C"), (40.0, "Lawyer"), (50.0, "Sorry, but"),
                                   (60.0, "Interrupted"), (70.0, "L")]
    lawyer = next(line for line in plot.pool if line.value() == 40.0)
    assert "my lawyer" in lawyer.toolTip() and "0:40" in lawyer.toolTip()
    plot.add_events(call(100, 175))          # window now 55..175
    plot.redraw()
    assert visible_marks(plot) == [(60.0, "Interrupted"), (70.0, "L")]
    # two hours with a mark every 30 s: the pool of lines stays small
    starts = range(175, 7200, 30)
    for start in starts:
        plot.add_events([*call(start, start + 30), Cue(CALLER, start + 15, "trap", "talk_over")])
        plot.redraw()
    assert len(plot.pool) <= 8
    newest = starts[-1] + 29.9
    assert [t for t, _ in visible_marks(plot)] == [
        s + 15 for s in starts if newest - 120 <= s + 15 <= newest]
    assert len(visible_marks(plot)) == 4


def test_explain_at_lists_the_largest_cues_first(plot: AgitationPlotWidget) -> None:
    plot.add_events([AgitationSample(CALLER, 83.0, 64.0, "agitated", (
        ("loudness", 18.2), ("pitch", 9.0), ("pitch_range", 0.2), ("pace", 4.6),
        ("words", 12.0))), AgitationSample(AGENT, 83.0, 22.0, "calm")])
    text = plot.explain_at(83.3)
    assert text.startswith("1:23")
    assert "64" in text and "Agitated" in text
    assert "Loudness +18, Words +12, Pitch +9, Pace +5" in text
    assert "Pitch range" not in text                 # ~0: hidden
    assert text.endswith("You 22")
    assert plot.explain_at(90.0) == ""               # no caller sample near
    assert plot.last_band(CALLER) == "agitated" and plot.last_band(AGENT) == "calm"


def test_review_shows_the_whole_call(plot: AgitationPlotWidget) -> None:
    plot.add_events(call(0, 50))
    plot.redraw()
    whole = call(0, 2 * 3600)                         # longer than the live buffer keeps
    marks = [StepHeard(AGENT, t, "A", "A.apology") for t in range(100, 7200, 600)]
    plot.load(whole, marks)
    assert plot.mode == "review"
    assert len(plot.caller_curve.xData) == 72000
    x0, x1 = x_range(plot)
    assert x0 <= 0.0 and x1 >= 7199.9
    assert plot.view.state["mouseEnabled"] == [True, False]
    wheel(plot)                                          # a review can be zoomed
    assert x_range(plot)[1] - x_range(plot)[0] < x1 - x0
    plot.view.setXRange(x0, x1, padding=0)
    assert len(visible_marks(plot)) == len(marks)
    assert not plot.live_button.isVisible()
    plot.add_events(samples(7200, 7300))            # read-only
    assert len(plot.curves[CALLER]) == 72000
    assert plot.explain_at(3600.0).startswith("1:00:00")


def test_show_time_in_live_window_and_outside_it(plot: AgitationPlotWidget, qtbot) -> None:
    plot.add_events(call(0, 600))
    plot.redraw()
    plot.show_time(550.0)                            # in the window: the view stays live
    assert plot.mode == "live" and plot.cursor.isVisible() and plot.cursor.value() == 550.0
    plot.show_time(200.0)                            # before it: pause, centred on 200
    assert plot.mode == "paused"
    assert x_range(plot) == pytest.approx((140.0, 260.0), abs=0.5)
    assert plot.live_button.isVisible()
    plot.add_events(call(600, 610))
    plot.redraw()
    assert x_range(plot) == pytest.approx((140.0, 260.0), abs=0.5)   # paused: does not follow
    qtbot.mouseClick(plot.live_button, Qt.MouseButton.LeftButton)
    assert plot.mode == "live" and not plot.live_button.isVisible()
    assert x_range(plot) == pytest.approx((489.9, 609.9), abs=1e-6)


def test_show_time_pans_a_review(plot: AgitationPlotWidget) -> None:
    plot.load(call(0, 3600), [])
    plot.view.setXRange(0, 300, padding=0)
    plot.show_time(2000.0)
    x0, x1 = x_range(plot)
    assert x0 < 2000.0 < x1 and x1 - x0 == pytest.approx(300.0, abs=1)
    assert plot.mode == "review"


def test_clear_goes_back_to_an_empty_live_plot(plot: AgitationPlotWidget) -> None:
    plot.load(call(0, 600), [Cue(CALLER, 10, "escalation", "media")])
    plot.clear()
    assert plot.mode == "live" and len(plot.curves[CALLER]) == 0
    assert plot.curves[CALLER].capacity == plot.capacity
    assert visible_marks(plot) == [] and plot.last_band(CALLER) is None
    assert x_range(plot) == pytest.approx((0, 120))


def test_clock() -> None:
    assert clock(0) == "0:00" and clock(83.7) == "1:23" and clock(3725) == "1:02:05"


def test_hovering_the_curve_explains_it(plot: AgitationPlotWidget, qtbot) -> None:
    plot.add_events(call(0, 300))
    plot.redraw()
    scene_pos = plot.view.mapViewToScene(QPointF(250.0, 50.0))
    where = plot.plot.mapFromScene(scene_pos)
    qtbot.mouseMove(plot.plot.viewport(), where)
    qtbot.waitUntil(lambda: plot.explain.text().startswith("4:1"), timeout=2000)
    assert plot.explain.text() == plot.explain_at(plot.view.mapSceneToView(scene_pos).x())
    assert "Loudness" in plot.explain.text()


def test_show_time_older_than_the_live_buffer_says_so(qtbot) -> None:
    plot = AgitationPlotWidget(window_s=60.0, capacity=1200)      # keeps 2 minutes
    qtbot.addWidget(plot)
    plot.add_events(call(0, 600))
    plot.redraw()
    plot.show_time(100.0)
    assert plot.mode == "paused"
    assert "last 2 minutes" in plot.status.text()
    plot.show_time(500.0)
    assert plot.status.text() == "Paused"
