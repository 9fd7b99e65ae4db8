"""Pieces of the CLEAR panel during a call: a warning card that fades, a one-line label that
elides, and the timings they share."""

from __future__ import annotations

import html

from PySide6.QtCore import QPropertyAnimation, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

WARNING_MS = 20_000     # a warning stays this long, then fades
FADE_MS = 1_500
MAX_WARNINGS = 3
HOLD_MS = 6_000         # "Do now" and the breathing prompt stay this long after the band falls
EVIDENCE_CHARS = 60
HIGH_BANDS = ("agitated", "escalate")
LIVE_MIN_PX = 90        # the live area keeps at least this much; beyond, the step detail gives way
ESCALATION_STYLE = ("#fdecea", "#b3261e", "#7f1d1d")  # background, border, text
TRAP_STYLE = ("#fff4e5", "#b26a00", "#5c3700")


def quoted(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """``text`` in quotation marks, cut with … past ``limit`` characters."""
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[:limit - 1].rstrip() + '…'}”"


class ElidedLabelWidget(QLabel):
    """One line of text, cut with … to the width it is given (the whole text in its tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self.full = text
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                   self.contentsRect().width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_full_text(self.full)


class WarningCardWidget(QFrame):
    """One warning: what happened, what to do instead. Fades out after ``lifetime_ms``."""

    expired = Signal(object)

    def __init__(self, key: tuple[str, str], title: str, advice: str, words: str,
                 escalation: bool, lifetime_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("warning_card")
        bg, border, fg = ESCALATION_STYLE if escalation else TRAP_STYLE
        self.setStyleSheet(f"#warning_card {{ background: {bg}; border-left: 4px solid {border};"
                           f" border-radius: 3px; }} #warning_card QLabel {{ color: {fg}; }}")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 4, 4, 4)
        text = QVBoxLayout()
        text.setSpacing(1)
        self.title = QLabel(f"<b>{html.escape(title)}</b>"
                            + (f" {html.escape(quoted(words))}" if words else ""))
        self.title.setObjectName("warning_title")
        self.advice = QLabel(html.escape(advice))
        self.advice.setObjectName("warning_advice")
        for label in (self.title, self.advice):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            text.addWidget(label)
        outer.addLayout(text, 1)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(lambda: self.expired.emit(self))
        outer.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.effect = QGraphicsOpacityEffect(self)
        self.effect.setOpacity(1.0)
        self.setGraphicsEffect(self.effect)
        self.fade = QPropertyAnimation(self.effect, b"opacity", self)
        self.fade.setDuration(min(FADE_MS, max(1, lifetime_ms // 4)))
        self.fade.setStartValue(1.0)
        self.fade.setEndValue(0.0)
        self.fade.finished.connect(lambda: self.expired.emit(self))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.fade.start)
        self.timer.start(max(1, lifetime_ms - self.fade.duration()))
