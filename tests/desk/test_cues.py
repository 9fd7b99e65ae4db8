"""Live cues: lexicons, normalisation, caller escalation words, agent CLEAR steps and traps,
talk-over timing. Exact codes, and the near misses that must not fire."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from desk.content import ENV_RESOURCES, ContentError
from desk.cues import (
    ESCALATION_GROUPS,
    CueDetector,
    agent_phrases,
    lexical_hits,
    load_lexicon,
    normalize,
)
from desk.events import AGENT, CALLER, Cue, StepHeard, TranscriptSegment, Word

LEXICONS = Path(__file__).resolve().parents[2] / "resources" / "lexicons"
LANGS = ("zh", "en", "ko")


def _json(name: str) -> Any:
    return json.loads((LEXICONS / f"{name}.json").read_text(encoding="utf-8"))


def seg(channel: str, text: str, start: float = 0.0, end: float = 2.0, *,
        final: bool = True, words: tuple[Word, ...] = ()) -> TranscriptSegment:
    return TranscriptSegment(channel, start, end, text, final, words)


def codes(events: list[Cue | StepHeard]) -> list[str]:
    """"trap:sorry_but", "step:A.apology", "escalation:lawyer"... in the order fired."""
    return [f"step:{e.code}" if isinstance(e, StepHeard) else f"{e.kind}:{e.code}"
            for e in events]


def agent(lang: str, text: str) -> list[str]:
    return codes(CueDetector(lang).on_segment(seg(AGENT, text)))


def caller(lang: str, text: str) -> list[str]:
    return codes(CueDetector(lang).on_segment(seg(CALLER, text)))


# --- lexicon files --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_validates_against_its_schema(lang: str) -> None:
    schema = _json("schema")
    Draft202012Validator.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in Draft202012Validator(schema).iter_errors(_json(lang))]
    assert errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_phrase_is_listed_twice_on_one_side(lang: str) -> None:
    data = _json(lang)
    caller_side = [p for group in data["caller"]["escalation"].values() for p in group]
    caller_side += [p for k, v in data["caller"].items() if k != "escalation" for p in v]
    steps = [p for v in data["agent"]["steps"].values() for p in v]
    assert sorted({p for p in caller_side if caller_side.count(p) > 1}) == []
    assert sorted({p for p in steps if steps.count(p) > 1}) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_escalation_phrase_fires_its_own_group(lang: str) -> None:
    for group, phrases in _json(lang)["caller"]["escalation"].items():
        for phrase in phrases:
            said = phrase.strip("*").replace("…", "")
            assert caller(lang, said) == [f"escalation:{group}"], phrase


@pytest.mark.parametrize("lang", LANGS)
def test_every_step_phrase_ticks_its_step(lang: str) -> None:
    for code, phrases in _json(lang)["agent"]["steps"].items():
        for phrase in phrases:
            said = phrase.strip("*").replace(" … ", " 我们 " if lang == "zh" else " quickly ")
            said = said.replace("…", "全额")
            heard = agent(lang, said)
            assert f"step:{code}" in heard, (phrase, heard)


@pytest.mark.parametrize(("lang", "code"), [
    ("zh", "zh"), ("zh_CN", "zh"), ("zh-Hans", "zh"), ("EN-us", "en"), ("en", "en"),
    ("ko_KR", "ko"), ("fr", "fr"), ("", ""), ("../../etc/passwd", ""),
])
def test_load_lexicon_by_locale(lang: str, code: str) -> None:
    lex = load_lexicon(lang)
    assert lex.lang == code
    assert bool(lex.caller) == (code in LANGS)
    assert load_lexicon(lang) is lex  # cached


def test_unknown_language_is_empty_not_an_error() -> None:
    assert lexical_hits("I will call my lawyer", "fr") == []
    assert agent_phrases("fr") == []
    detector = CueDetector("fr")
    assert detector.on_segment(seg(CALLER, "lawyer")) == []
    assert detector.on_segment(seg(AGENT, "i'm sorry but")) == []


def test_a_broken_lexicon_is_a_content_error(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(LEXICONS, tmp_path / "lexicons")
    (tmp_path / "lexicons" / "en.json").write_text('{"version": 1, "caller": [', "utf-8")
    data = _json("zh")
    data["version"] = 2
    (tmp_path / "lexicons" / "zh.json").write_text(json.dumps(data), "utf-8")
    monkeypatch.setenv(ENV_RESOURCES, str(tmp_path))
    with pytest.raises(ContentError) as err:
        load_lexicon("en")
    assert err.value.code == "invalid"
    with pytest.raises(ContentError) as err:
        load_lexicon("zh")
    assert err.value.code == "version"
    assert load_lexicon("ko").caller  # the others still load


# --- normalisation --------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "normal"), [
    ("zh", "我 要 投诉 到 一 二 三 一 五", "我要投诉到12315"),
    ("zh", "我要投诉到１２３１５！", "我要投诉到12315"),
    ("zh", "手机 幺 三 八 一 二 三 四", "手机1381234"),
    ("zh", "三百五十块，一下子", "三百五十块一下子"),
    ("zh_CN", "我 找 你们 manager 谈", "我找你们 manager 谈"),
    ("en", "One two three one five", "12315"),
    ("en", "I’m SORRY, but… it's 'fine'", "i'm sorry but it's fine"),
    ("en", "one more thing", "one more thing"),
    ("en", "[unk] sorry", "unk sorry"),
    ("ko", "공일공 일이삼사, 죄송합니다!", "0101234 죄송합니다"),
    ("ko", "이 일이 급해요", "이 일이 급해요"),
])
def test_normalize(lang: str, text: str, normal: str) -> None:
    assert normalize(text, lang) == normal


# --- caller words ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "hits"), [
    ("zh", "我不满意", [("complaint", "不满意")]),
    ("zh", "我一点都不生气", [("negation", "不")]),
    ("zh", "我非常生气", [("intensifier", "非常"), ("anger", "生气")]),
    ("zh", "气死我了，我要投诉到一二三一五", [("anger", "气死我了"),
                                               ("escalation", "投诉到12315")]),
    ("zh", "东西坏了，一直没人管", [("complaint", "坏了"), ("intensifier", "一直"),
                                     ("complaint", "没人管")]),
    ("en", "I'm not happy", [("complaint", "not happy")]),
    ("en", "I am not angry", [("negation", "not")]),
    ("en", "this is absolutely ridiculous", [("intensifier", "absolutely"),
                                             ("anger", "ridiculous")]),
    ("en", "I want a refund, my lawyer says so", [("complaint", "refund*"),
                                                   ("escalation", "lawyer*"),
                                                   ("intensifier", "so")]),
    ("en", "the pressure is fine", []),
    ("ko", "정말 화가 납니다", [("intensifier", "정말"), ("anger", "화가 납*")]),
    ("ko", "화가 난 게 아니에요", [("negation", "아니*")]),
    ("ko", "안녕하세요 환불 요청합니다", [("complaint", "환불*")]),
    ("ko", "변호사를 선임하겠습니다", [("escalation", "변호사*")]),
])
def test_lexical_hits(lang: str, text: str, hits: list[tuple[str, str]]) -> None:
    found = lexical_hits(text, lang)
    assert [(h.category, h.term) for h in found] == hits
    normal = normalize(text, lang)
    for h in found:
        assert normal[h.start:h.end]


@pytest.mark.parametrize(("lang", "text", "group"), [
    ("zh", "我 要 投诉 到 一 二 三 一 五", "regulator"),
    ("zh", "我要打12315", "regulator"),
    ("zh", "我去找消协", "regulator"),
    ("zh", "我要向消费者协会反映", "regulator"),
    ("zh", "我去工商局反映", "regulator"),
    ("zh", "我要找市场监管部门", "regulator"),
    ("zh", "我已经请了律师", "lawyer"),
    ("zh", "我要去法院起诉你们", "lawyer"),
    ("zh", "我要让媒体曝光", "media"),
    ("zh", "我认识电视台的记者", "media"),
    ("zh", "叫你们经理来", "manager"),
    ("zh", "我要找你们领导", "manager"),
    ("zh", "让你们上级跟我说", "manager"),
    ("zh", "把我的会员注销", "cancel"),
    ("en", "I'm calling my lawyer", "lawyer"),
    ("en", "my attorney will be in touch", "lawyer"),
    ("en", "I will sue you", "lawyer"),
    ("en", "I'll report this to the regulator", "regulator"),
    ("en", "I'm going to the ombudsman", "regulator"),
    ("en", "I want to speak to a supervisor", "manager"),
    ("en", "get me your manager", "manager"),
    ("en", "I'll go to the press", "media"),
    ("en", "the media will love this", "media"),
    ("en", "I'm posting it on social media", "media"),
    ("en", "cancel my subscription", "cancel"),
    ("en", "I'm cancelling everything", "cancel"),
    ("ko", "한국소비자원에 신고하겠습니다", "regulator"),
    ("ko", "변호사와 상의하겠습니다", "lawyer"),
    ("ko", "언론에 제보하겠습니다", "media"),
    ("ko", "책임자 바꿔 주세요", "manager"),
    ("ko", "담당자와 통화하고 싶습니다", "manager"),
    ("ko", "서비스 해지해 주세요", "cancel"),
])
def test_escalation_by_group(lang: str, text: str, group: str) -> None:
    assert group in ESCALATION_GROUPS
    assert caller(lang, text) == [f"escalation:{group}"]


@pytest.mark.parametrize(("lang", "text"), [
    ("zh", "我要投诉"),              # a complaint, not an escalation
    ("zh", "我打了一二三次电话"),
    ("zh", "电话是12315678"),        # 12315 inside a longer number (masked in practice)
    ("en", "please press one"),
    ("en", "I courted my wife"),
    ("en", "the manual says so"),
    ("ko", "안녕하세요 제품이 도착하지 않았습니다"),
])
def test_no_escalation(lang: str, text: str) -> None:
    assert caller(lang, text) == []


def test_escalation_time_and_words_come_from_the_recognizer_words() -> None:
    said = ["我", "要", "投诉", "到", "一", "二", "三", "一", "五"]
    words = tuple(Word(w, 1.0 + i * 0.3, 1.2 + i * 0.3) for i, w in enumerate(said))
    events = CueDetector("zh").on_segment(seg(CALLER, "ignored", 1.0, 4.0, words=words))
    assert events == [Cue(CALLER, 1.6, "escalation", "regulator", "投诉 到 一 二 三 一 五")]


def test_escalation_without_words_is_timed_at_the_segment() -> None:
    events = CueDetector("en").on_segment(seg(CALLER, "I want a lawyer", 7.5, 9.0))
    assert events == [Cue(CALLER, 7.5, "escalation", "lawyer", "lawyer")]


def test_partials_give_nothing() -> None:
    detector = CueDetector("en")
    assert detector.on_segment(seg(CALLER, "I want a lawyer", final=False)) == []
    assert detector.on_segment(seg(AGENT, "I'm sorry but", final=False)) == []
    assert detector.on_segment(seg("other", "lawyer")) == []


# --- agent steps ----------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("zh", "请您慢慢说，我在听", ["step:C.calm"]),
    ("zh", "如果我没有理解错的话，您是说快递一直没到？", ["step:L.restate"]),
    ("zh", "能再具体说说当时的情况吗", ["step:L.probe"]),
    ("zh", "换作是我也会着急", ["step:E.feeling"]),
    ("zh", "我能理解您的心情", ["step:E.feeling"]),
    ("zh", "非常抱歉，给您添麻烦了", ["step:A.apology"]),
    ("zh", "对 不起", ["step:A.apology"]),
    ("zh", "我马上为您办理退款", ["step:R.offer"]),
    ("zh", "我们会在两个小时内给您回电", ["step:R.time_promise"]),
    ("zh", "我 马上 为 您 办理 退款 我们 会 在 十 分钟 内 给 您 回电",
     ["step:R.offer", "step:R.time_promise"]),
    ("en", "take your time", ["step:C.calm"]),
    ("en", "so what you're saying is the parcel never came", ["step:L.restate"]),
    ("en", "let me make sure I understand", ["step:L.restate"]),
    ("en", "I can see how frustrating this is", ["step:E.feeling"]),
    ("en", "that must be really annoying", ["step:E.feeling"]),
    ("en", "I'm sorry", ["step:A.apology"]),
    ("en", "I apologize for the delay", ["step:A.apology"]),
    ("en", "apologies for the wait", ["step:A.apology"]),
    ("en", "I'll refund the full amount", ["step:R.offer"]),
    ("en", "I will call you back within ten minutes", ["step:R.time_promise"]),
    ("en", "you'll have it by tomorrow", ["step:R.time_promise"]),
    ("ko", "천천히 말씀해 주세요", ["step:C.calm"]),
    ("ko", "말씀하신 내용을 정리해 보면 배송이 안 됐다는 거죠", ["step:L.restate"]),
    ("ko", "많이 답답하셨겠습니다", ["step:E.feeling"]),
    ("ko", "죄송합니다", ["step:A.apology"]),
    ("ko", "불편을 드려 죄송합니다", ["step:A.apology"]),
    ("ko", "사과 드립니다", ["step:A.apology"]),
    ("ko", "어요 저 만 죄송 다 리 다", ["step:A.apology"]),  # split up by a grammar recognizer
    ("ko", "환불해 드리겠습니다", ["step:R.offer"]),
    ("ko", "다시 전화 드리겠습니다", ["step:R.time_promise"]),
    ("ko", "십 분 안에 연락드리겠습니다", ["step:R.time_promise"]),
])
def test_steps_heard(lang: str, text: str, expected: list[str]) -> None:
    assert agent(lang, text) == expected


def test_step_carries_its_letter_time_and_words() -> None:
    words = (Word("okay", 3.0, 3.2), Word("i'm", 3.4, 3.5), Word("so", 3.5, 3.6),
             Word("sorry", 3.6, 4.0))
    events = CueDetector("en").on_segment(seg(AGENT, "okay i'm so sorry", 3.0, 4.0, words=words))
    assert events == [StepHeard(AGENT, 3.4, "A", "A.apology", "i'm so sorry")]


def test_a_step_code_fires_once_within_a_few_seconds() -> None:
    detector = CueDetector("zh")
    first = detector.on_segment(seg(AGENT, "对不起，对不起", 1.0, 2.0))
    again = detector.on_segment(seg(AGENT, "真对不起", 3.0, 4.0))
    later = detector.on_segment(seg(AGENT, "对不起", 9.0, 10.0))
    assert codes(first) == ["step:A.apology"]
    assert again == []
    assert codes(later) == ["step:A.apology"]


def test_different_step_codes_in_one_utterance_all_fire() -> None:
    text = "非常抱歉，我理解您的心情，我马上为您办理退款"
    assert agent("zh", text) == ["step:A.apology", "step:E.feeling", "step:R.offer"]


# --- traps ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("zh", "对不起，但是这是公司规定", ["trap:sorry_but"]),
    ("zh", "对 不起 但是 这 是 规定", ["trap:sorry_but"]),
    ("zh", "非常抱歉，可是我们也没办法", ["trap:sorry_but"]),
    ("zh", "不好意思，不过这个不归我们管", ["trap:sorry_but"]),
    ("zh", "很抱歉，只是系统显示已经签收了", ["trap:sorry_but"]),
    ("en", "I'm sorry but that's our policy", ["trap:sorry_but"]),
    ("en", "sorry, however the warranty has expired", ["trap:sorry_but"]),
    ("en", "I'm really sorry about that, but", ["trap:sorry_but"]),
    ("en", "I'm sorry. But first, let me check your order", ["trap:sorry_but"]),
    ("ko", "죄송합니다 하지만 규정상 어렵습니다", ["trap:sorry_but"]),
    ("ko", "죄송하지만 환불은 어렵습니다", ["trap:sorry_but"]),
    ("ko", "죄송합니다만 어렵습니다", ["trap:sorry_but"]),
    # near misses: the apology stands
    ("zh", "对不起，让您久等了，我马上帮您处理", ["step:A.apology", "step:R.offer"]),
    ("zh", "非常抱歉，这件事我们一定负责到底，我跟您确认一下，但是", ["step:A.apology",
                                                                 "step:L.restate"]),
    ("en", "I'm sorry for the wait, let me check that for you", ["step:A.apology"]),
    ("en", "I'm so sorry. I will sort it out today and then call you back, but",
     ["step:A.apology"]),
    ("ko", "불편을 드려 죄송합니다 바로 처리해 드리겠습니다", ["step:A.apology", "step:R.offer"]),
])
def test_sorry_but(lang: str, text: str, expected: list[str]) -> None:
    assert agent(lang, text) == expected


def test_sorry_but_text_spans_apology_to_but() -> None:
    events = CueDetector("en").on_segment(seg(AGENT, "Well, I'm sorry, but no.", 2.0, 3.0))
    assert events == [Cue(AGENT, 2.0, "trap", "sorry_but", "I'm sorry, but")]


@pytest.mark.parametrize(("gap_s", "expected"), [(0.5, ["trap:sorry_but"]), (3.0, [])])
def test_sorry_but_across_two_segments(gap_s: float, expected: list[str]) -> None:
    detector = CueDetector("en")
    assert codes(detector.on_segment(seg(AGENT, "i'm so sorry", 1.0, 2.0))) == ["step:A.apology"]
    nxt = detector.on_segment(seg(AGENT, "but our policy is clear", 2.0 + gap_s, 4.0 + gap_s))
    assert codes(nxt) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("zh", "我理解", ["trap:bare_understand"]),
    ("zh", "我理解。", ["trap:bare_understand"]),
    ("zh", "嗯，我明白了，但是这个没办法", ["trap:bare_understand"]),
    ("zh", "我 懂 了", ["trap:bare_understand"]),
    ("zh", "我理解您的心情", ["step:E.feeling"]),
    ("zh", "我理解您着急", ["step:E.feeling"]),
    ("zh", "我理解您为什么生气", ["step:E.feeling"]),
    ("zh", "您的心情我理解", ["step:E.feeling"]),
    ("zh", "我明白了，我马上帮您处理", ["step:R.offer"]),
    ("en", "I understand.", ["trap:bare_understand"]),
    ("en", "I understand that", ["trap:bare_understand"]),
    ("en", "okay I know that", ["trap:bare_understand"]),
    ("en", "I hear you, but", ["trap:bare_understand"]),
    ("en", "yeah I get it", ["trap:bare_understand"]),
    ("en", "I understand you were charged twice", ["step:E.feeling"]),
    ("en", "I understand that the parcel was late", ["step:E.feeling"]),
    ("en", "I understand why you're upset", ["step:E.feeling"]),
    ("en", "I know how frustrating this is", ["step:E.feeling"]),
    ("en", "if I understand you correctly the box was empty", ["step:L.restate"]),
    ("en", "I understand let me check your account", []),
    ("ko", "네 이해합니다", ["trap:bare_understand"]),
    ("ko", "네 이해 합니다", ["trap:bare_understand"]),
    ("ko", "불편하신 점 충분히 이해합니다", ["step:E.feeling"]),
    ("ko", "고객님 마음 충분히 이해합니다", ["step:E.feeling"]),
])
def test_bare_understand(lang: str, text: str, expected: list[str]) -> None:
    assert agent(lang, text) == expected


def test_caller_words_do_not_tick_agent_steps() -> None:
    assert caller("zh", "对不起但是我理解") == []
    assert agent("zh", "我要找律师") == []


# --- talk over ------------------------------------------------------------------------------

Interval = tuple[str, float, float]


@pytest.mark.parametrize(("intervals", "expected"), [
    # caller talking 0-5 s; the agent starts at 2 s and talks for 2 s over them
    ([(CALLER, 0.0, 5.0), (AGENT, 2.0, 4.0)], [Cue(AGENT, 2.0, "trap", "talk_over")]),
    # the same, reported in the other order (the agent's interval ended first)
    ([(AGENT, 2.0, 4.0), (CALLER, 0.0, 5.0)], [Cue(AGENT, 2.0, "trap", "talk_over")]),
    # the agent goes on after the caller stops: overlap 4.0-5.0 = 1.0 s
    ([(CALLER, 0.0, 5.0), (AGENT, 4.0, 8.0)], [Cue(AGENT, 4.0, "trap", "talk_over")]),
    # the caller cuts in on the agent
    ([(AGENT, 0.0, 6.0), (CALLER, 3.0, 7.0)], [Cue(CALLER, 3.0, "interruption", "interruption")]),
    # near misses: a backchannel ("嗯", "right") of 0.5 s
    ([(CALLER, 0.0, 5.0), (AGENT, 2.0, 2.5)], []),
    # overlap of exactly 0.8 s
    ([(CALLER, 0.0, 5.0), (AGENT, 4.2, 6.0)], []),
    # turn taking: the agent starts after the caller stops
    ([(CALLER, 0.0, 5.0), (AGENT, 5.1, 8.0)], []),
    # both start together: nobody interrupted
    ([(CALLER, 0.0, 3.0), (AGENT, 0.1, 3.0)], []),
])
def test_talk_over(intervals: list[Interval], expected: list[Cue]) -> None:
    detector = CueDetector("zh")
    out: list[Cue] = []
    for channel, start, end in intervals:
        out += detector.on_voice(channel, start, end)
    assert out == expected


def test_one_talk_over_per_agent_interval() -> None:
    detector = CueDetector("en")
    assert detector.on_voice(CALLER, 0.0, 3.0) == []
    assert detector.on_voice(CALLER, 3.2, 6.0) == []
    assert detector.on_voice(AGENT, 1.0, 5.0) == [Cue(AGENT, 1.0, "trap", "talk_over")]
    assert detector.on_voice(AGENT, 5.0, 5.1) == []
    assert detector.on_voice("music", 0.0, 9.0) == []


# --- agent phrases for a recognizer grammar -------------------------------------------------

@pytest.mark.parametrize(("lang", "must"), [
    ("zh", {"非常抱歉", "对不起", "但是", "我理解", "为您", "退款", "如果我没有理解错的话"}),
    ("en", {"i'm sorry", "but", "i understand", "take your time", "within", "hours"}),
    ("ko", {"죄송합니다", "불편을 드려 죄송합니다", "하지만", "죄송하지만", "이해합니다",
            "환불해 드리겠습니다", "다시 전화 드리겠습니다", "분 안에"}),
])
def test_agent_phrases(lang: str, must: set[str]) -> None:
    phrases = agent_phrases(lang)
    assert must <= set(phrases)
    assert len(phrases) == len(set(phrases))
    for phrase in phrases:
        assert phrase == phrase.lower() == " ".join(phrase.split())
        assert "…" not in phrase and "*" not in phrase
