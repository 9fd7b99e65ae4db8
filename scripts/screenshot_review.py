"""Screenshots of the call review, in English and Chinese, to docs/review-*.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_review.py

The calls are real: synthesised speech (espeak-ng) analysed by the real pipeline and vosk
model (tests/review_data.py), stored on cases of several agents over the last days, with a
supervisor's comment pinned to a moment. Writes docs/review-<lang>.png (the calls list and one
call), docs/review-team-<lang>.png, docs/review-compare-<lang>.png and
docs/review-digest-<lang>.png.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings

from desk.analyze import analyze_file
from desk.calls import CallService
from desk.cases import CaseService
from desk.comments import CommentService
from desk.content import load_catalog, resources_dir
from desk.events import CallInfo
from desk.speech import find_models, load_model
from desk.store import Store
from desk.sync import credentials
from desk.timeutil import to_iso
from tests import synth
from tests.review_data import _calm_call, _worst_call
from ui.app import make_app
from ui.i18n import Translations
from ui.review_window import ReviewWindow

ROOT = Path(__file__).resolve().parents[1]
# (audio, agent, customer, source, days ago, hour)
PLAN = (("calmed", "amy.chen", "王芳", "communication", 1, 9),
        ("worst", "li.wei", "张伟", "quality", 1, 10),
        ("calm", "amy.chen", "赵敏", "price", 2, 14),
        ("worst", "zhou.jun", "刘洋", "expectation", 3, 11),
        ("calmed", "li.wei", "陈静", "quality", 3, 15),
        ("calmed", "zhou.jun", "杨磊", "attitude", 4, 10),
        ("calm", "li.wei", "黄丽", "communication", 5, 16))


def build(folder: Path) -> tuple[Path, dict[str, str]]:
    info = next(m for m in find_models() if m.lang == "ko" and m.source == "package")
    model, info = load_model(info)
    audio = {"calmed": synth.two_party_call(), "worst": _worst_call(), "calm": _calm_call()}
    heard = {}
    for name, samples in audio.items():
        wav = synth.write_wav(folder / f"{name}.wav", samples)
        heard[name] = analyze_file(wav, layout="agent-caller", model=model, model_lang="ko",
                                   model_name=info.name)
    path = folder / "review.db"
    store = Store(path)
    first: dict[str, str] = {}
    today = datetime.now().astimezone().replace(minute=0, second=0, microsecond=0)
    for kind, agent, customer, source, days, hour in PLAN:
        svc = CaseService(store, agent=agent)
        cu = svc.new_customer(name=customer)
        case = svc.new_case(customer_id=cu.id, category=source, complaint="")
        result = heard[kind]
        started = (today - timedelta(days=days)).replace(hour=hour).astimezone(timezone.utc)
        call_id = CallService(svc).import_recording(
            case.id, [*result.curve, *result.transcript, *result.cues], result.duration,
            CallInfo(model_name=info.name, model_lang="ko"), started_at=to_iso(started))
        first.setdefault(kind, call_id)
        # What came after the call: a callback promised (and kept), a satisfaction rating.
        promise = svc.schedule_callback(case.id, datetime.now(timezone.utc) + timedelta(hours=2))
        if kind != "worst":
            svc.finish_callback(promise.id)
            svc.update_case(case.id, satisfaction=5 if kind == "calm" else 4)
    sup = CommentService(CaseService(store, agent="sue.wang"))
    sup.add(first["calmed"], 3.0, "Good: the apology came first, before any explanation.")
    sup.add(first["calmed"], 20.5, "Here he got louder: slow down and restate the problem.")
    credentials.remember_identity(store, {"account": "sue.wang", "role": "supervisor",
                                          "team": "north"})
    store.close()
    return path, first


def shoot(app, path: Path, first: dict[str, str], lang: str, translations: Translations,
          settings: QSettings) -> None:
    translations.install(lang)
    store = Store(path)
    try:
        w = ReviewWindow(CaseService(store, agent="sue.wang"), load_catalog(resources_dir()),
                         lang, settings)
        w.resize(1500, 980)
        w.show()
        w.select_call(first["calmed"])
        w.view.set_cursor(20.5)
        for _ in range(5):
            app.processEvents()
        w.grab().save(str(ROOT / "docs" / f"review-{lang}.png"))
        w.tabs.setCurrentWidget(w.team)
        app.processEvents()
        w.grab().save(str(ROOT / "docs" / f"review-team-{lang}.png"))
        sel = w.table.selectionModel()
        sel.clearSelection()
        for kind in ("calmed", "worst", "calm"):
            row = w.model.row_of(first[kind])
            sel.select(w.model.index(row or 0, 0), QItemSelectionModel.SelectionFlag.Select
                       | QItemSelectionModel.SelectionFlag.Rows)
        w._on_compare()
        w.compare.at_peak.setChecked(True)
        app.processEvents()
        w.grab().save(str(ROOT / "docs" / f"review-compare-{lang}.png"))
        w.tabs.setCurrentWidget(w.digest)
        w.digest.period.setCurrentIndex(w.digest.period.findData("7"))
        w.digest.refresh()
        w.digest.wait(30)
        for _ in range(10):
            app.processEvents()
        w.grab().save(str(ROOT / "docs" / f"review-digest-{lang}.png"))
        w.close()
        w.digest.wait(10)
    finally:
        store.close()


def main() -> int:
    app = make_app(["screenshot"])
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as tmp:
        path, first = build(Path(tmp))
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        for lang in ("en", "zh_CN"):
            shoot(app, path, first, lang, translations, settings)
    print("docs/review-*.png written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
