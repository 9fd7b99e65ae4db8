"""A damaged, locked or too-new database: a clear dialog with a way out, never a traceback
and never a silent new empty database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desk.cases import CaseService
from desk.store import Store, StoreError
from tests.ui.test_case_flow import when_dialog
from ui.app import open_store
from ui.db_dialogs import StartupProblemDialog


def make_db_with_backup(path: Path) -> str:
    store = Store(path)
    case = CaseService(store).new_case(complaint="保存在备份里的投诉")
    store.backup_now()
    store.close()
    return case.id


def damage(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    data[0:16] = b"this is garbage!"  # the SQLite header
    path.write_bytes(bytes(data))
    return bytes(data)


def buttons(dialog: StartupProblemDialog) -> set[str]:
    return {b.objectName() for b in dialog.findChildren(QPushButton)}


def test_damaged_database_offers_restore_and_keeps_the_damaged_file(qapp, qtbot, tmp_path):
    path = tmp_path / "cleardesk.db"
    case_id = make_db_with_backup(path)
    damaged = damage(path)

    def restore(dialog: StartupProblemDialog) -> None:
        assert {"action_restore", "action_readonly", "action_other", "action_quit"} <= \
            buttons(dialog)
        assert "damaged" in dialog.message.text()
        dialog.findChild(QPushButton, "action_restore").click()

    def answer_boxes() -> None:
        """Yes to "replace with the backup?", then OK to "backup restored"."""
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            yes = box.button(QMessageBox.StandardButton.Yes)
            (yes or box.button(QMessageBox.StandardButton.Ok)).click()

    notice = QTimer()
    notice.setInterval(20)
    notice.timeout.connect(answer_boxes)
    notice.start()
    when_dialog(StartupProblemDialog, restore)
    store = open_store(path)
    notice.stop()
    assert store is not None
    try:
        assert CaseService(store).case(case_id).complaint == "保存在备份里的投诉"
    finally:
        store.close()
    kept = list(tmp_path.glob("cleardesk.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_damaged_database_without_backup_never_becomes_empty(qapp, qtbot, tmp_path):
    path = tmp_path / "cleardesk.db"
    path.write_bytes(b"\x00garbage" * 1000)
    before = path.read_bytes()
    when_dialog(StartupProblemDialog, lambda d: (
        "action_restore" not in buttons(d) or (_ for _ in ()).throw(AssertionError()),
        d.findChild(QPushButton, "action_quit").click()))
    assert open_store(path) is None
    assert path.read_bytes() == before


def test_locked_database_offers_retry_then_opens(qapp, qtbot, tmp_path, monkeypatch):
    import db.connection

    monkeypatch.setattr(db.connection, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "cleardesk.db"
    Store(path).close()
    # A program holding the file exclusively (e.g. a backup tool) keeps even readers out.
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    seen = []

    def retry(dialog: StartupProblemDialog) -> None:
        seen.append(dialog.error.code)
        assert "action_retry" in buttons(dialog) and "locked" in dialog.message.text()
        holder.execute("ROLLBACK")
        holder.close()
        dialog.findChild(QPushButton, "action_retry").click()

    when_dialog(StartupProblemDialog, retry)
    store = open_store(path)
    assert seen == ["locked"] and store is not None
    store.close()


def test_newer_database_is_refused_with_versions(qapp, qtbot, tmp_path):
    path = tmp_path / "cleardesk.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    try:
        Store(path)
    except StoreError as exc:
        dialog = StartupProblemDialog(exc)
        qtbot.addWidget(dialog)
        assert "newer version" in dialog.message.text() and "99" in dialog.message.text()
        assert "action_restore" not in buttons(dialog)
    else:
        raise AssertionError("a newer database was opened")
