"""One case: the customer (with their earlier cases), the case's fields in three tabs."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.cases import CaseError, CaseService
from desk.content import Catalog
from desk.models import Case, Customer
from ui.case_form import CaseFormWidget
from ui.format import short_time

LOOKUP_DELAY_MS = 250


def scrolled(page: QWidget) -> QScrollArea:
    """A tab's page that scrolls when the call strip above takes the room."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class CaseEditorWidget(QWidget):
    """Emits ``case_changed(case)`` after any write and ``open_case(id)`` to jump to a case."""

    case_changed = Signal(object)
    open_case = Signal(str)
    style_changed = Signal(str)
    failed = Signal(object)

    def __init__(self, service: CaseService, catalog: Catalog, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.catalog = catalog
        self.lang = lang
        self.case: Case | None = None
        self.customer: Customer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel()
        self.header.setObjectName("case_header")
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.header.setFont(font)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        self.resolve_button = QPushButton(self.tr("Mark resolved"))
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.clicked.connect(lambda: self.set_status("resolved"))
        self.close_button = QPushButton(self.tr("Close case"))
        self.close_button.clicked.connect(lambda: self.set_status("closed"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.clicked.connect(lambda: self.set_status("open"))
        for b in (self.resolve_button, self.close_button, self.reopen_button):
            head.addWidget(b)
        layout.addLayout(head)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._build_complaint_tab()
        self.forms = [self.complaint_form, self._build_resolution_tab(),
                      self._build_review_tab()]
        for form in self.forms:
            form.edited.connect(self._on_edited)
        self.lookup_timer = QTimer(self)
        self.lookup_timer.setSingleShot(True)
        self.lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self.lookup_timer.timeout.connect(self._on_lookup)
        self.load(None)

    def _items(self, entries: Any) -> list[tuple[str, str]]:
        return [(e.key, e.name.get(self.lang)) for e in entries]

    # -- tabs -------------------------------------------------------------------
    def _build_complaint_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        box = QGroupBox(self.tr("Customer"))
        form = QFormLayout(box)
        self.name = QLineEdit()
        self.name.setObjectName("customer_name")
        self.phone = QLineEdit()
        self.phone.setObjectName("customer_phone")
        self.phone.setPlaceholderText(self.tr("Any format, e.g. 138 0013 8000"))
        self.id_number = QLineEdit()
        self.id_number.setObjectName("customer_id_number")
        for field, edit in (("name", self.name), ("phone", self.phone),
                            ("id_number", self.id_number)):
            edit.editingFinished.connect(lambda f=field: self._save_customer(f))
        self.phone.textEdited.connect(lambda _: self.lookup_timer.start())
        self.id_number.textEdited.connect(lambda _: self.lookup_timer.start())
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("ID / member no."), self.id_number)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("customer_history")
        self.history.setMaximumHeight(90)
        self.history.itemActivated.connect(self._on_history_item)
        self.use_customer = QPushButton(self.tr("This is the same customer"))
        self.use_customer.setObjectName("use_customer")
        self.use_customer.clicked.connect(self._on_use_customer)
        form.addRow(self.history_label)
        form.addRow(self.history)
        form.addRow(self.use_customer)
        v.addWidget(box)
        f = self.complaint_form = CaseFormWidget(self.catalog, self.lang)
        f.text("complaint", self.tr("Complaint"), lines=4,
               placeholder=self.tr("In the customer's own words"))
        f.choice("category", self.tr("Source"), self._items(self.catalog.categories))
        f.choice("severity", self.tr("Severity"), self._items(self.catalog.severities), None)
        style = f.choice("style", self.tr("Customer style"), self._items(self.catalog.styles))
        style.activated.connect(lambda _: self.style_changed.emit(style.currentData() or ""))
        v.addWidget(f, 1)
        self.tabs.addTab(scrolled(page), self.tr("Complaint"))

    def _build_resolution_tab(self) -> CaseFormWidget:
        f = CaseFormWidget(self.catalog, self.lang)
        f.choice("stage", self.tr("Stage"), [(s.key, f"{s.order}. {s.name.get(self.lang)}")
                                             for s in self.catalog.stages], None)
        self.stage_hint = f.note("")
        f.choice("department", self.tr("Responsible department"),
                 self._items(self.catalog.departments), editable=True)
        f.text("owner", self.tr("Responsible person"))
        f.checks("solution_options", self.tr("Options offered"),
                 self._items(self.catalog.solutions))
        f.choice("solution", self.tr("Chosen solution"), self._items(self.catalog.solutions))
        f.text("action_flaw", self.tr("Fix the flaw"), lines=2,
               placeholder=self.tr("What is done about the product or service itself"))
        f.text("action_impact", self.tr("Fix the impact"), lines=2,
               placeholder=self.tr("What is done for the customer: their time, cost, trouble"))
        f.text("result", self.tr("Result"), lines=2)
        self.tabs.addTab(scrolled(f), self.tr("Resolution"))
        return f

    def _build_review_tab(self) -> CaseFormWidget:
        f = CaseFormWidget(self.catalog, self.lang)
        f.choice("satisfaction", self.tr("Satisfaction"),
                 [(str(i), "★" * i) for i in range(1, 6)])
        f.date("followup_date", self.tr("Follow-up visit"), self.tr("on"))
        f.checks("followup_done", self.tr("Follow-up"), [("1", self.tr("done"))])
        f.text("root_cause", self.tr("Root cause"), lines=2)
        f.text("prevention", self.tr("Preventive measure"), lines=2,
               placeholder=self.tr("What changes so that this does not happen again"))
        # followup_done and satisfaction are stored as numbers
        getter, setter = f.getters["followup_done"], f.setters["followup_done"]
        f.getters["followup_done"] = lambda: 1 if getter() else 0
        f.setters["followup_done"] = lambda v: setter(["1"] if v else [])
        sat_get, sat_set = f.getters["satisfaction"], f.setters["satisfaction"]
        f.getters["satisfaction"] = lambda: int(sat_get()) if sat_get() else None
        f.setters["satisfaction"] = lambda v: sat_set(str(v) if v else "")
        self.tabs.addTab(scrolled(f), self.tr("Follow-up and review"))
        return f

    # -- loading ----------------------------------------------------------------
    def load(self, case: Case | None) -> None:
        self.flush()
        self.case = case
        self.customer = None
        if case is not None and case.customer_id:
            try:
                self.customer = self.service.customer(case.customer_id)
            except CaseError:
                self.customer = None
        for form in self.forms:
            form.load(case)
        for edit, value in ((self.name, self.customer.name if self.customer else ""),
                            (self.phone, self.customer.phone if self.customer else ""),
                            (self.id_number, self.customer.id_number if self.customer else "")):
            edit.setText(value)
            edit.setEnabled(case is not None)
        self._show_header()
        self._on_lookup()

    def _show_header(self) -> None:
        case = self.case
        if case is None:
            self.header.setText(self.tr("No case open — press Ctrl+N for a new case"))
            for b in (self.resolve_button, self.close_button, self.reopen_button):
                b.setVisible(False)
            return
        status = next((s.name.get(self.lang) for s in self.catalog.statuses
                       if s.key == case.status), case.status)
        self.header.setText(self.tr("Case %1 · %2 · opened %3").replace("%1", case.ref)
                            .replace("%2", status).replace("%3", short_time(case.created_at)))
        self.resolve_button.setVisible(case.status == "open")
        self.close_button.setVisible(case.status == "resolved")
        self.reopen_button.setVisible(case.status != "open")
        stage = next((s for s in self.catalog.stages if s.key == case.stage), None)
        self.stage_hint.setText(stage.do_now.get(self.lang) if stage else "")

    # -- writing ----------------------------------------------------------------
    def flush(self) -> None:
        for form in getattr(self, "forms", []):
            form.flush()

    def _on_edited(self, values: dict[str, Any]) -> None:
        if self.case is None:
            return
        try:
            self.case = self.service.update_case(self.case.id, **values)
        except (CaseError, OSError) as exc:
            self.failed.emit(exc)
            return
        self._show_header()
        self.case_changed.emit(self.case)

    def set_status(self, status: str) -> None:
        self._on_edited({"status": status})

    def _save_customer(self, field: str) -> None:
        if self.case is None:
            return
        value = {"name": self.name, "phone": self.phone, "id_number": self.id_number}[field]
        text = value.text().strip()
        try:
            if self.customer is None:
                if not text:
                    return
                self.customer = self.service.new_customer(**{field: text})
                self.case = self.service.update_case(self.case.id, customer_id=self.customer.id)
            elif getattr(self.customer, field) != text:
                self.customer = self.service.update_customer(self.customer.id, **{field: text})
            else:
                return
        except CaseError as exc:
            self.failed.emit(exc)
            return
        self.case_changed.emit(self.case)

    # -- know the customer (seed 000) ---------------------------------------------
    def _on_lookup(self) -> None:
        self.history.clear()
        self.matches = []
        if self.case is not None:
            self.matches = self.service.lookup(self.phone.text(), self.id_number.text(),
                                               exclude_case=self.case.id)
        count = 0
        statuses = {s.key: s.name.get(self.lang) for s in self.catalog.statuses}
        for match in self.matches:
            for c in match.cases:
                status = statuses.get(c.status, c.status)
                item = QListWidgetItem(f"{c.ref}  {short_time(c.created_at)}  "
                                       f"[{status}]  {c.complaint[:60]}")
                item.setData(256, c.id)
                self.history.addItem(item)
                count += 1
        other = next((m.customer for m in self.matches
                      if self.customer is None or m.customer.id != self.customer.id), None)
        self.use_customer.setVisible(other is not None)
        self.other_customer = other
        if not self.matches:
            self.history_label.setText("")
            self.history.setVisible(False)
            return
        self.history.setVisible(count > 0)
        names = ", ".join(html.escape(m.customer.name or m.customer.phone) for m in self.matches)
        self.history_label.setText(self.tr("Known customer: %1 — %2 earlier case(s)")
                                   .replace("%1", names).replace("%2", str(count)))

    def _on_history_item(self, item: QListWidgetItem) -> None:
        self.open_case.emit(str(item.data(256)))

    def _on_use_customer(self) -> None:
        if self.case is None or self.other_customer is None:
            return
        self.customer = self.other_customer
        self.case = self.service.update_case(self.case.id, customer_id=self.customer.id)
        self.load(self.case)
        self.case_changed.emit(self.case)
