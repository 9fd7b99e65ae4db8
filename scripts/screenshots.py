"""Render the main window with a realistic case, in Chinese and English, to docs/*.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from desk.cases import CaseService
from desk.content import load_catalog, load_clear, resources_dir
from desk.store import Store
from ui.app import make_app
from ui.i18n import Translations
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]

DEMO = {
    "zh_CN": {
        "name": "王芳", "phone": "138 0013 8000",
        "old": "上个月买的电水壶漏水，换货后已解决",
        "complaint": "快递送来的电饭煲外壳摔裂了，这已经是这个月第二次了！我要求马上处理。",
        "note": "客户情绪激动，已致歉并复述问题；答应10分钟内回电确认换货时间。",
        "other": ("李雷", "139 1234 5678", "会员积分没有到账，打了三次电话都没人处理"),
    },
    "en": {
        "name": "Emma Wilson", "phone": "+44 20 7946 0958",
        "old": "Kettle leaked last month; exchanged, resolved",
        "complaint": "The rice cooker arrived with a cracked case. Second time this month! "
                     "I want this sorted today.",
        "note": "Caller upset; apologised and restated the problem. Promised a call back "
                "within 10 minutes to confirm the exchange date.",
        "other": ("Tom Baker", "07700 900123", "Loyalty points missing after three calls"),
    },
}


def render(translations: Translations, lang: str, out: Path) -> None:
    translations.install(lang)
    data = DEMO[lang]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "cleardesk.db")
        svc = CaseService(store, agent="Amy")
        other = svc.new_customer(data["other"][0], data["other"][1])
        svc.new_case(other.id, complaint=data["other"][2], category="attitude",
                     severity="low")
        cust = svc.new_customer(data["name"], data["phone"])
        old = svc.new_case(cust.id, complaint=data["old"], category="quality")
        svc.update_case(old.id, status="closed")
        case = svc.new_case(cust.id, complaint=data["complaint"], category="quality",
                            severity="high", style="direct", stage="calm")
        svc.tick_step(case.id, "C")
        svc.tick_step(case.id, "L")
        svc.buy_time(case.id, 8, "")
        svc.save_draft(case.id, data["note"])
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(svc, load_clear(resources_dir()), load_catalog(resources_dir()),
                            translations, settings)
        window.resize(1440, 860)
        window.show()
        window.open_case(case.id)
        window.panel.show_step("E")
        translations.app.processEvents()
        window.grab().save(str(out))
        window.close()
        store.close()
    print(out)


def main() -> int:
    translations = Translations(make_app(["screenshots"]))
    for lang in ("zh_CN", "en"):
        render(translations, lang, ROOT / "docs" / f"screenshot-{lang}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
