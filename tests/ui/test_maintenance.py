"""Start-up maintenance: the background integrity check and the rotating backup."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import desk.store
from desk.cases import CaseService
from desk.store import Store, StoreError, check_at_open, damage_marker
from tests.ui.test_case_flow import when_dialog
from ui.maintenance import MaintenanceRunner


def run_maintenance(qtbot, desk_) -> object:
    runner = MaintenanceRunner(desk_.store, desk_.window)
    runner.finished.connect(desk_.window.show_maintenance)
    with qtbot.waitSignal(runner.finished, timeout=20_000) as blocker:
        runner.start()
    runner.wait(5)
    return blocker.args[0]


def test_sound_database_gets_a_backup(open_desk, qtbot) -> None:
    d = open_desk("en")
    CaseService(d.store).new_case(complaint="backed up")
    result = run_maintenance(qtbot, d)
    assert result.problems == () and result.backup is not None
    copy = Store(result.backup, readonly=True)
    try:
        assert [c.complaint for c in CaseService(copy).list_cases()] == ["backed up"]
    finally:
        copy.close()
    assert not damage_marker(d.path).exists()


def damage_middle(path: Path) -> None:
    """Overwrite a few pages in the middle of the file; the header stays intact."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))


def test_damage_found_in_the_background_is_impossible_to_miss(open_desk, qtbot, tmp_path,
                                                             monkeypatch) -> None:
    path = tmp_path / "cleardesk.db"
    store = Store(path)
    svc = CaseService(store)
    case = svc.new_case(complaint="many notes")
    for i in range(1500):
        svc.commit_draft(case.id, f"note {i} " + "x" * 900)
    store.close()
    damage_middle(path)
    monkeypatch.setattr(desk.store, "SYNC_CHECK_MAX_BYTES", 0)  # big file: checked later
    assert not check_at_open(path)
    d = open_desk("en")  # opens: the damage is deep inside the file
    seen = []
    when_dialog(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    result = run_maintenance(qtbot, d)
    assert result.problems and result.backup is None
    assert seen and "damage" in seen[0]
    assert "damage" in d.window.statusBar().currentMessage()
    assert not list(d.store.backup_dir.glob("*.db"))  # a damaged file is never backed up
    # The next start checks before opening, so the restore dialog is offered.
    assert damage_marker(path).exists() and check_at_open(path)
    d.window.close()
    d.store.close()
    with pytest.raises(StoreError) as err:
        Store(path, check=check_at_open(path))
    assert err.value.code == "corrupt"
