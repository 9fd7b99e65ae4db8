"""The main window only assembles the parts: case list, case editor, notes, CLEAR panel."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk.cases import CaseError, CaseService
from desk.content import Catalog, Clear
from desk.store import Maintenance, StoreError
from ui.bridge import CallBridge
from ui.call_control import CallControl
from ui.call_widget import CallWidget
from ui.callbacks import BuyTimeDialog, CallbackBannerWidget
from ui.case_editor import CaseEditorWidget
from ui.case_list import CaseListWidget
from ui.clear_panel import ClearPanelWidget
from ui.i18n import Translations, resolve_language
from ui.notes_widget import NotesWidget
from ui.review_control import ReviewControl
from ui.sync_control import SyncControl

CALLBACK_POLL_MS = 15_000
REFRESH_ON_ACTIVATE_S = 2.0


class MainWindow(QMainWindow):
    def __init__(self, service: CaseService, clear: Clear, catalog: Catalog,
                 translations: Translations, settings: QSettings) -> None:
        super().__init__()
        self.service = service
        self.clear = clear
        self.catalog = catalog
        self.translations = translations
        self.settings = settings
        self.case_id: str | None = None
        self.bridge = CallBridge(self)
        self.control = CallControl(self)
        self.sync = SyncControl(self)
        self.review = ReviewControl(self)
        self.setObjectName("main_window")
        self.resize(1360, 820)
        self.poll = QTimer(self)
        self.poll.setInterval(CALLBACK_POLL_MS)
        self.poll.timeout.connect(self.refresh_callbacks)
        self.poll.start()
        self.build()
        recovered = service.recover_drafts()
        cut_off = self.control.recover()
        self.list.refresh()
        if cut_off and not recovered:
            self.open_case(cut_off[-1])
        if recovered:
            self.open_case(recovered[-1])
            self.statusBar().showMessage(
                self.tr("Restored notes that had not been added yet."), 10_000)
        self.sync.start()

    # -- assembly (run again when the language changes) ---------------------------
    def build(self) -> None:
        lang = self.translations.language
        self.setWindowTitle(self.tr("ClearDesk"))
        root = QWidget()
        v = QVBoxLayout(root)
        v.setContentsMargins(6, 6, 6, 6)
        self.banner = CallbackBannerWidget()
        self.banner.done_requested.connect(self._on_callback_done)
        self.banner.open_case_requested.connect(self.open_case)
        v.addWidget(self.banner)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = CaseListWidget(self.service, self.catalog, lang)
        self.list.case_selected.connect(self.open_case)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.setChildrenCollapsible(False)
        self.middle = middle
        self.call = CallWidget()
        self.call.call_toggled.connect(self.toggle_call)
        middle.addWidget(self.call)
        self.editor = CaseEditorWidget(self.service, self.catalog, lang)
        self.editor.case_changed.connect(lambda _c: self._on_case_changed())
        self.editor.open_case.connect(self.open_case)
        self.editor.failed.connect(self.report)
        self.notes = NotesWidget(self.service, self.catalog, lang)
        self.notes.failed.connect(self.report)
        self.notes.changed.connect(self._on_case_changed)
        middle.addWidget(self.editor)
        middle.addWidget(self.notes)
        middle.setSizes([300, 330, 200])
        self.panel = ClearPanelWidget(self.clear, self.catalog, lang)
        self.panel.step_toggled.connect(self._on_step_toggled)
        self.panel.buy_time_requested.connect(self.buy_time)
        self.editor.style_changed.connect(self.panel.set_style)
        self.call.caller_band_changed.connect(self.panel.set_caller_band)
        self.call.agent_band_changed.connect(self.panel.set_agent_band)
        self.call.step_heard.connect(self.panel.step_heard)
        self.call.cue.connect(self.panel.warn)
        for w in (self.list, middle, self.panel):
            split.addWidget(w)
        split.setSizes([320, 680, 360])
        split.setStretchFactor(1, 1)
        v.addWidget(split, 1)
        self.setCentralWidget(root)
        self._build_actions()
        self.open_case(self.case_id)
        self.control.rebuilt()
        self.sync.rebuilt()
        self.review.rebuilt()
        self.refresh_callbacks()
        if self.service.store.readonly:
            self.statusBar().showMessage(self.tr("Read-only: nothing you change is saved."))

    def _build_actions(self) -> None:
        for bar in self.findChildren(QToolBar):
            self.removeToolBar(bar)
            bar.deleteLater()
        bar = QToolBar(self.tr("Actions"))
        bar.setObjectName("actions")
        bar.setMovable(False)
        self.addToolBar(bar)
        for old in getattr(self, "actions_by_name", {}).values():  # else shortcuts clash
            self.removeAction(old)
            old.deleteLater()
        self.actions_by_name: dict[str, QAction] = {}

        def add(name: str, text: str, keys: list[str], slot: object, visible: bool = True) -> None:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{text} ({', '.join(keys)})" if keys else text)
            action.triggered.connect(slot)
            self.addAction(action)
            if visible:
                bar.addAction(action)
            self.actions_by_name[name] = action

        add("call", self.tr("Start or stop a call"), ["F9"], self.toggle_call, visible=False)
        add("new_case", self.tr("New case"), ["Ctrl+N"], self.new_case)
        add("buy_time", self.tr("Buy time"), ["Ctrl+B"], self.buy_time)
        add("focus_notes", self.tr("Notes"), ["F6"], self.focus_notes)
        add("search", self.tr("Search"), ["Ctrl+F"], self.focus_search)
        add("letter", self.tr("Thank-you letter"), ["Ctrl+Shift+L"], self.letter)
        add("review", self.tr("Review calls"), ["Ctrl+R"], self.review.open)
        add("settings", self.tr("Settings"), ["Ctrl+,"], self.open_settings)
        add("help", self.tr("Method guide"), ["F1"], self.show_guide)
        add("sync_now", self.tr("Sync now"), ["F5"], self.sync.sync_now, visible=False)
        for step in self.clear.steps:
            add(f"tick_{step.key}", self.tr("Tick step %1").replace("%1", step.key),
                [f"Ctrl+{step.order}"], lambda _=False, k=step.key: self.panel.toggle(k),
                visible=False)

    # -- cases ------------------------------------------------------------------------
    def open_case(self, case_id: str | None) -> None:
        if self.control.running and case_id != self.control.case_id:
            self.statusBar().showMessage(
                self.tr("A call is running on another case: stop the call (F9) before "
                        "opening a different case."), 8000)
            self.list.select(self.case_id)
            return
        self.editor.flush()  # before reading the case, so the form shows what was just typed
        case = None
        if case_id:
            try:
                case = self.service.case(case_id)
            except CaseError:
                case = None
        self.case_id = case.id if case else None
        self.notes.load(self.case_id)
        self.editor.load(case)
        self.panel.set_enabled_for_case(case is not None)
        self.panel.set_style(case.style if case else "")
        self.panel.set_state(self.service.checklist(case.id) if case else {})
        self.list.select(self.case_id)
        self.control.show_case_calls(self.case_id)

    def new_case(self) -> None:
        if self._readonly():
            return
        if self.control.running:
            self.statusBar().showMessage(
                self.tr("Stop the call (F9) before starting a new case."), 8000)
            return
        case = self.service.new_case()
        self.open_case(case.id)
        self.list.refresh()
        self.editor.tabs.setCurrentIndex(0)
        self.editor.phone.setFocus()

    def _on_case_changed(self) -> None:
        self.list.refresh()
        self.refresh_callbacks()

    def _on_step_toggled(self, key: str, done: bool) -> None:
        if self.case_id is None or self._readonly():
            return
        try:
            self.service.tick_step(self.case_id, key, done)
        except (CaseError, StoreError) as exc:
            self.report(exc)
        self.control.step_ticked(key, done)
        self.panel.set_state(self.service.checklist(self.case_id))

    # -- calls ------------------------------------------------------------------------------
    def toggle_call(self) -> None:
        if self.control.running:
            self.control.stop()
            return
        if self._readonly():
            return
        if self.case_id is None:
            self.new_case()
        if self.case_id is not None:
            self.control.start(self.case_id)

    # -- callbacks ----------------------------------------------------------------------
    def buy_time(self) -> None:
        if self.case_id is None:
            self.statusBar().showMessage(self.tr("Open or create a case first."), 5000)
            return
        if self._readonly():
            return
        dialog = BuyTimeDialog(self.clear, self.translations.language, self)
        if dialog.exec():
            try:
                self.service.schedule_callback(self.case_id, dialog.due(), dialog.note.text())
            except (CaseError, StoreError) as exc:
                self.report(exc)
            self._on_case_changed()

    def refresh_callbacks(self) -> None:
        try:
            callbacks = self.service.open_callbacks()
        except StoreError as exc:
            self.report(exc)
            return
        self.banner.set_callbacks(callbacks)
        overdue = self.banner.state == "overdue"
        title = self.tr("ClearDesk")
        self.setWindowTitle(("⚠ " + self.tr("Callback overdue") + " — " + title)
                            if overdue else title)

    def _on_callback_done(self, callback_id: str) -> None:
        try:
            self.service.finish_callback(callback_id)
        except (CaseError, StoreError) as exc:
            self.report(exc)
        self._on_case_changed()

    # -- other actions -------------------------------------------------------------------
    def focus_notes(self) -> None:
        self.notes.tabs.setCurrentIndex(0)
        self.notes.editor.setFocus()

    def focus_search(self) -> None:
        self.list.tabs.setCurrentIndex(0)
        self.list.search.setFocus()
        self.list.search.selectAll()

    def letter(self) -> None:
        from ui.letter_dialog import LetterDialog

        if self.case_id is None:
            self.statusBar().showMessage(self.tr("Open or create a case first."), 5000)
            return
        self.editor.flush()
        case = self.service.case(self.case_id)
        customer = self.service.customer(case.customer_id) if case.customer_id else None
        LetterDialog(case, customer, self.translations.language,
                     str(self.settings.value("organisation", "")),
                     str(self.settings.value("signatory", "")), self).exec()

    def open_settings(self, page: str = "") -> None:
        from ui.settings_dialog import SettingsDialog

        if self.control.running:
            self.statusBar().showMessage(self.tr("Settings can be changed after the call."),
                                         8000)
            return
        before = self.translations.language
        dialog = SettingsDialog(self.settings, str(self.service.store.path), self,
                                store=self.service.store)
        dialog.show_page(page)
        self.sync.watch(dialog)  # restarts sync when its settings changed
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted:
            self.service.agent = str(self.settings.value("agent_name", ""))
            self.review.update_name()
            lang = resolve_language(str(self.settings.value("language", "system")))
            if lang != before:
                self.switch_language(lang)
            self.control.settings_changed()

    def switch_language(self, lang: str) -> None:
        self.editor.flush()
        self.notes.autosave()
        self.translations.install(lang)
        self.build()
        self.list.refresh()

    def shortcuts(self) -> list[tuple[str, str]]:
        rows = [(a.text(), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in self.actions_by_name.values()]
        rows.append((self.tr("Add note"), "Ctrl+Enter"))
        return rows

    def show_guide(self) -> None:
        from ui.guide_dialog import GuideDialog

        GuideDialog(self.catalog, self.translations.language, self.shortcuts(), self).exec()

    def show_maintenance(self, result: Maintenance) -> None:
        """Slot for the background start-up check: damage must not go unnoticed."""
        if result.problems:
            text = self.tr("ClearDesk found damage in its database. What you type is still "
                           "being saved, but the file needs repair: close ClearDesk and start "
                           "it again to restore the last backup (the damaged file is kept).")
            self.statusBar().setStyleSheet("background: #b3261e; color: white;")
            self.statusBar().showMessage(text)
            QMessageBox.warning(self, self.tr("Database damaged"), text)
        elif result.backup_error:
            self.statusBar().showMessage(
                self.tr("The daily backup could not be made: %1").replace(
                    "%1", result.backup_error), 30_000)

    # -- errors ----------------------------------------------------------------------------
    def _readonly(self) -> bool:
        if self.service.store.readonly:
            self.statusBar().showMessage(self.tr("Read-only: nothing you change is saved."),
                                         5000)
            return True
        return False

    def message_for(self, exc: BaseException) -> str:
        code = getattr(exc, "code", "")
        messages = {
            "too_long": self.tr("That text is too long to save (over 10 million characters). "
                                "Shorten it or attach it as a file elsewhere."),
            "past": self.tr("That time has already passed. Choose a time in the future."),
            "bad_value": self.tr("That text holds a broken character that cannot be saved. "
                                 "Retype it without the odd character."),
            "readonly": self.tr("Read-only: nothing you change is saved."),
            "locked": self.tr("The database is busy (another window or program is writing). "
                              "What you typed is kept on screen; try again in a moment."),
            "corrupt": self.tr("The database reported damage. Close ClearDesk; at the next "
                               "start you can restore the last backup."),
            "unwritable": self.tr("The database cannot be written (disk full or no "
                                  "permission). What you typed is kept on screen."),
        }
        return messages.get(code, self.tr("Something went wrong: %1").replace("%1", str(exc)))

    def report(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.message_for(exc), 15_000)

    # -- window events ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
                and time.monotonic() - self.list.refreshed_at > REFRESH_ON_ACTIVATE_S):
            # Another window may have changed the same database meanwhile.
            self.list.refresh()
            self.refresh_callbacks()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.control.close()
        self.sync.close()
        self.review.close()
        self.editor.flush()
        if not self.service.store.readonly:
            self.notes.commit()
        self.poll.stop()
        super().closeEvent(event)
