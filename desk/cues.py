"""Live cues from what the recognizer heard: escalation words from the caller, CLEAR steps and
traps from the agent, and who talks over whom. Qt-free; codes only (the UI words them).

Lexicons are data: ``resources/lexicons/<lang>.json`` (``schema.json`` beside them says the
phrase syntax: lowercase words as the recognizer writes them, ``…`` a gap, ``*`` an open word
end or start). English and Korean phrases match whole words, Korean whatever the spacing
inside a phrase ("이해 합니다"), Chinese anywhere. Where phrases overlap the longest wins: 不满意
is a complaint, not 不 + 满意; "not happy" a complaint, not a negation. Windows count
characters in Chinese, words otherwise. Anger right after a negation (不生气, "not angry";
Korean also before 아니다/않다) is dropped; escalation never is.

Agent traps. ``sorry_but``: an apology with a but-word (但是 可是 不过 只是, but however though,
하지만 그런데...) at most ``windows.sorry_but`` units after it, or a fused form (죄송하지만); the
apology then ticks no A. Punctuation does not save it: "I'm sorry. But first, let me..." is a
trap too (the caller hears the same, and the recognizer writes no full stops). A but-word
opening the next agent segment within ``SORRY_BUT_NEXT_S`` of an apology that ended the last
one fires too (A is already ticked then). ``bare_understand``: 我理解/我明白/"I understand"/
"I hear you"/이해합니다 with, fillers skipped, nothing or only a but-word after it and no
object (您, 心情, you, why, 마음...) just after or before it; with an object it is E.feeling.

A step, trap or escalation code fires at most once per ``STEP_REPEAT_S`` per channel. Voice
(:meth:`CueDetector.on_voice`): the agent's turn starting more than ``SAME_START_S`` after the
caller's, overlapping one of its intervals by more than ``OVERLAP_S``: trap ``talk_over``; the
other way round: ``interruption`` on the caller channel. Pauses under ``TURN_GAP_S`` do not
end a turn; one cue per voiced interval at most.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.content import ContentError, resources_dir
from desk.events import AGENT, CALLER, Cue, StepHeard, TranscriptSegment
from desk.redact import digit_units

CALLER_CATEGORIES = ("escalation", "anger", "complaint", "intensifier", "negation")
ESCALATION_GROUPS = ("regulator", "lawyer", "media", "manager", "cancel")
STEP_REPEAT_S = 5.0     # the same code again within this: not fired again
OVERLAP_S = 0.8         # talk-over / interruption: overlap longer than this
SAME_START_S = 0.25     # both started within this of each other: nobody interrupted
TURN_GAP_S = 0.5        # voiced intervals of one channel this close together: one turn
SORRY_BUT_NEXT_S = 2.0  # an apology ending one segment, a but-word opening the next
VOICE_MEMORY_S = 30.0
_AGENT_SETS = ("fused", "step", "understand", "apology")  # in this order where lengths tie


@dataclass(frozen=True)
class Hit:
    """A lexicon phrase found in normalised text: ``term`` as written in the lexicon,
    ``group`` the escalation group (regulator, lawyer, media, manager, cancel) or ""."""

    category: str
    term: str
    start: int
    end: int
    group: str = ""


@dataclass(frozen=True)
class Term:
    category: str  # a caller category, or step/apology/but/fused/understand/filler/object_*
    group: str     # escalation group or step code ("A.apology")
    phrase: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    """One language's cue phrases, compiled. Empty (no terms) for an unknown language."""

    lang: str = ""
    by_chars: bool = False
    caller: tuple[Term, ...] = ()
    agent: tuple[Term, ...] = ()
    gap: int = 0
    sorry_but: int = 0
    understand: int = 0
    negation_before: int = 0
    negation_after: int = 0
    grammar_fillers: tuple[str, ...] = ()
    privacy_talk: tuple[str, ...] = ()

    def terms(self, *categories: str) -> tuple[Term, ...]:
        return tuple(t for c in categories for t in self.caller + self.agent if t.category == c)


def lang_code(lang: str) -> str:
    """The language part of ``lang``: zh_CN, zh-Hans -> zh; en-us -> en; odd input -> ''."""
    code = lang.strip().lower().replace("-", "_").split("_")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else ""


def _compile(phrase: str, code: str, by_chars: bool, gap: int) -> re.Pattern[str]:
    body = phrase.strip("*")
    if by_chars:
        core = f".{{0,{gap}}}?".join(re.escape(p.replace(" ", "")) for p in body.split("…"))
        return re.compile(("(?<!\\d)" if body[0].isdigit() else "") + core
                          + ("(?!\\d)" if body[-1].isdigit() else ""))
    loose = code == "ko"
    out = "" if phrase.startswith("*") else r"(?<![\w'])"
    for k, word in enumerate(body.split()):
        if word == "…":
            out += rf"(?:\s+\S+){{0,{gap}}}"
            continue
        if k:
            out += r"\s*" if loose else r"\s+"
        out += r"\s?".join(map(re.escape, word)) if loose else re.escape(word)
    return re.compile(out + (r"[\w']*" if phrase.endswith("*") else r"(?![\w'])"))


_WINDOWS = ("gap", "sorry_but", "understand", "negation_before", "negation_after")
_AGENT_LISTS = (("fused", "sorry_but", "fused"), ("apology", "sorry_but", "apology"),
                ("but", "sorry_but", "but"), ("understand", "bare_understand", "triggers"),
                ("filler", "bare_understand", "fillers"),
                ("object_after", "bare_understand", "objects_after"),
                ("object_before", "bare_understand", "objects_before"))


def _at(node: Any, path: Path, *keys: str) -> Any:
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            raise ContentError("invalid", f"{path}: missing {'.'.join(keys)}")
        node = node[key]
    return node


def _build(code: str, data: Any, path: Path) -> Lexicon:
    if _at(data, path, "version") != 1:
        raise ContentError("version", f"{path}: unsupported version {data['version']!r}")
    win = {name: _at(data, path, "windows", name) for name in _WINDOWS}
    if not all(isinstance(v, int) and v >= 0 for v in win.values()):
        raise ContentError("invalid", f"{path}: windows must be counts")
    by_chars = _at(data, path, "units") == "chars"

    def terms(category: str, group: str, *keys: str) -> list[Term]:
        node = _at(data, path, *keys)
        if not isinstance(node, list) or not all(isinstance(p, str) and p.strip() for p in node):
            raise ContentError("invalid", f"{path}: {'.'.join(keys)} must list phrases")
        return [Term(category, group, p, _compile(p, code, by_chars, win["gap"])) for p in node]

    caller = [t for g in _at(data, path, "caller", "escalation")
              for t in terms("escalation", g, "caller", "escalation", g)]
    caller += [t for cat in CALLER_CATEGORIES[1:] for t in terms(cat, "", "caller", cat)]
    steps = _at(data, path, "agent", "steps")
    if not all(re.fullmatch(r"[CLEAR]\.[a-z_]+", k) for k in steps):
        raise ContentError("invalid", f"{path}: step codes look like 'A.apology'")
    agent = [t for k in steps for t in terms("step", k, "agent", "steps", k)]
    agent += [t for cat, *keys in _AGENT_LISTS for t in terms(cat, "", "agent", *keys)]
    def words(key: str) -> tuple[str, ...]:
        node = data.get(key, [])
        if not isinstance(node, list) or not all(isinstance(f, str) and f for f in node):
            raise ContentError("invalid", f"{path}: {key} must list phrases")
        return tuple(node)

    return Lexicon(code, by_chars, tuple(caller), tuple(agent), **win,
                   grammar_fillers=words("grammar_fillers"), privacy_talk=words("privacy_talk"))


@functools.lru_cache(maxsize=16)
def _load(code: str, root: str) -> Lexicon:
    path = Path(root) / "lexicons" / f"{code}.json"
    if not code or not path.is_file():
        return Lexicon(lang=code)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ContentError("invalid", f"{path}: {exc}") from exc
    return _build(code, data, path)


def load_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` ("zh", "zh_CN", "en-us", "ko"...), cached; an empty one for a
    language without a file. A broken file raises :class:`desk.content.ContentError`."""
    return _load(lang_code(lang), str(resources_dir()))


def _cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _normalize_map(text: str, lang: str) -> tuple[str, list[int], list[int]]:
    """Normalised text, and for each of its characters the source span it came from."""
    spoken = {u.start: u for u in digit_units(text) if u.spoken}
    chars: list[tuple[str, int, int]] = []
    i, group = 0, -1
    while i < len(text):
        u = spoken.get(i)
        if u is not None:  # spoken digits become ASCII, said as one block: no spaces between
            while u.group == group and chars and chars[-1][0] == " ":
                chars.pop()
            chars.append((u.digit.lower(), u.start, u.end))
            i, group = u.end, u.group
            continue
        if not text[i].isspace():
            group = -1
        for c in unicodedata.normalize("NFKC", text[i]).lower():
            c = "'" if c in "'’‘`" else c
            chars.append((c if c.isalnum() or c in "'*" else " ", i, i + 1))
        i += 1
    zh = lang_code(lang) == "zh"
    out: list[tuple[str, int, int]] = []
    for k, (c, a, b) in enumerate(chars):
        if c == "'" and not (out and out[-1][0].isalnum() and k + 1 < len(chars)
                             and chars[k + 1][0].isalnum()):
            c = " "
        if c == " " and (not out or out[-1][0] == " "):
            continue
        if zh and out and out[-1][0] == " " and len(out) > 1:
            prev = out[-2][0]
            if (_cjk(prev) and (_cjk(c) or c.isdigit())) or (prev.isdigit() and _cjk(c)):
                out.pop()
        out.append((c, a, b))
    if out and out[-1][0] == " ":
        out.pop()
    return "".join(c for c, _, _ in out), [a for _, a, _ in out], [b for _, _, b in out]


def normalize(text: str, lang: str) -> str:
    """What lexicons match against: NFKC, lowercase, punctuation to spaces, spoken digit runs
    to ASCII digits ("一 二 三 一 五", "one two three one five" -> 12315), single spaces;
    Chinese without spaces between CJK characters (or between them and digits)."""
    return _normalize_map(text, lang)[0]


_Match = tuple[int, int, int, Term]  # start, end, lexicon order, term


def _find(terms: tuple[Term, ...], text: str) -> list[_Match]:
    return [(m.start(), m.end(), k, t) for k, t in enumerate(terms)
            for m in t.pattern.finditer(text) if m.end() > m.start()]


def _pick(matches: list[_Match]) -> list[_Match]:
    """Longest first (then lexicon order); no two overlap. In text order."""
    chosen: list[_Match] = []
    for m in sorted(matches, key=lambda m: (m[0] - m[1], m[2], m[0])):
        if all(m[1] <= c[0] or m[0] >= c[1] for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m[0])


def _units(lex: Lexicon, text: str, a: int, b: int) -> int:
    part = text[a:b] if b > a else ""
    return len(part.replace(" ", "")) if lex.by_chars else len(part.split())


def _caller_hits(lex: Lexicon, text: str) -> list[Hit]:
    picked = _pick(_find(lex.caller, text))
    negs = [(s, e) for s, e, _, t in picked if t.category == "negation"]

    def negated(s: int, e: int) -> bool:
        return any((ne <= s and lex.negation_before > 0 and
                    _units(lex, text, ne, s) <= lex.negation_before) or
                   (ns >= e and lex.negation_after > 0 and
                    _units(lex, text, e, ns) <= lex.negation_after) for ns, ne in negs)

    return [Hit(t.category, t.phrase, s, e, t.group) for s, e, _, t in picked
            if not (t.category == "anger" and negated(s, e))]


def lexical_hits(text: str, lang: str) -> list[Hit]:
    """Caller-side phrases (escalation, anger, complaint, intensifier, negation) in
    ``normalize(text, lang)``, in text order, spans over the normalised text."""
    lex = load_lexicon(lang)
    return _caller_hits(lex, normalize(text, lang)) if lex.caller else []


def agent_phrases(lang: str) -> list[str]:
    """Every agent phrase (steps, trap triggers, but-words, objects) as written in the lexicon:
    lowercase, space-separated words, split at gaps, without ``*``. Chinese phrases are not
    segmented and Korean ones are in standard spelling: a caller building a vosk grammar must
    split them into words its model knows (非常抱歉 -> 非常 抱歉, 이해합니다 -> 이해 합니다)."""
    lex = load_lexicon(lang)
    phrases = {" ".join(part.split()): None for t in lex.agent
               if t.category != "filler" for part in t.phrase.strip("*").split("…")
               if part.split()}
    # and what the agent says asking for a card or ID number, so the masker hears it
    phrases.update((" ".join(p.split()), None) for p in lex.privacy_talk)
    return list(phrases)


class _View:
    """A segment's normalised text, with the time and original words of any position."""

    def __init__(self, seg: TranscriptSegment, lang: str) -> None:
        self.seg = seg
        self.src = " ".join(w.text for w in seg.words) if seg.words else seg.text
        self.word_starts = list(itertools.accumulate((len(w.text) + 1 for w in seg.words),
                                                     initial=0))
        self.text, self.a, self.b = _normalize_map(self.src, lang)

    def t(self, pos: int) -> float:
        if not self.seg.words or not self.a:
            return self.seg.start
        k = bisect.bisect_right(self.word_starts, self.a[min(pos, len(self.a) - 1)]) - 1
        return self.seg.words[max(k, 0)].start

    def words(self, s: int, e: int) -> str:
        return self.src[self.a[s]:self.b[e - 1]] if e > s else ""


@dataclass
class _Voiced:
    start: float
    end: float
    fired: bool = False


class CueDetector:
    """Cues of one call. Thread-safe: the caller and agent workers may both call it."""

    def __init__(self, lang: str) -> None:
        self.lex = load_lexicon(lang)
        self._lock = threading.Lock()
        self._last: dict[tuple[str, str], float] = {}
        self._voiced: dict[str, list[_Voiced]] = {CALLER: [], AGENT: []}
        self._tail: tuple[float, int] | None = None  # apology ending the last agent segment
        fillers = "|".join(f"(?:{t.pattern.pattern})" for t in self.lex.terms("filler"))
        self._fillers_ahead = re.compile(rf"(?:\s*(?:{fillers or '(?!)'}))*\s*")
        self._fillers_behind = re.compile(rf"(?:\s*(?:{fillers or '(?!)'}))*\s*$")

    def _fresh(self, channel: str, code: str, t: float) -> bool:
        last = self._last.get((channel, code))
        if last is not None and abs(t - last) < STEP_REPEAT_S:
            return False
        self._last[(channel, code)] = t
        return True

    def on_segment(self, seg: TranscriptSegment) -> list[Cue | StepHeard]:
        """Cues in a FINAL segment (partials give none), in the order they were said."""
        if not seg.final or seg.channel not in (CALLER, AGENT):
            return []
        with self._lock:
            view = _View(seg, self.lex.lang)
            return self._caller(view) if seg.channel == CALLER else self._agent(view)

    def _caller(self, view: _View) -> list[Cue | StepHeard]:
        out: list[Cue | StepHeard] = []
        for h in _caller_hits(self.lex, view.text):
            t = view.t(h.start)
            if h.category == "escalation" and self._fresh(CALLER, h.group, t):
                out.append(Cue(CALLER, t, "escalation", h.group, view.words(h.start, h.end)))
        return out

    def _agent(self, view: _View) -> list[Cue | StepHeard]:
        lex, text = self.lex, view.text
        found: list[tuple[int, str, str, int, int]] = []  # position, kind, code, span
        buts = sorted(((s, e) for s, e, _, _ in _find(lex.terms("but"), text)),
                      key=lambda span: (span[0], -span[1]))
        tail, self._tail = self._tail, None
        if tail and buts and view.seg.start - tail[0] <= SORRY_BUT_NEXT_S \
                and tail[1] + _units(lex, text, 0, buts[0][0]) <= lex.sorry_but:
            found.append((buts[0][0], "trap", "sorry_but", 0, buts[0][1]))
        for s, e, _, term in _pick(_find(lex.terms(*_AGENT_SETS), text)):
            if term.category == "fused":
                found.append((s, "trap", "sorry_but", s, e))
            elif term.category == "apology" or term.group == "A.apology":
                but = next(((bs, be) for bs, be in buts
                            if bs >= e and _units(lex, text, e, bs) <= lex.sorry_but), None)
                if but:
                    found.append((but[0], "trap", "sorry_but", s, but[1]))
                    continue
                if term.category == "step":
                    found.append((s, "step", term.group, s, e))
                left = _units(lex, text, e, len(text))
                if left <= lex.sorry_but:
                    self._tail = (view.seg.end, left)
            elif term.category == "understand":
                verdict = self._understand(text, s, e)
                if verdict:
                    found.append((s, *verdict))
            else:
                found.append((s, "step", term.group, s, e))
        out: list[Cue | StepHeard] = []
        for pos, kind, code, s, e in sorted(found, key=lambda f: f[0]):
            t = view.t(pos)
            if not self._fresh(AGENT, code, t):
                continue
            if kind == "trap":
                out.append(Cue(AGENT, t, "trap", code, view.words(s, e)))
            else:
                out.append(StepHeard(AGENT, t, code.split(".")[0], code, view.words(s, e)))
        return out

    def _understand(self, text: str, s: int, e: int) -> tuple[str, str, int, int] | None:
        """An "I understand": E.feeling with an object, bare_understand with nothing after."""
        lex = self.lex
        ahead = self._fillers_ahead.match(text, e)
        after = ahead.end() if ahead else e
        for obj in lex.terms("object_after"):
            if m := obj.pattern.match(text, after):
                return "step", "E.feeling", s, m.end()
        behind = self._fillers_behind.search(text, 0, s)
        end = behind.start() if behind else s
        start = end
        while start > 0 and _units(lex, text, start - 1, end) <= lex.understand:
            start -= 1
        for obj in lex.terms("object_before"):
            if m := obj.pattern.search(text, start, end):
                return "step", "E.feeling", m.start(), e
        if after >= len(text) or any(b.pattern.match(text, after) for b in lex.terms("but")):
            return "trap", "bare_understand", s, e
        return None

    def _turn_start(self, channel: str, start: float) -> float:
        """Where the turn holding a voiced interval began: pauses under TURN_GAP_S join."""
        for v in sorted(self._voiced[channel], key=lambda v: -v.start):
            if v.start < start <= v.end + TURN_GAP_S:
                start = v.start
        return start

    def on_voice(self, channel: str, start: float, end: float) -> list[Cue]:
        """A voiced interval of ``channel`` that has just ended (from VAD): talk-over cues."""
        if channel not in (CALLER, AGENT) or end <= start:
            return []
        other = AGENT if channel == CALLER else CALLER
        mine = _Voiced(start, end)
        out: list[Cue] = []
        with self._lock:
            mine_turn = self._turn_start(channel, start)
            for theirs in self._voiced[other]:
                their_turn = self._turn_start(other, theirs.start)
                if (min(end, theirs.end) - max(start, theirs.start) <= OVERLAP_S
                        or abs(mine_turn - their_turn) < SAME_START_S):
                    continue
                late, who = (mine, channel) if mine_turn > their_turn else (theirs, other)
                if late.fired:
                    continue
                late.fired = True
                out.append(Cue(AGENT, late.start, "trap", "talk_over") if who == AGENT
                           else Cue(CALLER, late.start, "interruption", "interruption"))
            self._voiced[channel].append(mine)
            horizon = end - VOICE_MEMORY_S
            for ch in (CALLER, AGENT):
                self._voiced[ch] = [v for v in self._voiced[ch] if v.end >= horizon]
        return sorted(out, key=lambda c: c.t)
