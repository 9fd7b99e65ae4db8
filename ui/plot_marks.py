"""Marks on the agitation curve (CLEAR steps, cues, comments) as vertical lines with labels in
up to three rows, drawn from a pool of lines that only grows as far as needed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desk.curve import Mark

MARK_COLOURS = {"step": "#1b7a3a", "tick": "#1b7a3a", "escalation": "#b3261e",
                "trap": "#c25e00", "interruption": "#7b3fa0", "comment": "#00796b"}
MAX_MARKERS = 120            # lines shown at once; more in view: the latest
LABEL_ROWS = (0.97, 0.87, 0.77)
LABEL_GAP_PX = 64            # marks closer than this share no label row


def label_rows(marks: Sequence[Mark], gap: float) -> tuple[tuple[Mark, int], ...]:
    """Each mark with the label row it gets (-1: no room for a label), ``gap`` apart."""
    ends = [float("-inf")] * len(LABEL_ROWS)
    placed: list[tuple[Mark, int]] = []
    for m in marks:
        row = next((r for r, end in enumerate(ends) if m.t - end >= gap), -1)
        if row >= 0:
            ends[row] = m.t
        placed.append((m, row))
    return tuple(placed)


def show_marks(plot: pg.PlotItem, pool: list[pg.InfiniteLine],
               shown: Sequence[tuple[Mark, int]], label: Callable[[Mark], str],
               tip: Callable[[Mark], str]) -> None:
    """Put ``shown`` on lines of ``pool`` (growing it), hide the lines left over."""
    while len(pool) < len(shown):
        line = pg.InfiniteLine(angle=90, movable=False, label="",
                               labelOpts={"position": LABEL_ROWS[0],
                                          "fill": pg.mkBrush(255, 255, 255, 215)})
        line.setZValue(5)
        plot.addItem(line)
        pool.append(line)
    for line, (m, row) in zip(pool, shown, strict=False):
        colour = QColor(MARK_COLOURS.get(m.kind, "#5f6368"))
        style = Qt.PenStyle.DashLine if m.kind == "tick" else Qt.PenStyle.SolidLine
        line.setPen(pg.mkPen(colour, width=1, style=style))
        line.setPos(m.t)
        line.setToolTip(tip(m))
        line.show()                   # first: a hidden label does not take new text
        text = line.label
        text.setVisible(row >= 0)
        text.orthoPos = LABEL_ROWS[max(row, 0)]
        text.setColor(colour)
        text.setFormat(label(m).replace("{", "{{").replace("}", "}}"))
    for line in pool[len(shown):]:
        line.hide()
