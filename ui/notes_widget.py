"""Notes typed during a case, and progress updates sent to the customer.

What is typed is autosaved as a draft every half second while it changes, so a
crash or ``kill -9`` loses at most the last second. Ctrl+Enter (or switching
case, or closing) turns the draft into a permanent, timestamped note.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk.cases import CaseError, CaseService
from desk.content import Catalog
from desk.timeutil import now_iso
from ui.format import short_time

AUTOSAVE_MS = 500


class NotesWidget(QWidget):
    failed = Signal(object)
    changed = Signal()

    def __init__(self, service: CaseService, catalog: Catalog, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.catalog = catalog
        self.lang = lang
        self.case_id: str | None = None
        self._dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        # Notes
        page = QWidget()
        v = QVBoxLayout(page)
        self.history = QTextBrowser()
        self.history.setObjectName("notes_history")
        v.addWidget(self.history, 2)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note_editor")
        self.editor.setPlaceholderText(self.tr("Type notes during the call; they are saved as "
                                               "you type. Ctrl+Enter adds the note."))
        self.editor.textChanged.connect(self._on_text_changed)
        v.addWidget(self.editor, 1)
        row = QHBoxLayout()
        self.status = QLabel("")
        self.status.setObjectName("note_status")
        self.status.setStyleSheet("color: palette(mid);")
        row.addWidget(self.status, 1)
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.setObjectName("add_note")
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_button.clicked.connect(self.commit)
        row.addWidget(self.add_button)
        v.addLayout(row)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.editor, activated=self.commit)
        self.tabs.addTab(page, self.tr("Notes"))
        # Progress updates to the customer
        page2 = QWidget()
        v2 = QVBoxLayout(page2)
        self.updates = QTextBrowser()
        self.updates.setObjectName("updates_history")
        v2.addWidget(self.updates, 1)
        row2 = QHBoxLayout()
        self.channel = QComboBox()
        for ch in catalog.update_channels:
            self.channel.addItem(ch.name.get(lang), ch.key)
        self.update_text = QLineEdit()
        self.update_text.setObjectName("update_text")
        self.update_text.setPlaceholderText(self.tr("What you told the customer, before they "
                                                    "had to ask"))
        self.update_text.returnPressed.connect(self._on_add_update)
        send = QPushButton(self.tr("Record update"))
        send.clicked.connect(self._on_add_update)
        row2.addWidget(self.channel)
        row2.addWidget(self.update_text, 1)
        row2.addWidget(send)
        v2.addLayout(row2)
        self.tabs.addTab(page2, self.tr("Updates to customer"))
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.load(None)

    # -- case switching -----------------------------------------------------------
    def load(self, case_id: str | None) -> None:
        if self.case_id is not None and case_id != self.case_id:
            self.commit()
        self.case_id = case_id
        self.setEnabled(case_id is not None)
        self.editor.blockSignals(True)
        draft = self.service.draft(case_id) if case_id else ""
        self.editor.setPlainText(draft)
        self.editor.blockSignals(False)
        self._dirty = False
        self.status.setText(self.tr("Unsaved note restored") if draft else "")
        self.refresh()

    def refresh(self) -> None:
        if self.case_id is None:
            self.history.clear()
            self.updates.clear()
            return
        parts = []
        for n in self.service.notes(self.case_id):
            who = f" · {html.escape(n.author)}" if n.author else ""
            body = html.escape(n.body).replace("\n", "<br>")
            parts.append(f"<p><span style='color:gray'>{short_time(n.created_at)}{who}</span>"
                         f"<br>{body}</p>")
        self.history.setHtml("".join(parts))
        self.history.verticalScrollBar().setValue(self.history.verticalScrollBar().maximum())
        names = {c.key: c.name.get(self.lang) for c in self.catalog.update_channels}
        self.updates.setHtml("".join(
            f"<p><span style='color:gray'>{short_time(u.at)} · "
            f"{html.escape(names.get(u.channel, u.channel))}</span><br>{html.escape(u.body)}</p>"
            for u in self.service.updates(self.case_id)))

    # -- saving ---------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self._dirty = True

    def autosave(self) -> None:
        """Write the draft if it changed (at most every AUTOSAVE_MS)."""
        if not self._dirty or self.case_id is None:
            return
        self._dirty = False
        try:
            self.service.save_draft(self.case_id, self.editor.toPlainText())
        except (CaseError, OSError) as exc:
            self._dirty = True
            self.status.setText(self.tr("Not saved yet — retrying"))
            self.failed.emit(exc)
            return
        self.status.setText(self.tr("Draft saved %1").replace("%1", short_time(now_iso())))

    def commit(self) -> None:
        if self.case_id is None:
            return
        text = self.editor.toPlainText()
        try:
            note = self.service.commit_draft(self.case_id, text)
        except (CaseError, OSError) as exc:
            self.failed.emit(exc)
            return
        self._dirty = False
        if note is not None:
            self.editor.blockSignals(True)
            self.editor.clear()
            self.editor.blockSignals(False)
            self.status.setText(self.tr("Note added"))
            self.refresh()
            self.changed.emit()

    def _on_add_update(self) -> None:
        text = self.update_text.text().strip()
        if not text or self.case_id is None:
            return
        try:
            self.service.add_update(self.case_id, text, str(self.channel.currentData()))
        except CaseError as exc:
            self.failed.emit(exc)
            return
        self.update_text.clear()
        self.refresh()
        self.changed.emit()
