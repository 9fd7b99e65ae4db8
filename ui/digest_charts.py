"""The digest's charts, drawn inside its QTextDocument as text objects.

A chart is painted with the painter that paints the page (screen, PDF or printer), so on paper
it is vector graphics with real text: sharp at any size, and its labels and counts can be
searched and copied in the PDF. The page's HTML holds a marker where a chart goes;
:func:`insert_charts` replaces it with the object.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
)

from desk.content import Catalog

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_NAME = QTextFormat.Property.UserProperty + 1
MARK = "\ue000"  # private use: never in a page's text (the page drops it from data)
PALETTE = ("#3a6fb0", "#e07b39", "#c0392b", "#8a63b8", "#2e9c6a", "#b8860b", "#4aa3b5")
OTHER = "#8a8f98"
TEXT, AXIS = QColor("#333333"), QColor("#999999")
ROW_H = 20.0


def category_colors(catalog: Catalog, keys: Sequence[str]) -> dict[str, QColor]:
    """A colour per category, fixed by the catalog's order (the same source, the same colour)."""
    known = [c.key for c in catalog.categories]
    return {k: QColor(PALETTE[known.index(k) % len(PALETTE)] if k in known else OTHER)
            for k in keys}


def marker(name: str) -> str:
    """What the page's HTML holds where the chart ``name`` goes."""
    return f"{MARK}{name}{MARK}"


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars: a label, the bar, the count."""

    rows: tuple[tuple[str, int, QColor], ...]
    font: QFont
    width: float = 340.0

    @property
    def size(self) -> QSizeF:
        return QSizeF(self.width, max(1, len(self.rows)) * ROW_H + 4)

    def draw(self, p: QPainter, rect: QRectF) -> None:
        p.setFont(self.font)
        metrics = QFontMetricsF(self.font)
        label_w = min(rect.width() * 0.45,
                      max((metrics.horizontalAdvance(r[0]) for r in self.rows), default=0.0)
                      + 10)
        count_w = metrics.horizontalAdvance("00000") + 6
        top = max((n for _, n, _ in self.rows), default=0) or 1
        middle = Qt.AlignmentFlag.AlignVCenter
        for i, (label, n, color) in enumerate(self.rows):
            y = rect.top() + 2 + i * ROW_H
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.setPen(TEXT)
            p.drawText(QRectF(rect.left(), y, label_w - 6, ROW_H),
                       Qt.AlignmentFlag.AlignRight | middle, text)
            bar = (rect.width() - label_w - count_w) * n / top
            p.fillRect(QRectF(rect.left() + label_w, y + 3, max(bar, 1.0 if n else 0.0),
                              ROW_H - 6), color)
            p.drawText(QRectF(rect.left() + label_w + bar + 4, y, count_w, ROW_H),
                       Qt.AlignmentFlag.AlignLeft | middle, str(n))


@dataclass(frozen=True)
class StackedChart:
    """Vertical bars, one per bucket, stacked by category; a label under every few bars."""

    labels: tuple[str, ...]
    stacks: tuple[tuple[tuple[int, QColor], ...], ...]
    font: QFont
    width: float = 340.0
    height: float = 150.0

    @property
    def size(self) -> QSizeF:
        return QSizeF(self.width, self.height)

    def draw(self, p: QPainter, rect: QRectF) -> None:
        p.setFont(self.font)
        metrics = QFontMetricsF(self.font)
        top = max((sum(n for n, _ in s) for s in self.stacks), default=0) or 1
        line = metrics.height()
        left = rect.left() + metrics.horizontalAdvance(str(top)) + 6
        y0, bottom = rect.top() + line / 2, rect.bottom() - line - 4
        plot_h = bottom - y0
        p.setPen(AXIS)
        p.drawLine(QPointF(left, bottom), QPointF(rect.right(), bottom))
        p.drawLine(QPointF(left, y0), QPointF(rect.right(), y0))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        p.drawText(QRectF(rect.left(), y0 - line / 2, left - rect.left() - 4, line), right,
                   str(top))
        p.drawText(QRectF(rect.left(), bottom - line / 2, left - rect.left() - 4, line), right,
                   "0")
        slot = (rect.right() - left) / max(1, len(self.stacks))
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0.0) + 6
        every = max(1, math.ceil(widest / slot))
        p.setPen(TEXT)
        for i, stack in enumerate(self.stacks):
            x, y = left + i * slot + slot * 0.15, bottom
            for n, color in stack:
                h = plot_h * n / top
                p.fillRect(QRectF(x, y - h, slot * 0.7, h), color)
                y -= h
            if i % every == 0:
                p.drawText(QRectF(left + (i + 0.5) * slot - widest / 2, bottom + 2, widest,
                                  line + 2), Qt.AlignmentFlag.AlignHCenter, self.labels[i])


Chart = BarChart | StackedChart


class ChartObjectHandler(QPyTextObject):
    """Sizes and paints the charts of one document (its child: it lives as long as the page)."""

    def __init__(self, doc: QTextDocument) -> None:
        super().__init__(doc)
        self.charts: dict[str, Chart] = {}

    def _chart(self, fmt: QTextFormat) -> Chart | None:
        return self.charts.get(str(fmt.property(CHART_NAME)))

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        chart = self._chart(fmt)
        return chart.size if chart is not None else QSizeF(0, 0)

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument,
                   pos: int, fmt: QTextFormat) -> None:
        chart = self._chart(fmt)
        if chart is not None:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            chart.draw(painter, rect)
            painter.restore()


def insert_charts(doc: QTextDocument, charts: dict[str, Chart]) -> list[str]:
    """Put each chart where its marker is in ``doc``; returns the names put in."""
    handler = ChartObjectHandler(doc)
    handler.charts.update(charts)
    doc.documentLayout().registerHandler(CHART_OBJECT, handler)
    done = []
    for name in charts:
        cursor = doc.find(marker(name))
        if cursor.isNull():
            continue
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_OBJECT)
        fmt.setProperty(CHART_NAME, name)
        cursor.insertText("\ufffc", fmt)
        done.append(name)
    return done

