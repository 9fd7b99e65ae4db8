"""Start-up maintenance in the background: integrity check, then the rotating backup."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from desk.store import Store


class MaintenanceRunner(QObject):
    """Runs :meth:`Store.maintain` on a thread; ``finished`` arrives on the GUI thread."""

    finished = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.store.readonly or self.thread is not None:
            return
        self.thread = threading.Thread(target=self._run, name="cleardesk-maintenance",
                                       daemon=True)
        self.thread.start()

    def _run(self) -> None:
        """Runs on the maintenance thread."""
        result = self.store.maintain()
        self.finished.emit(result)  # queued to the GUI thread

    def wait(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)
