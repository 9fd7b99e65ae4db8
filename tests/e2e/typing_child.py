"""Child process for the kill test: the real main window, an agent typing notes.

Prints ``typed <count> <monotonic seconds>`` after every key, flushing stdout,
so the parent knows exactly what had been typed when it sends SIGKILL.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest

from desk.cases import CaseService
from desk.content import load_catalog, load_clear, resources_dir
from desk.store import Store
from ui.app import make_app
from ui.i18n import Translations
from ui.main_window import MainWindow

TEXT = "The caller says the refund was promised three times and never arrived. " * 20


def main() -> None:
    data = Path(sys.argv[1])
    app = make_app(["typing-child"])
    store = Store(data / "cleardesk.db")
    service = CaseService(store, agent="kill-test")
    translations = Translations(app)
    translations.install("en")
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, load_clear(resources_dir()), load_catalog(resources_dir()),
                        translations, settings)
    window.show()
    window.new_case()
    print(f"case {window.case_id}", flush=True)
    window.focus_notes()
    state = {"i": 0}

    def type_one() -> None:
        i = state["i"]
        if i >= len(TEXT):
            return
        QTest.keyClick(window.notes.editor, TEXT[i], Qt.KeyboardModifier.NoModifier)
        state["i"] = i + 1
        print(f"typed {i + 1} {time.monotonic():.4f}", flush=True)

    timer = QTimer()
    timer.setInterval(15)  # a fast typist: ~65 characters a second
    timer.timeout.connect(type_one)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
