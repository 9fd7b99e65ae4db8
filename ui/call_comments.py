"""The moment picked in a reviewed call, and the call's comments: what the score is there and
why, a box to pin a comment to that moment, and the comments in call-time order (a click on
one picks its moment)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.cases import CaseError
from desk.comments import Comment, CommentService
from desk.store import StoreError
from ui.call_report import when
from ui.format import call_time as clock

TIME_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_CHARS = 280  # of a comment in the list (all of it in the tooltip)
TIP_CHARS = 4000


class CallCommentsWidget(QWidget):
    """Emits ``comment_added(Comment)`` once saved, ``failed(exception)`` when saving failed
    (CaseError or StoreError: the text stays in the box), ``time_picked(t)`` when a comment is
    clicked."""

    comment_added = Signal(object)
    failed = Signal(object)
    time_picked = Signal(float)

    def __init__(self, service: CommentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.call_id = ""
        self.t = 0.0
        self.comments: list[Comment] = []
        self.drafts: dict[str, str] = {}  # call id -> a comment typed and not saved
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 0, 0, 0)
        self.moment = QLabel()
        self.moment.setObjectName("call_moment")
        self.moment.setWordWrap(True)
        self.moment.setTextFormat(Qt.TextFormat.RichText)
        self.moment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.moment)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("comment_editor")
        self.editor.setPlaceholderText(self.tr("A comment for the agent on this moment…"))
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 3 + 14)
        v.addWidget(self.editor)
        row = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_comment")
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_button.clicked.connect(self._on_add)
        QShortcut(QKeySequence("Ctrl+Return"), self.editor, self._on_add,
                  context=Qt.ShortcutContext.WidgetShortcut)
        row.addStretch(1)
        row.addWidget(self.add_button)
        v.addLayout(row)
        self.count_label = QLabel()
        self.count_label.setObjectName("comments_label")
        v.addWidget(self.count_label)
        self.list = QListWidget()
        self.list.setObjectName("comment_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._on_clicked)
        v.addWidget(self.list, 1)

    def show_call(self, call_id: str, comments: Sequence[Comment]) -> None:
        """The comments of ``call_id`` (in call-time order). A comment typed and not saved
        waits for its call to be shown again."""
        if call_id != self.call_id:
            if self.call_id:
                self.drafts[self.call_id] = self.editor.toPlainText()
            self.editor.setPlainText(self.drafts.pop(call_id, ""))
        self.call_id = call_id
        self.comments = list(comments)
        self._fill()

    def set_moment(self, t: float, explanation: str) -> None:
        """The picked moment: ``t`` and why the score is what it is there."""
        self.t = t
        heading = self.tr("At the cursor")
        self.moment.setText(f"<b>{html.escape(heading)}</b><br>{html.escape(explanation)}")
        self.add_button.setText(self.tr("Add comment at %1").replace("%1", clock(t)))

    def _fill(self) -> None:
        self.list.clear()
        for c in self.comments:
            body = " ".join(c.body.split())
            if len(body) > LIST_CHARS:
                body = body[:LIST_CHARS - 1] + "…"
            item = QListWidgetItem(f"{clock(c.t)}  {c.author}: {body}")
            item.setData(TIME_ROLE, c.t)
            item.setToolTip(f"<p><b>{html.escape(c.author)}</b> · "
                            f"{html.escape(when(c.created_at))}</p>"
                            f"<p>{html.escape(c.body[:TIP_CHARS])}</p>")
            self.list.addItem(item)
        self.count_label.setText(
            self.tr("Comments (%1)").replace("%1", str(len(self.comments))) if self.comments
            else self.tr("No comments yet."))

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.time_picked.emit(float(item.data(TIME_ROLE)))

    def _on_add(self) -> None:
        if not self.call_id:
            return
        try:
            comment = self.service.add(self.call_id, self.t, self.editor.toPlainText())
        except (CaseError, StoreError) as exc:
            self.failed.emit(exc)  # the text stays in the box
            return
        self.editor.clear()
        self.comments.append(comment)
        self.comments.sort(key=lambda c: (c.t, c.hlc, c.id))
        self._fill()
        self.comment_added.emit(comment)
