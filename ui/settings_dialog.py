"""Settings kept in QSettings: language, the agent's name, the letter's signature."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Same as the system"), "system")
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        idx = self.language.findData(str(settings.value("language", "system")))
        self.language.setCurrentIndex(max(0, idx))
        form.addRow(self.tr("Language"), self.language)
        self.agent = QLineEdit(str(settings.value("agent_name", "")))
        self.agent.setObjectName("agent_name")
        form.addRow(self.tr("Your name"), self.agent)
        self.organisation = QLineEdit(str(settings.value("organisation", "")))
        form.addRow(self.tr("Organisation (letters)"), self.organisation)
        self.signatory = QLineEdit(str(settings.value("signatory", "")))
        form.addRow(self.tr("Signed by (letters)"), self.signatory)
        path = QLabel(database)
        path.setWordWrap(True)
        form.addRow(self.tr("Database"), path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_accept(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("agent_name", self.agent.text().strip())
        self.settings.setValue("organisation", self.organisation.text().strip())
        self.settings.setValue("signatory", self.signatory.text().strip())
        self.settings.sync()
        self.accept()
