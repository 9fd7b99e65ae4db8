"""The Chinese and English catalogues are complete, well-formed and load at run time.

The .ts files in resources/translations are regenerated from the code with
scripts/update_translations.sh (pyside6-lupdate); this test fails as soon as a UI
string is added or changed without that step, or is left untranslated.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from ui.i18n import compile_ts

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
TS_DIR = ROOT / "resources" / "translations"
ZH_TS = TS_DIR / "cleardesk_zh_CN.ts"
EN_TS = TS_DIR / "cleardesk_en.ts"
HINT = "run scripts/update_translations.sh and translate what is new"

# Conversion errors from a damaged source document; never correct in our texts.
FORBIDDEN = ("处置", "效劳", "赞扬", "埋怨", "准绳", "笼统", "观赏考")

PLACEHOLDER = re.compile(r"%[1-9]")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Parts of a source text that stay as they are in Chinese: placeholders, key sequences
# (Ctrl+Enter, Ctrl+%1, F6), product and method names.
KEEP_AS_IS = re.compile(r"%[1-9]|\b(?:Ctrl|Shift|Alt|Meta)\+\S+|\bF\d{1,2}\b|ClearDesk|CLEAR")
# ASCII punctuation right after a Chinese character: Chinese text uses full-width ，：；？！（）.
# "(" is allowed before "*" (file dialog filters such as "PDF 文件 (*.pdf)" must keep it).
HALF_WIDTH_AFTER_CJK = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff](?:[,:;?!)]|\((?!\*))")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str  # disambiguation; part of the lookup key
    translations: tuple[str, ...]  # one, or one per plural form
    type: str | None  # "unfinished", "vanished", "obsolete" or None (finished)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def translation(self) -> str:
        return self.translations[0] if self.translations else ""

    def where(self) -> str:
        return f"[{self.context}] {self.source!r}"


def read_ts(path: Path) -> list[Message]:
    """Every <message> in a Qt Linguist .ts file."""
    root = ET.parse(path).getroot()
    assert root.tag == "TS", f"{path} is not a Qt Linguist .ts file"
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                texts: tuple[str, ...] = ()
                kind = "unfinished"
            else:
                forms = tr.findall("numerusform")
                texts = (tuple(f.text or "" for f in forms) if forms else (tr.text or "",))
                kind = tr.get("type")
            out.append(Message(name, msg.findtext("source") or "", msg.findtext("comment") or "",
                               texts, kind))
    return out


def lupdate_path() -> str:
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lupdate", "pyside6-lupdate.exe"):
        if (scripts / name).exists():
            return str(scripts / name)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        pytest.fail("pyside6-lupdate not found (it ships with PySide6)", pytrace=False)
    return found


def needs_chinese(source: str) -> bool:
    """True if ``source`` has words to translate (not just symbols, keys, names)."""
    return any(ch.isalpha() for ch in KEEP_AS_IS.sub("", source))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """The messages lupdate finds in ui/*.py right now."""
    out = tmp_path_factory.mktemp("lupdate") / "current_zh_CN.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in UI_DIR.glob("*.py"))
    result = subprocess.run(
        [lupdate_path(), "-silent", "-no-obsolete", "-locations", "none", *sources,
         "-ts", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONUTF8": "1"})
    assert result.returncode == 0, f"lupdate failed:\n{result.stdout}\n{result.stderr}"
    messages = read_ts(out)
    assert messages, "lupdate found no translatable strings in ui/*.py"
    return messages


@pytest.fixture(scope="module")
def zh() -> list[Message]:
    assert ZH_TS.exists(), f"{ZH_TS} is missing: {HINT}"
    return read_ts(ZH_TS)


@pytest.fixture(scope="module")
def en() -> list[Message]:
    assert EN_TS.exists(), f"{EN_TS} is missing: {HINT}"
    return read_ts(EN_TS)


def _listing(messages: list[Message]) -> str:
    return "\n".join(f"  {m.where()}" for m in messages)


# -- (a) the catalogues hold every string in the code ------------------------------------
@pytest.mark.parametrize("catalogue", ["zh", "en"])
def test_every_ui_string_is_in_the_catalogue(catalogue: str, extracted: list[Message],
                                             request: pytest.FixtureRequest) -> None:
    have = {m.key for m in request.getfixturevalue(catalogue) if m.type not in ("vanished",
                                                                               "obsolete")}
    missing = [m for m in extracted if m.key not in have]
    assert not missing, (f"{len(missing)} UI string(s) missing from cleardesk_"
                         f"{'zh_CN' if catalogue == 'zh' else 'en'}.ts ({HINT}):\n"
                         + _listing(missing))


@pytest.mark.parametrize("catalogue", ["zh", "en"])
def test_no_stale_strings(catalogue: str, extracted: list[Message],
                          request: pytest.FixtureRequest) -> None:
    current = {m.key for m in extracted}
    stale = [m for m in request.getfixturevalue(catalogue) if m.key not in current]
    assert not stale, (f"{len(stale)} string(s) no longer in the code ({HINT}):\n"
                       + _listing(stale))


@dataclass(frozen=True)
class TrCall:
    where: str  # file:line
    context: str | None  # the class for self.tr, the first argument of translate()
    text: str | None  # None when not a plain string literal
    code: str


def tr_calls() -> list[TrCall]:
    """Every self.tr(...) and QCoreApplication.translate(...) call in ui/*.py."""
    calls = []
    for path in sorted(UI_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        classes = {id(node): cls.name for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef)
                   for node in ast.walk(cls)}  # innermost class wins: walked after its outer
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr == "tr":
                context, arg = classes.get(id(node)), node.args[0] if node.args else None
            elif node.func.attr == "translate" and len(node.args) >= 2:
                first, arg = node.args[0], node.args[1]
                context = first.value if isinstance(first, ast.Constant) else None
            else:
                continue
            text = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value,
                                                                            str) else None
            calls.append(TrCall(f"{path.relative_to(ROOT)}:{node.lineno}", context, text,
                                ast.unparse(node)[:80]))
    return calls


def test_every_tr_call_has_a_literal_text() -> None:
    """lupdate can only extract literals: tr(variable) is silently missed, tr(f"...") is wrong."""
    bad = [f"  {c.where}: {c.code}" for c in tr_calls() if c.text is None or c.context is None]
    assert not bad, ("translatable text that is not a plain string literal (or self.tr outside "
                     "a class):\n" + "\n".join(bad))


def test_lupdate_sees_every_tr_call(extracted: list[Message]) -> None:
    """lupdate skips tr() inside f-strings ({self.tr('x')}): such a text is never translated."""
    seen = {(m.context, m.source) for m in extracted}
    unseen = [f"  {c.where}: {c.code}" for c in tr_calls()
              if c.text is not None and c.context is not None and (c.context, c.text) not in seen]
    assert not unseen, ("lupdate does not extract these (move the tr() call out of the "
                        "f-string into a variable):\n" + "\n".join(unseen))


# -- (b) complete and in Chinese ----------------------------------------------------------
def test_zh_complete(zh: list[Message]) -> None:
    unfinished = [m for m in zh if m.type is not None or not all(t.strip()
                                                                for t in m.translations)
                  or not m.translations]
    assert not unfinished, (f"{len(unfinished)} untranslated message(s) in cleardesk_zh_CN.ts "
                            "(translate them and drop type=\"unfinished\"):\n"
                            + _listing(unfinished))


def test_zh_is_chinese(zh: list[Message]) -> None:
    latin = [m for m in zh if needs_chinese(m.source)
             and not all(CJK.search(t) for t in m.translations)]
    assert not latin, "Chinese translation without any Chinese character:\n" + "\n".join(
        f"  {m.where()} -> {m.translation!r}" for m in latin)


def test_zh_uses_full_width_punctuation(zh: list[Message]) -> None:
    bad = [m for m in zh if any(HALF_WIDTH_AFTER_CJK.search(t) for t in m.translations)]
    assert not bad, "ASCII punctuation after Chinese text (use ，：；？！（）):\n" + "\n".join(
        f"  {m.where()} -> {m.translation!r}" for m in bad)


def test_en_complete_and_identical(en: list[Message]) -> None:
    bad = [m for m in en if m.type is not None or not m.translations
           or (len(m.translations) == 1 and m.translation != m.source)
           or not all(t.strip() for t in m.translations)]
    assert not bad, ("cleardesk_en.ts: each translation must be finished and equal its source "
                     "text:\n" + _listing(bad))


# -- (c) placeholders ---------------------------------------------------------------------
@pytest.mark.parametrize("catalogue", ["zh", "en"])
def test_placeholders_kept(catalogue: str, request: pytest.FixtureRequest) -> None:
    bad = []
    for m in request.getfixturevalue(catalogue):
        want = set(PLACEHOLDER.findall(m.source))
        for t in m.translations:
            got = set(PLACEHOLDER.findall(t))
            if got != want:
                bad.append(f"  {m.where()} -> {t!r}: has {sorted(got)}, needs {sorted(want)}")
    assert not bad, "placeholders %1..%9 differ between source and translation:\n" + "\n".join(bad)


# -- (d) no conversion errors -------------------------------------------------------------
@pytest.mark.parametrize("path", [ZH_TS, EN_TS], ids=["zh_CN", "en"])
def test_no_forbidden_words(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [w for w in FORBIDDEN if w in text]
    assert not found, f"{path.name} contains {found} (conversion errors of a source document)"


# -- (e) compiled catalogues load and translate --------------------------------------------
def test_compiled_catalogue_translates(qapp: QApplication, tmp_path: Path,
                                       zh: list[Message]) -> None:
    zh_qm, en_qm = tmp_path / "cleardesk_zh_CN.qm", tmp_path / "cleardesk_en.qm"
    compile_ts(ZH_TS, zh_qm)
    compile_ts(EN_TS, en_qm)
    assert en_qm.stat().st_size > 0
    english = QTranslator()
    assert english.load(str(en_qm)), "cleardesk_en.qm does not load"
    translator = QTranslator()
    assert translator.load(str(zh_qm)), "cleardesk_zh_CN.qm does not load"
    expected = {m.key: m.translation for m in zh}
    assert qapp.installTranslator(translator)
    try:
        new_case = QCoreApplication.translate("MainWindow", "New case")
        assert new_case == expected[("MainWindow", "New case", "")]
        assert CJK.search(new_case), new_case
        wrong = []
        for m in zh:
            if len(m.translations) != 1 or not m.translation:
                continue  # plural forms need a count (none yet); empty: test_zh_complete
            got = QCoreApplication.translate(m.context, m.source, m.comment or None)
            if got != m.translation:
                wrong.append(f"  {m.where()}: {got!r} != {m.translation!r}")
        assert not wrong, "the compiled .qm does not give the .ts translation:\n" + "\n".join(
            wrong)
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "New case") == "New case"
