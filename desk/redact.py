"""PII masking of transcripts before they leave the listening pipeline (never stored or synced).

Pure text, Qt-free, thread-safe. The analysis workers mask every segment; the sync server can
use :func:`find_pii` to refuse unmasked numbers. The rules are the same for every language.

Digits: ASCII or full-width digits, Chinese digit words (零〇一二三四五六七八九, 幺 = 1, 两 = 2),
English ones (zero oh o one ... nine) and Sino-Korean syllables (공영일이삼사오육칠팔구) in a
word made only of them. Spoken digits count in stretches of three or more (Korean: four, or
one three-syllable word), Chinese ones not beside 十百千万亿点 (三百五十 is an amount). Digits
joined only by spaces, hyphens, dashes, brackets or "+" form a *run*; a run splits into
*groups* where the typist put separators ("4111 1111"); a spoken stretch is one group.
Each run is tried on group-aligned windows, longest first, as:

* ``cn_id`` 18 characters (last may be X, said x/叉): province, birth date, GB 11643 check
  digit; the old 15-digit form (no check digit) only with ID talk near (身份证, 证件, ID).
* ``kr_rrn`` 13 digits, YYMMDD, 7th digit 1-8, check digit right or ID talk near (주민...).
* ``card`` 13-19 digits starting 2-6 that pass Luhn (typed groups at most 6 long); a card
  said in one breath with its code (16+3...) is split. The last 4 digits stay readable.
* ``phone`` a CN mobile 1[3-9]x (11 digits, maybe after 86/0086); "+" and 8-15 digits; 00 and
  an international number; 0 and 9-11 digits (CN landline with area code, KR, UK...); and the
  generic rule: a whole run of 7-12 digits, unless an order/reference word is within 6 words
  before it (订单号 单号 order tracking 주문번호...), it is a 400/800 business number, a date
  (YYYYMMDD, 2024-03-15, 15-03-2024) or a list of years.
* ``cvv`` a whole run of 3-4 digits (or what follows a card in its run) with card talk near:
  a card word (card cvv "security code" expiry 卡 安全码 验证码 背面 카드 보안코드...) or a
  card number within 30 words before it or 8 after (a CJK character is half a word). A
  :class:`Redactor` remembers card talk across the segments it masks.

Phones and codes are never amounts or parts of other numbers: not after a currency sign or 第,
not before a unit or currency word (元 块 天 号 dollars days 원 %...), not glued by . , : / to
more digits (12.50, 10:30, 03/26). Nothing under 7 digits is a phone, so hotlines like 12315
(the consumer regulator), "3 days" and years stay readable (a year right after card talk may
be taken for a code). Dates and the visible end of an already masked number are skipped.

Masking writes "*" for each masked digit: per ASCII digit, Chinese digit or Korean syllable,
and per English digit word ("four one" -> "* *"). Cards keep their last 4 digits; IDs, phones
and codes keep nothing. Everything else in the text is left as it was.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

PII_KINDS = ("card", "cvv", "cn_id", "kr_rrn", "phone")
CARD_TALK_BEFORE = 30.0  # words of card talk that make a 3-4 digit number a security code
CARD_TALK_AFTER = 8.0
ORDER_BEFORE = 6.0       # an order/reference word this close before a run: not a generic phone

_HAN = dict(zip("零〇一二三四五六七八九幺两", "0012345678912", strict=True))
_EN = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
       "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_KO = dict(zip("공영일이삼사오육칠팔구", "00123456789", strict=True))
_X = frozenset({"x", "ex", "叉"})
_POSITIONAL = frozenset("十百千万亿拾佰仟萬億点點")
_SEP = frozenset(" \t\r\n\u3000-‐‑‒–—―()（）+＋")
_TOKEN = re.compile(r"\d+|[零〇一二三四五六七八九幺两]|[A-Za-z]+|[\uac00-\ud7a3]+|叉")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")

_CARD_TALK = re.compile(
    r"(?i)\b(?:credit|debit|cards?|visa|master ?card|amex|american express|cvv2?|cvc2?|cv2|"
    r"security (?:code|number)|expir\w*|exp date|valid (?:thru|through)|on the back|"
    r"three digits?)\b|卡|安全码|验证码|校验码|背面|后三位|末三位|有效期|카드|보안 ?코드|"
    r"유효 ?기간|뒷면|뒷자리|비밀 ?번호|세 ?자리")
_ID_TALK = re.compile(r"(?i)\b(?:id|identity|passport)\b|身份证|证件|身份号|주민|신분증")
_ORDER_TALK = re.compile(
    r"(?i)\b(?:orders?|reference|ref|tracking|invoice|receipt|ticket|case|serial|model|sku|"
    r"parcel|item)\b|订单|单号|运单|快递|工单|发票|编号|型号|序列号|流水号|工号|주문|송장|"
    r"접수 ?번호|모델|일련 ?번호")
_QTY_BEFORE = re.compile(r"(?i)(?:[$¥￥€£₩]|rmb|usd|hkd|人民币|第)\s*$")
_QTY_AFTER = re.compile(
    r"(?i)\s*(?:[%％元块圆角万千百亿个件次天号月年日分秒斤克米岁원개]|小时|分钟|公斤|美元|美金|"
    r"欧元|英镑|港币|人民币|달러|(?:dollars?|bucks?|cents?|yuan|rmb|usd|pounds?|euros?|won|"
    r"percent|days?|hours?|minutes?|weeks?|months?|years?|times?|items?|pieces?|kg)\b)")
_GLUED_AFTER = re.compile(r"[.,:/]\d")
_GLUED_BEFORE = re.compile(r"\d[.,:/]$")

_MOBILE_CN = re.compile(r"(?:0086|86)?1[3-9]\d{9}")
_ZERO_LEAD = re.compile(r"0[1-9]\d{8,10}")
_INTL = re.compile(r"00[1-9]\d{7,13}")
_BUSINESS = re.compile(r"[48]00\d{7}")
_PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                        44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83})
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17-i) mod 11
_RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


@dataclass(frozen=True)
class PiiSpan:
    """A number found in a text: ``kind`` (one of :data:`PII_KINDS`) and its character span."""

    kind: str
    start: int
    end: int


class DigitUnit(NamedTuple):
    """One digit of a run: where it is in the text, its value ("0"-"9", or "X" ending an ID),
    whether it was spoken (a word), and its group (units typed or said as one block)."""

    start: int
    end: int
    digit: str
    spoken: bool
    group: int


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def cn_id_check_digit(first17: str) -> str:
    """GB 11643: the 18th character of a mainland ID number from its first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        return 1900 <= datetime.date(year, month, day).year <= 2099
    except ValueError:
        return False


def _ymd(s: str) -> bool:
    return _date_ok(int(s[:4]), int(s[4:6]), int(s[6:8]))


def cn_id_ok(s: str, *, old_form: bool = False) -> bool:
    """An 18-character ID (check digit verified); the 15-digit form too when ``old_form``."""
    if len(s) == 18 and s[:17].isdigit() and int(s[:2]) in _PROVINCES:
        return _ymd(s[6:14]) and s[17] == cn_id_check_digit(s[:17])
    return (old_form and len(s) == 15 and s.isdigit() and int(s[:2]) in _PROVINCES
            and _ymd("19" + s[6:12]))


def _rrn_ok(s: str, talk: bool) -> bool:
    if len(s) != 13 or not s.isdigit() or s[6] not in "12345678":
        return False
    century = 1900 if s[6] in "1256" else 2000
    if not _date_ok(century + int(s[:2]), int(s[2:4]), int(s[4:6])):
        return False
    total = sum(int(c) * w for c, w in zip(s[:12], _RRN_WEIGHTS, strict=True))
    return talk or (11 - total % 11) % 10 == int(s[12])


def _is_date(groups: Sequence[str]) -> bool:
    lens = [len(g) for g in groups]
    if lens == [8]:
        return _ymd(groups[0])
    if len(groups) == 3 and lens[0] == 4 and max(lens[1:]) <= 2:
        return _date_ok(int(groups[0]), int(groups[1]), int(groups[2]))
    if len(groups) == 3 and lens[2] == 4 and max(lens[:2]) <= 2:
        y, a, b = int(groups[2]), int(groups[0]), int(groups[1])
        return _date_ok(y, a, b) or _date_ok(y, b, a)
    return len(groups) > 1 and all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups)


def _spoken_ok(units: list[DigitUnit], tokens: int, script: str, text: str) -> bool:
    n = sum(u.digit != "X" for u in units)
    if script == "ko":
        return n >= 4 or (n == 3 and tokens == 1)
    if script == "han":
        before = text[:units[0].start].rstrip()[-1:]
        after = text[units[-1].end:].lstrip()[:1]
        if before in _POSITIONAL or after in _POSITIONAL:
            return False
    return n >= 3


def _runs(text: str) -> list[list[DigitUnit]]:
    """The runs of digits in ``text`` (see the module docstring), each a list of units."""
    raw: list[list[DigitUnit]] = []
    run: list[DigitUnit] = []
    info: dict[int, list[str]] = {}  # spoken group -> [script per token]
    group, prev_end = 0, 0
    for m in _TOKEN.finditer(text):
        s, e, tok = m.start(), m.end(), m.group()
        low = tok.lower()
        joined = bool(run) and all(c in _SEP for c in text[prev_end:s])
        if low in _X:
            if joined and run[-1].digit != "X":
                run.append(DigitUnit(s, e, "X", run[-1].spoken, run[-1].group))
            raw.append(run)
            run, prev_end = [], e
            continue
        if tok[0].isdigit():
            units = [(s + i, s + i + 1, str(unicodedata.decimal(c))) for i, c in enumerate(tok)]
            script = ""
        elif tok in _HAN:
            units, script = [(s, e, _HAN[tok])], "han"
        elif low in _EN:
            units, script = [(s, e, _EN[low])], "en"
        elif all(c in _KO for c in tok):
            units, script = [(s + i, s + i + 1, _KO[c]) for i, c in enumerate(tok)], "ko"
        else:
            raw.append(run)
            run, prev_end = [], e
            continue
        if not joined:
            raw.append(run)
            run = []
        if not (script and joined and run[-1].spoken):
            group += 1
        if script:
            info.setdefault(group, []).append(script)
        run.extend(DigitUnit(a, b, d, bool(script), group) for a, b, d in units)
        prev_end = e
    raw.append(run)
    runs: list[list[DigitUnit]] = []
    for r in raw:  # split runs at spoken stretches too short (or too amount-like) to be digits
        part: list[DigitUnit] = []
        for g, grp in itertools.groupby(r, key=lambda u: u.group):
            units_g = list(grp)
            if g in info and not _spoken_ok(units_g, len(info[g]), info[g][0], text):
                runs.append(part)
                part = []
            else:
                part.extend(units_g)
        runs.append(part)
    return [r for r in runs if r]


def digit_units(text: str) -> list[DigitUnit]:
    """Every digit of every run in ``text``, typed or spoken, in order."""
    return [u for run in _runs(text) for u in run]


class _Positions:
    """Word positions: how many words come before a character (a CJK character is half)."""

    def __init__(self, text: str) -> None:
        words = list(_WORD.finditer(text))
        self.starts = [m.start() for m in words]
        self.cum = list(itertools.accumulate(
            (0.5 if _CJK_CHAR.fullmatch(m.group()) else 1.0 for m in words), initial=0.0))

    def at(self, i: int) -> float:
        return self.cum[bisect.bisect_left(self.starts, i)]


class _Scan:
    """One text scanned with the context carried over from earlier texts."""

    def __init__(self, text: str, card_gap: float, id_gap: float) -> None:
        self.text, self.card_gap, self.id_gap = text, card_gap, id_gap
        self.pos = _Positions(text)
        self.card = self._marks(_CARD_TALK)
        self.ids = self._marks(_ID_TALK)
        self.order = self._marks(_ORDER_TALK)
        self.found: list[tuple[str, list[DigitUnit]]] = []
        for run in _runs(text):
            self._run(run)

    def _marks(self, pattern: re.Pattern[str]) -> list[tuple[float, float]]:
        return [(self.pos.at(m.start()), self.pos.at(m.end())) for m in pattern.finditer(self.text)]

    def _near(self, marks: list[tuple[float, float]], gap: float, units: list[DigitUnit]) -> bool:
        ws, we = self.pos.at(units[0].start), self.pos.at(units[-1].end)
        return gap + ws <= CARD_TALK_BEFORE or any(
            0 <= ws - me <= CARD_TALK_BEFORE or 0 <= ms - we <= CARD_TALK_AFTER
            for ms, me in marks)

    def _quantity(self, units: list[DigitUnit]) -> bool:
        before, after = self.text[:units[0].start], self.text[units[-1].end:]
        return bool(_QTY_BEFORE.search(before[-8:]) or _QTY_AFTER.match(after)
                    or _GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after))

    def _phone(self, digits: str, units: list[DigitUnit], groups: list[str], rest: bool) -> bool:
        if self._quantity(units) or _is_date(groups):
            return False
        if _MOBILE_CN.fullmatch(digits):
            return True
        if self.text[:units[0].start].rstrip().endswith(("+", "＋")) and 8 <= len(digits) <= 15:
            return True
        ws = self.pos.at(units[0].start)
        if not rest or any(0 <= ws - me <= ORDER_BEFORE for _, me in self.order):
            return False
        return bool(_INTL.fullmatch(digits) or _ZERO_LEAD.fullmatch(digits)
                    or (7 <= len(digits) <= 12 and not _BUSINESS.fullmatch(digits)))

    def _classify(self, groups: list[list[DigitUnit]], rest: bool, after_card: bool) -> str | None:
        """``rest``: the window is all of its run, or all of it after a number found first."""
        units = [u for g in groups for u in g]
        digits = "".join(u.digit for u in units)
        texts = ["".join(u.digit for u in g) for g in groups]
        if "X" in digits[:-1]:
            return None
        id_talk = self._near(self.ids, self.id_gap, units)
        if cn_id_ok(digits, old_form=id_talk):
            return "cn_id"
        if digits[-1] == "X":
            return None
        if _rrn_ok(digits, id_talk):
            return "kr_rrn"
        if (13 <= len(digits) <= 19 and digits[0] in "23456" and luhn_ok(digits)
                and (len(groups) == 1 or all(g[0].spoken or len(g) <= 6 for g in groups))):
            return "card"
        if self._phone(digits, units, texts, rest):
            return "phone"
        if (rest and after_card and 3 <= len(digits) <= 4 and not self._quantity(units)
                and self._near(self.card, self.card_gap, units)):
            return "cvv"
        return None

    def _add(self, kind: str, units: list[DigitUnit]) -> None:
        self.found.append((kind, units))
        if kind == "card":
            end = self.pos.at(units[-1].end)
            self.card.append((end, end))

    def _run(self, run: list[DigitUnit]) -> None:
        groups = [list(g) for _, g in itertools.groupby(run, key=lambda u: u.group)]
        masked_before = self.text[:run[0].start].rstrip("".join(_SEP)).endswith("*")
        if masked_before or _is_date(["".join(u.digit for u in g) for g in groups]):
            return  # the last digits of a masked card stay, and so do dates
        i, rest_from, after_card = 0, 0, True  # after_card: nothing or a card before i
        while i < len(groups):
            for j in range(len(groups), i, -1):
                kind = self._classify(groups[i:j], i == rest_from and j == len(groups),
                                      after_card)
                if kind:
                    self._add(kind, [u for g in groups[i:j] for u in g])
                    i = rest_from = j
                    after_card = kind == "card"
                    break
            else:
                if self._split_card(groups[i]):
                    rest_from, after_card = i + 1, False
                i += 1

    def _split_card(self, units: list[DigitUnit]) -> bool:
        """A card and its code said (or typed) in one breath: 16+3, 15+4, 19+3 digits..."""
        digits = "".join(u.digit for u in units)
        for n in (16, 15, 19):
            if len(digits) - n in (3, 4) and digits[0] in "23456" and luhn_ok(digits[:n]):
                self._add("card", units[:n])
                self._add("cvv", units[n:])
                return True
        return False

    def gaps(self) -> tuple[float, float]:
        """Words since the last card talk and ID talk, at the end of this text."""
        total = self.pos.cum[-1]
        return (total - max(me for _, me in self.card) if self.card else self.card_gap + total,
                total - max(me for _, me in self.ids) if self.ids else self.id_gap + total)


def _masked_units(found: list[tuple[str, list[DigitUnit]]]) -> list[DigitUnit]:
    return sorted(u for kind, units in found for u in (units[:-4] if kind == "card" else units))


def _apply(text: str, units: Sequence[DigitUnit], offset: int = 0) -> str:
    parts: list[str] = []
    at = 0
    for u in units:
        parts += [text[at:u.start - offset], "*"]
        at = u.end - offset
    return "".join(parts) + text[at:]


class Redactor:
    """Masks the segments of one call; remembers card and ID talk across them.

    Share one Redactor between the two channels of a call, so that the agent's "what is the
    security code on the back?" makes the caller's "one two three" a code. Thread-safe.
    ``commit=False`` (for partial segments) masks without moving the remembered context on.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._card_gap = self._id_gap = float("inf")

    def reset(self) -> None:
        with self._lock:
            self._card_gap = self._id_gap = float("inf")

    def _scan(self, text: str, commit: bool) -> _Scan:
        with self._lock:
            scan = _Scan(text, self._card_gap, self._id_gap)
            if commit:
                self._card_gap, self._id_gap = scan.gaps()
        return scan

    def find(self, text: str, lang: str = "", *, commit: bool = True) -> list[PiiSpan]:
        found = self._scan(text, commit).found
        return sorted((PiiSpan(k, u[0].start, u[-1].end) for k, u in found),
                      key=lambda span: span.start)

    def mask_text(self, text: str, lang: str = "", *, commit: bool = True) -> str:
        return _apply(text, _masked_units(self._scan(text, commit).found))

    def mask_tokens(self, tokens: Sequence[str], lang: str = "", *,
                    commit: bool = True) -> list[str]:
        """Each token masked in place (recognizer words): same length list as ``tokens``."""
        units = _masked_units(self._scan(" ".join(tokens), commit).found)
        starts = itertools.accumulate((len(tok) + 1 for tok in tokens), initial=0)
        return [_apply(tok, [u for u in units if a <= u.start < a + len(tok)], a)
                for tok, a in zip(tokens, starts, strict=False)]


def find_pii(text: str, lang: str = "") -> list[PiiSpan]:
    """The PII in one text on its own (no earlier context), sorted by position."""
    return Redactor().find(text, lang)


def redact_text(text: str, lang: str = "") -> str:
    """``text`` with card numbers (all but the last 4 digits), security codes, ID numbers and
    phone numbers masked digit by digit; see the module docstring for the rules."""
    return Redactor().mask_text(text, lang)
