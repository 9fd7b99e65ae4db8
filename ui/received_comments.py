"""Comments others (a supervisor) left on my calls, newest first; opening one shows the call
at the comment's moment. New ones are bold until they have been seen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.comments import Comment, CommentService
from desk.store import StoreError
from ui.format import call_time, short_time


class ReceivedCommentsWidget(QWidget):
    """``open_call(call_id, t)`` when a comment is opened; ``read`` after marking read."""

    open_call = Signal(str, float)
    read = Signal()

    def __init__(self, comments: CommentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("received_comments")
        self.service = comments
        self.items: list[Comment] = []
        self.unread: set[str] = set()
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("received_summary")
        top.addWidget(self.summary, 1)
        self.mark = QPushButton(self.tr("Mark all as read"))
        self.mark.setObjectName("mark_read")
        self.mark.clicked.connect(self._on_mark_read)
        top.addWidget(self.mark)
        v.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setObjectName("received_tree")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setHeaderLabels([self.tr("Written"), self.tr("By"), self.tr("Case"),
                                   self.tr("Call of"), self.tr("At"), self.tr("Comment")])
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.itemClicked.connect(self._on_activated)
        v.addWidget(self.tree, 1)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.items = self.service.received()
            self.unread = {c.id for c in self.service.received(unread_only=True)}
        except StoreError as exc:
            self.summary.setText(self.tr("The comments could not be read: %1").replace(
                "%1", exc.detail or exc.code))
            return
        self.tree.clear()
        for c in self.items:
            body = " ".join(c.body.split())
            item = QTreeWidgetItem([short_time(c.created_at), c.author, c.case_ref,
                                    short_time(c.call_started_at), call_time(c.t),
                                    body[:300] + ("…" if len(body) > 300 else "")])
            item.setToolTip(5, c.body[:4000])
            if c.id in self.unread:
                font = item.font(0)
                font.setBold(True)
                for col in range(6):
                    item.setFont(col, font)
            self.tree.addTopLevelItem(item)
        for column in range(5):  # the comment itself takes the rest
            self.tree.resizeColumnToContents(column)
        if not self.service.author:
            self.summary.setText(self.tr("Comments on your calls appear here once your name "
                                         "is set (Settings) or sync is signed in."))
        elif not self.items:
            self.summary.setText(self.tr("No comments on your calls yet."))
        else:
            self.summary.setText(self.tr("New comments on your calls: %1").replace(
                "%1", str(len(self.unread))))
        self.mark.setEnabled(bool(self.unread))

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        c = self.items[self.tree.indexOfTopLevelItem(item)]
        self.open_call.emit(c.call_id, c.t)

    def _on_mark_read(self) -> None:
        try:
            self.service.mark_read(self.items)
        except StoreError as exc:
            self.summary.setText(self.tr("Could not remember what was read: %1").replace(
                "%1", exc.detail or exc.code))
            return
        self.refresh()
        self.read.emit()
