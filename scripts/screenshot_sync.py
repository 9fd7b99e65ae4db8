"""Render the Sync settings page and the status bar's sync line, in Chinese and English, to
docs/sync-<lang>.png (the parts also to /tmp/sync-settings-<lang>.png, /tmp/sync-status-<lang>.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_sync.py

No server is needed: the page shows a stored token and the answer of a connection test, the
status lines are drawn from SyncStatus values as the sync worker reports them.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import keyring
from keyring.backends import fail
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QStatusBar

from db import outbox
from db.events import transaction
from desk.cases import CaseService
from desk.store import Store
from desk.sync import credentials
from desk.sync.worker import SyncStatus
from desk.timeutil import to_iso
from ui.app import make_app
from ui.i18n import Translations
from ui.settings_dialog import SettingsDialog
from ui.sync_status import SyncStatusWidget

ROOT = Path(__file__).resolve().parents[1]
URL = "https://sync.example.com:8765"
STATUS_WIDTH = 900  # a status bar as wide as a small main window
WHO = {"account": "amy.chen", "role": "agent", "team": "north"}


def _ago(minutes: float) -> str:
    return to_iso(datetime.now(timezone.utc) - timedelta(minutes=minutes))


STATES = [
    SyncStatus("off"),
    SyncStatus("synced", last_synced=_ago(2)),
    SyncStatus("pending", pending=3, last_synced=_ago(4)),
    SyncStatus("offline", pending=3, last_synced=_ago(9), offline_since=_ago(6),
               error="offline", detail="ConnectError: [Errno 111] Connection refused",
               next_try_s=32),
    SyncStatus("error", pending=1, rejected=2, last_synced=_ago(30), error="auth",
               detail="revoked", next_try_s=60),
]


def settings_page(tmp: Path, lang_out: Path) -> QImage:
    store = Store(tmp / "cleardesk.db")
    svc = CaseService(store, agent="Amy")
    svc.new_case(complaint="demo")

    def refuse_two(conn: Any) -> None:
        with transaction(conn):
            outbox.reject(conn, [(e, "denied", "not yours") for e in outbox.pending(conn, 2)],
                          _ago(1))

    store.call(refuse_two)
    credentials.save(store, URL, "cdt1.demo-token")
    dialog = SettingsDialog(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat),
                            str(store.path), store=store)
    dialog.show_page("sync")
    dialog.show()
    assert dialog.sync is not None
    dialog.sync._on_tested((0, WHO))  # what a successful connection test shows
    make_app([]).processEvents()
    image = dialog.grab().toImage()
    image.save(str(lang_out))
    dialog.done(0)
    store.close()
    return image


def status_lines(width: int, out: Path) -> QImage:
    bars = []
    for status in STATES:
        bar = QStatusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(QLabel(""), 1)
        widget = SyncStatusWidget()
        widget.set_status(status, URL, now=True)
        bar.addPermanentWidget(widget)
        bar.resize(width, bar.sizeHint().height() + 6)
        bar.show()
        make_app([]).processEvents()
        bars.append(bar.grab().toImage())
        bar.close()
    image = QImage(width, sum(b.height() + 1 for b in bars), QImage.Format.Format_RGB32)
    image.fill(QColor("#d0d0d0"))
    painter = QPainter(image)
    y = 0
    for b in bars:
        painter.drawImage(0, y, b)
        y += b.height() + 1
    painter.end()
    image.save(str(out))
    return image


def render(translations: Translations, lang: str, out: Path) -> None:
    translations.install(lang)
    with tempfile.TemporaryDirectory() as tmp:
        page = settings_page(Path(tmp), Path(f"/tmp/sync-settings-{lang}.png"))
    lines = status_lines(STATUS_WIDTH, Path(f"/tmp/sync-status-{lang}.png"))
    gap = 12
    image = QImage(max(page.width(), lines.width()), page.height() + gap + lines.height(),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.drawImage(0, page.height() + gap, lines)
    painter.end()
    image.save(str(out))
    print(out)


def main() -> int:
    keyring.set_keyring(fail.Keyring())  # never the keyring of whoever runs this
    translations = Translations(make_app(["screenshot_sync"]))
    for lang in ("zh_CN", "en"):
        render(translations, lang, ROOT / "docs" / f"sync-{lang}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
