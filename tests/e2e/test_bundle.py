"""The PyInstaller bundle (build.spec) builds; the bundled `cleardesk selftest` passes offscreen.

Slow (a few minutes: PyInstaller analyses PySide6), still part of the default run and of CI.
Everything is built under pytest's tmp_path; nothing is written into the source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1500


def _tail(text: str, lines: int = 60) -> str:
    return "\n".join(text.splitlines()[-lines:])


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build dist/cleardesk/ once for this module; returns the bundled executable."""
    tmp = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         str(ROOT / "build.spec"), "--distpath", str(tmp / "dist"),
         "--workpath", str(tmp / "build")],
        cwd=tmp, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
        stdin=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, (f"PyInstaller failed after {elapsed:.0f} s:\n"
                                    + _tail(result.stdout + result.stderr))
    exe = tmp / "dist" / "cleardesk" / ("cleardesk.exe" if os.name == "nt" else "cleardesk")
    assert exe.is_file(), f"no executable at {exe}:\n{_tail(result.stdout + result.stderr)}"
    size = sum(p.stat().st_size for p in exe.parent.rglob("*")
               if p.is_file() and not p.is_symlink())
    print(f"bundle built in {elapsed:.0f} s, {size / 2**20:.1f} MiB")
    yield exe
    shutil.rmtree(tmp, ignore_errors=True)  # a few hundred MB; pytest would keep three of them


@pytest.mark.slow
def test_bundle_contents(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    resources = internal / "resources"
    assert (resources / "content" / "clear.json").is_file()
    assert (resources / "translations" / "cleardesk_zh_CN.qm").is_file()
    assert not list(resources.rglob("*.ts")), "translation sources should not be bundled"
    qt_catalogues = {p.name for p in (internal / "PySide6").rglob("qt*.qm")}
    assert "qtbase_zh_CN.qm" in qt_catalogues, "Qt's own zh_CN catalogue (standard dialogs)"
    assert "qtbase_de.qm" not in qt_catalogues, "only the languages we ship"
    if sys.platform.startswith("linux"):
        plugins = internal / "PySide6" / "Qt" / "plugins"
        platforms = {p.name for p in (plugins / "platforms").iterdir()}
        assert {"libqoffscreen.so", "libqxcb.so"} <= platforms, platforms
    unwanted = [p.name for p in internal.rglob("*") if p.name.startswith(
        ("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt6Pdf", "tcl", "tk", "_tkinter"))]
    assert not unwanted, f"unused heavy modules bundled: {unwanted}"


@pytest.mark.slow
def test_bundled_analyze_reads_a_recording(bundle: Path, tmp_path: Path) -> None:
    """The bundle carries the listening pipeline (numpy, soxr, libsndfile, webrtcvad, vosk):
    `cleardesk analyze` turns a WAV into the curve without Python installed."""
    import json

    import numpy as np
    import soundfile as sf

    t = np.arange(3 * 16000) / 16000
    voice = (0.3 * np.sin(2 * np.pi * 150 * t) * (np.sin(2 * np.pi * 4 * t) > 0)).astype("float32")
    wav = tmp_path / "call.wav"
    sf.write(wav, voice, 16000)
    result = subprocess.run([str(bundle), "analyze", str(wav), "--no-model"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["duration"] == 3.0 and len(doc["curve"]) >= 29
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not audio")
    result = subprocess.run([str(bundle), "analyze", str(bad), "--no-model"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def _selftest(bundle: Path, tmp_path: Path, platform: str,
              wrapper: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CLEARDESK_RESOURCES", "CLEARDESK_DATA_DIR", "PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = platform
    env["HOME"] = str(tmp_path / "home")  # QSettings and caches stay out of the real home
    env.pop("XDG_CONFIG_HOME", None)
    env.pop("XDG_CACHE_HOME", None)
    return subprocess.run([*wrapper, str(bundle), "--data-dir", str(tmp_path / "data"),
                           "selftest"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def _assert_selftest_passed(result: subprocess.CompletedProcess, data: Path) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"bundled selftest exited {result.returncode}:\n{output}"
    assert list(data.glob("*.db")), f"no database created in {data}:\n{output}"
    lines = result.stdout.splitlines()
    assert any(line.startswith("translation zh_CN") for line in lines), output
    assert any(line.startswith("translation en") for line in lines), output
    zh = next(line for line in lines if line.startswith("translation zh_CN"))
    assert zh != "translation zh_CN: New case", f"zh_CN catalogue not loaded: {zh}"


@pytest.mark.slow
def test_bundled_selftest_passes_offscreen(bundle: Path, tmp_path: Path) -> None:
    result = _selftest(bundle, tmp_path, "offscreen")
    _assert_selftest_passed(result, tmp_path / "data")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("xvfb-run"),
                    reason="needs Linux and xvfb-run (scripts/test.sh installs xvfb)")
def test_bundled_selftest_loads_xcb_plugin(bundle: Path, tmp_path: Path) -> None:
    """The real desktop plugin (xcb) loads from the bundle with the libraries it kept."""
    result = _selftest(bundle, tmp_path, "xcb", wrapper=("xvfb-run", "-a"))
    _assert_selftest_passed(result, tmp_path / "data")
