"""What the user sees when the database cannot be opened: the problem and the ways out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desk.store import StoreError, list_backups, restore_backup


@dataclass(frozen=True)
class Choice:
    action: str  # retry, readonly, restored, other, quit
    path: Path | None = None


class StartupProblemDialog(QDialog):
    def __init__(self, error: StoreError, parent: object = None) -> None:
        super().__init__(None)
        self.error = error
        self.choice = Choice("quit")
        self.setWindowTitle(self.tr("ClearDesk cannot open its database"))
        layout = QVBoxLayout(self)
        self.message = QLabel(self.describe(error))
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(480)
        layout.addWidget(self.message)
        detail = QLabel(self.tr("File: %1\nDetail: %2").replace("%1", str(error.path))
                        .replace("%2", error.detail or "-"))
        detail.setWordWrap(True)
        detail.setStyleSheet("color: palette(mid);")
        layout.addWidget(detail)
        buttons = QDialogButtonBox()
        self.backups = list_backups(error.path)
        if error.code == "locked":
            self._add(buttons, self.tr("Try again"), "retry")
        if error.code == "corrupt" and self.backups:
            self._add(buttons, self.tr("Restore the last backup"), "restore")
        if error.code in ("corrupt", "locked", "unwritable") and error.path.exists():
            self._add(buttons, self.tr("Open read-only"), "readonly")
        self._add(buttons, self.tr("Choose another file…"), "other")
        self._add(buttons, self.tr("Quit"), "quit")
        layout.addWidget(buttons)

    def _add(self, box: QDialogButtonBox, text: str, action: str) -> None:
        button = QPushButton(text)
        button.setObjectName(f"action_{action}")
        button.clicked.connect(lambda: self._on_action(action))
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

    def describe(self, error: StoreError) -> str:
        code = error.code
        if code == "locked":
            return self.tr("The database is locked by another program (a backup tool, or "
                           "another copy of ClearDesk busy writing). Wait a moment and try "
                           "again, or open it read-only to look at your cases.")
        if code == "corrupt":
            return self.tr("The database file is damaged. Nothing has been deleted. You can "
                           "restore the last backup (the damaged file is kept beside it), open "
                           "it read-only to copy out what you need, or choose another file.")
        if code == "newer_schema":
            return (self.tr("This database was written by a newer version of ClearDesk "
                            "(format %1; this version reads up to %2). Update ClearDesk, or "
                            "choose another file.")
                    .replace("%1", str(error.found_version))
                    .replace("%2", str(error.supported_version)))
        if code == "missing":
            return self.tr("The database file does not exist any more.")
        return self.tr("ClearDesk cannot write to the database folder. Check that the disk "
                       "is not full and that you may write there, or choose another file.")

    def _on_action(self, action: str) -> None:
        if action == "restore":
            newest = self.backups[0]
            when = datetime.fromtimestamp(newest.modified).strftime("%Y-%m-%d %H:%M")
            answer = QMessageBox.question(
                self, self.tr("Restore backup"),
                self.tr("Replace the damaged database with the backup from %1? The damaged "
                        "file is kept next to it.").replace("%1", when))
            if answer != QMessageBox.StandardButton.Yes:
                return
            aside = restore_backup(newest.path, self.error.path)
            QMessageBox.information(self, self.tr("Backup restored"),
                                    self.tr("The damaged file was kept as %1.")
                                    .replace("%1", str(aside)))
            self.choice = Choice("restored", self.error.path)
        elif action == "other":
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Choose a database file"), str(self.error.path.parent),
                self.tr("ClearDesk database (*.db)"),
                options=QFileDialog.Option.DontConfirmOverwrite)
            if not name:
                return
            self.choice = Choice("other", Path(name))
        else:
            self.choice = Choice(action)
        self.accept()

    @classmethod
    def ask(cls, error: StoreError) -> Choice:
        dialog = cls(error)
        dialog.exec()
        return dialog.choice
