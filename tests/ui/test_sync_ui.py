"""Sync in the window without a server: the status line's words in both languages, the Sync
page's checks, a connection test to a port where nothing listens, and the wiring (click, Sync
now). The same UI against the real service: tests/sync/test_sync_window.py."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desk.store import Store
from desk.sync import credentials
from desk.sync.worker import SyncStatus
from ui.i18n import Translations
from ui.settings_dialog import SettingsDialog
from ui.sync_status import SyncStatusWidget

CJK = re.compile(r"[\u4e00-\u9fff]")
CODES = ("auth", "disabled", "tls", "protocol", "server", "store")


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """Never the keyring of whoever runs the tests: the token goes to a private file."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "cleardesk.db")
    yield s
    s.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


STATES = [SyncStatus("off"), SyncStatus("syncing"),
          SyncStatus("synced", last_synced="2024-05-01T06:02:00Z"),
          SyncStatus("pending", pending=3),
          SyncStatus("offline", pending=2, rejected=1, offline_since="2024-05-01T06:05:00Z",
                     error="offline", detail="ConnectError", next_try_s=8)]
STATES += [SyncStatus("error", pending=1, error=code, detail="revoked") for code in CODES]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_status_line_in_words(qapp, qtbot, lang: str) -> None:
    translations = Translations(qapp)
    translations.install(lang)
    try:
        widget = SyncStatusWidget()
        qtbot.addWidget(widget)
        lines = []
        for status in STATES:
            widget.set_status(status, "https://sync.example.com:8765", now=True)
            text, tip = widget.label.text(), widget.toolTip()
            lines.append(text)
            assert text and tip
            if lang == "zh_CN":
                assert CJK.search(text) and CJK.search(tip), (text, tip)
        assert len(set(lines)) == len(lines)  # one sentence per state and per reason
    finally:
        translations.install("en")
    if lang == "en":
        assert lines[:5] == ["Sync off", "Syncing…", lines[2], "3 changes waiting to sync",
                             lines[4]]
        assert lines[2].startswith("Synced at ")
        assert lines[4].startswith("Offline since ")
        assert lines[4].endswith(" — will retry · 2 waiting · 1 refused")
        assert lines[5] == ("Sync stopped: the server refused this workstation's token — ask "
                            "your supervisor for a new one · 1 waiting")


def test_a_routine_sync_does_not_flicker(qtbot) -> None:
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.set_status(SyncStatus("synced", last_synced="2024-05-01T06:02:00Z"), "http://x")
    shown = widget.label.text()
    widget.set_status(SyncStatus("syncing"))
    assert widget.label.text() == shown  # a quick pull changes nothing on screen
    widget.set_status(SyncStatus("synced", last_synced="2024-05-01T06:03:00Z"))
    assert widget.label.text() != shown and not widget.timer.isActive()
    widget.set_status(SyncStatus("syncing"))
    qtbot.waitUntil(lambda: widget.label.text() == "Syncing…")  # a slow one says so


def test_sync_page_checks_what_is_typed(qtbot, store: Store, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(settings, str(store.path), store=store)
    qtbot.addWidget(dialog)
    dialog.show_page("sync")
    dialog.show()
    page = dialog.sync
    assert page is not None and dialog.tabs.currentWidget() is page
    assert "Paste the token" in page.token_hint.text()
    assert not page.refused_box.isVisibleTo(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)

    dialog.tabs.setCurrentIndex(0)
    page.url.setText("https://exa mple.com")
    ok.click()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert "not valid" in page.result.text()

    page.url.setText("sync.example.com:8765")  # no scheme: https is meant
    assert page.chosen() == ("https://sync.example.com:8765", "")
    ok.click()
    assert dialog.isVisible() and "Enter the workstation token" in page.result.text()

    page.url.setText("http://10.0.0.5:8765")
    assert "unencrypted" in page.url_hint.text()
    page.url.setText("http://127.0.0.1:8765/")
    assert "unencrypted" not in page.url_hint.text()
    page.token.setText("  cdt1.abc  ")
    ok.click()
    assert not dialog.isVisible() and dialog.sync_changed
    saved = credentials.load(store)
    assert (saved.url, saved.token, saved.token_place) == ("http://127.0.0.1:8765", "cdt1.abc",
                                                           "file")

    again = SettingsDialog(settings, str(store.path), store=store)
    qtbot.addWidget(again)
    again.show()
    assert again.sync is not None
    assert "in a file only your user account can read" in again.sync.token_hint.text()
    again.sync.url.setText("")  # clearing the address turns sync off and forgets the token
    again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert again.sync_changed and credentials.load(store).url == ""
    assert not (tmp_path / "sync-token").exists()


def test_connection_test_runs_off_the_gui_thread(qtbot, store: Store, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(settings, str(store.path), store=store)
    qtbot.addWidget(dialog)
    page = dialog.sync
    assert page is not None
    page.url.setText(f"http://127.0.0.1:{closed_port()}")
    page.token.setText("cdt1.x")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert not page.test_button.isEnabled() and "Connecting to" in page.result.text()
    qtbot.waitUntil(page.test_button.isEnabled, timeout=15_000)
    assert page.result.text().startswith("The server cannot be reached.")

    page.ca_file.setText(str(tmp_path / "missing.pem"))
    assert "certificate file is not there" in page.problem()
    garbage = tmp_path / "not-a-cert.pem"
    garbage.write_text("hello")
    page.ca_file.setText(str(garbage))
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.test_button.isEnabled, timeout=15_000)
    assert page.result.text().startswith("The server's certificate is not trusted.")
    dialog.reject()


def test_status_line_opens_the_sync_page_and_sync_now_says_it_is_off(open_desk,
                                                                    qtbot) -> None:
    desk = open_desk("en")
    w = desk.window
    assert w.sync.worker is None and w.sync.widget.label.text() == "Sync off"
    seen = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SettingsDialog) and dialog.isVisible():
            seen.append(dialog.tabs.currentWidget() is dialog.sync)
            dialog.reject()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    qtbot.mouseClick(w.sync.widget, Qt.MouseButton.LeftButton)
    assert seen == [True]
    w.actions_by_name["sync_now"].trigger()
    assert "Sync is off" in w.statusBar().currentMessage()
