"""The call report: what a supervisor exports of one call.

Qt-free. :func:`call_csv` writes the call's data (its figures, the curve of both parties with
each point's cue contributions, the transcript, the marks, the comments) as CSV sections;
:func:`transcript_excerpt` and :func:`step_moments` are what the PDF shows besides the curve
(ui/call_export.py lays it out). Values are data (codes, seconds, ISO UTC times); the words
around them are the UI's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desk.calls import CallRecord, Mark
from desk.comments import Comment
from desk.events import (
    CALLER,
    CONTRIBUTIONS,
    AgitationSample,
    Cue,
    SourceStatus,
    StepHeard,
    TranscriptSegment,
)
from desk.models import STEP_KEYS
from desk.review import CallReview

BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with this
EXCERPT_SPAN_S = 30.0  # the transcript excerpt: this long either side of the caller's peak
EXCERPT_LINES = 24  # ... at most this many lines (the ones nearest the peak)
EXCERPT_CHARS = 400  # ... each cut to this many characters
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """A text cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _num(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def caller_peak(samples: Iterable[AgitationSample]) -> tuple[float, float] | None:
    """(time, score) of the caller's highest point (the first if reached more than once)."""
    best: tuple[float, float] | None = None
    for s in samples:
        if s.channel == CALLER and (best is None or s.score > best[1]):
            best = (s.t, s.score)
    return best


def mark_row(m: Mark) -> tuple[float, str, str, str, str]:
    """(t, channel, kind, code, text) of a stored mark."""
    if isinstance(m, StepHeard):
        return m.t, m.channel, "step_manual" if m.code == "manual" else "step", \
            m.step if m.code == "manual" else m.code, m.text
    if isinstance(m, Cue):
        return m.t, m.channel, m.kind, m.code, m.text
    assert isinstance(m, SourceStatus)
    kind = "step_undone" if m.code == "step_undone" else "status"
    return m.t, m.channel, kind, m.code, m.detail


def figures(record: CallRecord, review: CallReview | None) -> list[tuple[str, str]]:
    """The call's figures as (key, value) pairs, in the order the report lists them."""
    s = record.summary
    peak = caller_peak(record.samples)
    rows = [("call_id", s.id), ("case_id", s.case_id),
            ("case_ref", review.case_ref if review else ""),
            ("agent", review.agent if review else ""),
            ("customer", review.customer if review else ""),
            ("category", review.category if review else ""),
            ("started_at", s.started_at), ("ended_at", s.ended_at), ("status", s.status),
            ("duration_s", _num(s.duration)), ("peak", _num(s.peak)),
            ("peak_t_s", _num(peak[0]) if peak else ""), ("final", _num(s.final)),
            ("deescalation", _num(max(0.0, s.peak - s.final)))]
    if review is not None:
        rows += [("t_apology_s", _num(review.t_apology)), ("t_offer_s", _num(review.t_offer)),
                 ("steps_done", " ".join(review.steps_done)),
                 ("step_order", " ".join(review.step_order)),
                 ("in_clear_order", "yes" if review.in_clear_order else "no"),
                 ("traps", str(review.traps)), ("escalations", str(review.escalations)),
                 ("interruptions", str(review.interruptions))]
    rows += [("model", s.model_name), ("model_lang", s.model_lang)]
    return rows


def call_csv(record: CallRecord, review: CallReview | None, comments: Sequence[Comment],
             bom: bool = False) -> str:
    """The call's data as CSV: sections ``[figures]``, ``[curve]``, ``[transcript]``,
    ``[marks]``, ``[comments]``, each a header row and its rows, a blank row between. Times
    in seconds from the start of the call. ``bom``: start with a byte-order mark (Excel)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["[figures]"])
    w.writerow(["figure", "value"])
    w.writerows((k, _text(v)) for k, v in figures(record, review))
    w.writerow([])
    w.writerow(["[curve]"])
    w.writerow(["t_s", "channel", "score", "band", "voiced", *CONTRIBUTIONS])
    for p in record.samples:
        contrib = dict(p.contributions)
        w.writerow([_num(p.t), p.channel, _num(p.score), p.band, int(p.voiced),
                    *(_num(contrib.get(n, 0.0)) for n in CONTRIBUTIONS)])
    w.writerow([])
    w.writerow(["[transcript]"])
    w.writerow(["start_s", "end_s", "channel", "text"])
    w.writerows((_num(g.start), _num(g.end), g.channel, _text(g.text))
                for g in record.segments)
    w.writerow([])
    w.writerow(["[marks]"])
    w.writerow(["t_s", "channel", "kind", "code", "text"])
    for m in record.marks:
        t, channel, kind, code, text = mark_row(m)
        w.writerow([_num(t), channel, kind, code, _text(text)])
    w.writerow([])
    w.writerow(["[comments]"])
    w.writerow(["t_s", "author", "created_at", "body"])
    w.writerows((_num(c.t), _text(c.author), _text(c.created_at), _text(c.body))
                for c in comments)
    return (BOM if bom else "") + out.getvalue()


def read_csv_sections(text: str) -> dict[str, list[dict[str, str]]]:
    """The sections of a :func:`call_csv` text, each as rows keyed by its header."""
    sections: dict[str, list[dict[str, str]]] = {}
    name, header = "", None
    for row in csv.reader(io.StringIO(text.removeprefix(BOM))):
        if not row:
            name, header = "", None
        elif not name and len(row) == 1 and row[0].startswith("["):
            name = row[0].strip("[]")
            sections[name] = []
        elif name and header is None:
            header = row
        elif name and header is not None:
            sections[name].append(dict(zip(header, row, strict=False)))
    return sections


@dataclass(frozen=True)
class Excerpt:
    """The transcript around the caller's peak: ``segments`` within [start, end], at most
    EXCERPT_LINES (the nearest the peak), each cut to EXCERPT_CHARS; ``left_out`` how many
    more lines the span holds."""

    peak_t: float
    peak: float
    start: float
    end: float
    segments: tuple[TranscriptSegment, ...]
    left_out: int = 0


def _cut(seg: TranscriptSegment, limit: int) -> TranscriptSegment:
    if len(seg.text) <= limit:
        return seg
    return TranscriptSegment(seg.channel, seg.start, seg.end, seg.text[:limit - 1] + "…",
                             seg.final, (), seg.lang)


def transcript_excerpt(segments: Sequence[TranscriptSegment], peak_t: float, peak: float,
                       span_s: float = EXCERPT_SPAN_S, max_lines: int = EXCERPT_LINES,
                       max_chars: int = EXCERPT_CHARS, duration: float = 0.0) -> Excerpt:
    """The segments that overlap ``peak_t ± span_s`` (within the call's ``duration`` when it
    is known), in time order, bounded."""
    start, end = max(0.0, peak_t - span_s), peak_t + span_s
    if duration > 0:
        end = max(min(end, duration), peak_t)
    inside = [g for g in segments if g.end >= start and g.start <= end and g.text.strip()]

    def distance(g: TranscriptSegment) -> float:
        return 0.0 if g.start <= peak_t <= g.end else min(abs(g.start - peak_t),
                                                          abs(g.end - peak_t))

    kept = sorted(sorted(inside, key=distance)[:max_lines], key=lambda g: (g.start, g.end))
    return Excerpt(peak_t, peak, start, end, tuple(_cut(g, max_chars) for g in kept),
                   len(inside) - len(kept))


@dataclass(frozen=True)
class StepMoment:
    """One CLEAR step in a call: when it was first done (None: never), whether it was heard
    (else ticked by hand) and the words heard, how often, and whether it was done at the end."""

    step: str
    t: float | None
    heard: bool
    words: str
    times: int
    done: bool


def step_moments(marks: Sequence[Mark], done: Sequence[str]) -> list[StepMoment]:
    """Each CLEAR step in C L E A R order from the call's marks; ``done``: the steps done at
    the end of the call (desk.review's ``steps_done``)."""
    seen: dict[str, list[StepHeard]] = {}
    for m in sorted((m for m in marks if isinstance(m, StepHeard)), key=lambda m: m.t):
        seen.setdefault(m.step, []).append(m)
    out = []
    for step in STEP_KEYS:
        hits = seen.get(step, [])
        first = hits[0] if hits else None
        out.append(StepMoment(step, first.t if first else None,
                              bool(first and first.code != "manual"),
                              first.text if first else "", len(hits), step in done))
    return out
