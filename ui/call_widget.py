"""The call strip of a case: start/stop, the caller's band, audio and model state, the
agitation curve and the live transcript; after a call, the case's calls read-only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.calls import CallRecord, CallSummary
from desk.events import (
    AGENT,
    CALLER,
    AgitationSample,
    Cue,
    Level,
    SourceStatus,
    StepHeard,
    TranscriptSegment,
)
from ui.agitation_plot import AgitationPlotWidget
from ui.format import call_time as clock
from ui.format import short_time
from ui.level_meter import LevelMeterWidget
from ui.transcript_widget import TranscriptWidget

BAND_COLOURS = {"calm": "#2e7d32", "elevated": "#8a6d00", "agitated": "#d84315",
                "escalate": "#b3261e"}


def band_name(band: str) -> str:
    names = {
        "calm": QCoreApplication.translate("CallWidget", "calm"),
        "elevated": QCoreApplication.translate("CallWidget", "elevated"),
        "agitated": QCoreApplication.translate("CallWidget", "agitated"),
        "escalate": QCoreApplication.translate("CallWidget", "escalating"),
    }
    return names.get(band, band)


class CallWidget(QWidget):
    """Signals for the rest of the window: ``call_toggled`` (the button), the caller's and the
    agent's band as they change, steps heard and cues (for the CLEAR panel)."""

    call_toggled = Signal()
    caller_band_changed = Signal(str)
    agent_band_changed = Signal(str)
    step_heard = Signal(str, str, float)
    cue = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live = False
        self.bands: dict[str, str] = {}
        self.status_code = ""
        self.started = 0.0
        self.elapsed_fn: Any = None
        self.calls: list[CallSummary] = []
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.button = QPushButton()
        self.button.setObjectName("call_button")
        self.button.clicked.connect(self.call_toggled)
        head.addWidget(self.button)
        self.time_label = QLabel()
        self.time_label.setObjectName("call_time")
        head.addWidget(self.time_label)
        self.readout = QLabel()
        self.readout.setObjectName("band_readout")
        font = self.readout.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.readout.setFont(font)
        head.addWidget(self.readout, 1)
        self.meters: dict[str, LevelMeterWidget] = {}
        self.meter_labels: list[QLabel] = []
        for ch, text in ((CALLER, self.tr("Caller")), (AGENT, self.tr("You"))):
            label = QLabel(text)
            self.meter_labels.append(label)
            meter = LevelMeterWidget()
            meter.setObjectName(f"level_{ch}")
            meter.setFixedWidth(80)
            head.addWidget(label)
            head.addWidget(meter)
            self.meters[ch] = meter
        self.picker = QComboBox()
        self.picker.setObjectName("call_picker")
        self.picker.activated.connect(self._on_pick)
        head.addWidget(self.picker)
        v.addLayout(head)
        self.status = QLabel()
        self.status.setObjectName("call_status")
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self.model_label = QLabel()
        self.model_label.setObjectName("model_label")
        self.model_label.setStyleSheet("color: palette(mid);")
        v.addWidget(self.model_label)
        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.plot = AgitationPlotWidget()
        self.transcript = TranscriptWidget()
        self.transcript.line_clicked.connect(self.plot.show_time)
        self.body.addWidget(self.plot)
        self.body.addWidget(self.transcript)
        self.body.setSizes([420, 260])
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 2)
        v.addWidget(self.body, 1)
        self.ticker = QTimer(self)
        self.ticker.setInterval(500)
        self.ticker.timeout.connect(self._on_tick)
        self.record_loader: Any = None
        self._show_idle()

    # -- modes -------------------------------------------------------------------------
    def _show_idle(self) -> None:
        self.button.setText(self.tr("Start call (F9)"))
        self.time_label.setText("")
        self.readout.setText("")
        self.readout.setStyleSheet("")
        for meter in self.meters.values():
            meter.setVisible(False)
        for label in self.meter_labels:
            label.setVisible(False)
        self.picker.setVisible(bool(self.calls))
        self.body.setVisible(bool(self.calls))
        if not self.calls:
            self.status.setText(self.tr("No call recorded on this case. Press F9 to start a "
                                        "call: the caller's agitation, the transcript and the "
                                        "steps you are heard doing appear here."))

    def begin_live(self, elapsed_fn: Any, model_text: str) -> None:
        """A call has started; ``elapsed_fn()`` gives its seconds so far."""
        self.live = True
        self.bands = {}
        self.elapsed_fn = elapsed_fn
        self.plot.clear()
        self.plot.set_live(True)
        self.transcript.clear()
        self.button.setText(self.tr("Stop call (F9)"))
        self.button.setStyleSheet("background: #b3261e; color: white; font-weight: bold;")
        self.picker.setVisible(False)
        self.body.setVisible(True)
        for meter in self.meters.values():
            meter.set_level(-90.0, -90.0)
            meter.setVisible(True)
        for label in self.meter_labels:
            label.setVisible(True)
        self.status.setText(self.tr("Opening the audio…"))
        self.status.setStyleSheet("")
        self.model_label.setText(model_text)
        self._show_band("")
        self.ticker.start()
        self._on_tick()

    def end_live(self) -> None:
        self.live = False
        self.ticker.stop()
        self.button.setStyleSheet("")
        self.plot.set_live(False)

    def set_model_text(self, text: str) -> None:
        self.model_label.setText(text)

    def _on_tick(self) -> None:
        if self.live and self.elapsed_fn is not None:
            self.time_label.setText(clock(self.elapsed_fn()))

    # -- live events (GUI thread, one batch per bridge tick) -------------------------------
    def add_events(self, events: Sequence[Any]) -> None:
        self.plot.add_events(events)
        self.transcript.add_events(events)
        for ev in events:
            if isinstance(ev, AgitationSample):
                if self.bands.get(ev.channel) != ev.band:
                    self.bands[ev.channel] = ev.band
                    if ev.channel == CALLER:
                        self._show_band(ev.band)
                        self.caller_band_changed.emit(ev.band)
                    else:
                        self.agent_band_changed.emit(ev.band)
            elif isinstance(ev, Level):
                meter = self.meters.get(ev.channel)
                if meter is not None:
                    meter.set_level(ev.rms_db, ev.peak_db)
            elif isinstance(ev, StepHeard):
                self.step_heard.emit(ev.step, ev.text, ev.t)
            elif isinstance(ev, Cue):
                self.cue.emit(ev.kind, ev.code, ev.text)
            elif isinstance(ev, SourceStatus):
                self._on_status(ev)
        self.plot.redraw()

    def _show_band(self, band: str) -> None:
        if not band:
            self.readout.setText(self.tr("Caller: waiting for their voice"))
            self.readout.setStyleSheet("color: palette(mid);")
            return
        self.readout.setText(self.tr("Caller: %1").replace("%1", band_name(band)))
        self.readout.setStyleSheet(f"color: {BAND_COLOURS.get(band, '#333')};")

    def status_text(self, st: SourceStatus) -> str | None:
        who = {CALLER: self.tr("the caller's audio"), AGENT: self.tr("your microphone")}.get(
            st.channel.split(",")[0], self.tr("the audio"))
        texts = {
            "started": self.tr("Listening."),
            "resumed": self.tr("The audio is back; listening again."),
            "lost": self.tr("No audio from %1: the device is missing or was unplugged. Your "
                            "notes and the checklist keep working; the call picks up again "
                            "as soon as the device is back.").replace("%1", who),
            "error": self.tr("Audio problem with %1: %2").replace("%1", who)
                                                          .replace("%2", st.detail),
            "overflow": self.tr("The computer was too busy: a moment of audio was skipped."),
            "model_ready": self.tr("Speech recognition is on."),
            "model_invalid": self.tr("The speech model could not be loaded (%1). The curve "
                                     "still works from the voice; there is no transcript.")
                                 .replace("%1", st.detail),
            "asr_behind": self.tr("Speech recognition has fallen behind; some words will be "
                                  "missing from the transcript. The curve is not affected."),
        }
        return texts.get(st.code)

    def _on_status(self, st: SourceStatus) -> None:
        if st.code == "retrying" and self.status_code == "lost":
            return
        text = self.status_text(st)
        if text is None:
            return
        self.status_code = st.code
        bad = st.code in ("lost", "error", "model_invalid", "asr_behind", "overflow")
        self.status.setText(("⚠ " if bad else "") + text)
        self.status.setStyleSheet("background: #fdecea; color: #8c1d18; padding: 3px;"
                                  if bad else "color: #1b5e20;")

    # -- after the call: the case's calls, read-only --------------------------------------------
    def show_calls(self, calls: list[CallSummary], loader: Any) -> None:
        """The case's calls (oldest first); ``loader(call_id)`` gives a CallRecord. The newest
        is shown."""
        if self.live:
            return
        self.calls = calls
        self.record_loader = loader
        self.picker.clear()
        for c in calls:
            text = self.tr("Call %1 · %2").replace("%1", short_time(c.started_at)).replace(
                "%2", clock(c.duration))
            if c.status == "interrupted":
                text += " · " + self.tr("cut off")
            self.picker.addItem(text, c.id)
        self.model_label.setText("")
        self.status.setStyleSheet("")
        self._show_idle()
        if calls:
            self.picker.setCurrentIndex(len(calls) - 1)
            self._on_pick(len(calls) - 1)

    def _on_pick(self, index: int) -> None:
        call_id = self.picker.itemData(index)
        if call_id and self.record_loader is not None:
            self.show_record(self.record_loader(call_id))

    def show_record(self, rec: CallRecord) -> None:
        s = rec.summary
        self.plot.load(rec.samples, rec.marks)
        self.transcript.load(rec.segments, [m for m in rec.marks if isinstance(m, Cue)])
        peak = band_name(_band_of(rec, s.peak))
        self.status.setText(self.tr("Recorded call, read-only: %1, peak %2 (%3), at the end "
                                    "%4.").replace("%1", clock(s.duration))
                            .replace("%2", f"{s.peak:.0f}").replace("%3", peak)
                            .replace("%4", f"{s.final:.0f}"))
        if s.status == "interrupted":
            self.status.setText(self.status.text() + " " + self.tr(
                "ClearDesk stopped during this call; it is kept up to that moment."))
        if not rec.segments:
            self.model_label.setText(self.tr("No transcript for this call."))
        else:
            self.model_label.setText("")


def _band_of(rec: CallRecord, score: float) -> str:
    """The band the caller was in at the peak."""
    best = max((x for x in rec.samples if x.channel == CALLER), key=lambda x: x.score,
               default=None)
    return best.band if best is not None and abs(best.score - score) < 1 else ""


__all__ = ["CallWidget", "TranscriptSegment", "band_name", "clock"]
