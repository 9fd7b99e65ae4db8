"""Settings kept in QSettings: language, the agent's name, the letter's signature (General),
and the audio sources and speech model (Audio and speech, ui.audio_settings); with a database
given, the team's sync server and this workstation's token (Sync, ui.sync_settings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.store import Store, StoreError
from ui.audio_settings import AudioSettingsWidget
from ui.sync_settings import SyncSettingsWidget


class SettingsDialog(QDialog):
    """``store``: the open database, for the Sync page (no page without it). After OK,
    ``sync_changed`` says whether the server or token changed."""

    def __init__(self, settings: QSettings, database: str, parent: QWidget | None = None,
                 store: Store | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.sync_changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        general = QWidget()
        form = QFormLayout(general)
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
        self.tabs.addTab(general, self.tr("General"))
        self.audio = AudioSettingsWidget()
        self.audio.load(settings)
        self.tabs.addTab(self.audio, self.tr("Audio and speech"))
        self.sync: SyncSettingsWidget | None = None
        if store is not None:
            self.sync = SyncSettingsWidget(store)
            self.tabs.addTab(self.sync, self.tr("Sync"))
        outer.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def show_page(self, name: str) -> None:
        """Open at a page: "sync" (when there is one), else General."""
        if name == "sync" and self.sync is not None:
            self.tabs.setCurrentWidget(self.sync)

    def _on_accept(self) -> None:
        if self.sync is not None:
            problem = self.sync.problem()
            if not problem:
                try:
                    self.sync_changed = self.sync.save()
                except (StoreError, OSError) as exc:
                    problem = self.tr("The sync settings could not be saved: %1").replace(
                        "%1", str(exc))
            if problem:
                self.tabs.setCurrentWidget(self.sync)
                self.sync.show_problem(problem)
                return
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("agent_name", self.agent.text().strip())
        self.settings.setValue("organisation", self.organisation.text().strip())
        self.settings.setValue("signatory", self.signatory.text().strip())
        self.audio.save(self.settings)
        self.settings.sync()
        self.accept()

    def done(self, result: int) -> None:
        """OK, Cancel, Esc and the window's close button all end here: close the devices
        the meters opened before the dialog goes."""
        self.audio.stop()
        if self.sync is not None:
            self.sync.stop()
        super().done(result)
