"""The call report worded for people: the call's figures, and the report page as HTML for a
QTextDocument (figures, the curve picture, the transcript around the caller's peak, the CLEAR
steps with their times, the case notes, the comments). ui/call_export.py writes it as PDF; the
one-call view shows the same figures.

Sizes are pixels of a page PAGE_WIDTH wide (A4 less the margins, about 96 an inch).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont

from desk.call_data import CallData
from desk.calls import CallRecord
from desk.comments import Comment
from desk.content import Catalog, Clear, ContentError, load_catalog, load_clear, resources_dir
from desk.events import AGENT, CALLER
from desk.models import Note
from desk.report import caller_peak, step_moments, transcript_excerpt
from desk.review import CallReview
from ui.format import call_time, local

FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                 "PingFang SC", "Sans Serif"]
PAGE_WIDTH = 680
FONT_PX = 12
NOTES_SHOWN = 12  # the newest
NOTE_CHARS = 600
COMMENTS_SHOWN = 30  # the first in call time
COMMENT_CHARS = 600
e = html.escape


def report_font(pixels: int = 12) -> QFont:
    """Latin first, CJK fonts behind it (Chinese first when the UI is Chinese)."""
    font = QFont()
    latin = [f for f in (QFont().defaultFamily(), "Noto Sans", "DejaVu Sans", "Segoe UI",
                         "Arial") if f]
    zh = QLocale().name().startswith("zh")
    font.setFamilies(FONT_FAMILIES + latin if zh else latin + FONT_FAMILIES)
    font.setPixelSize(pixels)
    return font


@cache
def _catalog() -> Catalog | None:
    try:
        return load_catalog(resources_dir())
    except ContentError:
        return None


def category_name(key: str) -> str:
    """The category's name in the UI language (the key if it is not in the catalog)."""
    catalog = _catalog()
    try:
        return catalog.category(key).name.get(QLocale().name()) if catalog else key
    except ContentError:
        return key


@cache
def _clear() -> Clear | None:
    try:
        return load_clear(resources_dir())
    except ContentError:
        return None


def step_name(step: str) -> str:
    clear = _clear()
    if clear is None:
        return step
    try:
        return clear.step(step).name.get(QLocale().name())
    except ContentError:
        return step


def when(iso: str) -> str:
    try:
        return local(iso).strftime("%Y-%m-%d %H:%M") if iso else ""
    except ValueError:  # not a time (a row from elsewhere): shown as it is
        return iso[:40]


def band_word(band: str) -> str:
    return {"calm": QCoreApplication.translate("CallReport", "calm"),
            "elevated": QCoreApplication.translate("CallReport", "elevated"),
            "agitated": QCoreApplication.translate("CallReport", "agitated"),
            "escalate": QCoreApplication.translate("CallReport", "escalating")}.get(band, band)


def peak_text(peak: tuple[float, float] | None, band: str = "") -> str:
    """"78 (agitated) at 0:18"."""
    if peak is None:
        return "—"
    score = f"{peak[1]:.0f}"
    if band:
        score = QCoreApplication.translate("CallReport", "%1 (%2)").replace(
            "%1", score).replace("%2", band_word(band))
    return QCoreApplication.translate("CallReport", "%1 at %2").replace(
        "%1", score).replace("%2", call_time(peak[0]))


def steps_text(review: CallReview | None) -> str:
    if review is None or not review.steps_done:
        return QCoreApplication.translate("CallReport", "none")
    text = " ".join(review.steps_done)
    if len(review.step_order) > 1:
        order = (QCoreApplication.translate("CallReport", "in CLEAR order")
                 if review.in_clear_order
                 else QCoreApplication.translate("CallReport", "out of order: %1").replace(
                     "%1", " ".join(review.step_order)))
        text += " · " + order
    return text


def figure_rows(data: CallData | CallRecord, review: CallReview | None,
                peak_band: str = "") -> list[tuple[str, str]]:
    """The call's figures as (label, value), worded for people."""
    s = data.summary
    peak = data.caller_peak() if isinstance(data, CallData) else caller_peak(data.samples)
    never = QCoreApplication.translate("CallReport", "never")
    rows = [(QCoreApplication.translate("CallReport", "Agent"), review.agent if review else ""),
            (QCoreApplication.translate("CallReport", "Customer"),
             review.customer if review else ""),
            (QCoreApplication.translate("CallReport", "Case"), review.case_ref if review else ""),
            (QCoreApplication.translate("CallReport", "Started"), when(s.started_at)),
            (QCoreApplication.translate("CallReport", "Duration"), call_time(s.duration)),
            (QCoreApplication.translate("CallReport", "Peak"), peak_text(peak, peak_band)),
            (QCoreApplication.translate("CallReport", "At the end"), f"{s.final:.0f}"),
            (QCoreApplication.translate("CallReport", "De-escalation"),
             f"{max(0.0, s.peak - s.final):.0f}")]
    if review is not None:
        rows += [
            (QCoreApplication.translate("CallReport", "First apology"),
             call_time(review.t_apology) if review.t_apology is not None else never),
            (QCoreApplication.translate("CallReport", "First offer"),
             call_time(review.t_offer) if review.t_offer is not None else never),
            (QCoreApplication.translate("CallReport", "Steps done"), steps_text(review)),
            (QCoreApplication.translate("CallReport", "Traps"), str(review.traps)),
            (QCoreApplication.translate("CallReport", "Escalation words"),
             str(review.escalations)),
            (QCoreApplication.translate("CallReport", "Interruptions"),
             str(review.interruptions))]
    return rows


# -- the report page --------------------------------------------------------------------------

def _heading(text: str) -> str:
    return f"<h3 style='margin-top:14px'>{e(text)}</h3>"


def _speaker(channel: str) -> str:
    return (QCoreApplication.translate("CallReport", "Agent") if channel == AGENT
            else QCoreApplication.translate("CallReport", "Caller") if channel == CALLER
            else channel)


def _cut(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _table(rows: Sequence[Sequence[str]], widths: Sequence[int] = (), border: bool = True
           ) -> str:
    """Rows of already-escaped cells; ``widths`` in % of the page, set on the first row."""
    body = []
    for i, r in enumerate(rows):
        cells = "".join(
            f"<td valign='top'{f' width={widths[j]}%' if i == 0 and j < len(widths) else ''}>"
            f"{c}</td>" for j, c in enumerate(r))
        body.append(f"<tr>{cells}</tr>")
    lines = "border='0.5' style='border-color:#d0d4da; border-collapse:collapse'" if border \
        else "border='0'"
    return (f"<table width='100%' cellspacing='0' cellpadding='3' {lines}>{''.join(body)}"
            "</table><p style='margin:0; font-size:3px'>&nbsp;</p>")


def report_html(data: CallData | CallRecord, review: CallReview | None,
                comments: Sequence[Comment], notes: Sequence[Note], curve_url: str = "",
                peak_band: str = "") -> str:
    """The report as HTML for a QTextDocument (the curve as the image resource
    ``curve_url``)."""
    s = data.summary
    peak = data.caller_peak() if isinstance(data, CallData) else caller_peak(data.samples)
    ref = review.case_ref if review else ""
    title = (QCoreApplication.translate("CallReport", "Call report · case %1").replace("%1", ref)
             if ref else QCoreApplication.translate("CallReport", "Call report"))
    sub = " · ".join(x for x in (review.customer if review else "",
                                 category_name(review.category) if review else "",
                                 when(s.started_at)) if x)
    figs = figure_rows(data, review, peak_band)
    half = (len(figs) + 1) // 2
    pairs = [[f"<span style='color:#5f6368'>{e(a[0])}</span>", f"<b>{e(a[1])}</b>",
              *((f"<span style='color:#5f6368'>{e(b[0])}</span>", f"<b>{e(b[1])}</b>")
                if b else ("", ""))]
             for a, b in zip(figs[:half], [*figs[half:], None], strict=False)]
    parts = [f"<h2 style='margin-bottom:2px'>{e(title)}</h2>",
             f"<p style='color:#5f6368; margin-top:0'>{e(sub)}</p>",
             _table(pairs, widths=(17, 33, 17, 33), border=False)]
    if curve_url:
        parts.append(f"<p align='center'><img src='{curve_url}' width='{PAGE_WIDTH - 12}'></p>")
    if peak is not None:
        ex = transcript_excerpt(data.segments, peak[0], peak[1], duration=s.duration)
        head = QCoreApplication.translate(
            "CallReport", "Transcript around the caller's peak (%1 to %2)").replace(
            "%1", call_time(ex.start)).replace("%2", call_time(ex.end))
        parts.append(f"<h3 style='margin-top:14px'>{e(head)}</h3>")
        if ex.segments:
            rows = [[e(call_time(g.start)), f"<b>{e(_speaker(g.channel))}</b>", e(g.text)]
                    for g in ex.segments]
            parts.append(_table(rows, widths=(8, 12, 80)))
            if ex.left_out:
                more = QCoreApplication.translate("CallReport", "%1 more lines in this span.")
                parts.append(f"<p style='color:#5f6368'>{e(more.replace('%1', str(ex.left_out)))}"
                             "</p>")
        else:
            nothing = QCoreApplication.translate("CallReport",
                                                 "Nothing was transcribed around the peak.")
            parts.append(f"<p>{e(nothing)}</p>")
    parts.append(_heading(QCoreApplication.translate("CallReport", "CLEAR steps")))
    done = review.steps_done if review else ()
    step_rows = []
    for m in step_moments(data.marks, done):
        if m.t is None:
            how = QCoreApplication.translate("CallReport", "not done")
        elif m.heard:
            how = QCoreApplication.translate("CallReport", "heard at %1").replace(
                "%1", call_time(m.t))
        else:
            how = QCoreApplication.translate("CallReport", "ticked at %1").replace(
                "%1", call_time(m.t))
        if m.times > 1:
            how += " " + QCoreApplication.translate("CallReport", "(%1 times)").replace(
                "%1", str(m.times))
        if m.t is not None and not m.done:
            how += " · " + QCoreApplication.translate("CallReport", "unticked later")
        words = f"“{e(_cut(m.words, 160))}”" if m.words else ""
        step_rows.append([f"<b>{e(m.step)}</b>", e(step_name(m.step)), e(how), words])
    parts.append(_table(step_rows, widths=(4, 26, 30, 40)))
    parts.append(_heading(QCoreApplication.translate("CallReport", "Case notes")))
    if notes:
        shown = list(notes)[-NOTES_SHOWN:]
        rows = [[e(when(n.created_at)), e(n.author),
                 e(_cut(n.body, NOTE_CHARS)).replace("\n", "<br>")] for n in shown]
        parts.append(_table(rows, widths=(18, 12, 70)))
        if len(notes) > len(shown):
            older = QCoreApplication.translate("CallReport", "%1 earlier notes not shown.")
            parts.append(f"<p style='color:#5f6368'>"
                         f"{e(older.replace('%1', str(len(notes) - len(shown))))}</p>")
    else:
        none = QCoreApplication.translate("CallReport", "No notes.")
        parts.append(f"<p>{e(none)}</p>")
    parts.append(_heading(QCoreApplication.translate("CallReport", "Comments")))
    if comments:
        shown_c = list(comments)[:COMMENTS_SHOWN]
        rows = [[e(call_time(c.t)), e(c.author),
                 e(_cut(c.body, COMMENT_CHARS)).replace("\n", "<br>")] for c in shown_c]
        parts.append(_table(rows, widths=(8, 14, 78)))
        if len(comments) > len(shown_c):
            later = QCoreApplication.translate("CallReport", "%1 more comments not shown.")
            parts.append(f"<p style='color:#5f6368'>"
                         f"{e(later.replace('%1', str(len(comments) - len(shown_c))))}</p>")
    else:
        none = QCoreApplication.translate("CallReport", "No comments.")
        parts.append(f"<p>{e(none)}</p>")
    made = QCoreApplication.translate("CallReport", "Made with ClearDesk on %1.").replace(
        "%1", datetime.now().strftime("%Y-%m-%d %H:%M"))
    parts.append(f"<p style='color:#80868b; font-size:small'>{e(made)}</p>")
    return "".join(parts)
