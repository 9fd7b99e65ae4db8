"""A small horizontal level meter: RMS bar over green/yellow/red zones, and a peak-hold tick."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0     # the left edge of the bar (speech sits between -40 and -6 dBFS)
YELLOW_DB = -18.0    # loud enough and then some
RED_DB = -6.0        # close to clipping
REDRAW_DB = 0.5      # smaller changes are not worth a repaint

_ZONES = ((FLOOR_DB, YELLOW_DB, "#2e9d4f"), (YELLOW_DB, RED_DB, "#d9a400"),
          (RED_DB, 0.0, "#c62828"))


class LevelMeterWidget(QWidget):
    """Call ``set_level(rms_db, peak_db)`` (dBFS) as often as the levels come (10–20 Hz); it
    repaints only when the picture changes. ``set_active(False)`` greys it out (no device)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rms_db = FLOOR_DB
        self.peak_db = FLOOR_DB
        self.active = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(80)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setToolTip(self.tr("Sound level: green is speech, yellow is loud, red is too loud"))

    def sizeHint(self) -> QSize:
        return QSize(160, 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 10)

    def set_level(self, rms_db: float, peak_db: float) -> None:
        rms, peak = self._clip(rms_db), self._clip(peak_db)
        if abs(rms - self.rms_db) < REDRAW_DB and abs(peak - self.peak_db) < REDRAW_DB:
            return
        self.rms_db, self.peak_db = rms, peak
        self.update()

    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            if not active:
                self.rms_db = self.peak_db = FLOOR_DB
            self.update()

    @staticmethod
    def _clip(db: float) -> float:
        return min(0.0, max(FLOOR_DB, float(db)))

    def fraction(self, db: float) -> float:
        """Where ``db`` sits on the bar, 0 (left) to 1 (right)."""
        return (self._clip(db) - FLOOR_DB) / -FLOOR_DB

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.fillRect(self.rect(), self.palette().window())
        p.setPen(QColor("#9e9e9e"))
        p.setBrush(QColor("#eceff1"))
        p.drawRect(r)
        if not self.active:  # no device: hatched, so an empty bar never means "off"
            p.setBrush(QBrush(QColor("#bdbdbd"), Qt.BrushStyle.BDiagPattern))
            p.drawRect(r)
            p.end()
            return
        inner = r.adjusted(1.5, 1.5, -1.5, -1.5)
        level = inner.width() * self.fraction(self.rms_db)
        p.setPen(Qt.PenStyle.NoPen)
        for lo, hi, color in _ZONES:
            x0 = inner.left() + inner.width() * self.fraction(lo)
            x1 = inner.left() + min(inner.width() * self.fraction(hi), level)
            if x1 > x0:
                p.fillRect(QRectF(x0, inner.top(), x1 - x0, inner.height()), QColor(color))
        if self.peak_db > FLOOR_DB:
            x = inner.left() + inner.width() * self.fraction(self.peak_db)
            color = next(c for lo, hi, c in _ZONES if self.peak_db <= hi or hi == 0.0)
            p.fillRect(QRectF(min(x, inner.right() - 2), inner.top(), 2, inner.height()),
                       QColor(color).darker(130))
        p.end()
