"""The digest worded as one page: HTML for a QTextDocument, with its charts (ui/digest_charts).

The same document is shown in the dialog, written to PDF and printed (ui/digest_view.py). Sizes
are in pixels of a page PAGE_WIDTH wide; the painter scales the page to the paper.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, QObject
from PySide6.QtGui import QFont, QTextDocument

from desk.analysis import REPEAT_WINDOW_DAYS, Period, Promises
from desk.content import Catalog, ContentError
from desk.digest import Digest
from desk.review import AgentStats
from ui.digest_charts import (
    MARK,
    BarChart,
    Chart,
    StackedChart,
    category_colors,
    insert_charts,
    marker,
)
from ui.format import call_time, fill, local

PAGE_WIDTH = 720
FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                 "PingFang SC", "Sans Serif"]
MAX_AGENTS = 8
MAX_LIST = 5
PAGE_TEXT = 240  # columns of a root cause or measure on the page (about three lines)


def e(text: str) -> str:
    """HTML-escaped, without the chart marker character (data never places a chart)."""
    return html.escape(text.replace(MARK, ""))


def page_font(lang: str, pixels: int = 12) -> QFont:
    """The page's font: Chinese text wants a CJK font first (its full-width quotes and
    punctuation); English a Latin one, with the CJK fonts behind it for Chinese names."""
    font = QFont()
    latin = [f for f in (QFont().defaultFamily(), "Noto Sans", "DejaVu Sans", "Segoe UI",
                         "Arial") if f]
    font.setFamilies(FONT_FAMILIES + latin if lang.startswith("zh") else latin + FONT_FAMILIES)
    font.setPixelSize(pixels)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # same widths on paper
    return font


def _short(text: str, limit: int = PAGE_TEXT) -> str:
    """At most ``limit`` columns (a Chinese character takes two), "…" where it was cut."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used > limit:
            return text[:max(0, i - 1)].rstrip() + "…"
    return text


class DigestPage(QObject):
    """Words a Digest in the current UI language (the installed translator) and the catalog's
    language ``lang`` for category names."""

    def __init__(self, catalog: Catalog, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.locale = QLocale(QLocale.Language.Chinese if lang.startswith("zh")
                              else QLocale.Language.English)

    # -- names ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Morning meeting digest")

    def category_name(self, key: str) -> str:
        if not key:
            return self.tr("No category")
        try:
            return self.catalog.category(key).name.get(self.lang)
        except ContentError:
            return key

    def trap_name(self, code: str) -> str:
        names = {"sorry_but": self.tr("“Sorry, but…”"),
                 "bare_understand": self.tr("Bare “I understand”"),
                 "talk_over": self.tr("Talked over the caller")}
        return names.get(code, code)

    def escalation_name(self, code: str) -> str:
        names = {"regulator": self.tr("Regulator"), "lawyer": self.tr("Lawyer"),
                 "media": self.tr("Media"), "manager": self.tr("Manager"),
                 "cancel": self.tr("Cancel")}
        return names.get(code, code)

    def day(self, d: date) -> str:
        return self.locale.toString(QDate(d.year, d.month, d.day), "yyyy-MM-dd ddd")

    def period_text(self, period: Period) -> str:
        if period.days == 1:
            return self.day(period.start)
        return fill(self.tr("%1 to %2 (%3 days)"), self.day(period.start),
                    self.day(period.last_day), period.days)

    def bucket_label(self, start: date, bucket: str) -> str:
        if bucket == "week":
            return fill(self.tr("W%1"), start.isocalendar()[1])
        return start.strftime("%Y-%m" if bucket == "month" else "%m-%d")

    @staticmethod
    def percent(part: int, whole: int) -> str:
        return f"{round(100 * part / whole)}%" if whole else "—"

    # -- charts ----------------------------------------------------------------------------
    def charts(self, digest: Digest) -> dict[str, Chart]:
        a = digest.analysis
        if not a.cases:
            return {}
        colors = category_colors(self.catalog, [k for k, _ in a.by_category])
        out: dict[str, Chart] = {"categories": BarChart(
            tuple((self.category_name(k), n, colors[k]) for k, n in a.by_category),
            page_font(self.lang, 11))}
        if len(a.trend) > 1:
            out["trend"] = StackedChart(
                tuple(self.bucket_label(b.start, a.bucket) for b in a.trend),
                tuple(tuple((n, colors[k]) for k, n in b.counts) for b in a.trend),
                page_font(self.lang, 10))
        return out

    def document(self, digest: Digest) -> QTextDocument:
        """The page, laid out PAGE_WIDTH pixels wide, with its charts."""
        doc = QTextDocument()
        doc.setDefaultFont(page_font(self.lang, 12))
        doc.setDocumentMargin(0)
        charts = self.charts(digest)
        doc.setHtml(self.html(digest, charts))
        insert_charts(doc, charts)
        doc.setTextWidth(PAGE_WIDTH)
        return doc

    # -- the page --------------------------------------------------------------------------
    def html(self, digest: Digest, charts: dict[str, Chart]) -> str:
        who = (self.tr("Whole team") if digest.agent is None
               else fill(self.tr("Agent: %1"), digest.agent))
        made = fill(self.tr("Made %1"), local(digest.generated_at).strftime("%Y-%m-%d %H:%M"))
        parts = [
            "<style>h2{font-size:19px;margin:0} h3{font-size:14px;margin-top:10px;"
            "margin-bottom:3px;color:#1f3b63} .sub{color:#555555} .lab{color:#555555}"
            " th{background-color:#e8edf3;text-align:left} .none{color:#777777}</style>",
            f"<h2>{e(self.title())}</h2>",
            f"<p class='sub'><b>{e(self.period_text(digest.period))}</b> · {e(who)}"
            f" · {e(made)}</p>"]
        if digest.is_empty:
            parts.append(self._none(self.tr("Nothing to report for this period.")))
        parts += [self._figures(digest), self._charts(digest, charts), self._worst(digest),
                  self._agents(digest.agents), self._backlog(digest), self._lessons(digest)]
        return "".join(parts)

    def _figures(self, d: Digest) -> str:
        t, a = d.team, d.analysis
        pairs: list[tuple[str, str]] = [(self.tr("Calls handled"), str(t.calls))]
        if t.calls:
            pairs += [
                (self.tr("Agitation, average peak / highest"),
                 f"{t.avg_peak:.0f} / {t.max_peak:.0f}"),
                (self.tr("Calmed down (agitated callers)"),
                 fill(self.tr("%1 of %2 (%3)"), t.calmed, t.needed,
                      self.percent(t.calmed, t.needed))),
                (self.tr("CLEAR complete / in order"),
                 fill(self.tr("%1 / %2 (%3 / %4)"), t.clear_complete, t.in_order,
                      self.percent(t.clear_complete, t.calls),
                      self.percent(t.in_order, t.calls))),
                (self.tr("Median time to apology"),
                 self.tr("No apology heard") if t.median_t_apology is None else
                 fill(self.tr("%1 (%2 calls)"), call_time(t.median_t_apology), t.apologised)),
                (self.tr("Traps"), self._counts(t.traps, d.traps, self.trap_name)),
                (self.tr("Escalation threats"),
                 self._counts(sum(n for _, n in d.escalations), d.escalations,
                              self.escalation_name)),
            ]
        p, f, s = a.promises, a.followups, a.satisfaction
        pairs += [
            (self.tr("New cases"), str(a.cases)),
            (self.tr("Open cases now"), str(d.open_cases)),
            (self.tr("Callback promises due"), self._promises(p)),
            (self.tr("Follow-up visits due"),
             fill(self.tr("%1 of %2 done; %3 overdue now"), f.done, f.due, f.overdue)),
            (self.tr("Satisfaction"),
             self.tr("No ratings") if s.average is None else
             fill(self.tr("%1 average (%2 ratings)"), f"{s.average:.1f}", s.rated)),
        ]
        if len(pairs) % 2:
            pairs.append(("", ""))
        rows = []
        for i in range(0, len(pairs), 2):
            cells = "".join(f"<td width='21%' class='lab'>{e(k)}</td><td width='29%'><b>{e(v)}"
                            "</b></td>" for k, v in pairs[i:i + 2])
            rows.append(f"<tr>{cells}</tr>")
        note = "" if t.calls else self._none(self.tr("No calls in this period."))
        return f"<table width='100%' cellspacing='0' cellpadding='2'>{''.join(rows)}</table>{note}"

    def _promises(self, p: Promises) -> str:
        if not p.due:
            return "0"
        text = fill(self.tr("%1: %2 kept, %3 broken (%4 late, %5 not called back)"),
                    p.due, p.kept, p.broken, p.late, p.missed)
        if p.pending:
            text += fill(self.tr(", %1 still to call"), p.pending)
        if p.cancelled:
            text += fill(self.tr(", %1 cancelled"), p.cancelled)
        return text

    def _counts(self, total: int, counts: Sequence[tuple[str, int]],
                name: Callable[[str], str]) -> str:
        if not total:
            return "0"
        listed = self.tr(", ").join(f"{name(code)} ×{n}" for code, n in counts[:3])
        return fill(self.tr("%1: %2"), total, listed)

    @staticmethod
    def _none(text: str) -> str:
        return f"<p class='none'>{e(text)}</p>"

    def _charts(self, d: Digest, charts: dict[str, Chart]) -> str:
        a = d.analysis
        if not a.cases:
            return self._none(self.tr("No new cases in this period."))
        by_source = self.tr("New cases by source of dissatisfaction")
        trend = {"day": self.tr("Trend by day"), "week": self.tr("Trend by week"),
                 "month": self.tr("Trend by month")}[a.bucket]
        heads = [h for h, name in ((by_source, "categories"), (trend, "trend"))
                 if name in charts]
        head_row = "".join(f"<td><h3>{e(h)}</h3></td>" for h in heads)
        chart_row = "".join(f"<td valign='top'>{marker(name)}&nbsp;&nbsp;&nbsp;</td>"
                            for name in charts)
        return (f"<table cellspacing='0' cellpadding='0'><tr>{head_row}</tr>"
                f"<tr>{chart_row}</tr></table>")

    @staticmethod
    def _table(heads: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
        head = "".join(f"<th>{e(h)}</th>" for h in heads)
        body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows)
        return (f"<table width='100%' cellspacing='0' cellpadding='2'><tr>{head}</tr>{body}"
                "</table>")

    def _more(self, shown: int, total: int) -> str:
        return self._none(fill(self.tr("… and %1 more"), total - shown)) if total > shown else ""

    def _worst(self, d: Digest) -> str:
        if not d.worst_calls:
            return ""
        heads = [self.tr("Peak"), self.tr("End"), self.tr("Agent"), self.tr("Customer"),
                 self.tr("Source"), self.tr("Case"), self.tr("Started")]
        rows = [[f"{w.peak:.0f}", f"{w.final:.0f}", w.agent, w.customer,
                 self.category_name(w.category), w.case_ref,
                 local(w.started_at).strftime("%m-%d %H:%M") if w.started_at else ""]
                for w in d.worst_calls]
        head = self.tr("The most agitated calls")
        return f"<h3>{e(head)}</h3>" + self._table(heads, rows)

    def _agents(self, agents: Sequence[AgentStats]) -> str:
        if len(agents) < 2:
            return ""
        shown = sorted(agents, key=lambda s: (-s.calls, s.agent))[:MAX_AGENTS]
        heads = [self.tr("Agent"), self.tr("Calls"), self.tr("Average peak"),
                 self.tr("Calmed down"), self.tr("CLEAR complete"), self.tr("In order"),
                 self.tr("Traps")]
        rows = [[s.agent or "—", str(s.calls), f"{s.avg_peak:.0f}",
                 f"{s.calmed}/{s.needed}", str(s.clear_complete), str(s.in_order), str(s.traps)]
                for s in shown]
        head = self.tr("By agent")
        return (f"<h3>{e(head)}</h3>" + self._table(heads, rows)
                + self._more(len(shown), len(agents)))

    def _backlog(self, d: Digest) -> str:
        parts = []
        a, sep = d.analysis, self.tr(", ")
        if d.overdue_callbacks:
            line, head = self.tr("%1 %2 — due %3"), self.tr("Callbacks overdue now")
            items = [fill(e(line), f"<b>{e(c.case_ref)}</b>", e(c.customer or "—"),
                          e(local(c.due_at).strftime("%m-%d %H:%M")))
                     + (f" · {e(c.note)}" if c.note else "")
                     for c in d.overdue_callbacks[:MAX_LIST]]
            parts.append(self._list(head, items)
                         + self._more(min(MAX_LIST, len(d.overdue_callbacks)), d.overdue_total))
        if a.repeat_customers:
            line, head = self.tr("%1 — %2 cases in %3 days: %4 (%5)"), self.tr("Repeat customers")
            window = max(REPEAT_WINDOW_DAYS, a.period.days)
            items = [fill(e(line), f"<b>{e(r.name or '—')}</b>", r.cases, window,
                          e(sep.join(r.case_refs[-4:])),
                          e(sep.join(self.category_name(c) for c in r.categories)))
                     for r in a.repeat_customers[:MAX_LIST]]
            parts.append(self._list(head, items)
                         + self._more(min(MAX_LIST, len(a.repeat_customers)), a.repeat_total))
        return "".join(parts)

    @staticmethod
    def _list(head: str, items: Sequence[str]) -> str:
        return f"<h3>{e(head)}</h3><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"

    def _lessons(self, d: Digest) -> str:
        a = d.analysis
        if not a.lessons:
            return ""
        sep = self.tr(", ")
        labels = ((self.tr("Root cause:"), "root_cause"), (self.tr("Prevention:"), "prevention"))
        items = []
        for x in a.lessons[:MAX_LIST]:
            refs = sep.join(x.case_refs[:3]) + ("…" if len(x.case_refs) > 3 else "")
            cats = sep.join(self.category_name(c) for c in x.categories)
            text = [f"<span class='lab'>[{e(refs)} · {e(cats)}]</span>"]
            for label, field in labels:
                value = getattr(x, field)
                if value:  # no space after a full-width colon
                    gap = "" if label.endswith("：") else " "
                    text.append(f"<b>{e(label)}</b>{gap}{e(_short(value))}")
            items.append(" ".join(text))
        head = self.tr("To read out: root causes and prevention")
        return (self._list(head, items)
                + self._more(min(MAX_LIST, len(a.lessons)), a.lessons_total))
