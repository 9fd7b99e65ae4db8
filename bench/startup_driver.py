"""Run by bench_startup in a fresh interpreter: the app's start-up path to an interactive window.

It does what ``ui.app.run_gui`` does (application object, settings, translations, database with
its integrity check, service, main window with its first case list), then records when the event
loop first runs after ``window.show()`` (the window takes input from then on) and when the
window is first painted, prints one JSON line of wall-clock times and quits.

    python -m bench.startup_driver --data-dir DIR [--lang zh_CN|en|system]
"""

from __future__ import annotations

import time

MARKS: dict[str, float] = {"interpreter": time.time()}  # our first line: Python is up

import argparse  # noqa: E402 - after the first mark on purpose
import json  # noqa: E402
import sys  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--lang", default="system")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

    from desk.cases import CaseService
    from desk.content import load_catalog, load_clear, resources_dir
    from desk.paths import database_path
    from ui.app import make_app, open_store
    from ui.i18n import Translations, resolve_language
    from ui.main_window import MainWindow

    MARKS["imports"] = time.time()
    app = make_app(["cleardesk"])
    settings = QSettings()
    translations = Translations(app)
    translations.install(resolve_language(args.lang or str(settings.value("language", "system"))))
    MARKS["app"] = time.time()
    store = open_store(database_path(args.data_dir))
    if store is None:
        print(json.dumps({"error": "the database could not be opened"}))
        return 2
    MARKS["database"] = time.time()
    service = CaseService(store, agent=str(settings.value("agent_name", "")))
    window = MainWindow(service, load_clear(resources_dir()), load_catalog(resources_dir()),
                        translations, settings)
    MARKS["window"] = time.time()
    window.show()
    MARKS["shown"] = time.time()

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "painted" not in MARKS:
                MARKS["painted"] = time.time()
                QTimer.singleShot(0, finish)
            return False

    def interactive() -> None:
        MARKS["interactive"] = time.time()
        finish()

    def finish() -> None:
        if "interactive" in MARKS and "painted" in MARKS:
            app.quit()

    first_paint = FirstPaint()
    window.installEventFilter(first_paint)
    QTimer.singleShot(0, interactive)
    QTimer.singleShot(10_000, app.quit)  # never hang the benchmark
    app.exec()
    window.removeEventFilter(first_paint)
    store.close()
    print(json.dumps({"marks": MARKS, "cases_listed": window.list.tree.topLevelItemCount(),
                      "language": translations.language}))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
