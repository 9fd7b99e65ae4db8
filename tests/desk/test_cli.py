"""The ``cleardesk`` command line: options before or after the subcommand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import build_parser


@pytest.mark.parametrize("argv", [["--data-dir", "X", "selftest"], ["selftest", "--data-dir", "X"]])
def test_data_dir_before_or_after_the_subcommand(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.command == "selftest" and args.data_dir == "X"


def test_selftest_runs_from_source(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "desk", "selftest", "--data-dir", str(tmp_path)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "cleardesk.db").exists()
    assert "translation zh_CN" in run.stdout and "5 CLEAR steps" in run.stdout


def test_the_qt_frontend_is_found_through_its_entry_point() -> None:
    from desk.cli import installed_frontend

    assert {"gui", "selftest"} <= set(installed_frontend())


def test_missing_frontend_is_a_clear_message(capsys) -> None:
    from desk.cli import main

    assert main(["selftest"], frontend={}) == 2
    assert "no front-end provides 'selftest'" in capsys.readouterr().err
