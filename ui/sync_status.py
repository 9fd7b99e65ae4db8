"""The sync state in the main window's status bar: one short line with a coloured dot, the
details in the tooltip. A click opens the Sync settings; the context menu syncs now.

A routine pull every half minute must not make the status bar flicker: "Syncing…" shows only
when a sync takes longer than SYNCING_DELAY_MS (or when the agent asked for it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QWidget

from desk.sync.status import SyncStatus
from ui.format import local

SYNCING_DELAY_MS = 400
COLOURS = {  # the dot; an error also colours the words
    "off": "#9e9e9e", "syncing": "#1e88e5", "synced": "#2e7d32", "pending": "#c77c02",
    "offline": "#c77c02", "error": "#b3261e",
}


def clock(iso: str | None) -> str:
    """A time of today as 14:02, an older one with its date."""
    if not iso:
        return ""
    dt = local(iso)
    return dt.strftime("%H:%M") if dt.date() == datetime.now().date() else \
        dt.strftime("%Y-%m-%d %H:%M")


def auth_reason(detail: str) -> str:
    """Why the server refused the token, in words (the server's code in ``detail``)."""
    if detail == "expired":
        return QCoreApplication.translate("SyncStatusWidget", "The token has expired.")
    if detail == "revoked":
        return QCoreApplication.translate("SyncStatusWidget",
                                          "The token was withdrawn on the server.")
    if detail in ("forged", "malformed"):
        return QCoreApplication.translate(
            "SyncStatusWidget", "The token is not one this server issued: it may be mistyped "
            "or made for another server.")
    if detail == "unknown_token":
        return QCoreApplication.translate("SyncStatusWidget",
                                          "The server does not know this token.")
    return QCoreApplication.translate("SyncStatusWidget", "The server did not accept the token.")


def sentences(first: str, second: str) -> str:
    """Two sentences one after the other (a space in English, none in Chinese)."""
    return QCoreApplication.translate("SyncStatusWidget", "%1 %2").replace(
        "%1", first).replace("%2", second)


class SyncStatusWidget(QWidget):
    """Shows a :class:`SyncStatus` (on the GUI thread). ``status`` is the latest one given."""

    clicked = Signal()
    sync_now_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        h = QHBoxLayout(self)
        h.setContentsMargins(6, 0, 6, 0)
        h.setSpacing(5)
        self.dot = QLabel("●")
        self.label = QLabel()
        self.label.setObjectName("sync_status_text")
        h.addWidget(self.dot)
        h.addWidget(self.label)
        self.url = ""
        self.status = SyncStatus("off")
        self.received_at = datetime.now()
        self.shown = self.status
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SYNCING_DELAY_MS)
        self.timer.timeout.connect(lambda: self._show(self.status))
        self._show(self.status)

    # -- state ------------------------------------------------------------------------------
    def set_status(self, status: SyncStatus, url: str | None = None, *,
                   now: bool = False) -> None:
        if url is not None:
            self.url = url
        self.status = status
        self.received_at = datetime.now()
        if status.state == "syncing" and not now and self.shown.state != "off":
            self.timer.start()  # keep the last line unless this one takes a while
            return
        self.timer.stop()
        self._show(status)

    def retranslate(self) -> None:
        self._show(self.shown)

    def _show(self, status: SyncStatus) -> None:
        self.shown = status
        self.label.setText(self.text_for(status))
        self.setToolTip(self.tooltip_for(status))
        colour = COLOURS.get(status.state, COLOURS["off"])
        self.dot.setStyleSheet(f"color: {colour};")
        self.label.setStyleSheet(f"color: {colour};" if status.state == "error" else "")

    # -- words ------------------------------------------------------------------------------
    def waiting(self, n: int) -> str:
        return self.tr("1 change waiting to sync") if n == 1 else \
            self.tr("%1 changes waiting to sync").replace("%1", str(n))

    def problem(self, code: str) -> str:
        """One sentence for a reason sync stopped: what happened and what to do."""
        words = {
            "auth": self.tr("Sync stopped: the server refused this workstation's token — ask "
                            "your supervisor for a new one"),
            "disabled": self.tr("Sync stopped: this account is disabled on the server — ask "
                                "your supervisor"),
            "tls": self.tr("Sync stopped: the server's certificate is not trusted — ask IT to "
                           "check the server"),
            "protocol": self.tr("Sync stopped: this address is not a ClearDesk sync server — "
                                "check it in the settings"),
            "server": self.tr("Sync paused: the server reported an error — will retry"),
            "store": self.tr("Sync paused: the local database is busy or damaged — will retry"),
        }
        return words.get(code, self.tr("Sync paused: %1 — will retry").replace("%1", code))

    def text_for(self, s: SyncStatus) -> str:
        if s.state == "off":
            return self.tr("Sync off")
        if s.state == "syncing":
            main = self.tr("Syncing…")
        elif s.state == "synced":
            main = self.tr("Synced at %1").replace("%1", clock(s.last_synced))
        elif s.state == "pending":
            main = self.waiting(s.pending)
        elif s.state == "offline":
            main = self.tr("Offline since %1 — will retry").replace("%1",
                                                                    clock(s.offline_since))
        else:
            main = self.problem(s.error)
        parts = [main]
        if s.pending and s.state in ("offline", "error"):
            parts.append(self.tr("%1 waiting").replace("%1", str(s.pending)))
        if s.rejected:
            parts.append(self.tr("%1 refused").replace("%1", str(s.rejected)))
        return " · ".join(parts)

    def tooltip_for(self, s: SyncStatus) -> str:
        if s.state == "off":
            lines = [self.tr("No sync server is set: this desk works alone and keeps "
                             "everything on this computer.")]
        else:
            lines = [self.tr("Server: %1").replace("%1", self.url or "—")]
            if s.last_synced:
                lines.append(self.tr("Last synced: %1").replace("%1", clock(s.last_synced)))
            if s.state == "error" and s.error == "auth":
                lines.append(auth_reason(s.detail))
            if s.rejected:
                lines.append(self.tr("The server refused %1 change(s); they are kept on this "
                                     "computer. See the Sync settings.").replace(
                                         "%1", str(s.rejected)))
            if s.state in ("offline", "error") and s.next_try_s:
                at = self.received_at + timedelta(seconds=s.next_try_s)
                lines.append(self.tr("Next try at %1.").replace("%1", at.strftime("%H:%M:%S")))
            if s.detail and s.state in ("offline", "error"):
                lines.append(self.tr("Details: %1").replace("%1", s.detail))
        lines.append(self.tr("Click for the sync settings; right-click to sync now."))
        return "\n".join(lines)

    # -- events -----------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Sync now"), self.sync_now_requested.emit)
        menu.addAction(self.tr("Sync settings…"), self.clicked.emit)
        menu.exec(event.globalPos())
