"""Runs sync for the main window: a SyncWorker while a server and a token are set, its status
bridged to the GUI thread, the line in the status bar, and a refresh of what is shown when a
sync brought rows from other workstations.

The worker calls back on its own thread; :meth:`SyncControl._relay` only emits a signal, which
is queued to the GUI thread. Statuses of a worker that was stopped (settings changed) are
dropped by their generation number.

What the agent is typing is never overwritten: while a field of the open case has focus or
unsaved edits, the case is marked stale and reloaded once the agent has left it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from desk.cases import CaseError
from desk.store import StoreError
from desk.sync import credentials, queue
from desk.sync.client import SyncClient, SyncError
from desk.sync.credentials import SyncSettings
from desk.sync.status import SyncStatus
from desk.sync.worker import SyncWorker
from ui.sync_status import SyncStatusWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

PULL_ENV = "CLEARDESK_SYNC_PULL_S"  # seconds between pulls (tests and demos make it short)
DEFAULT_PULL_S = 30.0
CLIENT_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 5.0
STALE_CHECK_MS = 1000


def pull_interval() -> float:
    try:
        value = float(os.environ.get(PULL_ENV, "") or DEFAULT_PULL_S)
    except ValueError:
        return DEFAULT_PULL_S
    return value if value > 0 else DEFAULT_PULL_S


class SyncControl(QObject):
    status_changed = Signal(object)  # (generation, SyncStatus): emitted on the sync thread

    def __init__(self, window: MainWindow, pull_s: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.service.store
        self.pull_s = pull_s if pull_s is not None else pull_interval()
        self.worker: SyncWorker | None = None
        self.settings = SyncSettings("", "", "none")
        self.stale = False  # the open case changed elsewhere while the agent was editing it
        self._generation = 0
        self.status_changed.connect(self._on_status, Qt.ConnectionType.QueuedConnection)
        self.widget = SyncStatusWidget()
        self.widget.clicked.connect(self._on_widget_clicked)
        self.widget.sync_now_requested.connect(self.sync_now)
        window.statusBar().addPermanentWidget(self.widget)
        self.stale_timer = QTimer(self)
        self.stale_timer.setInterval(STALE_CHECK_MS)
        self.stale_timer.timeout.connect(self._on_stale_check)

    @property
    def status(self) -> SyncStatus:
        return self.widget.status

    # -- the worker -------------------------------------------------------------------------
    def start(self) -> None:
        """Start syncing if a server and a token are set (else show "Sync off")."""
        if self.worker is not None:
            return
        try:
            self.settings = credentials.load(self.store)
            waiting, refused = queue.counts(self.store)
        except StoreError as exc:
            log.warning("sync settings unreadable: %s", exc)
            self.settings, waiting, refused = SyncSettings("", "", "none"), 0, 0
        s = self.settings
        if self.store.readonly or not s.url or not s.token:
            self.widget.set_status(SyncStatus("off", waiting, refused), s.url)
            return
        self._generation += 1
        generation = self._generation

        def relay(status: SyncStatus) -> None:
            """Runs on the sync thread."""
            self.status_changed.emit((generation, status))

        def make_client() -> SyncClient:
            """Runs on the sync thread."""
            try:
                return SyncClient(self.store, s.url, s.token, ca_file=s.ca_file,
                                  timeout=CLIENT_TIMEOUT_S)
            except SyncError:
                raise
            except OSError as exc:  # the certificate file cannot be read or is not one
                raise SyncError("tls", str(exc)[:200]) from exc
            except Exception as exc:  # an address httpx cannot use
                raise SyncError("protocol", str(exc)[:200]) from exc

        quick = min(1.0, self.pull_s)
        self.worker = SyncWorker(self.store, make_client, relay, pull_s=self.pull_s,
                                 poll_s=quick, settle_s=quick)
        self.widget.set_status(SyncStatus("syncing", waiting, refused), s.url, now=True)
        self.worker.start()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        """Stop the worker (waits for a request in flight, at most ``timeout``)."""
        worker, self.worker = self.worker, None
        self._generation += 1  # what the old worker still sends is dropped
        if worker is not None:
            worker.stop(timeout)

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stale_timer.stop()
        self.stop()

    def sync_now(self) -> None:
        if self.worker is None:
            self.window.statusBar().showMessage(
                self.tr("Sync is off: set the team's server in Settings, on the Sync page."),
                8000)
            return
        self.widget.set_status(replace(self.widget.status, state="syncing"), now=True)
        self.worker.kick()

    def watch(self, dialog: QDialog) -> None:
        """Wire a SettingsDialog: refused changes queued again sync at once; new settings
        restart the worker when the dialog is accepted."""
        page = getattr(dialog, "sync", None)
        if page is not None:
            page.requeued.connect(lambda _n: self.sync_now())
        dialog.accepted.connect(lambda: self.restart() if getattr(dialog, "sync_changed",
                                                                   False) else None)

    def rebuilt(self) -> None:
        """The window was rebuilt in another language."""
        self.widget.retranslate()

    # -- statuses (GUI thread) ----------------------------------------------------------------
    def _on_status(self, item: tuple[int, SyncStatus]) -> None:
        generation, status = item
        if generation != self._generation:
            return
        self.widget.set_status(status)
        if status.received:
            self.refresh_shown()

    def _on_widget_clicked(self) -> None:
        self.window.open_settings("sync")

    # -- showing what arrived ------------------------------------------------------------------
    def editing(self) -> bool:
        """True while the agent is in the open case's fields or has edits not yet written."""
        editor = self.window.editor
        focus = QApplication.focusWidget()
        return any(form.dirty for form in editor.forms) or (
            focus is not None and editor.isAncestorOf(focus))

    def refresh_shown(self) -> None:
        """Rows arrived: the case list, the callbacks and the open case show them."""
        w = self.window
        try:
            w.list.refresh()
            w.refresh_callbacks()
            w.review.rows_arrived()
        except StoreError as exc:
            w.report(exc)
            return
        if w.case_id is None:
            return
        if self.editing():
            self.stale = True
            self.stale_timer.start()
            return
        self.reload_case()

    def reload_case(self) -> None:
        """Show the open case as stored now (the notes being typed are left alone)."""
        w = self.window
        self.stale = False
        self.stale_timer.stop()
        if w.case_id is None:
            return
        try:
            case = w.service.case(w.case_id)
            checklist = w.service.checklist(case.id)
        except (CaseError, StoreError):
            return
        w.editor.load(case)
        w.notes.refresh()
        w.panel.set_state(checklist)
        w.panel.set_style(case.style)

    def _on_stale_check(self) -> None:
        if not self.stale:
            self.stale_timer.stop()
        elif not self.editing():
            self.reload_case()
