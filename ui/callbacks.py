"""Callback promises ("buy time"): the dialog that makes one and the banner that counts down.

The banner sits at the top of the main window whatever case is open. As a
promise nears it turns amber; once overdue it turns red, flashes, and asks the
window manager to flash the task bar, until the agent marks it done.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desk.cases import seconds_left
from desk.content import Clear
from desk.models import Callback
from ui.format import countdown

SOON_S = 120


class BuyTimeDialog(QDialog):
    """Choose when to call back. Returns the due time (UTC) and a note."""

    def __init__(self, clear: Clear, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buy time: promise a callback"))
        form = QFormLayout(self)
        phrase = QLabel("<br>".join(f"“{p.get(lang)}”" for p in clear.buy_time.phrases))
        phrase.setWordWrap(True)
        form.addRow(self.tr("Say"), phrase)
        warning = QLabel(clear.buy_time.warning.get(lang))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #b3261e;")
        form.addRow("", warning)
        self.in_minutes = QRadioButton(self.tr("In"))
        self.in_minutes.setChecked(True)
        self.minutes = QComboBox()
        self.minutes.setObjectName("minutes")
        for m in clear.buy_time.choices_minutes:
            self.minutes.addItem(self.tr("%1 minutes").replace("%1", str(m)), m)
        idx = self.minutes.findData(clear.buy_time.default_minutes)
        self.minutes.setCurrentIndex(max(0, idx))
        row = QHBoxLayout()
        row.addWidget(self.in_minutes)
        row.addWidget(self.minutes, 1)
        form.addRow(self.tr("Call back"), row)
        self.at_time = QRadioButton(self.tr("At"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.when.setCalendarPopup(True)
        self.when.setObjectName("when")
        self.when.dateTimeChanged.connect(lambda _: self.at_time.setChecked(True))
        row2 = QHBoxLayout()
        row2.addWidget(self.at_time)
        row2.addWidget(self.when, 1)
        form.addRow("", row2)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("What you will find out or do before calling"))
        form.addRow(self.tr("Note"), self.note)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setObjectName("error")
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def due(self) -> datetime:
        if self.in_minutes.isChecked():
            return datetime.now(timezone.utc) + timedelta(minutes=float(self.minutes.currentData()))
        return self.when.dateTime().toPython().astimezone()

    def _on_accept(self) -> None:
        if self.due() <= datetime.now(timezone.utc):
            self.error.setText(self.tr("That time has already passed. Choose a time in the "
                                       "future."))
            return
        self.accept()


class CallbackBannerWidget(QWidget):
    """Counts down to the next promised callback; impossible to miss once overdue."""

    done_requested = Signal(str)
    open_case_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callback_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.callbacks: list[Callback] = []
        self.state = "none"
        self._flash = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setObjectName("callback_text")
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.label.setFont(font)
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.clicked.connect(self._on_open)
        self.done_button = QPushButton(self.tr("Called back"))
        self.done_button.setObjectName("callback_done")
        self.done_button.clicked.connect(self._on_done)
        self.more = QPushButton(self.tr("All callbacks"))
        self.more.clicked.connect(self._on_more)
        for b in (self.open_button, self.done_button, self.more):
            layout.addWidget(b)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()

    def set_callbacks(self, callbacks: list[Callback]) -> None:
        self.callbacks = sorted(callbacks, key=lambda c: c.due_at)
        self.tick()

    def next_callback(self) -> Callback | None:
        return self.callbacks[0] if self.callbacks else None

    def tick(self) -> None:
        cb = self.next_callback()
        self.setVisible(cb is not None)
        if cb is None:
            self.state = "none"
            return
        left = seconds_left(cb)
        who = " ".join(x for x in (cb.customer_name, cb.customer_phone) if x) or cb.case_ref
        more = len(self.callbacks) - 1
        extra = self.tr(" (+%1 more)").replace("%1", str(more)) if more > 0 else ""
        if left < 0:
            self.state = "overdue"
            self._flash = not self._flash
            text = self.tr("OVERDUE by %1: you promised to call back %2 (case %3)")
            window = self.window()
            if window is not None:
                QApplication.alert(window, 0)
        else:
            self.state = "soon" if left <= SOON_S else "waiting"
            self._flash = False
            text = self.tr("Call back in %1: %2 (case %3)")
        self.label.setText(text.replace("%1", countdown(left)).replace("%2", who)
                           .replace("%3", cb.case_ref) + extra)
        colours = {"overdue": ("#ffffff", "#b3261e" if self._flash else "#7f1d1d"),
                   "soon": ("#1f1f1f", "#f5b400"), "waiting": ("#0b3d2e", "#d7f0e3")}
        fg, bg = colours[self.state]
        self.setStyleSheet(f"#callback_banner {{ background: {bg}; border-radius: 4px; }}"
                           f" #callback_banner QLabel {{ color: {fg}; }}")

    def _on_done(self) -> None:
        cb = self.next_callback()
        if cb is not None:
            self.done_requested.emit(cb.id)

    def _on_open(self) -> None:
        cb = self.next_callback()
        if cb is not None:
            self.open_case_requested.emit(cb.case_id)

    def _on_more(self) -> None:
        menu = QMenu(self)
        for cb in self.callbacks:
            left = seconds_left(cb)
            sign = "-" if left < 0 else ""
            label = f"{sign}{countdown(left)}  {cb.case_ref}  {cb.customer_name}  {cb.note}"
            action = menu.addAction(label)
            action.triggered.connect(lambda _=False, c=cb.case_id: self.open_case_requested.emit(c))
        menu.exec(self.more.mapToGlobal(self.more.rect().bottomLeft()))
