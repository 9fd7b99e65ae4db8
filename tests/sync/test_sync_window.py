"""The workstation's sync as the agent sees it: the real main window (offscreen) on two data
folders, a real PostgreSQL and the real ``cleardesk serve`` in a child process.

Set up through the Sync page (opened by clicking the status bar's sync line), a case made on
one workstation appears in the other's list; the status line says synced, offline with the
changes waiting, synced again, and the refused token in words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit

from db import central, outbox
from db.events import transaction
from desk.sync import queue
from tests.sync.conftest import PgDatabase
from tests.sync.service import Service, account, token_id
from tests.ui.conftest import Desk, open_desk  # noqa: F401  (the window fixture)
from ui.settings_dialog import SettingsDialog
from ui.sync_settings import SyncSettingsWidget

NET_MS = 20_000  # a sync round trip, with room for a slow CI machine


@pytest.fixture(autouse=True)
def quick_sync(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pull every 0.3 s, and never touch the keyring of whoever runs the tests."""
    monkeypatch.setenv("CLEARDESK_SYNC_PULL_S", "0.3")
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def on_sync_page(qtbot: Any, desk: Desk, act: Callable[[SettingsDialog], None]) -> None:
    """Click the sync line in the status bar and run ``act`` on the settings dialog it opens
    (modal; closed with Cancel if ``act`` did not close it or failed)."""
    failure: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, SettingsDialog) and dialog.isVisible()):
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # reported after the dialog is gone
            failure.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, poll)
    qtbot.mouseClick(desk.window.sync.widget, Qt.MouseButton.LeftButton)
    if failure:
        raise failure[0]


def set_server(qtbot: Any, url: str, token: str, expect: str) -> Callable[[SettingsDialog],
                                                                           None]:
    """An ``act`` that fills the Sync page, tests the connection, checks the answer, saves."""

    def act(dialog: SettingsDialog) -> None:
        page = dialog.sync
        assert page is not None and dialog.tabs.currentWidget() is page  # opened at Sync
        page.url.setText(url)
        page.token.setText(token)
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=NET_MS)
        assert expect in page.result.text()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert not dialog.isVisible()

    return act


def waiter(qtbot: Any, service: Service, desks: list[Desk]) -> Callable[..., None]:
    """``qtbot.waitUntil`` that, on a timeout, says what each workstation's sync reported
    and what the service logged."""

    def wait(condition: Callable[[], Any], timeout: int = NET_MS) -> None:
        try:
            qtbot.waitUntil(condition, timeout=timeout)
        except qtbot.TimeoutError:
            states = "\n".join(f"  {d.path.parent.name}: {d.window.sync.status}" for d in desks)
            raise AssertionError(f"timed out after {timeout} ms; sync states:\n{states}\n"
                                 f"service log:\n{service.log()}") from None

    return wait


def listed(desk: Desk) -> list[str]:
    tree = desk.window.list.tree
    return [tree.topLevelItem(i).text(6) for i in range(tree.topLevelItemCount())]


def line(desk: Desk) -> str:
    return desk.window.sync.widget.label.text()


def state(desk: Desk) -> str:
    return desk.window.sync.status.state


def test_two_workstations_through_the_real_service(open_desk, pg_db: PgDatabase,  # noqa: F811
                                                   qtbot, tmp_path: Path) -> None:
    token_one = account(pg_db.url, "amy", "agent", "north")
    token_two = account(pg_db.url, "amy", "agent", "north")  # her second workstation
    one = open_desk("en", db=tmp_path / "one" / "cleardesk.db")
    assert line(one) == "Sync off"
    case = one.service.new_case(complaint="Parcel arrived broken")  # before any server

    with Service(pg_db.url) as service:
        desks = [one]
        wait = waiter(qtbot, service, desks)
        on_sync_page(qtbot, one, set_server(qtbot, service.url, token_one,
                                            "Connected as amy (agent, team north)."))
        wait(lambda: state(one) == "synced")
        assert line(one).startswith("Synced at ")
        assert (tmp_path / "one" / "sync-token").read_text().strip() == token_one
        page = SyncSettingsWidget(one.store)
        qtbot.addWidget(page)
        assert "in a file only your user account can read" in page.token_hint.text()
        assert page.url.text() == service.url and page.token.text() == ""

        two = open_desk("en", db=tmp_path / "two" / "cleardesk.db")
        desks.append(two)
        on_sync_page(qtbot, two, set_server(qtbot, service.url, token_two, "Connected as amy"))
        wait(lambda: "Parcel arrived broken" in listed(two))
        wait(lambda: state(two) == "synced")

        # The open case follows edits made elsewhere; what is being typed is left alone.
        two.window.open_case(case.id)
        two.window.activateWindow()
        qtbot.waitUntil(two.window.isActiveWindow)
        two.window.list.search.setFocus()
        one.service.update_case(case.id, result="Replaced the same day")
        result = two.window.editor.forms[1].findChild(QPlainTextEdit, "field_result")
        wait(lambda: result.toPlainText() == "Replaced the same day")
        complaint = two.window.editor.forms[0].findChild(QPlainTextEdit, "field_complaint")
        complaint.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is complaint)
        complaint.moveCursor(complaint.textCursor().MoveOperation.End)
        qtbot.keyClicks(complaint, ", box crushed")
        one.service.update_case(case.id, owner="Wei")
        wait(lambda: two.window.sync.stale)
        assert complaint.toPlainText() == "Parcel arrived broken, box crushed"
        two.window.list.search.setFocus()  # the agent leaves the field: saved, then reloaded
        owner = two.window.editor.forms[1].findChild(QLineEdit, "field_owner")
        wait(lambda: owner.text() == "Wei")
        assert complaint.toPlainText() == "Parcel arrived broken, box crushed"
        wait(lambda: one.service.case(case.id).complaint == "Parcel arrived broken, box crushed")

        # The server goes away: offline, and the edits made meanwhile wait.
        service.stop()
        one.service.commit_draft(case.id, "Customer called again")
        wait(lambda: state(one) == "offline" and one.window.sync.status.pending > 0)
        assert line(one).startswith("Offline since ")
        assert line(one).endswith(f"will retry · {one.window.sync.status.pending} waiting")
        assert service.url in one.window.sync.widget.toolTip()

        service.start()
        one.window.actions_by_name["sync_now"].trigger()
        wait(lambda: state(one) == "synced" and one.window.sync.status.pending == 0)
        wait(lambda: "Customer called again" in two.window.notes.history.toPlainText())

        # The token is withdrawn on the server: sync stops and says what to do.
        with psycopg.connect(pg_db.url, autocommit=True) as conn:
            central.revoke_token(conn, token_id(token_one))
        one.window.actions_by_name["sync_now"].trigger()
        wait(lambda: state(one) == "error")
        assert line(one) == ("Sync stopped: the server refused this workstation's token — ask "
                             "your supervisor for a new one")
        assert "The token was withdrawn on the server." in one.window.sync.widget.toolTip()

        # A mistyped (forged) token: the connection test says so, and so does the status line.
        forged = token_two[:-4] + ("AAAA" if not token_two.endswith("AAAA") else "BBBB")
        on_sync_page(qtbot, two, set_server(qtbot, service.url, forged,
                                            "The token is not one this server issued"))
        wait(lambda: state(two) == "error")
        assert "refused this workstation's token" in line(two)


def test_refused_changes_are_sent_again(open_desk, pg_db: PgDatabase, qtbot,  # noqa: F811
                                        tmp_path: Path) -> None:
    """Changes the server refused are counted in the status line and in the Sync page; Send
    again queues them, and the next sync delivers them."""
    token = account(pg_db.url, "bo", "agent", "south")
    desk = open_desk("en", db=tmp_path / "desk" / "cleardesk.db")
    desk.service.new_case(complaint="Wrong size delivered")

    def refuse_all(conn: Any) -> None:  # as if an earlier server had refused them
        with transaction(conn):
            outbox.reject(conn, [(e, "denied", "not yours") for e in outbox.pending(conn, 100)],
                          "2024-01-01T00:00:00Z")

    desk.store.call(refuse_all)
    waiting, refused = queue.counts(desk.store)
    assert waiting == 0 and refused > 0
    with Service(pg_db.url) as service:
        wait = waiter(qtbot, service, [desk])
        on_sync_page(qtbot, desk, set_server(qtbot, service.url, token, "Connected as bo"))
        wait(lambda: state(desk) == "synced")
        assert line(desk).endswith(f" · {refused} refused")

        def send_again(dialog: SettingsDialog) -> None:
            page = dialog.sync
            assert page is not None and page.refused_box.isVisibleTo(dialog)
            assert f"The server refused {refused} change(s)" in page.refused.text()
            qtbot.mouseClick(page.resend_button, Qt.MouseButton.LeftButton)
            assert f"{refused} change(s) queued again" in page.refused.text()
            dialog.reject()

        on_sync_page(qtbot, desk, send_again)
        wait(lambda: state(desk) == "synced" and desk.window.sync.status.rejected == 0
             and desk.window.sync.status.pending == 0)
        assert line(desk).startswith("Synced at ") and "refused" not in line(desk)
        with psycopg.connect(pg_db.admin_url) as conn:
            row = conn.execute("SELECT count(*) FROM changes").fetchone()
        assert row is not None and row[0] >= refused
