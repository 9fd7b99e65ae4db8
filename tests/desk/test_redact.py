"""PII masking: card numbers, security codes, CN ID numbers, phone numbers; and near misses."""

from __future__ import annotations

import pytest

from desk.redact import PiiSpan, Redactor, digit_units, find_pii, redact_text

EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ZH = "零一二三四五六七八九"


def luhn_digit(body: str) -> str:
    """The digit that makes ``body`` + digit pass Luhn (computed here, not by desk.redact)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch) * (1 if i % 2 else 2)
        total += n // 10 + n % 10
    return str(-total % 10)


def luhn_passes(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def cn_id(first17: str) -> str:
    """A mainland ID number: GB 11643 check digit over weights 2**(17-i) mod 11."""
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(first17))
    return first17 + "10X98765432"[total % 11]


def id_ending(check: str) -> str:
    """A valid ID (Beijing, born 1990-03-07) whose check character is ``check``."""
    for seq in range(1000):
        number = cn_id(f"11010519900307{seq:03d}")
        if number[-1] == check:
            return number
    raise AssertionError(check)


def say_en(digits: str) -> str:
    return " ".join(EN[int(d)] for d in digits)


def say_zh(digits: str, sep: str = "", yao: bool = False) -> str:
    return sep.join("幺" if yao and d == "1" else ZH[int(d)] for d in digits)


VISA = "4111111111111111"
UNIONPAY19 = "621234567890123456" + luhn_digit("621234567890123456")
VALID_ID = id_ending("5")
ID_X = id_ending("X")


# --- card numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "masked"), [
    ("my card is 4111 1111 1111 1111", "my card is **** **** **** 1111"),
    ("4111-1111-1111-1111 please", "****-****-****-1111 please"),
    ("number 4111111111111111.", "number ************1111."),
    ("卡号４１１１ １１１１ １１１１ １１１１", "卡号**** **** **** １１１１"),
    ("amex 3782 822463 10005", "amex **** ****** *0005"),
    (f"银联卡 {UNIONPAY19}", f"银联卡 {'*' * 15}{UNIONPAY19[-4:]}"),
    ("5555 5555 5555 4444 thanks", "**** **** **** 4444 thanks"),
])
def test_card_numbers_typed_keep_last_four(text: str, masked: str) -> None:
    assert redact_text(text) == masked
    assert [s.kind for s in find_pii(text)] == ["card"]


SPOKEN_STARS = " ".join(["*"] * 12)


@pytest.mark.parametrize(("lang", "spoken", "masked"), [
    ("en", say_en(VISA), f"{SPOKEN_STARS} one one one one"),
    ("en", f"card number {say_en(VISA)}", f"card number {SPOKEN_STARS} one one one one"),
    ("zh", f"卡号{say_zh(VISA)}", f"卡号{'*' * 12}一一一一"),
    ("zh", f"卡 号 {say_zh(VISA, ' ')}", f"卡 号 {SPOKEN_STARS} 一 一 一 一"),
    ("zh", say_zh(VISA, " ", yao=True), f"{SPOKEN_STARS} 幺 幺 幺 幺"),
    ("ko", "카드 번호는 사일일일 일일일일 일일일일 일일일일",
     "카드 번호는 **** **** **** 일일일일"),
])
def test_card_numbers_spoken(lang: str, spoken: str, masked: str) -> None:
    assert redact_text(spoken, lang) == masked
    assert [s.kind for s in find_pii(spoken, lang)] == ["card"]


def test_card_said_with_its_code_in_one_breath() -> None:
    text = say_en(VISA + "123")
    assert redact_text(text, "en") == f"{SPOKEN_STARS} one one one one * * *"
    assert [s.kind for s in find_pii(text)] == ["card", "cvv"]
    typed = "4111 1111 1111 1111 737"
    assert redact_text(typed) == "**** **** **** 1111 ***"


@pytest.mark.parametrize("text", [
    "4111 1111 1111 1112",               # one digit off: fails Luhn
    "order 4111111111111112",
    "订单号 2024031512345679",            # an order number that fails Luhn
    "tracking 9111 1111 1111 1111",      # passes Luhn but no card starts with 9
    "ref 1234 5678 9012 3456 7890 1234",  # 24 digits
])
def test_card_near_misses_stay(text: str) -> None:
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) == 16 and digits[0] != "9":
        assert not luhn_passes(digits)
    assert redact_text(text) == text
    assert find_pii(text) == []


# --- security codes -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "masked"), [
    ("the security code is 123", "the security code is ***"),
    ("cvv 4 5 6", "cvv * * *"),
    ("信用卡背面的安全码是 三 七 九", "信用卡背面的安全码是 * * *"),
    ("卡背面三位数是三七九", "卡背面三位数是***"),
    ("카드 뒷면 보안코드는 삼칠구", "카드 뒷면 보안코드는 ***"),
    ("372 is the three digits on the back", "*** is the three digits on the back"),
    ("my card expires oh three two six", "my card expires * * * *"),
])
def test_security_code_near_card_talk(text: str, masked: str) -> None:
    assert redact_text(text) == masked
    assert [s.kind for s in find_pii(text)] == ["cvv"]


@pytest.mark.parametrize("text", [
    "the code is 123",                     # no card talk
    "one two three",
    "my card was charged 399 dollars",     # an amount
    "信用卡多扣了 350 元",
    "the card expires 03/26",               # glued to more digits: a date
    "the card was charged on 12.50",
    "我的卡 三百五十",                       # a Chinese amount, not digits
    "i called you 3 times about my card",
    "card " + "word " * 40 + "123",         # card talk too far back
])
def test_three_digits_without_card_talk_stay(text: str) -> None:
    assert redact_text(text) == text


def test_card_talk_carries_over_to_the_next_segments() -> None:
    redactor = Redactor()
    assert redactor.mask_text("what is the security code on the back of the card") == \
        "what is the security code on the back of the card"
    assert redactor.mask_text("seven three nine") == "* * *"
    assert Redactor().mask_text("seven three nine") == "seven three nine"


def test_a_card_number_is_card_talk_for_the_code_that_follows() -> None:
    redactor = Redactor()
    assert redactor.mask_text("4111 1111 1111 1111") == "**** **** **** 1111"
    assert redactor.mask_text("and 123") == "and ***"


def test_card_talk_expires_and_reset_forgets_it() -> None:
    redactor = Redactor()
    redactor.mask_text("the card")
    redactor.mask_text("well " * 40)
    assert redactor.mask_text("123") == "123"
    redactor.mask_text("cvv")
    redactor.reset()
    assert redactor.mask_text("123") == "123"


def test_partials_do_not_move_the_context_on() -> None:
    redactor = Redactor()
    redactor.mask_text("security code please")
    for _ in range(10):  # the same partial re-sent while the caller speaks
        redactor.mask_text("hold on let me find it in my bag", commit=False)
    assert redactor.mask_text("one two three") == "* * *"


# --- CN ID numbers --------------------------------------------------------------------------

def test_test_ids_are_valid() -> None:
    assert VALID_ID.endswith("5") and ID_X.endswith("X") and len(VALID_ID) == len(ID_X) == 18


@pytest.mark.parametrize("number", [VALID_ID, ID_X, ID_X.lower(),
                                    f"{ID_X[:6]} {ID_X[6:14]} {ID_X[14:]}"])
def test_cn_id_typed_fully_masked(number: str) -> None:
    text = f"身份证号 {number} 谢谢"
    masked = "".join("*" if c.isalnum() else c for c in number)
    assert redact_text(text, "zh") == f"身份证号 {masked} 谢谢"
    assert [s.kind for s in find_pii(text)] == ["cn_id"]


def test_cn_id_spoken_with_x() -> None:
    spoken = say_zh(ID_X[:17], " ", yao=True) + " 叉"
    assert redact_text(spoken, "zh") == " ".join(["*"] * 18)
    assert redact_text(say_zh(VALID_ID), "zh") == "*" * 18


@pytest.mark.parametrize("check", [c for c in "0123456789X" if c != VALID_ID[-1]])
def test_cn_id_with_a_wrong_check_digit_stays(check: str) -> None:
    wrong = VALID_ID[:17] + check
    assert redact_text(f"证件号 {wrong}") == f"证件号 {wrong}"


def test_cn_id_with_an_impossible_birth_date_stays() -> None:
    bad_date = cn_id("11010519901307123")  # month 13, check digit right
    assert redact_text(f"身份证 {bad_date}") == f"身份证 {bad_date}"


def test_old_15_digit_id_only_with_id_talk() -> None:
    old = "110105900307123"
    assert redact_text(f"我的身份证是 {old}") == f"我的身份证是 {'*' * 15}"
    assert redact_text(f"编号 {old}") == f"编号 {old}"


def test_korean_resident_number() -> None:
    body = "900307123456"
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    check = (11 - sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11) % 10
    rrn = f"{body[:6]}-{body[6:]}{check}"
    assert redact_text(rrn) == "******-*******"
    wrong = f"{body[:6]}-{body[6:]}{(check + 1) % 10}"
    assert redact_text(wrong) == wrong
    assert redact_text(f"주민등록번호 {wrong}") == "주민등록번호 ******-*******"


# --- phone numbers --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "masked"), [
    ("我的电话是13812345678", "我的电话是***********"),
    ("138 1234 5678", "*** **** ****"),
    ("+86 138-1234-5678", "+** ***-****-****"),
    ("手机 幺 三 八 一 二 三 四 五 六 七 八", "手机 * * * * * * * * * * *"),
    ("手机幺三八幺二三四五六七八", "手机***********"),
    ("我的手机是一八六两两两两三三三三", "我的手机是***********"),
    ("座机 010-8765 4321", "座机 ***-**** ****"),
    ("0755-8888 6666", "****-**** ****"),
    ("call me on 555 1234", "call me on *** ****"),
    ("five five five one two three four", "* * * * * * *"),
    ("+44 20 7946 0958", "+** ** **** ****"),
    ("010-1234-5678", "***-****-****"),
    ("공일공 일이삼사 오육칠팔", "*** **** ****"),
    ("번호는 공일공에 일이삼사", "번호는 공일공에 일이삼사"),  # 공일공에: not only digits
])
def test_phone_numbers(text: str, masked: str) -> None:
    assert redact_text(text) == masked


@pytest.mark.parametrize("text", [
    "我要投诉到12315", "打 一 二 三 一 五", "one two three one five", "12345 市长热线",
    "消费者热线 1372",
    "退款 ¥12345678", "一共 12345678 元", "$1,234,567.89", "it was 1234567.50 dollars",
    "2024-03-15", "20240315", "15/03/2024", "on 15-03-2024", "二零二四年三月十五日",
    "2019 2020 2021", "10:30", "3 days", "等了 3 天", "三百五十块", "第1234567号",
    "订单号 12345678", "order number 87654321", "单号是 7 7 8 8 9 9 0",
    "客服电话 400-820-8820", "800 123 4567",
    "2024年3月15日上午10点30分",
])
def test_not_phone_numbers(text: str) -> None:
    assert redact_text(text) == text
    assert find_pii(text) == []


# --- API ------------------------------------------------------------------------------------

def test_find_pii_reports_kind_and_span() -> None:
    text = "call 13812345678 card 4111111111111111 id " + VALID_ID
    assert find_pii(text) == [PiiSpan("phone", 5, 16), PiiSpan("card", 22, 38),
                              PiiSpan("cn_id", 42, 60)]


def test_masking_is_idempotent_and_leaves_nothing_to_find() -> None:
    text = f"card 4111 1111 1111 1111 code 123 phone 13812345678 id {ID_X}"
    once = redact_text(text)
    assert redact_text(once) == once
    assert find_pii(once) == []


@pytest.mark.parametrize(("tokens", "masked"), [
    (["卡号", *say_zh(VISA, " ").split()], ["卡号", *["*"] * 12, *["一"] * 4]),
    ([*say_en(VISA).split(), "thanks"], [*["*"] * 12, *["one"] * 4, "thanks"]),
    (["my", "card", "4111", "1111", "1111", "1111"],
     ["my", "card", "****", "****", "****", "1111"]),
    (["手机", "幺三八", "一二三四", "五六七八"], ["手机", "***", "****", "****"]),
    (["to", "12315"], ["to", "12315"]),
])
def test_mask_tokens_keeps_one_token_per_word(tokens: list[str], masked: list[str]) -> None:
    assert Redactor().mask_tokens(tokens) == masked


def test_mask_tokens_remembers_card_talk() -> None:
    redactor = Redactor()
    redactor.mask_tokens(["安全码", "是"], "zh")
    assert redactor.mask_tokens(["三", "七", "九"], "zh") == ["*", "*", "*"]


@pytest.mark.parametrize(("text", "digits"), [
    ("我 要 投诉 到 一 二 三 一 五", "12315"),
    ("一下 一起 十一", ""),
    ("三百五十块 一二三", "123"),
    ("三百五十 一二三", ""),  # spaces say nothing in vosk output: could be 五十一 二三
    ("four one one one", "4111"),
    ("oh okay one more", ""),
    ("이 일이", ""),
    ("사일일일", "4111"),
    ("４１", "41"),
])
def test_digit_units(text: str, digits: str) -> None:
    assert "".join(u.digit for u in digit_units(text)) == digits
