"""A short breathing cool-down after a hard call: a circle that grows as you breathe in and
shrinks as you breathe out, a countdown, and a way out at any time. Timers only: the event
loop keeps running (the call's last events are still stored meanwhile)."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.format import call_time

BREATH_MS = 4_000  # breathe in for this long, then out for as long
FRAME_MS = 40


class BreathingCircleWidget(QWidget):
    """A soft circle; ``level`` 0 (breathed out) to 1 (breathed in) sets its size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = 0.0
        self.setMinimumSize(160, 160)

    def sizeHint(self) -> QSize:
        return QSize(200, 200)

    def set_level(self, level: float) -> None:
        self.level = min(1.0, max(0.0, level))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        radius = side / 2 * (0.45 + 0.5 * self.level)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(31, 95, 153, 40))
        painter.drawEllipse(self.rect().center(), side / 2 * 0.95, side / 2 * 0.95)
        painter.setBrush(QColor(31, 95, 153, 150))
        painter.drawEllipse(self.rect().center(), radius, radius)
        painter.end()


class CooldownDialog(QDialog):
    """``seconds`` of paced breathing. "Skip" rejects; "Ready for the next call" (shown when the
    time is up) accepts."""

    def __init__(self, seconds: int = 60, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seconds = max(1, int(seconds))
        self.breath_ms = BREATH_MS
        self.finished_breathing = False
        self.setWindowTitle(self.tr("A minute to breathe"))
        self.setObjectName("cooldown")
        v = QVBoxLayout(self)
        intro = QLabel(self.tr("That was a hard call. The anger was about the problem, not "
                               "about you. Breathe with the circle before the next call."))
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.circle = BreathingCircleWidget()
        v.addWidget(self.circle, 1, Qt.AlignmentFlag.AlignHCenter)
        self.phase = QLabel()
        self.phase.setObjectName("cooldown_phase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.phase.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.phase.setFont(font)
        v.addWidget(self.phase)
        self.left = QLabel()
        self.left.setObjectName("cooldown_left")
        self.left.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.left.setStyleSheet("color: palette(mid);")
        v.addWidget(self.left)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.skip = QPushButton(self.tr("Skip"))
        self.skip.setObjectName("cooldown_skip")
        self.skip.clicked.connect(self.reject)
        self.ready = QPushButton(self.tr("Ready for the next call"))
        self.ready.setObjectName("cooldown_ready")
        self.ready.clicked.connect(self.accept)
        self.ready.hide()
        buttons.addWidget(self.skip)
        buttons.addWidget(self.ready)
        v.addLayout(buttons)
        self.resize(380, 400)
        self.clock = QElapsedTimer()
        self.clock.start()
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_frame)
        self.timer.start()
        self.finished.connect(self.timer.stop)
        self._on_frame()

    def breathing_in(self) -> bool:
        return (self.clock.elapsed() // self.breath_ms) % 2 == 0

    def _on_frame(self) -> None:
        elapsed = self.clock.elapsed()
        if elapsed >= self.seconds * 1000:
            self._on_done()
            return
        cycle = (elapsed % (2 * self.breath_ms)) / (2 * self.breath_ms)
        self.circle.set_level(0.5 - 0.5 * math.cos(2 * math.pi * cycle))  # in, then out
        self.phase.setText(self.tr("Breathe in…") if self.breathing_in()
                           else self.tr("Breathe out…"))
        left = math.ceil(self.seconds - elapsed / 1000)
        self.left.setText(self.tr("%1 left").replace("%1", call_time(left)))

    def _on_done(self) -> None:
        self.timer.stop()
        self.finished_breathing = True
        self.circle.set_level(0.0)
        self.phase.setText(self.tr("Well done."))
        self.left.setText("")
        self.skip.hide()
        self.ready.show()
        self.ready.setDefault(True)
        self.ready.setFocus()
