"""The thank-you letter (感谢信) drafted from a case, in Chinese and English."""

from __future__ import annotations

from datetime import date

import pytest

from desk.content import resources_dir
from desk.letters import draft_letter
from desk.models import Case, Customer

CASE = Case(id="c1", ref="240301-AB12", created_at="2024-03-01T09:00:00.000Z",
            updated_at="2024-03-01T09:00:00.000Z",
            complaint="洗衣机第一次使用就漏水。", result="已上门更换进水管并赔偿50元。",
            prevention="安装后增加试水检查，并培训安装师傅。")
CASE_EN = Case(id="c2", ref="240302-CD34", created_at="2024-03-02T09:00:00.000Z",
               updated_at="2024-03-02T09:00:00.000Z", complaint="The blender arrived broken.",
               result="We sent a new blender by courier.",
               prevention="Blenders are now packed in double boxes.")
EMPTY = Case(id="c3", ref="240303-EF56", created_at="", updated_at="")


def test_chinese_letter_carries_the_case() -> None:
    text = draft_letter(resources_dir(), "zh_CN", CASE, Customer("u1", "王小明"),
                        organisation="幸福家电", today=date(2024, 3, 5))
    for part in ("王小明", "240301-AB12", "已上门更换进水管并赔偿50元", "洗衣机第一次使用就漏水",
                 "安装后增加试水检查，并培训安装师傅", "幸福家电", "2024年3月5日"):
        assert part in text, part
    assert "。。" not in text and "$" not in text


def test_english_letter_carries_the_case() -> None:
    text = draft_letter(resources_dir(), "en", CASE_EN, Customer("u2", "Margaret Oyelaran"),
                        signatory="Ann Lee", today=date(2024, 3, 5))
    for part in ("Margaret Oyelaran", "240302-CD34", "We sent a new blender by courier",
                 "Blenders are now packed in double boxes", "Ann Lee", "5 March 2024"):
        assert part in text, part
    assert ".." not in text and "$" not in text


def test_falls_back_to_action_and_root_cause() -> None:
    case = Case(id="c4", ref="R", created_at="", updated_at="", action_flaw="已修好门锁",
                root_cause="门锁批次质量问题")
    text = draft_letter(resources_dir(), "zh_CN", case, None)
    assert "已修好门锁" in text and "门锁批次质量问题" in text


@pytest.mark.parametrize(("lang", "placeholder", "greeting"), [
    ("zh_CN", "……", "顾客"), ("en", "…", "Customer")])
def test_missing_fields_give_a_placeholder(lang: str, placeholder: str, greeting: str) -> None:
    text = draft_letter(resources_dir(), lang, EMPTY, Customer("u3", "   "))
    assert "$" not in text
    assert text.count(placeholder) >= 3  # complaint, resolution, prevention
    assert greeting in text and "240303-EF56" in text


def test_dollar_signs_typed_by_the_agent_stay_as_typed() -> None:
    case = Case(id="c5", ref="R", created_at="", updated_at="",
                result="Refunded $resolution and $20")
    text = draft_letter(resources_dir(), "en", case, Customer("u", "$customer_name"))
    assert "Refunded $resolution and $20" in text and "Dear $customer_name" in text
