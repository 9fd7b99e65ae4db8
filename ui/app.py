"""Start-up: the application object, language, opening the database, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desk import __version__
from desk.cases import CaseService
from desk.content import load_catalog, load_clear, resources_dir
from desk.paths import database_path
from desk.store import Store, StoreError, check_at_open
from ui.i18n import Translations, resolve_language
from ui.maintenance import MaintenanceRunner

ORG = "ClearDesk"
APP = "ClearDesk"


def make_app(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(list(argv))
    app.setStyle("Fusion")
    return app


def open_store(db_path: Path) -> Store | None:
    """Open the database; on failure ask the user for a way out (never a traceback)."""
    from ui.db_dialogs import StartupProblemDialog

    readonly = False
    while True:
        try:
            # Read-only is the way to copy out what is left of a damaged file: no check.
            return Store(db_path, readonly=readonly,
                         check=not readonly and check_at_open(db_path))
        except StoreError as exc:
            choice = StartupProblemDialog.ask(exc)
            if choice.action == "retry":
                continue
            if choice.action == "readonly":
                readonly = True
                continue
            if choice.action in ("restored", "other") and choice.path is not None:
                db_path, readonly = choice.path, False
                continue
            return None


def run_gui(data_dir: str | None = None, lang: str | None = None) -> int:
    app = make_app(sys.argv[:1] or ["cleardesk"])
    settings = QSettings()
    translations = Translations(app)
    translations.install(resolve_language(lang or str(settings.value("language", "system"))))
    db_path = Path(str(settings.value("database", ""))) if settings.value("database") else None
    if data_dir or os.environ.get("CLEARDESK_DATA_DIR") or db_path is None:
        db_path = database_path(data_dir)
    store = open_store(db_path)
    if store is None:
        return 2
    if store.path != db_path and not store.readonly:
        settings.setValue("database", str(store.path))  # the file the user chose instead
    from ui.main_window import MainWindow

    service = CaseService(store, agent=str(settings.value("agent_name", "")))
    window = MainWindow(service, load_clear(resources_dir()), load_catalog(resources_dir()),
                        translations, settings)
    window.show()
    runner = MaintenanceRunner(store, window)
    runner.finished.connect(window.show_maintenance)
    QTimer.singleShot(1500, runner.start)
    code = app.exec()
    runner.wait(30)
    store.close()
    return int(code)


def run_selftest(data_dir: str | None = None, lang: str | None = None) -> int:
    """Open the database, the content and both translations; print what was checked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_app(["cleardesk"])
    problems: list[str] = []
    try:
        store = Store(database_path(data_dir))
        print(f"database: {store.path} (device {store.device})")
        store.close()
    except StoreError as exc:
        problems.append(f"database: {exc.code}: {exc.detail}")
    clear = load_clear(resources_dir())
    catalog = load_catalog(resources_dir())
    print(f"content: {len(clear.steps)} CLEAR steps, {len(catalog.categories)} categories")
    translations = Translations(app)
    for language in ("zh_CN", "en"):
        ok = translations.install(language)
        probe = QCoreApplication.translate("MainWindow", "New case")
        if language != "en" and (not ok or probe == "New case"):
            problems.append(f"translation {language} not loaded")
        print(f"translation {language}: {probe}")
    for p in problems:
        print(f"FAILED {p}", file=sys.stderr)
    return 1 if problems else 0


# Registered under the entry point group ``cleardesk.frontend`` (pyproject.toml).
COMMANDS = {"gui": run_gui, "selftest": run_selftest}
