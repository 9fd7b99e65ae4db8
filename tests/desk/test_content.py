"""The bilingual content files: schema-valid, loadable, well written, and loud when broken."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from desk.content import (
    LETTER_FIELDS,
    Catalog,
    Clear,
    ContentError,
    Text,
    load_catalog,
    load_clear,
    load_letter_template,
    resources_dir,
)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
CONTENT = RESOURCES / "content"
CONTENT_FILES = ("clear", "catalog")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
HAN = re.compile(r"[\u4e00-\u9fff]")
# What seed 004's bad character conversion produced; none of it may reach our Chinese text.
SEED_ERRORS = ("处置", "效劳", "赞扬", "埋怨", "准绳", "心境阴沉", "阴沉", "笼统", "观赏考",
               "效果", "发明")
HALF_WIDTH = re.compile(r"[,;:!?]|\.\.\.|\.(?!\d)")


def _json(name: str) -> Any:
    return json.loads((CONTENT / f"{name}.json").read_text(encoding="utf-8"))


def _validator(name: str) -> Draft202012Validator:
    schema = json.loads((CONTENT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _texts(node: Any, where: str = "$") -> Iterator[tuple[str, dict[str, str]]]:
    """Every {"zh", "en"} object in a JSON tree, with its path."""
    if isinstance(node, dict):
        if set(node) == {"zh", "en"}:
            yield where, node
            return
        for key, value in node.items():
            yield from _texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{where}[{i}]")


ALL_TEXTS = [(f"{name}{where}", text) for name in CONTENT_FILES
             for where, text in _texts(_json(name))]


@pytest.fixture(scope="module")
def clear() -> Clear:
    return load_clear(RESOURCES)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(RESOURCES)


@pytest.mark.parametrize("name", CONTENT_FILES)
def test_content_validates_against_its_schema(name: str) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in _validator(name).iter_errors(_json(name))]
    assert errors == []


@pytest.mark.parametrize(("name", "break_it"), [
    ("clear", lambda d: d["steps"][0]["name"].pop("zh")),
    ("clear", lambda d: d["steps"][3].update(extra="x")),
    ("clear", lambda d: d["steps"].reverse()),
    ("clear", lambda d: d["steps"][4].update(avoid=d["steps"][4]["avoid"][:1])),
    ("clear", lambda d: d["buy_time"]["phrases"][0].update(en="")),
    ("catalog", lambda d: d["categories"].append(dict(d["categories"][0]))),
    ("catalog", lambda d: d["severities"].pop()),
    ("catalog", lambda d: d["stages"].insert(0, d["stages"].pop())),
    ("catalog", lambda d: d["departments"].append(dict(d["departments"][0]))),
])
def test_schemas_are_strict(name: str, break_it: Any) -> None:
    data = _json(name)
    break_it(data)
    assert not _validator(name).is_valid(data)


def test_clear_steps_in_order(clear: Clear) -> None:
    assert [s.key for s in clear.steps] == ["C", "L", "E", "A", "R"]
    assert [s.order for s in clear.steps] == [1, 2, 3, 4, 5]
    assert clear.step("C").name == Text("控制情绪", "Control your emotions")
    for step in clear.steps:
        assert 3 <= len(step.techniques) <= 6
        assert 3 <= len(step.say) <= 6
        assert 2 <= len(step.avoid) <= 5


def test_known_traps_are_listed(clear: Clear) -> None:
    apology = clear.step("A").avoid
    assert any("但是" in t.zh and "but" in t.en.lower() for t in apology)
    assert any("我理解" in t.zh and "I understand" in t.en for t in clear.step("E").avoid)
    assert any("打断" in t.zh and "interrupt" in t.en.lower() for t in clear.step("L").avoid)
    assert any("以暴制暴" in t.zh for t in clear.step("C").avoid)


def test_buy_time_and_confirm(clear: Clear) -> None:
    bt = clear.buy_time
    assert bt.default_minutes == 10
    assert bt.choices_minutes == (2, 5, 10, 15, 30, 60)
    assert any("10分钟" in p.zh and "10 minutes" in p.en for p in bt.phrases)
    assert any("主管" in p.zh and "supervisor" in p.en for p in bt.phrases)
    assert clear.confirm_understanding.zh == "如果我没有理解错的话，您是说……？"
    assert 3 <= len(clear.agitated_now) <= 4


def test_catalog_loads_with_lookups(catalog: Catalog) -> None:
    assert [c.key for c in catalog.categories] == [
        "quality", "communication", "attitude", "price", "expectation"]
    assert [s.key for s in catalog.stages] == [
        "attune", "calm", "reason", "solution", "reduce_impact", "visible_progress", "result",
        "improve"]
    assert [p.key for p in catalog.process] == [
        "listen_understand", "confirm_act", "propose", "act_both_ways", "control_process",
        "present_review"]
    assert catalog.category("quality").name.get("zh_CN") == "产品或服务质量"
    assert catalog.style("competitive").name.get("en_GB") == "Competitive"
    assert catalog.stage("calm").order == 2
    assert catalog.process_step("act_both_ways").order == 4
    assert catalog.principle("record").name.zh == "留档剖析"
    assert catalog.status("closed").key == "closed"
    assert catalog.channel("in_person").name.en == "In person"
    assert catalog.solution("refund").name.zh == "退款"
    assert catalog.severity("critical").key == "critical"
    assert catalog.department("other").name.zh == "其他"
    with pytest.raises(ContentError) as err:
        catalog.category("nope")
    assert err.value.code == "unknown"


def test_text_get_by_language() -> None:
    text = Text(zh="中文", en="English")
    assert [text.get(lang) for lang in ("zh", "zh_CN", "zh-Hans", "ZH_TW")] == ["中文"] * 4
    assert [text.get(lang) for lang in ("en", "en_US", "fr", "")] == ["English"] * 4


@pytest.mark.parametrize(("where", "text"), ALL_TEXTS, ids=[w for w, _ in ALL_TEXTS])
def test_text_is_clean(where: str, text: dict[str, str]) -> None:
    zh, en = text["zh"], text["en"]
    assert HAN.search(zh), "zh text has no Chinese characters"
    assert not [e for e in SEED_ERRORS if e in zh], "seed-004 conversion error copied"
    assert not HALF_WIDTH.search(zh), "zh text uses half-width punctuation"
    assert not CJK.search(en), "en text contains CJK characters or punctuation"
    assert zh == zh.strip() and en == en.strip()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_letter_templates(lang: str) -> None:
    template = load_letter_template(RESOURCES, lang)
    found = {m.group("named") or m.group("braced")
             for m in template.pattern.finditer(template.template)}
    assert found == LETTER_FIELDS
    values = {name: f"<{name}>" for name in LETTER_FIELDS}
    letter = template.substitute(values)
    assert "$" not in letter
    assert all(v in letter for v in values.values())
    if lang == "zh_CN":
        assert HAN.search(letter) and "感谢" in letter
    else:
        assert not CJK.search(letter) and "Thank you" in letter


def test_letter_template_language_choice() -> None:
    zh = load_letter_template(RESOURCES, "zh").template
    assert load_letter_template(RESOURCES, "zh_TW").template == zh
    assert load_letter_template(RESOURCES, "de_DE").template != zh


def _copy_resources(tmp_path: Path) -> Path:
    shutil.copytree(RESOURCES, tmp_path / "resources")
    return tmp_path / "resources"


@pytest.mark.parametrize("loader", [load_clear, load_catalog])
def test_missing_content_file(tmp_path: Path, loader: Any) -> None:
    with pytest.raises(ContentError) as err:
        loader(tmp_path)
    assert err.value.code == "missing"


def test_missing_letter_template(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as err:
        load_letter_template(tmp_path, "en")
    assert err.value.code == "missing"


BREAKAGES: list[tuple[str, str, Any]] = [
    ("clear", "invalid", "{not json"),
    ("clear", "invalid", [1, 2]),
    ("clear", "invalid", lambda d: d["steps"][1].pop("say")),
    ("clear", "invalid", lambda d: d["steps"][0]["goal"].update(zh="")),
    ("clear", "invalid", lambda d: d["steps"][2].update(order="3")),
    ("clear", "invalid", lambda d: d["steps"].pop()),
    ("clear", "invalid", lambda d: d["buy_time"].update(default_minutes=7)),
    ("clear", "invalid", lambda d: d.update(agitated_now={"zh": "听", "en": "Listen"})),
    ("clear", "version", lambda d: d.update(version=99)),
    ("catalog", "invalid", lambda d: d["categories"][1].update(key="quality")),
    ("catalog", "invalid", lambda d: d["stages"].reverse()),
    ("catalog", "invalid", lambda d: d["styles"][0].pop("strategy")),
    ("catalog", "invalid", lambda d: d.pop("departments")),
    ("catalog", "invalid", b"\xff\xfe broken bytes"),
]


@pytest.mark.parametrize(("name", "code", "breakage"), BREAKAGES)
def test_malformed_content_raises_content_error(tmp_path: Path, name: str, code: str,
                                                breakage: Any) -> None:
    res = _copy_resources(tmp_path)
    path = res / "content" / f"{name}.json"
    if isinstance(breakage, bytes):
        path.write_bytes(breakage)
    elif isinstance(breakage, str):
        path.write_text(breakage, encoding="utf-8")
    elif callable(breakage):
        data = json.loads(path.read_text(encoding="utf-8"))
        breakage(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(json.dumps(breakage), encoding="utf-8")
    loader = load_clear if name == "clear" else load_catalog
    with pytest.raises(ContentError) as err:
        loader(res)
    assert err.value.code == code
    assert err.value.detail


@pytest.mark.parametrize("body", ["Dear $customer_name, $surprise", "Cost: $5", "Hi ${name}"])
def test_letter_with_unknown_placeholder_is_rejected(tmp_path: Path, body: str) -> None:
    res = _copy_resources(tmp_path)
    (res / "templates" / "letter_en.txt").write_text(body, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_letter_template(res, "en")
    assert err.value.code == "invalid"


def test_resources_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLEARDESK_RESOURCES", raising=False)
    assert resources_dir() == RESOURCES
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    monkeypatch.setenv("CLEARDESK_RESOURCES", str(tmp_path / "elsewhere"))
    assert resources_dir() == tmp_path / "elsewhere"
