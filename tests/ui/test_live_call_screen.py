"""The live call screen with real parts: a private PulseAudio null sink, espeak-ng speech
played into it, the real vosk model, the real main window (offscreen) and its database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desk.calls import CallService
from desk.events import AGENT, CALLER
from desk.speech import find_models
from tests import synth
from tests.pulse import NullSink, null_sink, pulse_server

__all__ = ["null_sink", "pulse_server"]

LONG = 120_000  # ms: a whole synthesised call played in real time


@pytest.fixture(scope="module")
def call_wav(tmp_path_factory) -> Path:
    return synth.write_wav(tmp_path_factory.mktemp("screen") / "call.wav",
                           synth.two_party_call(), rate=16000)


@pytest.fixture(scope="module")
def ko_path() -> str:
    return str(next(m for m in find_models() if m.lang == "ko" and m.source == "package").path)


def configure(tmp_path: Path, **setup: object) -> None:
    """What the settings page stores, written before the window opens."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("audio/setup", json.dumps(setup))
    settings.sync()


def drawn(w, channel: str = CALLER) -> list[tuple[float, float]]:
    """(t, score) of the points the curve widget holds for ``channel``."""
    t, score = w.call.plot.curves[channel].all()
    return [(round(float(a), 3), round(float(b), 2)) for a, b in zip(t, score, strict=True)]


def caller_times(w) -> list[float]:
    return [t for t, _ in drawn(w)]


def start_call(qtbot, w) -> None:
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.control.running, w.statusBar().currentMessage()


def stop_call(qtbot, w) -> None:
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert not w.control.running


def test_a_call_played_into_the_sink_draws_ticks_and_is_stored(
        null_sink: NullSink, call_wav: Path, ko_path: str, tmp_path: Path, open_desk,
        qtbot, monkeypatch) -> None:
    configure(tmp_path, caller_device=null_sink.monitor,
              caller_layout="left_agent_right_caller", model_path=ko_path)
    desk = open_desk()
    w = desk.window
    qtbot.waitUntil(lambda: w.control.model.state == "ready", timeout=60_000)
    assert w.case_id is None
    start_call(qtbot, w)
    assert w.case_id is not None  # a case was made for the call
    case_id = w.case_id
    qtbot.waitUntil(lambda: "Listening" in w.call.status.text(), timeout=10_000)
    assert "ko" in w.call.model_label.text()
    bands: list[str] = []
    w.call.caller_band_changed.connect(bands.append)
    readouts: set[str] = set()
    w.call.caller_band_changed.connect(lambda _b: readouts.add(w.call.readout.text()))
    player = null_sink.play(call_wav)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=LONG)
    qtbot.waitUntil(lambda: caller_times(w) and caller_times(w)[-1] > 32, timeout=20_000)
    # the curve widget got the samples, the band readout followed the caller
    assert {"agitated", "escalate"} & set(bands), bands
    assert bands[-1] in ("calm", "elevated") or len(bands) > 2
    assert len(readouts) >= 2
    # the agent's apology ticked A by itself, with the words that did it
    assert w.panel.boxes["A"].isChecked()
    # the transcript shows what the caller said
    assert w.call.transcript.line_count() > 0
    live_caller, live_agent = drawn(w, CALLER), drawn(w, AGENT)
    monkeypatch.setattr("ui.call_control.QMessageBox.question",
                        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox
                        .StandardButton.No)
    stop_call(qtbot, w)

    calls = CallService(desk.service)
    [summary] = calls.calls(case_id)
    assert summary.status == "ended" and summary.peak > 60
    rec = calls.record(summary.id)
    stored = [(s.t, s.score) for s in rec.samples if s.channel == CALLER]
    assert stored[: len(live_caller)] == live_caller
    assert [(s.t, s.score) for s in rec.samples if s.channel == AGENT][
        : len(live_agent)] == live_agent
    checklist = desk.service.checklist(case_id)
    assert checklist["A"].done and checklist["A"].source == "heard"

    # ClearDesk started again: the case shows the call, read-only and the same
    w.close()
    desk.store.close()
    again = open_desk()
    w2 = again.window
    w2.open_case(case_id)
    assert w2.call.picker.count() == 1
    assert drawn(w2) == stored
    assert w2.call.transcript.line_count() == len(rec.segments)
    assert w2.panel.boxes["A"].isChecked()
    assert "read-only" in w2.call.status.text()
    # a click on a transcript line shows its place on the curve
    view = w2.call.transcript.view
    last = view.model().index(view.model().rowCount() - 1, 0)
    view.scrollTo(last)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(last).center())
    assert w2.call.plot.cursor.isVisible()
    assert w2.call.plot.cursor.value() == pytest.approx(rec.segments[-1].start)
    assert w2.call.plot.explain_at(rec.segments[-1].start)


def test_without_a_model_the_curve_still_works_and_says_why(
        null_sink: NullSink, call_wav: Path, tmp_path: Path, open_desk, qtbot,
        monkeypatch) -> None:
    configure(tmp_path, caller_device=null_sink.monitor, model_path=str(tmp_path / "gone"))
    w = open_desk().window
    assert w.control.model.state == "failed"
    start_call(qtbot, w)
    assert "cannot be used" in w.call.model_label.text()
    qtbot.waitUntil(lambda: "Listening" in w.call.status.text(), timeout=10_000)
    player = null_sink.play(call_wav)
    qtbot.waitUntil(lambda: len(caller_times(w)) > 50, timeout=20_000)
    # notes and the checklist keep working during the call
    w.panel.toggle("C")
    assert w.service.checklist(w.case_id)["C"].done
    monkeypatch.setattr("ui.call_control.QMessageBox.question",
                        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox
                        .StandardButton.No)
    stop_call(qtbot, w)
    player.kill()
    player.wait()
    assert w.call.transcript.line_count() == 0


def test_a_missing_device_says_so_and_the_call_picks_up_when_it_appears(
        null_sink: NullSink, tmp_path: Path, open_desk, qtbot) -> None:
    configure(tmp_path, caller_device=null_sink.monitor)
    null_sink.unload()
    w = open_desk().window
    start_call(qtbot, w)
    qtbot.waitUntil(lambda: "No audio" in w.call.status.text(), timeout=10_000)
    assert "notes and the checklist keep working" in w.call.status.text()
    w.focus_notes()
    qtbot.keyClicks(w.notes.editor, "customer waits")
    null_sink.load()
    qtbot.waitUntil(lambda: "Listening" in w.call.status.text(), timeout=15_000)
    qtbot.waitUntil(lambda: len(caller_times(w)) > 5, timeout=10_000)
    stop_call(qtbot, w)


def test_a_device_that_vanishes_mid_call_and_comes_back(
        null_sink: NullSink, call_wav: Path, tmp_path: Path, open_desk, qtbot) -> None:
    configure(tmp_path, caller_device=null_sink.monitor)
    w = open_desk().window
    start_call(qtbot, w)
    qtbot.waitUntil(lambda: "Listening" in w.call.status.text(), timeout=10_000)
    player = null_sink.play(call_wav)
    qtbot.waitUntil(lambda: len(caller_times(w)) > 20, timeout=10_000)
    null_sink.unload()
    player.wait(timeout=10)
    qtbot.waitUntil(lambda: "No audio" in w.call.status.text(), timeout=10_000)
    before = len(caller_times(w))
    null_sink.load()
    qtbot.waitUntil(lambda: "back" in w.call.status.text(), timeout=15_000)
    qtbot.waitUntil(lambda: len(caller_times(w)) > before + 10, timeout=10_000)
    stop_call(qtbot, w)
