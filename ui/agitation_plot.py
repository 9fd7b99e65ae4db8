"""The agitation curve of a call: the caller's (bold) and the agent's own (quiet) over time,
on the four bands, with CLEAR steps and cues marked. Live, it follows the last ``window_s``
seconds; in review (``load``) it shows a finished call, which can be zoomed and panned.

The owner feeds events with ``add_events`` and calls ``redraw`` at 10–20 Hz (GUI thread); a
redraw only draws the visible window from the bounded buffers of ``desk.curve``. Emits
``time_clicked(t)`` when the graph is clicked (t: call time under the pointer).
"""

from __future__ import annotations

import statistics
import time
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.agitation import load_config
from desk.content import ContentError
from desk.curve import DEFAULT_CAPACITY, SAMPLE_RATE_HZ, CurveBuffer, Mark, MarkBuffer, mark_of
from desk.events import AGENT, BANDS, CALLER, AgitationSample
from ui.format import call_time as clock
from ui.format import fill
from ui.plot_marks import LABEL_GAP_PX, MAX_MARKERS, label_rows, show_marks
from ui.time_axis import TimeAxisWidget

CALLER_COLOUR = "#1f2a44"
AGENT_COLOUR = "#5b7fa6"
BAND_COLOURS = ((67, 160, 71, 38), (251, 192, 45, 52), (245, 124, 0, 46), (211, 47, 47, 40))
CURSOR_COLOUR = "#1565c0"
NEAR_S = 1.0                 # hover further than this from any sample: nothing to explain
DENSE_PER_PX = 2.0           # more samples a pixel in view: draw lines, not one path (below)
HIDE_BELOW = 0.5             # contributions under this (points; or shown as 0) are not listed


class AgitationPlotWidget(QWidget):
    """Caller and agent agitation over time, live or for a finished call (see module doc)."""

    time_clicked = Signal(float)

    def __init__(self, window_s: float = 120.0, capacity: int = DEFAULT_CAPACITY,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agitation_plot")
        self.window_s = window_s
        self.capacity = capacity
        self.mode = "live"           # live, paused (a live call, looking back), review
        self.agent_label = ""        # the agent's curve is named this ("": "You")
        self.curves = {ch: CurveBuffer(capacity, ch) for ch in (CALLER, AGENT)}
        self.marks = MarkBuffer()
        self._dirty = False
        self._shown_marks: tuple[tuple[Mark, int], ...] | None = None  # None: place again
        self._frame_ms: deque[float] = deque(maxlen=2000)
        try:
            self.thresholds = load_config().bands
        except ContentError:
            self.thresholds = (35.0, 55.0, 75.0)
        self._build()
        self.refresh_texts()
        self.set_live(True)

    # -- assembly -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        self.legend = QLabel()
        self.legend.setObjectName("agitation_legend")
        self.status = QLabel()
        self.status.setObjectName("agitation_status")
        self.live_button = QPushButton()
        self.live_button.setObjectName("back_to_live")
        self.live_button.clicked.connect(self._on_back_to_live)
        head.addWidget(self.legend)
        head.addStretch(1)
        head.addWidget(self.status)
        head.addWidget(self.live_button)
        layout.addLayout(head)
        self.live_button.ensurePolished()
        self.legend.setMinimumHeight(self.live_button.sizeHint().height())

        self.plot = pg.PlotWidget(background=self.palette().base().color(),
                                  axisItems={"bottom": TimeAxisWidget("bottom")})
        self.plot.setObjectName("agitation_graph")
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.showAxis("right")
        item.getAxis("right").setStyle(showValues=True)
        axis_pen = pg.mkPen("#5f6368")
        for name in ("left", "bottom", "right"):
            item.getAxis(name).setPen(axis_pen)
            item.getAxis(name).setTextPen(pg.mkPen("#3c4043"))
        self.view = item.getViewBox()
        self.view.disableAutoRange()
        self.view.setYRange(0, 100, padding=0)
        self.view.sigXRangeChanged.connect(self._on_range_changed)
        edges = (0.0, *self.thresholds, 100.0)
        item.getAxis("left").setTicks([[(v, f"{v:.0f}" if v < 100 else "") for v in edges], []])
        for i, colour in enumerate(BAND_COLOURS):
            region = pg.LinearRegionItem((edges[i], edges[i + 1]), orientation="horizontal",
                                         brush=pg.mkBrush(*colour), pen=pg.mkPen(None),
                                         movable=False)
            region.setZValue(-10)
            self.plot.addItem(region)
        agent_pen = pg.mkPen(AGENT_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
        self.agent_curve = pg.PlotDataItem(pen=agent_pen, antialias=False)
        self.caller_curve = pg.PlotDataItem(pen=pg.mkPen(CALLER_COLOUR, width=3),
                                            antialias=False)
        self.agent_curve.setZValue(1)
        self.caller_curve.setZValue(2)
        self.plot.addItem(self.agent_curve)
        self.plot.addItem(self.caller_curve)
        self.items = {CALLER: self.caller_curve, AGENT: self.agent_curve}
        for curve in self.items.values():      # one path: faster here than line segments
            curve.curve.setSegmentedLineMode("off")
        self.cursor = pg.InfiniteLine(angle=90, movable=False,
                                      pen=pg.mkPen(CURSOR_COLOUR, width=2))
        self.cursor.setZValue(6)
        self.cursor.hide()
        self.plot.addItem(self.cursor)
        self.pool: list[pg.InfiniteLine] = []
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        layout.addWidget(self.plot, 1)
        self.explain = QLabel()
        self.explain.setIndent(4)
        self.explain.setObjectName("agitation_explain")
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.explain)

    def refresh_texts(self) -> None:
        """Words in the current language (call again after switching it)."""
        caller, you = self.tr("Caller"), self.agent_label or self.tr("You")
        self.legend.setText(
            f"<span style='color:{CALLER_COLOUR}'><b>━━</b></span> {caller}"
            f"&nbsp;&nbsp;&nbsp;<span style='color:{AGENT_COLOUR}'>╍╍</span> {you}")
        self.live_button.setText(self.tr("Back to live"))
        self.live_button.setToolTip(self.tr("Follow the call again"))
        self.band_names = dict(zip(BANDS, (self.tr("Calm"), self.tr("Elevated"),
                                           self.tr("Agitated"), self.tr("Escalating")),
                                   strict=True))
        self.cue_names = {"loudness": self.tr("Loudness"), "pitch": self.tr("Pitch"),
                          "pitch_range": self.tr("Pitch range"), "tilt": self.tr("Voice tension"),
                          "pace": self.tr("Pace"), "words": self.tr("Words")}
        self.mark_names = {
            "regulator": self.tr("Regulator"), "lawyer": self.tr("Lawyer"),
            "media": self.tr("Media"), "manager": self.tr("Manager"), "cancel": self.tr("Cancel"),
            "sorry_but": self.tr("Sorry, but"), "bare_understand": self.tr("Bare “I understand”"),
            "talk_over": self.tr("Talked over"), "interruption": self.tr("Interrupted")}
        edges = (0.0, *self.thresholds, 100.0)
        right = self.plot.getPlotItem().getAxis("right")
        right.setTicks([[((edges[i] + edges[i + 1]) / 2, self.band_names[b])
                         for i, b in enumerate(BANDS)], []])
        metrics = QFontMetrics(right.font() if right.style["tickFont"] is None
                               else right.style["tickFont"])
        right.setWidth(max(metrics.horizontalAdvance(n) for n in self.band_names.values()) + 14)
        self.explain.setText(self.tr("Point at the curve to see what raised it."))
        self._shown_marks = None
        self._dirty = True

    # -- feeding --------------------------------------------------------------------------
    def add_events(self, events: Sequence[object]) -> None:
        """Keep the samples, cues and steps among ``events`` (others are ignored); no redraw.
        In review mode nothing is added."""
        if self.mode == "review":
            return
        per_channel: dict[str, list[AgitationSample]] = {CALLER: [], AGENT: []}
        for ev in events:
            if isinstance(ev, AgitationSample):
                if ev.channel in per_channel:
                    per_channel[ev.channel].append(ev)
                    self._dirty = True
            elif (mark := mark_of(ev)) is not None:
                self.marks.add(mark)
                self._dirty = True
        for channel, samples in per_channel.items():
            if samples:
                self.curves[channel].extend(samples)

    def add_step_mark(self, t: float, step: str) -> None:
        """A step ticked by hand at ``t`` (seconds into the call); not in review mode."""
        if self.mode != "review":
            self.marks.add(Mark(t, "tick", step))
            self._dirty = True

    def clear(self) -> None:
        """Empty, live, ready for a new call."""
        self.cursor.hide()
        self.mode = "review"          # set_live(True) leaves review with empty buffers
        self.set_live(True)

    def load(self, samples: Iterable[AgitationSample], marks: Iterable[object]) -> None:
        """Show a finished call, read-only: ``marks`` are Cue, StepHeard or Mark objects."""
        samples = list(samples)
        self.load_curves({ch: CurveBuffer.from_samples(samples, ch) for ch in (CALLER, AGENT)},
                         marks)

    def load_curves(self, curves: Mapping[str, Any], marks: Iterable[object]) -> None:
        """Like :meth:`load`, from curves already built: by channel, objects that read like
        ``CurveBuffer`` (``all``, ``nearest``, ``first_t``, ``last_t``, ``last``), e.g. the
        arrays of ``desk.call_data.ChannelCurve``."""
        self.curves = {ch: curves.get(ch) or CurveBuffer(1, ch) for ch in (CALLER, AGENT)}
        self._set_marks(marks)
        self.cursor.hide()
        self.mode = "review"
        self.status.setText("")
        self.live_button.hide()
        self._enter_browsing()
        x0, x1 = self.call_range()
        self.view.setLimits(xMin=x0 - 5.0, xMax=x1 + 5.0, minXRange=5.0)
        self.fit_all()

    def _set_marks(self, marks: Iterable[object]) -> None:
        kept = [m for m in map(mark_of, marks) if m is not None]
        self.marks = MarkBuffer(max(1, len(kept)))
        self.marks.extend(kept)
        self._shown_marks = None

    def set_marks(self, marks: Iterable[object]) -> None:
        """Review: show these marks instead (e.g. the call's marks and its comments as
        ``Mark(t, "comment", id, body)``)."""
        if self.mode == "review":
            self._set_marks(marks)
            self._place_marks(*self.view.viewRange()[0])

    def call_range(self) -> tuple[float, float]:
        """First and last time of the curves held (at least 10 s apart)."""
        starts = [t for b in self.curves.values() if (t := b.first_t()) is not None]
        ends = [t for b in self.curves.values() if (t := b.last_t()) is not None]
        x0 = min(starts, default=0.0)
        return x0, max(max(ends, default=0.0), x0 + 10.0)

    def fit_all(self) -> None:
        """Review: show the whole call."""
        self.view.setXRange(*self.call_range(), padding=0.01)
        self._place_marks(*self.view.viewRange()[0])
        self._fit_line_mode(*self.view.viewRange()[0])

    def set_agent_label(self, label: str) -> None:
        """Name the agent's curve ``label`` (a supervisor reviews someone else's call);
        "" names it "You"."""
        self.agent_label = label
        self.refresh_texts()

    # -- modes ----------------------------------------------------------------------------
    def set_live(self, live: bool) -> None:
        """True: follow the newest samples (leaving review empties the plot for a new call).
        False: stop following, keep the current view; it can be panned and zoomed."""
        if live:
            if self.mode == "review":
                for ch in self.curves:
                    self.curves[ch] = CurveBuffer(self.capacity, ch)
                self.marks = MarkBuffer()
            elif self.mode == "paused":
                self.cursor.hide()
            self.mode = "live"
            self.view.setLimits(xMin=None, xMax=None, minXRange=None)
            self.view.setMouseEnabled(x=False, y=False)
            for item in self.items.values():
                item.setClipToView(False)
                item.setDownsampling(auto=False)
                item.curve.setSegmentedLineMode("off")
            self.status.setText("")
            self.live_button.hide()
        elif self.mode == "live":
            self.mode = "paused"
            self._enter_browsing()
            self.status.setText(self.tr("Paused"))
            self.live_button.show()
        self._shown_marks = None
        self._dirty = True
        self.redraw()

    def _enter_browsing(self) -> None:
        self.view.setMouseEnabled(x=True, y=False)
        for item in self.items.values():
            item.setClipToView(True)
            item.setDownsampling(auto=True, method="peak")
        self._set_all_data()

    def _set_all_data(self) -> None:
        for ch, item in self.items.items():
            t, score = self.curves[ch].all()
            item.setData(t, score, skipFiniteCheck=True)

    def live_range(self) -> tuple[float, float]:
        """The x range live mode shows now: the last ``window_s`` seconds (from 0 at first)."""
        newest = max((t for b in self.curves.values() if (t := b.last_t()) is not None),
                     default=0.0)
        x1 = max(newest, self.window_s)
        return x1 - self.window_s, x1

    def last_band(self, channel: str) -> str | None:
        sample = self.curves[channel].last() if channel in self.curves else None
        return sample.band if sample is not None else None

    # -- drawing --------------------------------------------------------------------------
    def redraw(self) -> bool:
        """Draw what changed since the last redraw; False (and nothing done) if nothing did."""
        if not self._dirty:
            return False
        started = time.perf_counter()
        self._dirty = False
        if self.mode == "live":
            x0, x1 = self.live_range()
            for ch, item in self.items.items():
                t, score = self.curves[ch].window(x0 - 1.0, x1)
                item.setData(t, score, skipFiniteCheck=True)
            self.view.setXRange(x0, x1, padding=0)
        elif self.mode == "paused":
            self._set_all_data()
            x0, x1 = self.view.viewRange()[0]
        else:
            x0, x1 = self.view.viewRange()[0]
        self._place_marks(x0, x1)
        self._frame_ms.append(1000 * (time.perf_counter() - started))
        return True

    def _place_marks(self, x0: float, x1: float) -> None:
        """Show the marks in [x0, x1] on lines from the pool (grown only as far as needed)."""
        marks = list(self.marks.window(x0, x1))[-MAX_MARKERS:]
        gap = LABEL_GAP_PX * (x1 - x0) / max(1.0, float(self.view.width()))
        shown = label_rows(marks, gap)
        if shown == self._shown_marks:
            return
        self._shown_marks = shown
        show_marks(self.plot, self.pool, shown, self._mark_label, self._mark_tip)

    def _mark_label(self, m: Mark) -> str:
        if m.kind in ("step", "tick"):
            return m.code
        if m.kind == "comment":
            return self.tr("Comment")
        return self.mark_names.get(m.code, m.code)

    def _mark_tip(self, m: Mark) -> str:
        if m.kind == "step":
            what = self.tr("Step %1 heard").replace("%1", m.code)
        elif m.kind == "tick":
            what = self.tr("Step %1 ticked").replace("%1", m.code)
        else:
            what = self._mark_label(m)
        tip = fill(self.tr("%1 at %2"), what, clock(m.t))
        return fill(self.tr("%1: “%2”"), tip, m.text) if m.text else tip

    def _on_range_changed(self, _view: object, _range: object) -> None:
        if self.mode != "live":       # panned or zoomed by hand (live: redraw places them)
            x0, x1 = self.view.viewRange()[0]
            self._place_marks(x0, x1)
            self._fit_line_mode(x0, x1)

    def _fit_line_mode(self, x0: float, x1: float) -> None:
        """A long call seen whole is drawn as line segments: Qt strokes one path of
        thousands of zigzagging points (peak downsampling) ten times slower, and a dash
        pattern does not show on it anyway. Zoomed in, one path (smooth joins, dashes)."""
        width = max(1.0, float(self.view.width()))
        for ch, item in self.items.items():
            times = self.curves[ch].times()
            n = int(np.searchsorted(times, x1, "right") - np.searchsorted(times, x0, "left"))
            mode = "on" if n > DENSE_PER_PX * width else "off"
            if item.curve.opts["segmentedLineMode"] != mode:
                item.curve.setSegmentedLineMode(mode)

    def _on_back_to_live(self) -> None:
        self.set_live(True)

    # -- looking at a moment ----------------------------------------------------------------
    def show_time(self, t: float) -> None:
        """Put the cursor at ``t``; bring it into view (live: pause there if it is not)."""
        self.cursor.setPos(t)
        self.cursor.show()
        x0, x1 = self.live_range() if self.mode == "live" else self.view.viewRange()[0]
        if not x0 <= t <= x1:
            if self.mode == "live":
                self.set_live(False)
            half = (x1 - x0) / 2
            self.view.setXRange(t - half, t + half, padding=0)
        if self.mode == "paused":
            first = self.curves[CALLER].first_t()
            minutes = f"{self.capacity / SAMPLE_RATE_HZ / 60:.0f}"
            self.status.setText(
                self.tr("Only the last %1 minutes are kept during a call").replace("%1", minutes)
                if first is not None and t < first else self.tr("Paused"))
        self._dirty = True

    def explain_at(self, t: float) -> str:
        """Why the caller's curve is where it is at ``t``: time, score, band, cues (largest
        first); "" if no caller sample is within NEAR_S of ``t``."""
        s = self.curves[CALLER].nearest(t)
        if s is None or abs(s.t - t) > NEAR_S:
            return ""
        cues = sorted(((v, n) for n, v in s.contributions
                       if abs(v) >= HIDE_BELOW and round(v) != 0), reverse=True)
        parts = [f"{self.cue_names.get(n, n)} {v:+.0f}" for v, n in cues]
        why = self.tr(", ").join(parts) if parts else self.tr("no cue stands out")
        band = self.band_names.get(s.band, s.band)
        text = fill(self.tr("%1 · Caller %2 (%3) · %4"), clock(s.t), f"{s.score:.0f}", band, why)
        mine = self.curves[AGENT].nearest(t)
        if mine is not None and abs(mine.t - t) <= NEAR_S:
            text += " · " + (f"{self.agent_label} {mine.score:.0f}" if self.agent_label
                             else self.tr("You %1").replace("%1", f"{mine.score:.0f}"))
        return text

    def _on_mouse_moved(self, pos: QPointF) -> None:
        if not self.view.sceneBoundingRect().contains(pos):
            return
        text = self.explain_at(self.view.mapSceneToView(pos).x())
        self.explain.setText(text or self.tr("No caller speech here."))

    def _on_mouse_clicked(self, event: Any) -> None:
        pos = event.scenePos()
        if (event.button() == Qt.MouseButton.LeftButton
                and self.view.sceneBoundingRect().contains(pos)):
            self.time_clicked.emit(float(self.view.mapSceneToView(pos).x()))

    def frame_stats(self) -> dict[str, float]:
        """Time spent in redraws that drew (the last 2000), in ms; paint time not included."""
        ms = list(self._frame_ms)
        if not ms:
            return {"frames": 0.0}
        ordered = sorted(ms)
        return {"frames": float(len(ms)), "median_ms": statistics.median(ms),
                "p95_ms": ordered[int(0.95 * (len(ms) - 1))], "max_ms": ordered[-1]}
