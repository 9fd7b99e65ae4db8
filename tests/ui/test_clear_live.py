"""The CLEAR panel during a call (steps heard, warnings, "Do now", the agent's own stress) and the
cool-down after a hard call, on real widgets fed real event dataclasses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog

from desk.content import load_catalog, load_clear, resources_dir
from desk.events import AGENT, CALLER, Cue, StepHeard
from desk.models import StepState
from ui.clear_panel import MAX_WARNINGS, ClearPanelWidget
from ui.cooldown_dialog import CooldownDialog


@pytest.fixture
def panel(qtbot) -> ClearPanelWidget:
    p = ClearPanelWidget(load_clear(resources_dir()), load_catalog(resources_dir()), "en")
    qtbot.addWidget(p)
    p.resize(360, 760)
    p.set_state({k: StepState(k, False) for k in "CLEAR"})
    p.show()
    qtbot.waitExposed(p)
    return p


def titles(p: ClearPanelWidget) -> list[str]:
    return [c.title.text() for c in p.cards if c.isVisible()]


def test_step_heard_ticks_by_itself_and_shows_the_words(panel: ClearPanelWidget, qtbot) -> None:
    toggled: list[tuple[str, bool]] = []
    panel.step_toggled.connect(lambda k, d: toggled.append((k, d)))
    ev = StepHeard(AGENT, 42.0, "A", "A.apology", "I'm really sorry for all the inconvenience "
                   "this has caused you, and for the time it took to get through")
    panel.step_heard(ev.step, ev.text, ev.t)
    assert panel.boxes["A"].isChecked() and toggled == []
    heard = panel.evidence["A"]
    assert heard.isVisible() and heard.full.startswith("heard: “I'm really sorry")
    assert heard.text().endswith("…")  # cut to the panel's width, whole in the tooltip
    assert "the time it took to get through" in heard.toolTip() and "0:42" in heard.toolTip()
    assert panel.times["A"].text() != ""
    assert panel.current == "C"  # the detail moves on to the first step not done
    # The agent disagrees: a click unticks it, as a manual change.
    qtbot.mouseClick(panel.boxes["A"], Qt.MouseButton.LeftButton)
    assert toggled == [("A", False)] and not heard.isVisible()


def test_stored_heard_steps_show_their_evidence(panel: ClearPanelWidget) -> None:
    panel.set_state({"L": StepState("L", True, "2024-05-01T08:00:00Z", "heard",
                                    "if I have understood you correctly"),
                     "C": StepState("C", True, "2024-05-01T08:00:00Z", "manual", "ignored")})
    assert panel.evidence["L"].isVisible() and "understood" in panel.evidence["L"].full
    assert not panel.evidence["C"].isVisible()
    assert [k for k, b in panel.boxes.items() if b.isChecked()] == ["C", "L"]
    panel.set_state({})  # no case: nothing ticked, no evidence
    assert not any(b.isChecked() for b in panel.boxes.values())
    assert not panel.evidence["L"].isVisible()


def test_warnings_only_live_newest_first_at_most_three(panel: ClearPanelWidget, qtbot) -> None:
    panel.warn("trap", "sorry_but", "sorry but")
    assert panel.cards == [] and not panel.warnings.isVisible()
    panel.set_live(True)
    cues = [Cue(AGENT, 1.0, "trap", "sorry_but", "sorry, but"),
            Cue(AGENT, 2.0, "trap", "bare_understand", "I understand"),
            Cue(CALLER, 3.0, "interruption", "interruption"),
            Cue(CALLER, 4.0, "escalation", "regulator", "投诉到12315")]
    for cue in cues:
        panel.warn(cue.kind, cue.code, cue.text)
    assert len(titles(panel)) == MAX_WARNINGS
    assert "regulator" in titles(panel)[0] and "投诉到12315" in titles(panel)[0]
    assert "interrupted" in titles(panel)[1] and "I understand" in titles(panel)[2]
    # Each says what to do instead.
    advice = " ".join(c.advice.text() for c in panel.cards)
    assert "restate" in advice and "Say what you understand" in advice
    # The same warning again comes back on top instead of twice.
    panel.warn("trap", "bare_understand", "I understand")
    assert len(panel.cards) == 3 and "I understand" in titles(panel)[0]
    assert sum("I understand" in t for t in titles(panel)) == 1
    panel.clear_warnings()
    assert panel.cards == [] and not panel.warnings.isVisible()


def test_every_cue_code_has_its_own_words(panel: ClearPanelWidget) -> None:
    codes = [("trap", c) for c in ("sorry_but", "bare_understand", "talk_over")]
    codes += [("escalation", c) for c in ("regulator", "lawyer", "media", "manager", "cancel")]
    codes += [("interruption", "interruption")]
    texts = [panel.warning_text(k, c) for k, c in codes]
    assert len({t for t, _ in texts}) == len(codes) and all(a for _, a in texts)
    assert "“but”" in panel.warning_text("trap", "sorry_but")[1]
    assert panel.warning_text("escalation", "new_code")[0]  # unknown codes still say something


def test_warnings_fade_after_their_time(panel: ClearPanelWidget, qtbot) -> None:
    panel.set_live(True)
    panel.warning_ms = 300
    panel.warn("escalation", "lawyer", "my lawyer")
    card = panel.cards[0]
    assert card.isVisible()
    qtbot.waitUntil(lambda: card.effect.opacity() < 1.0, timeout=2000)  # fading
    qtbot.waitUntil(lambda: panel.cards == [], timeout=2000)
    assert not panel.warnings.isVisible()


def test_do_now_box_follows_the_caller_band_without_flicker(panel: ClearPanelWidget,
                                                            qtbot) -> None:
    panel.set_caller_band("agitated")
    assert not panel.do_now.isVisible()  # not during a call
    panel.set_live(True)
    panel.hold_ms = 300
    panel.set_caller_band("elevated")
    assert not panel.do_now.isVisible()
    panel.set_caller_band("agitated")
    assert panel.do_now.isVisible() and "interrupt" in panel.do_now.text()
    assert "supervisor" not in panel.do_now.text()
    panel.set_caller_band("escalate")
    assert "supervisor" in panel.do_now.text() and "callback" in panel.do_now.text()
    panel.set_caller_band("calm")
    assert panel.do_now.isVisible()  # held a moment
    assert panel.do_now_hold.isActive()
    panel.set_caller_band("agitated")  # back up within the hold: it stays, the hold is off
    assert panel.do_now.isVisible() and not panel.do_now_hold.isActive()
    panel.set_caller_band("elevated")
    qtbot.waitUntil(lambda: not panel.do_now.isVisible(), timeout=2000)
    assert panel.confirm.isVisible()


def test_agent_stress_prompt_is_quiet_and_goes_away(panel: ClearPanelWidget, qtbot) -> None:
    panel.set_live(True)
    panel.hold_ms = 200
    panel.set_agent_band("escalate")
    assert panel.breathe.isVisible() and "Breathe out slowly" in panel.breathe.text()
    assert panel.breathe.height() < 3 * panel.fontMetrics().lineSpacing()  # small
    panel.set_agent_band("calm")
    qtbot.waitUntil(lambda: not panel.breathe.isVisible(), timeout=2000)


def test_live_everything_at_360_px_keeps_the_steps_visible(panel: ClearPanelWidget,
                                                           qtbot) -> None:
    panel.set_live(True)
    for code in ("sorry_but", "bare_understand", "talk_over"):
        panel.warn("trap", code, "words " * 30)
    panel.set_caller_band("escalate")
    panel.set_agent_band("agitated")
    for key in "CLEAR":
        panel.step_heard(key, "a long stretch of what the agent said " * 5, 10.0)
    panel.resize(360, 600)  # more to show than fits: the live area scrolls, the steps stay
    qtbot.waitUntil(lambda: panel.steps_group.height() >= panel.steps_group.sizeHint().height())
    group = panel.steps_group.geometry()
    assert panel.rect().contains(group)
    assert panel.live_area.geometry().bottom() < group.top()
    assert panel.live_area.verticalScrollBar().maximum() > 0
    for key, box in panel.boxes.items():
        assert box.isVisible() and box.visibleRegion().boundingRect().height() == box.height()
        label = panel.evidence[key]
        assert label.visibleRegion().boundingRect().height() == label.height()
    panel.set_live(False)
    assert not panel.warnings.isVisible() and not panel.do_now.isVisible()
    assert not panel.breathe.isVisible() and panel.confirm.isVisible()


# -- cool-down -------------------------------------------------------------------------------
def test_cooldown_breathes_counts_down_and_ends_ready(qtbot) -> None:
    dialog = CooldownDialog(1)
    qtbot.addWidget(dialog)
    dialog.breath_ms = 250
    dialog.show()
    assert dialog.phase.text() == "Breathe in…" and "0:01" in dialog.left.text()
    qtbot.waitUntil(lambda: dialog.phase.text() == "Breathe out…", timeout=1000)
    assert dialog.skip.isVisible() and not dialog.ready.isVisible()
    qtbot.waitUntil(lambda: dialog.finished_breathing, timeout=3000)
    assert dialog.ready.isVisible() and not dialog.skip.isVisible()
    assert not dialog.timer.isActive()
    qtbot.mouseClick(dialog.ready, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_cooldown_exec_keeps_the_event_loop_running_and_can_be_skipped(qtbot) -> None:
    dialog = CooldownDialog(60)
    qtbot.addWidget(dialog)
    ticks: list[int] = []
    other = QTimer()
    other.timeout.connect(lambda: ticks.append(1))
    other.start(10)
    QTimer.singleShot(300, lambda: qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton))
    assert dialog.exec() == QDialog.DialogCode.Rejected
    other.stop()
    assert len(ticks) >= 5  # other timers ran while the dialog was open
    assert not dialog.finished_breathing and not dialog.timer.isActive()
