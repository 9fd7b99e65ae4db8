"""Chinese and English: chosen from the system locale, switchable while the desk is open."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.settings_dialog import SettingsDialog

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_chinese_window(open_desk) -> None:
    w = open_desk("zh_CN").window
    texts = [a.text() for a in w.actions_by_name.values()]
    assert all(CJK.search(t) for t in texts), texts
    assert CJK.search(w.panel.boxes["A"].text())
    assert CJK.search(w.list.search.placeholderText())


def test_switch_language_keeps_the_open_case_and_the_typed_note(open_desk, qtbot) -> None:
    desk = open_desk("en")
    w = desk.window
    w.new_case()
    case_id = w.case_id
    w.notes.editor.setPlainText("half-typed note")
    assert w.actions_by_name["new_case"].text() == "New case"
    w.switch_language("zh_CN")
    assert CJK.search(w.actions_by_name["new_case"].text())
    assert w.case_id == case_id
    assert w.notes.editor.toPlainText() == "half-typed note"
    w.switch_language("en")
    assert w.actions_by_name["new_case"].text() == "New case"


def test_shortcuts_work_after_switching_language(open_desk, qtbot) -> None:
    """The rebuilt actions replace the old ones (two actions on one key fire neither)."""
    w = open_desk("en").window
    w.switch_language("zh_CN")
    w.switch_language("en")
    assert len([a for a in w.actions() if a.shortcut().toString() == "Ctrl+N"]) == 1
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert w.case_id is not None


def test_settings_dialog_stores_the_choice(open_desk, qtbot) -> None:
    desk = open_desk("en")
    dialog = SettingsDialog(desk.settings, str(desk.path), desk.window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.agent.setText("  Amy Chen ")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert desk.settings.value("language") == "zh_CN"
    assert desk.settings.value("agent_name") == "Amy Chen"


@pytest.mark.parametrize(("locale", "expected"), [("zh_CN.UTF-8", "zh_CN"),
                                                  ("en_US.UTF-8", "en"),
                                                  ("de_DE.UTF-8", "en")])
def test_language_follows_the_system_locale(locale: str, expected: str) -> None:
    env = {**os.environ, "LC_ALL": locale, "LANG": locale, "LANGUAGE": "",
           "QT_QPA_PLATFORM": "offscreen"}
    code = ("from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
            "from ui.i18n import resolve_language; print(resolve_language('system'))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.strip() == expected
