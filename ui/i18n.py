"""Translations: Qt Linguist .ts sources in resources/translations, .qm built from them.

The build (scripts/test.sh, scripts/run.sh, build.spec) compiles the .qm files
with lrelease. When running from a source tree where that has not happened
yet, the .qm is compiled on the fly into the user cache folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desk.content import resources_dir

LANGUAGES = ("zh_CN", "en")
DOMAIN = "cleardesk"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def lrelease_path() -> str | None:
    import PySide6

    here = Path(PySide6.__file__).parent
    for candidate in (here / "lrelease", here / "lrelease.exe",
                      here / "Qt" / "libexec" / "lrelease"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path) -> None:
    tool = lrelease_path()
    if tool is None:
        raise RuntimeError("lrelease not found (it ships with PySide6)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all(out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts in resources/translations; returns the .qm files written."""
    out = []
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = (out_dir or ts.parent) / (ts.stem + ".qm")
        compile_ts(ts, qm)
        out.append(qm)
    return out


def qm_file(lang: str) -> Path | None:
    """The compiled catalogue for ``lang``, compiling it first if only the .ts exists."""
    name = f"{DOMAIN}_{lang}"
    shipped = translations_dir() / f"{name}.qm"
    ts = translations_dir() / f"{name}.ts"
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists() or getattr(sys, "frozen", False):
        return shipped if shipped.exists() else None
    cached = Path(platformdirs.user_cache_dir("ClearDesk", "ClearDesk")) / f"{name}.qm"
    if not cached.exists() or cached.stat().st_mtime < ts.stat().st_mtime:
        compile_ts(ts, cached)
    return cached


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def resolve_language(setting: str | None) -> str:
    if setting in LANGUAGES:
        return str(setting)
    return system_language()


class Translations:
    """Installs our catalogue and Qt's own (standard dialogs) for one language."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def install(self, lang: str) -> bool:
        """Switch to ``lang``; returns False if our catalogue could not be loaded."""
        for tr in self._installed:
            self.app.removeTranslator(tr)
        self._installed.clear()
        self.language = lang
        QLocale.setDefault(QLocale(lang))
        if lang == "en":
            return True
        ok = False
        path = qm_file(lang)
        ours = QTranslator(self.app)
        if path is not None and ours.load(str(path)):
            self.app.installTranslator(ours)
            self._installed.append(ours)
            ok = True
        qt = QTranslator(self.app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{lang}", qt_dir):
            self.app.installTranslator(qt)
            self._installed.append(qt)
        return ok
