"""A screenshot of a real live call, in English and Chinese, to docs/call-*.png.

A private PulseAudio server with a null sink (tests/pulse.py), a synthesised two-party call
played into it (tests/synth.py, espeak-ng), the Korean test model, the real main window
listening to the sink's monitor. The window is grabbed while the caller is agitated.

    .venv/bin/python scripts/screenshot_call.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desk.cases import CaseService  # noqa: E402
from desk.content import load_catalog, load_clear, resources_dir  # noqa: E402
from desk.speech import find_models  # noqa: E402
from desk.store import Store  # noqa: E402
from tests import synth  # noqa: E402
from tests.pulse import NullSink, acquire_server, release_server  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.i18n import Translations  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

GRAB_AT_S = 27.0  # call time: the caller is agitated, the agent has apologised


def wait(app: QApplication, until, timeout: float) -> None:
    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, translations: Translations, lang: str, sink: NullSink,
          wav: Path, model: str) -> None:
    translations.install(lang)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("audio/setup", json.dumps({
            "caller_device": sink.monitor, "caller_layout": "left_agent_right_caller",
            "model_path": model}))
        store = Store(Path(tmp) / "cleardesk.db")
        svc = CaseService(store, agent="Amy")
        window = MainWindow(svc, load_clear(resources_dir()), load_catalog(resources_dir()),
                            translations, settings)
        window.resize(1500, 900)
        window.show()
        wait(app, lambda: window.control.model.state == "ready", 60)
        QTest.keyClick(window, Qt.Key.Key_F9)
        case = svc.case(window.case_id)
        svc.update_case(case.id, complaint="배송된 밥솥이 깨져 있었습니다" if lang == "en"
                        else "快递送来的电饭煲外壳摔裂了", category="quality", severity="high")
        window.open_case(case.id)
        player = sink.play(wav)
        plot = window.call.plot

        def far() -> bool:
            last = plot.curves["caller"].last_t()
            return last is not None and last >= GRAB_AT_S

        wait(app, far, 90)
        for _ in range(10):
            app.processEvents()
        out = ROOT / "docs" / f"call-{lang}.png"
        window.grab().save(str(out))
        print(f"wrote {out}")
        player.kill()
        player.wait()
        window.control.stop_quietly()
        window.close()
        store.close()


def main() -> int:
    app = make_app(["screenshot"])
    translations = Translations(app)
    model = str(next(m for m in find_models() if m.lang == "ko").path)
    server = acquire_server()
    sink = NullSink(server, "cleardesk_shot", 48000, 2)
    sink.load()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            wav = synth.write_wav(Path(tmp) / "call.wav", synth.two_party_call(), rate=16000)
            for lang in ("en", "zh_CN"):
                shoot(app, translations, lang, sink, wav, model)
    finally:
        sink.unload()
        release_server()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
