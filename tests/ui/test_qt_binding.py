"""The Qt binding itself must not corrupt reference counts (PySide6 6.12.0 on Python 3.11
decremented None on every void call, and the desk crashed after a day's use)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QLabel, QLineEdit, QTreeWidgetItem


def test_void_calls_keep_none_alive(qapp) -> None:
    edit, label, item = QLineEdit(), QLabel(), QTreeWidgetItem(["a"])
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(500):
        edit.setText("x")
        label.setText("x")
        item.setData(0, 256, "x")
    gc.collect()
    assert sys.getrefcount(None) - before > -50
