"""Child process for the crash test: the real main window on a live call.

argv: data folder (the database and settings.ini, whose "audio/setup" names the device).
Starts a call as the F9 key does (MainWindow.toggle_call) and prints ``call <call id>
<case id>``, then ``heard <t>`` with the newest caller sample's call time after every batch
the window draws, so the parent knows what had been heard when it sends SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from desk.cases import CaseService
from desk.content import load_catalog, load_clear, resources_dir
from desk.events import CALLER, AgitationSample
from desk.store import Store
from ui.app import make_app
from ui.i18n import Translations
from ui.main_window import MainWindow


def main() -> None:
    data = Path(sys.argv[1])
    app = make_app(["call-child"])
    store = Store(data / "cleardesk.db")
    translations = Translations(app)
    translations.install("en")
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(CaseService(store, agent="crash-test"), load_clear(resources_dir()),
                        load_catalog(resources_dir()), translations, settings)
    window.show()

    def on_batch(events: list[object]) -> None:
        ts = [e.t for e in events if isinstance(e, AgitationSample) and e.channel == CALLER]
        if ts:
            print(f"heard {max(ts):.3f}", flush=True)

    def start() -> None:
        window.toggle_call()  # what F9 does
        session = window.control.session
        if session is None:
            print(f"failed {window.statusBar().currentMessage()}", flush=True)
            app.exit(1)
            return
        print(f"call {session.call_id} {session.case_id}", flush=True)
        window.bridge.batch.connect(on_batch)

    QTimer.singleShot(0, start)
    app.exec()


if __name__ == "__main__":
    main()
