"""The live transcript: who said what, when; partials in grey until the recognizer is sure; the
caller's escalation words in red. After a call, the same view shows the stored transcript.

The lines are kept by :class:`desk.transcript.TranscriptModel`; each batch of events updates
only the rows it changed. The view is a one-column QTreeView (not a QListView): with rows of
different heights a QListView measures every row again whenever one is added or changes, a
tree view only the rows it shows (measured: 3 000 lines, one batch 3.7 ms instead of 10 ms).
It scrolls by line, so a line is cut to the view's height and MAX_SHOWN_CHARS (the whole of it
is in the tooltip).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desk.events import AGENT, Cue, TranscriptSegment
from desk.transcript import INSERTED, REMOVED, UPDATED, Change, Line, TranscriptModel
from ui.format import call_time

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN_CHARS = 1000  # longer lines are cut (with …) so that one line never fills the view
TOOLTIP_CHARS = 4000
TOOLTIP_FROM_CHARS = 200  # a line this long may be cut on screen: its tooltip shows it all
PAD = 4
CALLER_COLOUR = "#8a3b12"
AGENT_COLOUR = "#1f5f99"
PARTIAL_COLOUR = "#767676"
ESCALATION_COLOUR = "#b3261e"
DOC_CACHE = 600  # laid-out lines kept (a screen shows a few dozen)
IndexLike = QModelIndex | QPersistentModelIndex


def line_html(line: Line, speaker: str) -> str:
    """The line as rich text: every character of the transcript escaped, escalation words
    marked, a partial in grey italics."""
    text = line.text[:MAX_SHOWN_CHARS]
    parts: list[str] = []
    pos = 0
    for h in line.highlights:
        if h.start < pos or h.start >= len(text):
            continue
        parts.append(html.escape(text[pos:h.start]))
        parts.append(f"<b style='color:{ESCALATION_COLOUR}'>"
                     f"{html.escape(text[h.start:h.end])}</b>")
        pos = h.end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>")
    if len(line.text) > MAX_SHOWN_CHARS:
        body += "…"
    if not line.final:
        body = f"<i style='color:{PARTIAL_COLOUR}'>{body}</i>"
    colour = AGENT_COLOUR if line.channel == AGENT else CALLER_COLOUR
    return f"<b style='color:{colour}'>{html.escape(speaker)}</b>&nbsp;&nbsp;{body}"


class TranscriptListModel(QAbstractListModel):
    """The rows a view shows, changed only through :meth:`replay` (so that every change is
    announced to the view before it is made)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Line] = []

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line = self.rows[index.row()]
        if role == LINE_ROLE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            return line.text
        if role == Qt.ItemDataRole.ToolTipRole and len(line.text) > TOOLTIP_FROM_CHARS:
            return f"<p>{html.escape(line.text[:TOOLTIP_CHARS])}</p>"
        return None

    def replay(self, changes: Sequence[Change]) -> None:
        root = QModelIndex()
        for c in changes:
            if c.kind == INSERTED and c.line is not None:
                self.beginInsertRows(root, c.row, c.row)
                self.rows.insert(c.row, c.line)
                self.endInsertRows()
            elif c.kind == UPDATED and c.line is not None:
                self.rows[c.row] = c.line
                index = self.index(c.row)
                self.dataChanged.emit(index, index)
            elif c.kind == REMOVED:
                self.beginRemoveRows(root, c.row, c.row)
                del self.rows[c.row]
                self.endRemoveRows()

    def reset(self, lines: Sequence[Line]) -> None:
        self.beginResetModel()
        self.rows = list(lines)
        self.endResetModel()


class TranscriptLineDelegate(QStyledItemDelegate):
    """Paints a line: the call time in a column on the left, then the speaker and the text,
    wrapped. Laid-out lines are cached by line and width."""

    def __init__(self, view: QTreeView, speakers: dict[str, str]) -> None:
        super().__init__(view)
        self.view = view
        self.speakers = speakers
        self._docs: dict[int, tuple[Line, int, QTextDocument]] = {}

    def time_width(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.horizontalAdvance("0:00:00") + 2 * PAD

    def document(self, line: Line, option: QStyleOptionViewItem) -> QTextDocument:
        width = max(60, self.view.viewport().width() - self.time_width(option) - 3 * PAD)
        hit = self._docs.get(id(line))
        if hit is not None and hit[0] is line and hit[1] == width:
            return hit[2]
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(wrap)
        doc.setHtml(line_html(line, self.speakers.get(line.channel, line.channel)))
        doc.setTextWidth(width)
        if len(self._docs) >= DOC_CACHE:
            self._docs.clear()
        self._docs[id(line)] = (line, width, doc)
        return doc

    def sizeHint(self, option: QStyleOptionViewItem, index: IndexLike) -> QSize:
        line = index.data(LINE_ROLE)
        if not isinstance(line, Line):
            return super().sizeHint(option, index)
        doc = self.document(line, option)
        height = max(int(doc.size().height() + 0.99), option.fontMetrics.height())
        return QSize(self.view.viewport().width(), min(height, self.max_height(option)) + 2 * PAD)

    def max_height(self, option: QStyleOptionViewItem) -> int:
        """A line never grows taller than the view (it scrolls by line): the rest is cut."""
        return max(3 * option.fontMetrics.lineSpacing(), self.view.viewport().height() - 4 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: IndexLike) -> None:
        line = index.data(LINE_ROLE)
        if not isinstance(line, Line):
            super().paint(painter, option, index)
            return
        painter.save()
        rect = QRect(option.rect)
        tint = QColor(option.palette.highlight().color())
        if option.state & QStyle.StateFlag.State_Selected:
            tint.setAlpha(60)
            painter.fillRect(rect, tint)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()),
                             option.palette.highlight())
        elif line.channel == AGENT:
            tint.setAlpha(16)
            painter.fillRect(rect, tint)
        tw = self.time_width(option)
        painter.setPen(QColor(PARTIAL_COLOUR))
        painter.setFont(option.font)
        painter.drawText(QRect(rect.left() + PAD, rect.top() + PAD, tw - 2 * PAD,
                               option.fontMetrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         call_time(line.start))
        doc = self.document(line, option)
        painter.setTransform(QTransform.fromTranslate(rect.left() + tw + PAD, rect.top() + PAD),
                             True)
        painter.setClipRect(QRect(0, 0, rect.width() - tw - PAD, rect.height() - PAD))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.text().color())
        doc.documentLayout().draw(painter, ctx)
        if doc.size().height() > rect.height() - 2 * PAD + 1:  # cut: say so
            more = QRect(0, 0, rect.width() - tw - 2 * PAD, rect.height() - 2 * PAD)
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            mark = painter.boundingRect(more, flags, " […] ")
            painter.fillRect(mark, option.palette.base())
            painter.setPen(QColor(PARTIAL_COLOUR))
            painter.drawText(mark, flags, " […] ")
        painter.restore()


class TranscriptWidget(QWidget):
    """Live: :meth:`add_events` with each batch. Finished call: :meth:`load`. Emits
    ``line_clicked(start)`` when the agent or supervisor clicks a line."""

    line_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TranscriptModel()
        self.rows = TranscriptListModel(self)
        self.live = True
        self.following = True
        self.view = QTreeView()
        self.view.setObjectName("transcript_view")
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = TranscriptLineDelegate(
            self.view, {"caller": self.tr("Caller"), "agent": self.tr("You")})
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.rows)
        self.view.clicked.connect(self._on_clicked)
        self.view.viewport().installEventFilter(self)
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.jump = QPushButton(self.tr("Jump to latest"), self)
        self.jump.setObjectName("jump_to_latest")
        self.jump.setCursor(Qt.CursorShape.PointingHandCursor)
        self.jump.clicked.connect(self._on_jump_clicked)
        self.jump.hide()

    # -- public API ------------------------------------------------------------------------
    def add_events(self, events: Sequence[object]) -> None:
        """A batch from the bridge; anything but transcript segments and cues is ignored."""
        changes = self.model.apply(events)
        if changes:
            self.rows.replay(changes)
            if self.following:
                self.view.scrollToBottom()

    def load(self, segments: Sequence[TranscriptSegment], cues: Sequence[Cue]) -> None:
        """Show a finished call (read-only: no following, no "Jump to latest")."""
        self.model.clear()
        self.model.apply([*segments, *cues])
        self.rows.reset(self.model.lines)
        self.live = False
        self.following = False
        self.jump.hide()
        self.view.scrollToTop()

    def clear(self) -> None:
        """Empty, ready for a new call (live: follows the newest line)."""
        self.model.clear()
        self.rows.reset(())
        self.live = True
        self.following = True
        self.jump.hide()

    def line_count(self) -> int:
        return len(self.model)

    def set_speakers(self, caller: str, agent: str) -> None:
        """Name the two parties (live: "Caller" and "You"; a supervisor's review: the agent)."""
        self.delegate.speakers.update({"caller": caller, "agent": agent})
        self.delegate._docs.clear()
        self.view.scheduleDelayedItemsLayout()
        self.view.viewport().update()

    def selected_line(self) -> Line | None:
        """The selected line (select_time or a click), None if none is."""
        line = self.view.currentIndex().data(LINE_ROLE)
        return line if isinstance(line, Line) else None

    def select_time(self, t: float) -> None:
        """Scroll to and select the line said at ``t`` (without emitting line_clicked)."""
        row = self.model.line_at(t)
        if row is None:
            return
        index = self.rows.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # -- following the newest line ---------------------------------------------------------
    def _at_bottom(self) -> bool:
        bar = self.view.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _on_scrolled(self, _value: int) -> None:
        self.following = self._at_bottom() if self.live else False
        self.jump.setVisible(self.live and not self.following)
        self._place_jump()

    def _on_range_changed(self, _low: int, _high: int) -> None:
        if self.following:
            self.view.scrollToBottom()

    def _on_jump_clicked(self) -> None:
        self.following = True
        self.jump.hide()
        self.view.clearSelection()
        self.view.scrollToBottom()

    def _on_clicked(self, index: QModelIndex) -> None:
        line = index.data(LINE_ROLE)
        if isinstance(line, Line):
            self.line_clicked.emit(line.start)

    def _place_jump(self) -> None:
        self.jump.adjustSize()
        view = self.view.geometry()
        bar = self.view.verticalScrollBar()
        right = view.right() - (bar.width() if bar.isVisible() else 0) - 8
        self.jump.move(right - self.jump.width(), view.bottom() - self.jump.height() - 8)
        self.jump.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.view.scheduleDelayedItemsLayout()  # lines wrap anew at the new width
            self._place_jump()
        return super().eventFilter(watched, event)
