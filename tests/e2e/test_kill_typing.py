"""kill -9 in the middle of typing a note loses at most the last second."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk.cases import CaseService
from desk.store import Store
from tests.e2e.typing_child import TEXT

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_kill_mid_typing_loses_at_most_one_second(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.e2e.typing_child", str(tmp_path)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    typed: list[tuple[int, float]] = []
    case_id = None
    try:
        assert child.stdout is not None
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "case":
                case_id = parts[1]
            elif parts[0] == "typed":
                typed.append((int(parts[1]), float(parts[2])))
                if typed[-1][1] - typed[0][1] >= 3.0:
                    break
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert case_id and typed, "the child never started typing"
    # Everything typed more than one second before the kill must be on disk.
    must_have = max((n for n, t in typed if t <= killed_at - 1.0), default=0)
    assert must_have > 100, f"only {must_have} characters typed a second before the kill"

    store = Store(tmp_path / "cleardesk.db")
    try:
        service = CaseService(store)
        saved = service.draft(case_id)
        assert service.recover_drafts() == [case_id]
    finally:
        store.close()
    assert TEXT.startswith(saved)
    assert len(saved) >= must_have, (
        f"{len(saved)} characters saved, {must_have} were typed more than 1 s before the kill")
