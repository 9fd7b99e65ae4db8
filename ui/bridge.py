"""The one bridge from the core's threads to the GUI thread.

The pipeline calls :meth:`CallBridge.listener` on its worker, recognizer and watchdog threads;
it only appends to a deque (thread-safe, never blocks the audio path). A QTimer on the GUI
thread takes everything gathered TICK_MS apart and emits it as one ``batch`` — the widgets then
redraw once per tick, never per audio block. The speech model's loader reports through
``model_done``, a signal emitted on the loader's thread and delivered queued on the GUI's.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

TICK_MS = 50  # 20 redraws a second at most


class CallBridge(QObject):
    batch = Signal(list)       # list of desk.events events, in the order they were emitted
    model_done = Signal(object)  # the ModelLoader, once it has finished (ready or failed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[Any] = deque()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tick)
        self.ticks = 0

    def listener(self, event: Any) -> None:
        """Runs on the pipeline's threads: queue only."""
        self._queue.append(event)

    def on_model_done(self, loader: Any) -> None:
        """Runs on the model loader's thread."""
        self.model_done.emit(loader)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        """Stop ticking; what is still queued goes out as a last batch."""
        self.timer.stop()
        self._on_tick()

    def _on_tick(self) -> None:
        q = self._queue
        n = len(q)
        if not n:
            return
        self.ticks += 1
        self.batch.emit([q.popleft() for _ in range(n)])
