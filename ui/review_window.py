"""Call review: the calls list with its filters, one call (curve, transcript, comments), the
team's figures, comparing calls, the morning digest and the comments received.

An agent sees their own calls only; a supervisor the team's (what the server let this desk
pull); a standalone counter every call on this desk. See desk.review.Viewer.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.agitation import load_config
from desk.analysis import CaseFigures, Period, case_figures_by_agent
from desk.calls import CallService
from desk.cases import CaseError, CaseService
from desk.comments import CommentService
from desk.content import Catalog, ContentError
from desk.review import (
    DEFAULT_BANDS,
    CallReview,
    ReviewService,
    Viewer,
    agent_stats,
    team_stats,
    viewer_of,
)
from desk.store import StoreError
from ui.call_view import CallViewWidget
from ui.calls_table import CallFilterWidget, CallsTableModel
from ui.compare_plot import ComparePlotWidget
from ui.digest_view import DigestWidget
from ui.received_comments import ReceivedCommentsWidget
from ui.team_stats import TeamStatsWidget

SIZE_ROWS = 40
ANY_DATE_DAYS = 3 * 365  # the case figures of "any date": the last three years


def score_bands() -> tuple[float, float, float]:
    try:
        return load_config().bands
    except ContentError:
        return DEFAULT_BANDS


class ReviewWindow(QMainWindow):
    """The supervisor's (or agent's) review of calls, on the desk's store."""

    comments_read = Signal()

    def __init__(self, service: CaseService, catalog: Catalog, lang: str,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_window")
        self.service = service
        self.catalog = catalog
        self.lang = lang
        self.settings = settings
        self.calls = CallService(service)
        self.comments = CommentService(service)
        self.viewer: Viewer = viewer_of(service.store, service.agent)
        self.bands = score_bands()
        self.review = ReviewService(service.store, self.viewer, self.bands)
        self.resize(1400, 900)
        self.build()

    # -- assembly -------------------------------------------------------------------------
    def build(self) -> None:
        self.setWindowTitle(self.tr("ClearDesk — call review"))
        root = QWidget()
        v = QVBoxLayout(root)
        v.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.filters = CallFilterWidget(self.catalog, self.lang)
        self.filters.changed.connect(self.refresh)
        top.addWidget(self.filters, 1)
        self.who = QLabel()
        self.who.setObjectName("review_who")
        top.addWidget(self.who)
        v.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("review_tabs")
        v.addWidget(self.tabs, 1)
        self.setCentralWidget(root)

        calls_page = QSplitter(Qt.Orientation.Vertical)
        calls_page.setObjectName("calls_page")
        upper = QWidget()
        u = QVBoxLayout(upper)
        u.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("review_count")
        bar.addWidget(self.count, 1)
        self.compare_button = QPushButton(self.tr("Compare selected"))
        self.compare_button.setObjectName("compare_selected")
        self.compare_button.setToolTip(self.tr("Select two or more calls (Ctrl+click) to lay "
                                               "their curves over each other"))
        self.compare_button.clicked.connect(self._on_compare)
        bar.addWidget(self.compare_button)
        u.addLayout(bar)
        self.model = CallsTableModel(self.bands, self)
        self.model.category_names = {c.key: c.name.get(self.lang)
                                     for c in self.catalog.categories}
        self.table = QTableView()
        self.table.setObjectName("calls_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_of("peak"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(SIZE_ROWS)  # sized on a few rows, not 5 000
        header.setStretchLastSection(True)
        self._sized = False
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        u.addWidget(self.table, 1)
        calls_page.addWidget(upper)
        self.view = CallViewWidget(self.calls, self.comments, self.service)
        self.view.comment_added.connect(lambda _id: self.received.refresh())
        calls_page.addWidget(self.view)
        calls_page.setSizes([300, 600])
        self.tabs.addTab(calls_page, self.tr("Calls"))

        self.team = TeamStatsWidget()
        self.tabs.addTab(self.team, self.tr("Team") if self.viewer.sees_team
                         else self.tr("My figures"))
        self.compare = ComparePlotWidget(self.calls)
        self.tabs.addTab(self.compare, self.tr("Compare"))
        self.digest = DigestWidget(self.service.store, self.catalog, self.lang,
                                   viewer=self.viewer)
        self.tabs.addTab(self.digest, self.tr("Morning digest"))
        self.received = ReceivedCommentsWidget(self.comments)
        self.received.open_call.connect(self.open_call)
        self.received.read.connect(self.comments_read)
        self.tabs.addTab(self.received, self.tr("Comments for me"))
        self._team: tuple[list[CallReview], Period | None] | None = None
        self.tabs.currentChanged.connect(self._on_tab)
        self._describe_viewer()
        self.refresh()

    def _describe_viewer(self) -> None:
        v = self.viewer
        if v.role == "supervisor":
            text = self.tr("Supervisor %1, team %2: the team's calls").replace(
                "%1", v.name).replace("%2", v.team or "—")
        elif v.role == "agent":
            text = self.tr("Agent %1: your own calls").replace("%1", v.name)
        else:
            text = self.tr("This desk: every call recorded here")
        self.who.setText(text)

    # -- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Run the list's query again (GUI thread; ~0.15 s for 5 000 calls)."""
        try:
            self.filters.set_agents(self.review.agents(), not self.viewer.sees_team)
            calls = self.review.calls(self.filters.query(self.model.sort_key,
                                                         self.model.descending))
        except (StoreError, CaseError) as exc:
            self.count.setText(self.tr("The calls could not be read. %1").replace(
                "%1", self.view.message_for(exc)))
            return
        current = self.current_call()
        self.model.set_calls(calls)
        if calls and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        period = self.filters.period_value()
        self.count.setText(self.tr("Calls: %1").replace("%1", str(len(calls))))
        self._team = (calls, period)
        if self.tabs.currentWidget() is self.team:
            self._update_team()
        if current is not None:
            self.select_call(current)

    def _update_team(self) -> None:
        """The team's figures of the listed calls, and the case figures (callbacks, follow-ups,
        satisfaction) of the same period; worked out when the tab is shown."""
        if self._team is None:
            return
        calls, period = self._team
        self._team = None
        rows = team_stats(calls, self.bands) if self.viewer.sees_team else \
            [agent_stats(calls, self.viewer.name, self.bands)]
        span = period or Period.last_days(ANY_DATE_DAYS)
        try:
            by_agent = case_figures_by_agent(self.service.store, span)
        except StoreError:
            by_agent = {}
        cases = [by_agent.get(r.agent, CaseFigures.nothing()) if by_agent else None
                 for r in rows]  # the team's row: agent ""
        self.team.show_stats(rows, period, cases)

    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.team:
            self._update_team()

    def current_call(self) -> str | None:
        index = self.table.currentIndex()
        return None if not index.isValid() else self.model.calls[index.row()].id

    def select_call(self, call_id: str) -> bool:
        row = self.model.row_of(call_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def open_call(self, call_id: str, t: float | None = None) -> None:
        """Show one call (from the list, or from a comment received: at its moment)."""
        self.tabs.setCurrentIndex(0)
        if not self.select_call(call_id) and not self.view.open_call(call_id):
            return
        if t is not None and self.shown_call() == call_id:
            self.view.set_cursor(t)

    def shown_call(self) -> str | None:
        return self.view.data.summary.id if self.view.data is not None else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # The same call again (the list was refreshed): keep its moment and zoom.
        if current.isValid() and self.model.calls[current.row()].id != self.shown_call():
            self.view.open_call(self.model.calls[current.row()].id)

    def _on_compare(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        calls = [self.model.calls[r] for r in rows]
        self.compare.set_calls(calls)
        self.tabs.setCurrentWidget(self.compare)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.compare.clear()
        self.digest.wait(10)
        super().closeEvent(event)
