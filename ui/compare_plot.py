"""Compare calls: the callers' agitation curves of two or more calls laid over each other,
aligned at the call start or at each call's peak (time 0 = the peak)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk.call_data import load_call
from desk.calls import CallService
from desk.events import CALLER
from desk.review import CallReview
from desk.store import StoreError
from ui.format import short_time
from ui.time_axis import TimeAxisWidget

MAX_CALLS = 8
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
           "#e377c2")


class SignedTimeAxisWidget(TimeAxisWidget):
    """m:ss, with a minus sign before the peak when aligned at the peak."""

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        out = []
        for v in values:
            text = super().tickStrings([abs(v)], scale, spacing)[0]
            out.append(("−" + text) if v < 0 else text)
        return out


class ComparePlotWidget(QWidget):
    """Up to MAX_CALLS callers' curves, aligned at the start or at the peak."""

    def __init__(self, calls: CallService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_plot")
        self.calls_service = calls
        self.reviews: list[CallReview] = []
        self.curves: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("compare_hint")
        self.hint.setWordWrap(True)
        top.addWidget(self.hint, 1)
        self.at_start = QRadioButton(self.tr("Align at the start"))
        self.at_start.setObjectName("align_start")
        self.at_peak = QRadioButton(self.tr("Align at the peak"))
        self.at_peak.setObjectName("align_peak")
        self.at_start.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.at_start)
        group.addButton(self.at_peak)
        self.at_start.toggled.connect(lambda _on: self.redraw())
        top.addWidget(self.at_start)
        top.addWidget(self.at_peak)
        v.addLayout(top)
        self.plot = pg.PlotWidget(axisItems={"bottom": SignedTimeAxisWidget("bottom")})
        self.plot.setObjectName("compare_graph")
        self.plot.setBackground("w")
        self.plot.setYRange(0, 100)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("left", self.tr("Caller's agitation"))
        self.legend = self.plot.addLegend(offset=(10, 10))
        v.addWidget(self.plot, 1)
        self.redraw()

    def clear(self) -> None:
        self.reviews = []
        self.curves = {}
        self.redraw()

    def set_calls(self, reviews: list[CallReview]) -> None:
        """Load the callers' curves of ``reviews`` (the first MAX_CALLS)."""
        self.reviews = reviews[:MAX_CALLS]
        self.curves = {}
        failed = 0
        for r in self.reviews:
            try:
                curve = load_call(self.calls_service.store, r.id).curves.get(CALLER)
            except (StoreError, KeyError, ValueError, TypeError):
                failed += 1
                continue
            if curve is None:
                failed += 1
                continue
            self.curves[r.id] = curve.all()
        self.redraw(failed, len(reviews) - len(self.reviews))

    def offset(self, call_id: str) -> float:
        """What is subtracted from a call's times: 0, or the time of its peak."""
        t, y = self.curves[call_id]
        if not self.at_peak.isChecked() or y.size == 0:
            return 0.0
        return float(t[int(np.argmax(y))])

    def redraw(self, failed: int = 0, left_out: int = 0) -> None:
        self.plot.clear()
        self.legend.clear()
        if len(self.curves) < 2:
            self.hint.setText(self.tr("Select two or more calls in the list (Ctrl+click), "
                                      "then press \"Compare selected\"."))
        else:
            text = self.tr("Each line is one caller's agitation; 0:00 is the start of each "
                           "call or, aligned at the peak, the moment of its peak.")
            if failed:
                text += " " + self.tr("Calls that could not be read: %1.").replace(
                    "%1", str(failed))
            if left_out:
                text += " " + self.tr("Only the first %1 calls are shown.").replace(
                    "%1", str(MAX_CALLS))
            self.hint.setText(text)
        for i, r in enumerate(self.reviews):
            if r.id not in self.curves:
                continue
            t, y = self.curves[r.id]
            name = f"{r.agent} · {r.case_ref} · {short_time(r.started_at)} · {r.peak:.0f}"
            item = self.plot.plot(t - self.offset(r.id), y, name=name,
                                  pen=pg.mkPen(PALETTE[i % len(PALETTE)], width=2))
            item.setDownsampling(auto=True, method="peak")
            item.setClipToView(True)
        self.plot.enableAutoRange(axis="x")
        self.plot.setYRange(0, 100)

    def line_count(self) -> int:
        return len(self.plot.listDataItems())
