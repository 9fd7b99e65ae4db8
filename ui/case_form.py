"""The case's fields: complaint, category, style, responsibility, solution, review.

Edits are written as field events about a second after the agent stops typing,
when the focus leaves, or when another case is opened (``flush``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desk.content import Catalog
from desk.models import Case

FLUSH_IDLE_MS = 1000


class CaseFormWidget(QWidget):
    """Field editors for one part of a case. Emits ``edited(values)`` with changed fields."""

    edited = Signal(dict)

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.getters: dict[str, Callable[[], Any]] = {}
        self.setters: dict[str, Callable[[Any], None]] = {}
        self.dirty: set[str] = set()
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FLUSH_IDLE_MS)
        self.timer.timeout.connect(self.flush)
        self.form = QFormLayout(self)

    # -- building -------------------------------------------------------------
    def text(self, name: str, label: str, lines: int = 1, placeholder: str = "") -> QWidget:
        widget: QLineEdit | QPlainTextEdit
        if lines == 1:
            widget = QLineEdit()
            widget.textEdited.connect(lambda _=None: self._changed(name))
            widget.editingFinished.connect(self.flush)
            self.getters[name] = widget.text
            self.setters[name] = lambda v, w=widget: w.setText(str(v or ""))
        else:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 14)
            widget.textChanged.connect(lambda: self._changed(name))
            self.getters[name] = widget.toPlainText
            self.setters[name] = lambda v, w=widget: w.setPlainText(str(v or ""))
        widget.setPlaceholderText(placeholder)
        widget.setObjectName(f"field_{name}")
        self.form.addRow(label, widget)
        return widget

    def choice(self, name: str, label: str, items: list[tuple[str, str]],
               blank: str | None = "—", editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"field_{name}")
        combo.setEditable(editable)
        if blank is not None:
            combo.addItem(blank, "")
        for key, text in items:
            combo.addItem(text, key)
        if editable:
            combo.lineEdit().editingFinished.connect(lambda: self._changed(name, now=True))
        combo.activated.connect(lambda _: self._changed(name, now=True))

        def get() -> Any:
            if editable:
                idx = combo.findText(combo.currentText())
                return combo.itemData(idx) if idx >= 0 else combo.currentText().strip()
            return combo.currentData()

        def put(value: Any, c: QComboBox = combo) -> None:
            idx = c.findData(value if value is not None else "")
            if idx < 0 and editable and value:
                c.setEditText(str(value))
            else:
                c.setCurrentIndex(max(0, idx))

        self.getters[name] = get
        self.setters[name] = put
        self.form.addRow(label, combo)
        return combo

    def checks(self, name: str, label: str, items: list[tuple[str, str]]) -> None:
        row = QHBoxLayout()
        boxes: dict[str, QCheckBox] = {}
        for key, text in items:
            box = QCheckBox(text)
            box.setObjectName(f"field_{name}_{key}")
            box.clicked.connect(lambda _=False: self._changed(name, now=True))
            boxes[key] = box
            row.addWidget(box)
        row.addStretch(1)
        self.getters[name] = lambda: [k for k, b in boxes.items() if b.isChecked()]
        self.setters[name] = lambda v: [b.setChecked(k in (v or ())) for k, b in boxes.items()]
        self.form.addRow(label, row)

    def date(self, name: str, label: str, toggle_text: str) -> None:
        row = QHBoxLayout()
        box = QCheckBox(toggle_text)
        box.setObjectName(f"field_{name}_set")
        edit = QDateEdit(QDate.currentDate().addDays(3))
        edit.setCalendarPopup(True)
        edit.setObjectName(f"field_{name}")
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        box.toggled.connect(edit.setEnabled)
        box.clicked.connect(lambda _=False: self._changed(name, now=True))
        edit.dateChanged.connect(lambda _: self._changed(name, now=True))
        row.addWidget(box)
        row.addWidget(edit, 1)

        def put(value: Any) -> None:
            box.setChecked(bool(value))
            edit.setEnabled(bool(value))
            if value:
                edit.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))

        self.getters[name] = lambda: edit.date().toString("yyyy-MM-dd") if box.isChecked() else ""
        self.setters[name] = put
        self.form.addRow(label, row)

    def note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(mid);")
        self.form.addRow("", label)
        return label

    # -- data -----------------------------------------------------------------
    def load(self, case: Case | None) -> None:
        self.timer.stop()
        self.dirty.clear()
        self._loading = True
        try:
            for name, put in self.setters.items():
                put(getattr(case, name, None) if case is not None else None)
        finally:
            self._loading = False
        self.setEnabled(case is not None)

    def _changed(self, name: str, now: bool = False) -> None:
        if self._loading:
            return
        self.dirty.add(name)
        if now:
            self.flush()
        else:
            self.timer.start()

    def flush(self) -> None:
        """Emit the changed fields (on the GUI thread; the window writes them)."""
        self.timer.stop()
        if not self.dirty:
            return
        values = {name: self.getters[name]() for name in sorted(self.dirty)}
        self.dirty.clear()
        self.edited.emit(values)
