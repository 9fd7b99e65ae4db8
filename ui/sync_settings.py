"""The "Sync" page of the settings: the team's server, this workstation's token, a connection
test, and the changes the server refused.

The connection test runs ``SyncClient.whoami()`` on a short-lived daemon thread (a network
call must never freeze the window); its answer comes back through the ``tested`` signal,
queued to the GUI thread. A test still running when the dialog closes is ignored.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.store import Store, StoreError
from desk.sync import credentials, queue
from desk.sync.client import SyncClient, SyncError
from ui.sync_status import auth_reason, sentences

HINT_STYLE = "color: #616161;"
WARN_STYLE = "color: #b3261e;"
GOOD_STYLE = "color: #2e7d32;"
TEST_TIMEOUT_S = 10.0
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def normalise_url(text: str) -> str:
    """The address as typed, with https:// added when no scheme was given ("" stays "")."""
    text = text.strip().rstrip("/")
    if text and "://" not in text:
        text = "https://" + text
    return text


def url_ok(url: str) -> bool:
    q = QUrl(url, QUrl.ParsingMode.StrictMode)
    return q.isValid() and q.scheme() in ("http", "https") and bool(q.host())


class SyncSettingsWidget(QWidget):
    """``tested((probe number, whoami dict or SyncError))`` arrives on the GUI thread;
    ``requeued(n)`` after refused changes were queued again (the window then syncs)."""

    tested = Signal(object)
    requeued = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        try:
            self.saved = credentials.load(store)
        except StoreError:  # the page still opens; saving reports the problem
            self.saved = credentials.SyncSettings("", "", "none")
        self._probe = 0
        self._closed = False
        self.tested.connect(self._on_tested)
        self._build()
        self._show_saved()
        self.show_refused()

    def _build(self) -> None:
        v = QVBoxLayout(self)
        intro = self._note("sync_intro", HINT_STYLE)
        intro.setText(self.tr("Sync is optional. Without a server, ClearDesk works alone on this "
                              "computer and keeps everything in its own database. When a server "
                              "is set, cases and notes are shared with your team, and what was "
                              "made meanwhile is sent too."))
        v.addWidget(intro)
        box = QGroupBox(self.tr("Team server"))
        form = QFormLayout(box)
        self.url = QLineEdit()
        self.url.setObjectName("sync_url")
        self.url.setPlaceholderText("https://sync.example.com:8765")
        self.url.textChanged.connect(self._on_url_changed)
        form.addRow(self.tr("Server address"), self.url)
        self.url_hint = self._note("sync_url_hint", HINT_STYLE)
        form.addRow("", self.url_hint)
        self.token = QLineEdit()
        self.token.setObjectName("sync_token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Workstation token"), self.token)
        self.token_hint = self._note("sync_token_hint", HINT_STYLE)
        form.addRow("", self.token_hint)
        ca_row = QHBoxLayout()
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("sync_ca_file")
        self.ca_file.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_ca)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("Certificate file (optional)"), ca_row)
        ca_hint = self._note("sync_ca_hint", HINT_STYLE)
        ca_hint.setText(self.tr("Only if IT gave you a certificate file for this server. Left "
                                "empty, the certificates this computer trusts are used."))
        form.addRow("", ca_hint)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("sync_test")
        self.test_button.clicked.connect(self._on_test)
        row.addWidget(self.test_button)
        row.addStretch(1)
        form.addRow("", row)
        self.result = self._note("sync_result")
        form.addRow("", self.result)
        v.addWidget(box)
        refused = QGroupBox(self.tr("Changes the server refused"))
        self.refused_box = refused
        h = QHBoxLayout(refused)
        self.refused = self._note("sync_refused")
        self.resend_button = QPushButton(self.tr("Send again"))
        self.resend_button.setObjectName("sync_resend")
        self.resend_button.clicked.connect(self._on_resend)
        h.addWidget(self.refused, 1)
        h.addWidget(self.resend_button)
        v.addWidget(refused)
        v.addStretch(1)
        if self.store.readonly:
            for w in (self.url, self.token, self.ca_file, self.resend_button):
                w.setEnabled(False)

    def _note(self, name: str, style: str = "") -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        return label

    # -- what is stored ---------------------------------------------------------------------
    def _show_saved(self) -> None:
        self.url.setText(self.saved.url)
        self.token.clear()
        self.ca_file.setText(self.saved.ca_file)
        self._on_url_changed()

    def token_text(self) -> str:
        place = self.saved.token_place if self.saved.token else "none"
        if place == "keyring":
            return self.tr("A token is stored in the system keyring. Leave the field empty to "
                           "keep it.")
        if place == "file":
            return self.tr("A token is stored in a file only your user account can read (no "
                           "keyring on this computer). Leave the field empty to keep it.")
        return self.tr("Paste the token your supervisor gave you for this workstation.")

    def _on_url_changed(self) -> None:
        url = normalise_url(self.url.text())
        if not url:
            self.url_hint.setText(self.tr("Left empty, sync is off and this desk works "
                                          "alone."))
            self.url_hint.setStyleSheet(HINT_STYLE)
        elif not url_ok(url):
            self.url_hint.setText(self.tr("This is not a server address. It looks like "
                                          "https://sync.example.com:8765"))
            self.url_hint.setStyleSheet(WARN_STYLE)
        elif url.startswith("http://") and QUrl(url).host() not in LOCAL_HOSTS:
            self.url_hint.setText(self.tr("Without https, the token and the cases cross the "
                                          "network unencrypted. Use https unless the server is "
                                          "on this computer."))
            self.url_hint.setStyleSheet(WARN_STYLE)
        else:
            self.url_hint.setText(self.tr("The address your supervisor or IT gave you, with "
                                          "its port. Clear it to stop syncing."))
            self.url_hint.setStyleSheet(HINT_STYLE)
        self.token_hint.setText(self.token_text())

    def chosen(self) -> tuple[str, str]:
        """(address, token) as they would be saved: an empty token field keeps the stored one."""
        url = normalise_url(self.url.text())
        return url, (self.token.text().strip() or self.saved.token) if url else ""

    def ca_path(self) -> str:
        return self.ca_file.text().strip()

    def _on_browse_ca(self) -> None:
        path = QFileDialog.getOpenFileName(
            self, self.tr("Choose the server's certificate file"), "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))[0]
        if path:
            self.ca_file.setText(path)

    # -- saving (OK in the dialog) ------------------------------------------------------------
    def problem(self) -> str:
        """What stops saving, in words ("" when the page can be saved)."""
        url, token = self.chosen()
        if self.ca_path() and not Path(self.ca_path()).is_file():
            return self.tr("The certificate file is not there: %1").replace("%1", self.ca_path())
        if url and not url_ok(url):
            return self.tr("The server address is not valid. It looks like "
                           "https://sync.example.com:8765")
        if url and not token:
            return self.tr("Enter the workstation token, or clear the server address to work "
                           "without a server.")
        return ""

    def save(self) -> bool:
        """Store the address and token; True if they changed (sync then restarts)."""
        url, token = self.chosen()
        ca = self.ca_path()
        if self.store.readonly or (url, token, ca) == (self.saved.url, self.saved.token,
                                                       self.saved.ca_file):
            return False
        self.saved = credentials.save(self.store, url, token, ca)
        return True

    def show_problem(self, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(WARN_STYLE)

    # -- the connection test -----------------------------------------------------------------
    def _on_test(self) -> None:
        text = self.problem()
        url, token = self.chosen()
        if not text and not url:
            text = self.tr("Enter the server address and the token first.")
        if text:
            self.show_problem(text)
            return
        self._probe += 1
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting to %1…").replace("%1", url))
        self.result.setStyleSheet(HINT_STYLE)
        threading.Thread(target=self._run_probe, args=(self._probe, url, token, self.ca_path()),
                         name="cleardesk-sync-test", daemon=True).start()

    def _run_probe(self, probe: int, url: str, token: str, ca_file: str) -> None:
        """Runs on the connection test's thread."""
        result: Any
        try:
            with SyncClient(self.store, url, token, ca_file=ca_file,
                            timeout=TEST_TIMEOUT_S) as client:
                result = client.whoami()
        except SyncError as exc:
            result = exc
        except OSError as exc:  # the certificate file cannot be read or is not one
            result = SyncError("tls", str(exc)[:200])
        except Exception as exc:  # an address httpx cannot use
            result = SyncError("protocol", str(exc)[:200])
        with contextlib.suppress(RuntimeError):  # the page is gone
            self.tested.emit((probe, result))

    def _on_tested(self, answer: tuple[int, Any]) -> None:
        probe, result = answer
        if self._closed or probe != self._probe:
            return
        self.test_button.setEnabled(True)
        if isinstance(result, SyncError):
            self.result.setText(self.connection_problem(result))
            self.result.setToolTip(result.detail)
            self.result.setStyleSheet(WARN_STYLE)
            return
        self.result.setToolTip("")
        self.result.setText(self.connected_text(result))
        self.result.setStyleSheet(GOOD_STYLE)

    def connected_text(self, who: dict[str, Any]) -> str:
        role = {"agent": self.tr("agent"), "supervisor": self.tr("supervisor")}.get(
            str(who.get("role", "")), str(who.get("role", "")))
        name, team = str(who.get("account", "")), str(who.get("team") or "")
        text = self.tr("Connected as %1 (%2, team %3). Press OK to save and start syncing."
                       ).replace("%3", team) if team else \
            self.tr("Connected as %1 (%2). Press OK to save and start syncing.")
        return text.replace("%1", name).replace("%2", role)

    def connection_problem(self, exc: SyncError) -> str:
        """Why the test failed, and what to do, in plain words."""
        if exc.code == "auth":
            return sentences(auth_reason(exc.detail), self.tr(
                "Check that the whole token was pasted, or ask your supervisor for a new one."))
        words = {
            "offline": self.tr("The server cannot be reached. Check the address and the port, "
                               "and that this computer is on the network. Until it can be "
                               "reached, the desk works alone and sends everything later."),
            "tls": self.tr("The server's certificate is not trusted. Check that the address is "
                           "right; if it is, ask IT for the server's certificate file and "
                           "choose it below."),
            "disabled": self.tr("This account is disabled on the server. Ask your supervisor."),
            "server": self.tr("The server answered with an error. Try again later, and tell IT "
                              "if it stays."),
            "protocol": self.tr("This address does not answer like a ClearDesk sync server. "
                                "Check the address and the port."),
        }
        return words.get(exc.code, self.tr("Enter the server address and the token first."))

    # -- refused changes ---------------------------------------------------------------------
    def show_refused(self) -> None:
        try:
            refused = queue.rejected(self.store)
        except StoreError:
            refused = []
        self.refused_box.setVisible(bool(refused))
        self.refused.setText(self.tr(
            "The server refused %1 change(s). They are kept on this computer. Once the cause "
            "is fixed (ask your supervisor), send them again.").replace("%1", str(len(refused))))
        reasons = sorted({f"{r.code}: {r.detail}" if r.detail else r.code for r in refused})
        self.refused.setToolTip("\n".join(reasons[:10]))

    def _on_resend(self) -> None:
        try:
            n = queue.requeue(self.store)
        except StoreError as exc:
            self.refused.setText(self.tr("Could not queue them again: %1").replace(
                "%1", exc.code))
            return
        self.show_refused()
        self.refused_box.setVisible(True)
        self.refused.setText(self.tr("%1 change(s) queued again; they are sent at the next "
                                     "sync.").replace("%1", str(n)))
        self.resend_button.setEnabled(False)
        self.requeued.emit(n)

    def stop(self) -> None:
        """The dialog is closing: a connection test still running is ignored."""
        self._closed = True
