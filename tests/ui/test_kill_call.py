"""kill -9 in the middle of a live call: the call is kept up to its last second, and the
case reopens showing it."""

from __future__ import annotations

import itertools
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desk.calls import INTERRUPTED, CallService
from desk.cases import CaseService
from desk.events import CALLER
from desk.store import Store
from tests import synth
from tests.pulse import NullSink, null_sink, pulse_server

__all__ = ["null_sink", "pulse_server"]
ROOT = Path(__file__).resolve().parents[2]
KILL_AFTER_S = 12.0  # call time heard before the kill
DEADLINE_S = 120.0


def lines(stream) -> queue.Queue:
    """The child's output lines, read on a thread (so the test can give up on a stuck child)."""
    q: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in stream:
            q.put(line)
        q.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return q


@pytest.mark.slow
def test_kill_mid_call_keeps_the_call_up_to_the_last_second(
        tmp_path: Path, null_sink: NullSink, open_desk) -> None:
    wav = synth.write_wav(tmp_path / "call.wav", synth.two_party_call(), rate=16000)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("audio/setup", json.dumps({
        "caller_device": null_sink.monitor, "caller_layout": "left_agent_right_caller"}))
    settings.sync()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           **null_sink.server.env()}
    child = subprocess.Popen([sys.executable, "-m", "tests.e2e.call_child", str(tmp_path)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    player = None
    heard = 0.0
    call_id = case_id = ""
    try:
        assert child.stdout is not None
        out = lines(child.stdout)
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline:
            try:
                line = out.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break
            parts = line.split() or [""]
            assert parts[0] != "failed", line
            if parts[0] == "call":
                call_id, case_id = parts[1], parts[2]
                player = null_sink.play(wav)
            elif parts[0] == "heard":
                heard = float(parts[1])
                if heard >= KILL_AFTER_S:
                    break
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
        if player is not None:
            player.kill()
            player.wait()
    assert child.returncode == -signal.SIGKILL
    assert call_id and heard >= KILL_AFTER_S, "the child's call never got going"

    store = Store(tmp_path / "cleardesk.db")
    try:
        rec = CallService(CaseService(store)).record(call_id)
    finally:
        store.close()
    assert rec.summary.status == "live"  # nobody ended it
    caller = [s.t for s in rec.samples if s.channel == CALLER]
    # what the window had drawn more than a second before the kill is on disk
    assert caller and caller[-1] >= heard - 1.0, (caller[-1], heard)
    # ... with no hole (a point every 0.1 s from when the device opened)
    assert all(0 < b - a < 0.15 for a, b in itertools.pairwise(caller))

    desk = open_desk(db=tmp_path / "cleardesk.db")  # ClearDesk started again
    w = desk.window
    assert w.case_id == case_id
    summary = CallService(desk.service).summary(call_id)
    assert summary.status == INTERRUPTED and summary.duration >= heard - 1.0
    assert w.call.picker.count() == 1 and w.call.body.isVisible()
    assert "stopped during this call" in w.call.status.text()
