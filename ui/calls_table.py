"""The review's calls list: a filter bar (period, agent, category, lowest peak, search) and a
table of calls with their figures, sorted by any column (the sorting is desk.review's)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desk.analysis import Period
from desk.content import Catalog
from desk.models import STEP_KEYS
from desk.review import CallQuery, CallReview, sort_calls
from ui.format import call_time, short_time

IndexLike = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 300
BAND_FILL = ("#e8f5e9", "#fff8e1", "#fff3e0", "#ffebee")
# (column key, sort key in desk.review.SORT_KEYS)
COLUMNS = (("started", "started_at"), ("agent", "agent"), ("customer", "customer"),
           ("case", "case_ref"), ("category", "category"), ("duration", "duration"),
           ("peak", "peak"), ("final", "final"), ("deesc", "deescalation"),
           ("apology", "t_apology"), ("offer", "t_offer"), ("steps", "steps_done"),
           ("traps", "traps"), ("cues", "escalations"))
ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole,
         Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
         Qt.ItemDataRole.ToolTipRole}
NUMERIC = {"duration", "peak", "final", "deesc", "apology", "offer", "traps", "cues"}


def period_of(code: str, today: date | None = None) -> Period | None:
    """The period a preset names (None: any date)."""
    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    if code == "today":
        return Period.day(today)
    if code == "yesterday":
        return Period.yesterday(today)
    if code == "this_week":
        return Period(monday, today + timedelta(days=1))
    if code == "last_week":
        return Period(monday - timedelta(days=7), monday)
    if code in ("7", "30", "90"):
        return Period.last_days(int(code), today)
    return None


class CallsTableModel(QAbstractTableModel):
    """Rows of CallReview; ``sort`` re-orders them with desk.review.sort_calls."""

    def __init__(self, bands: tuple[float, float, float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bands = bands
        self.calls: list[CallReview] = []
        self.category_names: dict[str, str] = {}
        self.sort_key, self.descending = "peak", True

    def headers(self) -> list[str]:
        return [self.tr("Started"), self.tr("Agent"), self.tr("Customer"), self.tr("Case"),
                self.tr("Source"), self.tr("Duration"), self.tr("Peak"), self.tr("End"),
                self.tr("De-escalation"), self.tr("Apology at"), self.tr("Offer at"),
                self.tr("CLEAR steps"), self.tr("Traps"), self.tr("Escalation words")]

    def set_calls(self, calls: list[CallReview]) -> None:
        self.beginResetModel()
        self.calls = sort_calls(calls, self.sort_key, self.descending)
        self.endResetModel()

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.calls)

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def band_of(self, score: float) -> int:
        return sum(1 for b in self.bands if score >= b)

    def text(self, c: CallReview, key: str) -> str:
        def at(t: float | None) -> str:
            return "—" if t is None else call_time(t)

        values = {
            "started": lambda: short_time(c.started_at), "agent": lambda: c.agent,
            "customer": lambda: c.customer, "case": lambda: c.case_ref,
            "category": lambda: self.category_names.get(c.category, c.category),
            "duration": lambda: call_time(c.duration), "peak": lambda: f"{c.peak:.0f}",
            "final": lambda: f"{c.final:.0f}", "deesc": lambda: f"{c.deescalation:.0f}",
            "apology": lambda: at(c.t_apology), "offer": lambda: at(c.t_offer),
            "steps": lambda: " ".join(s if s in c.steps_done else "·" for s in STEP_KEYS),
            "traps": lambda: str(c.traps), "cues": lambda: str(c.escalations)}
        return values[key]()

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES or not index.isValid():
            return None
        c = self.calls[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(c, key)
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and key in ("peak", "final"):
            return QColor(BAND_FILL[self.band_of(c.peak if key == "peak" else c.final)])
        if role == Qt.ItemDataRole.ToolTipRole and key == "steps":
            order = " → ".join(c.step_order) or "—"
            return self.tr("Done at the end: %1. First done in this order: %2").replace(
                "%1", ", ".join(c.steps_done) or "—").replace("%2", order)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][1]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.calls = sort_calls(self.calls, self.sort_key, self.descending)
        self.layoutChanged.emit()

    def column_of(self, sort_key: str) -> int:
        return next(i for i, (_, k) in enumerate(COLUMNS) if k == sort_key)

    def row_of(self, call_id: str) -> int | None:
        return next((i for i, c in enumerate(self.calls) if c.id == call_id), None)


class CallFilterWidget(QWidget):
    """Period, agent, category, lowest peak and a search box; ``changed`` when any moves
    (the search after a short pause)."""

    changed = Signal()

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call_filter")
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 0)
        self.period = QComboBox()
        self.period.setObjectName("review_period")
        for text, key in ((self.tr("Today"), "today"), (self.tr("Yesterday"), "yesterday"),
                          (self.tr("This week"), "this_week"), (self.tr("Last week"), "last_week"),
                          (self.tr("Last 7 days"), "7"), (self.tr("Last 30 days"), "30"),
                          (self.tr("Last 90 days"), "90"), (self.tr("Any date"), "")):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(self.period.findData("7"))
        self.agent = QComboBox()
        self.agent.setObjectName("review_agent")
        self.agent.addItem(self.tr("All agents"), None)
        self.category = QComboBox()
        self.category.setObjectName("review_category")
        self.category.addItem(self.tr("All sources"), None)
        for c in catalog.categories:
            self.category.addItem(c.name.get(lang), c.key)
        self.min_peak = QSpinBox()
        self.min_peak.setObjectName("review_min_peak")
        self.min_peak.setRange(0, 100)
        self.min_peak.setSingleStep(5)
        self.min_peak.setPrefix(self.tr("Peak ≥ "))
        self.problem = QComboBox()
        self.problem.setObjectName("review_problem")
        for text, key in ((self.tr("All calls"), None),
                          (self.tr("Not calmed down"), "not_calmed"),
                          (self.tr("No apology"), "no_apology"),
                          (self.tr("CLEAR not complete"), "clear_incomplete"),
                          (self.tr("A trap hit"), "traps"),
                          (self.tr("Escalation words heard"), "escalation")):
            self.problem.addItem(text, key)
        self.problem.setToolTip(self.tr("Only the calls where this went wrong"))
        self.search = QLineEdit()
        self.search.setObjectName("review_search")
        self.search.setPlaceholderText(self.tr("Search transcripts, customers, case numbers"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        for w in (QLabel(self.tr("Period:")), self.period, self.agent, self.category,
                  self.min_peak, self.problem):
            h.addWidget(w)
        h.addWidget(self.search, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _: self.timer.start())
        for combo in (self.period, self.agent, self.category, self.problem):
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.min_peak.valueChanged.connect(lambda _: self.changed.emit())

    def set_agents(self, names: list[str], own_only: bool) -> None:
        """The agent choice: every agent here for a supervisor, hidden for an agent."""
        current = self.agent.currentData()
        self.agent.blockSignals(True)
        self.agent.clear()
        self.agent.addItem(self.tr("All agents"), None)
        for name in names:
            self.agent.addItem(name or self.tr("(no name)"), name)
        index = self.agent.findData(current)
        self.agent.setCurrentIndex(max(index, 0))
        self.agent.blockSignals(False)
        self.agent.setVisible(not own_only)

    def period_value(self) -> Period | None:
        return period_of(str(self.period.currentData() or ""))

    def query(self, sort: str = "peak", descending: bool = True) -> CallQuery:
        period = self.period_value()
        start, end = period.bounds() if period else (None, None)
        return CallQuery(started_from=start, started_to=end, agent=self.agent.currentData(),
                         category=self.category.currentData(),
                         min_peak=float(self.min_peak.value()) or None,
                         problem=self.problem.currentData(),
                         text=self.search.text().strip() or None, sort=sort,
                         descending=descending)
