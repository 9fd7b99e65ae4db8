"""The case list: search (cases, customers, notes), filters and sorting; follow-ups due."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.cases import CaseFilter, CaseService
from desk.content import Catalog
from desk.models import CaseSummary
from desk.timeutil import local_day_range, now_iso, to_iso
from ui.format import short_time

SEARCH_DELAY_MS = 200
ID_ROLE = 256


class CaseListWidget(QWidget):
    case_selected = Signal(str)

    def __init__(self, service: CaseService, catalog: Catalog, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.catalog = catalog
        self.lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        page = QWidget()
        v = QVBoxLayout(page)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search cases, customers, phone, notes (Ctrl+F)"))
        v.addWidget(self.search)
        grid = QGridLayout()
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        self.status.addItem(self.tr("Any status"), "")
        for s in catalog.statuses:
            self.status.addItem(s.name.get(lang), s.key)
        self.category = QComboBox()
        self.category.setObjectName("filter_category")
        self.category.addItem(self.tr("Any source"), "")
        for c in catalog.categories:
            self.category.addItem(c.name.get(lang), c.key)
        self.period = QComboBox()
        self.period.setObjectName("filter_period")
        for text, key in ((self.tr("Any date"), ""), (self.tr("Today"), "today"),
                          (self.tr("Last 7 days"), "7"), (self.tr("Last 30 days"), "30")):
            self.period.addItem(text, key)
        self.sort = QComboBox()
        self.sort.setObjectName("sort")
        for text, key in ((self.tr("Newest first"), "created_desc"),
                          (self.tr("Oldest first"), "created_asc"),
                          (self.tr("Recently changed"), "updated_desc"),
                          (self.tr("Most severe"), "severity_desc"),
                          (self.tr("Next callback"), "callback_asc")):
            self.sort.addItem(text, key)
        self.overdue = QCheckBox(self.tr("Overdue callbacks only"))
        self.overdue.setObjectName("filter_overdue")
        grid.addWidget(self.status, 0, 0)
        grid.addWidget(self.category, 0, 1)
        grid.addWidget(self.period, 1, 0)
        grid.addWidget(self.sort, 1, 1)
        grid.addWidget(self.overdue, 2, 0, 1, 2)
        v.addLayout(grid)
        self.tree = self._tree("case_tree")
        v.addWidget(self.tree, 1)
        self.tabs.addTab(page, self.tr("Cases"))
        self.followups = self._tree("followup_tree")
        self.tabs.addTab(self.followups, self.tr("Follow-ups due"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self.timer.start())
        for combo in (self.status, self.category, self.period, self.sort):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.overdue.toggled.connect(lambda _: self.refresh())
        self.current_id: str | None = None
        self.refreshed_at = 0.0

    def _tree(self, name: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)  # a long list lays out in constant time
        tree.setAlternatingRowColors(True)
        tree.setHeaderLabels([self.tr("Case"), self.tr("Status"), self.tr("Customer"),
                              self.tr("Callback"), self.tr("Source"), self.tr("Opened"),
                              self.tr("Complaint")])
        tree.currentItemChanged.connect(self._on_item)
        return tree

    def current_filter(self) -> CaseFilter:
        period = self.period.currentData()
        created_from = created_to = None
        if period == "today":
            created_from, created_to = local_day_range(date.today())
        elif period:
            created_from = to_iso(datetime.now(timezone.utc) - timedelta(days=int(period)))
        return CaseFilter(
            text=self.search.text(), status=self.status.currentData() or None,
            category=self.category.currentData() or None, created_from=created_from,
            created_to=created_to, sort=self.sort.currentData(),
            overdue_at=now_iso() if self.overdue.isChecked() else None)

    def refresh(self) -> None:
        self.refreshed_at = time.monotonic()
        self._fill(self.tree, self.service.list_cases(self.current_filter()))
        due = self.service.followups_due()
        self._fill(self.followups, due)
        self.tabs.setTabText(1, self.tr("Follow-ups due (%1)").replace("%1", str(len(due))))

    def _fill(self, tree: QTreeWidget, cases: list[CaseSummary]) -> None:
        names = {c.key: c.name.get(self.lang) for c in self.catalog.categories}
        statuses = {s.key: s.name.get(self.lang) for s in self.catalog.statuses}
        now = now_iso()
        tree.blockSignals(True)
        tree.clear()
        selected = None
        for c in cases:
            callback = short_time(c.next_callback) if c.next_callback else ""
            if c.next_callback and c.next_callback < now:
                callback = "⚠ " + callback
            complaint = c.complaint.replace("\n", " ")
            item = QTreeWidgetItem([
                c.ref, statuses.get(c.status, c.status), c.customer_name or c.customer_phone,
                callback, names.get(c.category, ""), short_time(c.created_at), complaint[:120]])
            item.setData(0, ID_ROLE, c.id)
            item.setToolTip(0, "\n".join(x for x in (c.customer_name, c.customer_phone,
                                                       complaint[:300]) if x))
            tree.addTopLevelItem(item)
            if c.id == self.current_id:
                selected = item
        if selected is not None:
            tree.setCurrentItem(selected)
        tree.blockSignals(False)
        if not tree.property("sized") and cases:
            for col in range(6):
                tree.resizeColumnToContents(col)
            tree.setProperty("sized", True)

    def select(self, case_id: str | None) -> None:
        self.current_id = case_id

    def _on_item(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        case_id = str(item.data(0, ID_ROLE))
        if case_id != self.current_id:
            self.current_id = case_id
            self.case_selected.emit(case_id)
