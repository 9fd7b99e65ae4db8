"""The thank-you letter (感谢信) drafted from a case (seed 004, step R)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desk.content import load_letter_template
from desk.models import Case, Customer


def format_date(day: date, lang: str) -> str:
    if lang.startswith("zh"):
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def draft_letter(resources: Path, lang: str, case: Case, customer: Customer | None, *,
                 organisation: str = "", signatory: str = "",
                 today: date | None = None) -> str:
    """Fill the letter template for ``lang`` from the case; the agent edits it afterwards."""
    zh = lang.startswith("zh")
    template = load_letter_template(resources, lang)
    name = (customer.name if customer else "").strip()
    values = {
        "customer_name": name or ("顾客" if zh else "Customer"),
        "date": format_date(today or date.today(), lang),
        "case_ref": case.ref,
        "complaint": _sentence(case.complaint, zh),
        "resolution": _sentence(case.result or case.action_flaw, zh),
        "prevention": _sentence(case.prevention or case.root_cause, zh),
        "organisation": organisation.strip() or ("本店" if zh else ""),
        "signatory": signatory.strip() or ("客户服务部" if zh else "Customer Service"),
    }
    return template.safe_substitute(values)


def _sentence(text: str, zh: bool) -> str:
    """One tidy sentence from what the agent typed, without doubled end punctuation."""
    text = " ".join(text.split())
    if not text:
        return "……" if zh else "…"
    return text.rstrip("。．.！!；;，,")
