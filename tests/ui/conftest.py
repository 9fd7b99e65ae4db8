"""A real main window on a real database in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desk.cases import CaseService
from desk.content import load_catalog, load_clear, resources_dir
from desk.store import Store, check_at_open
from ui.i18n import Translations
from ui.main_window import MainWindow


@dataclass
class Desk:
    window: MainWindow
    service: CaseService
    store: Store
    path: Path
    settings: QSettings


@pytest.fixture
def open_desk(qapp: QApplication, qtbot, tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    """Open (and on teardown close) main windows on ``tmp_path/cleardesk.db``."""
    opened: list[Desk] = []
    translations = Translations(qapp)

    def make(lang: str = "en", db: Path | None = None, readonly: bool = False) -> Desk:
        path = db or tmp_path / "cleardesk.db"
        translations.install(lang)
        store = Store(path, readonly=readonly, check=check_at_open(path))  # as ui.app does
        service = CaseService(store, agent="Amy")
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(service, load_clear(resources_dir()), load_catalog(resources_dir()),
                            translations, settings)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        desk = Desk(window, service, store, path, settings)
        opened.append(desk)
        return desk

    yield make
    for desk in opened:
        desk.window.close()
        desk.store.close()
    translations.install("en")
