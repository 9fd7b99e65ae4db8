"""The main window's side of call review: opening the review window, the name the desk signs
in as, and telling the agent when a supervisor commented on one of their calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desk.comments import CommentService
from desk.review import Viewer, viewer_of
from desk.store import StoreError
from desk.sync import credentials

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.review_window import ReviewWindow


class ReviewControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.review: ReviewWindow | None = None
        self.unread = 0

    def update_name(self) -> None:
        """Once sync is signed in, what this desk writes is under the account's name (the
        name in Settings is for a standalone desk)."""
        w = self.window
        try:
            ident = credentials.identity(w.service.store)
        except StoreError:
            return
        if ident is not None:
            w.service.agent = ident.account

    def open(self) -> None:
        from ui.review_window import ReviewWindow

        w = self.window
        self.update_name()
        if self.review is not None and self.review.viewer != self._viewer():
            self.close()  # signed in as someone else, or the role is known now: build again
        if self.review is None:
            try:
                self.review = ReviewWindow(w.service, w.catalog, w.translations.language,
                                           w.settings)
            except StoreError as exc:  # the database could not be read: say so, as elsewhere
                w.report(exc)
                return
            self.review.comments_read.connect(self.check_comments)
            self.review.destroyed.connect(self._on_destroyed)
        else:
            self.review.refresh()
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()

    def _on_destroyed(self) -> None:
        self.review = None

    def rebuilt(self) -> None:
        """The language changed: a review window open is opened again in the new one."""
        was_open = self.review is not None and self.review.isVisible()
        self.close()
        self.update_name()
        if was_open:
            self.open()
        self.check_comments()

    def close(self) -> None:
        if self.review is not None:
            self.review.close()
            self.review.deleteLater()
            self.review = None

    def _viewer(self) -> Viewer | None:
        try:
            return viewer_of(self.window.service.store, self.window.service.agent)
        except StoreError:
            return None

    def rows_arrived(self) -> None:
        """A sync brought rows: an open review shows them; new comments are counted."""
        self.update_name()
        if self.review is not None and self.review.isVisible() \
                and self.review.viewer != self._viewer():
            self.rebuilt()
            return
        if self.review is not None and self.review.isVisible():
            self.review.refresh()
            self.review.received.refresh()
            self.review.view.reload_comments()
        self.check_comments()

    def check_comments(self) -> None:
        """Show on the Review action how many comments on my calls are unread; say it in the
        status bar when new ones arrived."""
        w = self.window
        try:
            unread = len(CommentService(w.service).received(unread_only=True))
        except StoreError:
            return
        action = w.actions_by_name.get("review")
        if action is not None:
            base = self.tr("Review calls")
            action.setText(base if not unread else self.tr("%1 (new comments: %2)").replace(
                "%1", base).replace("%2", str(unread)))
        if unread > self.unread:
            w.statusBar().showMessage(self.tr(
                "A supervisor commented on your calls: open Review calls (Ctrl+R)."), 20_000)
        self.unread = unread
