"""The team's figures over the chosen period: a row per agent and the team's total, and bar
charts of agitation, de-escalation and CLEAR completion per agent."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.analysis import CaseFigures, Period
from desk.review import AgentStats
from ui.format import call_time

PEAK_COLOUR = "#c62828"
AVG_COLOUR = "#ef9a9a"
RATE_COLOUR = "#2e7d32"
CLEAR_COLOUR = "#1565c0"
HEADROOM = 1.25
COLUMNS = 13


def percent(part: int, whole: int) -> str:
    return "—" if not whole else f"{100 * part / whole:.0f} %"


class BarChartWidget(pg.PlotWidget):
    """Grouped bars, one group per agent (names on the x axis)."""

    def __init__(self, title: str, y_max: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.setYRange(0, y_max * HEADROOM)
        self.setTitle(title, color="#333", size="10pt")
        self.legend = self.addLegend(offset=(10, 5), colCount=2)
        self.showGrid(y=True, alpha=0.2)
        self.y_max = y_max

    def show_groups(self, names: Sequence[str],
                    series: Sequence[tuple[str, str, Sequence[float]]]) -> None:
        self.clear()
        self.legend.clear()
        n = max(1, len(series))
        width = 0.8 / n
        x = np.arange(len(names), dtype=float)
        for i, (label, colour, values) in enumerate(series):
            bars = pg.BarGraphItem(x=x - 0.4 + width * (i + 0.5), height=list(values),
                                   width=width * 0.9, brush=colour, pen=pg.mkPen(None))
            self.addItem(bars)
            self.legend.addItem(bars, label)
        self.getAxis("bottom").setTicks([list(enumerate(names))])
        self.setXRange(-0.6, max(0.6, len(names) - 0.4))
        self.setYRange(0, self.y_max * HEADROOM)  # room for the legend above the bars
        self.getAxis("left").setTicks([[(v, f"{v:.0f}") for v in range(0, 101, 20)]])

    def bar_count(self) -> int:
        return sum(1 for i in self.items() if isinstance(i, pg.BarGraphItem))


class TeamStatsWidget(QWidget):
    """``show_stats(rows, period)``: rows from desk.review.team_stats (the team last)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team_stats")
        v = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("team_title")
        v.addWidget(self.title)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("team_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Agent"), self.tr("Calls"), self.tr("Average peak"),
            self.tr("Highest peak"), self.tr("Average end"), self.tr("Calmed down"),
            self.tr("CLEAR complete"), self.tr("In CLEAR order"),
            self.tr("Time to apology (median)"), self.tr("Traps"),
            self.tr("Callbacks on time"), self.tr("Follow-ups done"), self.tr("Satisfaction")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr(
            "Calmed down: of the calls whose caller became agitated, the share that ended "
            "below the elevated band. Callbacks on time: promises to call back kept by the "
            "time promised, of those due in the period. Follow-ups done: of the follow-up "
            "visits dated in the period. Satisfaction: the average rating (1–5) given in the "
            "period, with how many were rated."))
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        v.addWidget(self.table)
        charts = QHBoxLayout()
        self.agitation = BarChartWidget(self.tr("Caller's agitation"), 100)
        self.agitation.setObjectName("chart_agitation")
        self.outcomes = BarChartWidget(self.tr("Outcomes (% of calls)"), 100)
        self.outcomes.setObjectName("chart_outcomes")
        for chart in (self.agitation, self.outcomes):
            chart.setMinimumHeight(220)
            charts.addWidget(chart)
        v.addLayout(charts, 1)
        self.rows: list[AgentStats] = []

    def show_stats(self, rows: Sequence[AgentStats], period: Period | None,
                   cases: Sequence[CaseFigures | None] = ()) -> None:
        """``cases``: the case figures of each row's agent (the team's last), when known."""
        self.rows = list(rows)
        when = (self.tr("any date") if period is None else
                f"{period.start.isoformat()} – {period.last_day.isoformat()}")
        self.title.setText(self.tr("Figures over %1").replace("%1", when))
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            cells = [
                s.agent or self.tr("Team"), str(s.calls), f"{s.avg_peak:.0f}",
                f"{s.max_peak:.0f}", f"{s.avg_final:.0f}",
                f"{percent(s.calmed, s.needed)} ({s.calmed}/{s.needed})",
                percent(s.clear_complete, s.calls), percent(s.in_order, s.calls),
                "—" if s.median_t_apology is None else call_time(s.median_t_apology),
                str(s.traps)]
            a = cases[r] if r < len(cases) else None
            cells += self.case_cells(a)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if not s.agent:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        agents = [s for s in rows if s.agent] or list(rows[-1:])
        names = [s.agent or self.tr("Team") for s in agents]
        self.agitation.show_groups(names, [
            (self.tr("average peak"), AVG_COLOUR, [s.avg_peak for s in agents]),
            (self.tr("highest peak"), PEAK_COLOUR, [s.max_peak for s in agents])])
        self.outcomes.show_groups(names, [
            (self.tr("calmed down"), RATE_COLOUR,
             [100.0 * (s.deescalation_rate or 0.0) for s in agents]),
            (self.tr("CLEAR complete"), CLEAR_COLOUR,
             [100.0 * s.clear_complete / s.calls if s.calls else 0.0 for s in agents])])

    def case_cells(self, a: CaseFigures | None) -> list[str]:
        if a is None:
            return ["", "", ""]
        p, sat = a.promises, a.satisfaction
        rating = "—" if sat.average is None else \
            self.tr("%1 (%2 rated)").replace("%1", f"{sat.average:.1f}").replace(
                "%2", str(sat.rated))
        return [f"{percent(p.kept, p.kept + p.broken)} ({p.kept}/{p.kept + p.broken})",
                f"{a.followups_done}/{a.followups_due}", rating]
