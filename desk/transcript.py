"""The lines of a call's transcript, in order, with the caller's escalation words marked.

Qt-free: ``ui/transcript_widget.py`` shows a :class:`TranscriptModel`. Feed it the pipeline's
events with :meth:`TranscriptModel.apply`; it returns what changed, row by row, so a view can
update only those rows.

Rules (see :class:`desk.events.TranscriptSegment`):

- A partial (``final`` False) is replaced by the next segment of the same channel with the same
  ``start``; a final replaces its partial; an empty final withdraws it (the recognizer heard
  nothing after all). A channel has one utterance in progress at a time, so a partial still open
  when its channel's next segment has another ``start`` is replaced by that segment too.
- Lines are sorted by ``start``; lines starting together keep the order they arrived in.
- An escalation :class:`~desk.events.Cue` (caller channel) marks its ``text`` in the caller's line
  nearest to its ``t`` that contains it: case-insensitive, ignoring spaces (Chinese has none, the
  recognizer may put some between characters). A cue whose line has not arrived yet waits for it.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from desk.events import CALLER, Cue, TranscriptSegment, Word

INSERTED = "inserted"
UPDATED = "updated"
REMOVED = "removed"

CUE_SEARCH_S = 30.0   # an escalation cue looks for its words in lines this close in time
CUE_WAIT_S = 60.0     # a cue whose line has not come yet is dropped after this much call time
LINE_AT_LOOKBACK = 50  # line_at: how many earlier lines may still be running at t
LONGEST_LINE_S = 300.0  # no utterance runs longer than this (cue search bound)


@dataclass(frozen=True)
class Highlight:
    """Characters ``start:end`` of a line's text fired escalation cue ``code``."""

    start: int
    end: int
    code: str


@dataclass(frozen=True)
class Line:
    channel: str
    start: float
    end: float
    text: str
    final: bool
    highlights: tuple[Highlight, ...] = ()
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Change:
    """``kind`` INSERTED / UPDATED / REMOVED at ``row``; ``line`` is the new line (None when
    removed). Apply a list of changes in order: each row counts the rows as they are after the
    changes before it."""

    kind: str
    row: int
    line: Line | None = None


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` for matching: NFKC, case-folded, without whitespace; and for each character of
    the result the index in ``text`` it came from."""
    out: list[str] = []
    src: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        for c in unicodedata.normalize("NFKC", ch).casefold():
            if not c.isspace():
                out.append(c)
                src.append(i)
    return "".join(out), src


def find_spans(text: str, words: str) -> list[tuple[int, int]]:
    """Every place ``words`` occurs in ``text`` (see :func:`fold`), as ``(start, end)`` indexes
    of ``text``."""
    needle = fold(words)[0]
    if not needle:
        return []
    hay, src = fold(text)
    spans = []
    pos = hay.find(needle)
    while pos >= 0:
        spans.append((src[pos], src[pos + len(needle) - 1] + 1))
        pos = hay.find(needle, pos + len(needle))
    return spans


class TranscriptModel:
    """The lines of one call. Not thread-safe: one thread (the GUI's) owns it."""

    def __init__(self) -> None:
        self._lines: list[Line] = []
        self._starts: list[float] = []  # self._lines[i].start, for bisect
        self._open: dict[str, float] = {}  # channel -> start of its partial on show
        self._pending: list[Cue] = []

    # -- reading ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, row: int) -> Line:
        return self._lines[row]

    @property
    def lines(self) -> Sequence[Line]:
        """The lines in order (a copy)."""
        return tuple(self._lines)

    def line_at(self, t: float) -> int | None:
        """Row of the line whose ``[start, end]`` contains ``t`` (the latest such line), else
        of the line that ended last before ``t`` (the first line if ``t`` is before all).
        None when there are no lines."""
        if not self._lines:
            return None
        last = bisect.bisect_right(self._starts, t) - 1
        if last < 0:
            return 0
        best = last
        for row in range(last, max(-1, last - LINE_AT_LOOKBACK), -1):
            end = self._lines[row].end
            if end >= t:
                return row
            if end > self._lines[best].end:
                best = row
        return best

    # -- changing --------------------------------------------------------------------------
    def clear(self) -> None:
        self._lines.clear()
        self._starts.clear()
        self._open.clear()
        self._pending.clear()

    def apply(self, events: Iterable[object]) -> list[Change]:
        """Take transcript segments and escalation cues (other events are ignored); return the
        changes, in order."""
        changes: list[Change] = []
        for ev in events:
            if isinstance(ev, TranscriptSegment):
                self._segment(ev, changes)
            elif (isinstance(ev, Cue) and ev.kind == "escalation" and ev.channel == CALLER
                  and ev.text.strip() and not self._mark(ev, changes)):
                self._pending.append(ev)
        return changes

    def _segment(self, seg: TranscriptSegment, changes: list[Change]) -> None:
        open_start = self._open.pop(seg.channel, None)
        old = self._find(seg.channel, open_start) if open_start is not None else None
        if not seg.final and seg.text:
            self._open[seg.channel] = seg.start
        line = Line(seg.channel, seg.start, max(seg.start, seg.end), seg.text, seg.final,
                    words=seg.words)
        if old is not None and self._starts[old] == seg.start and seg.text:
            self._set(old, line)
            changes.append(Change(UPDATED, old, line))
        else:
            if old is not None:
                self._remove(old)
                changes.append(Change(REMOVED, old))
            if not seg.text:
                return
            row = self._insert(line)
            changes.append(Change(INSERTED, row, line))
        if seg.final and seg.channel == CALLER and self._pending:
            self._retry_pending(seg.end, changes)

    def _find(self, channel: str, start: float) -> int | None:
        """Row of ``channel``'s partial starting at ``start``."""
        row = bisect.bisect_right(self._starts, start) - 1
        while row >= 0 and self._starts[row] == start:
            line = self._lines[row]
            if line.channel == channel and not line.final:
                return row
            row -= 1
        return None

    def _set(self, row: int, line: Line) -> None:
        self._lines[row] = line

    def _insert(self, line: Line) -> int:
        if not self._starts or line.start >= self._starts[-1]:
            row = len(self._lines)  # the common case: the newest line
        else:
            row = bisect.bisect_right(self._starts, line.start)
        self._lines.insert(row, line)
        self._starts.insert(row, line.start)
        return row

    def _remove(self, row: int) -> None:
        del self._lines[row]
        del self._starts[row]

    # -- escalation words ------------------------------------------------------------------
    def _retry_pending(self, now: float, changes: list[Change]) -> None:
        waiting = []
        for cue in self._pending:
            if not self._mark(cue, changes) and now - cue.t < CUE_WAIT_S:
                waiting.append(cue)
        self._pending = waiting

    def _mark(self, cue: Cue, changes: list[Change]) -> bool:
        """Highlight ``cue``'s words in the nearest caller line holding them. False if none."""
        for row in self._rows_near(cue.t):
            line = self._lines[row]
            spans = find_spans(line.text, cue.text)
            if not spans:
                continue
            a, b = min(spans, key=lambda s: abs(s[0] - self._offset(line, cue.t)))
            if any(h.start < b and a < h.end for h in line.highlights):
                return True  # already marked (the same cue twice, or load() after live)
            marks = tuple(sorted((*line.highlights, Highlight(a, b, cue.code)),
                                 key=lambda h: h.start))
            new = replace(line, highlights=marks)
            self._set(row, new)
            changes.append(Change(UPDATED, row, new))
            return True
        return False

    def _rows_near(self, t: float) -> list[int]:
        """Final caller lines within CUE_SEARCH_S of ``t``, nearest first (0 when inside)."""
        lo = bisect.bisect_left(self._starts, t - CUE_SEARCH_S - LONGEST_LINE_S)
        hi = bisect.bisect_right(self._starts, t + CUE_SEARCH_S)
        near = []
        for row in range(lo, hi):
            line = self._lines[row]
            if line.channel != CALLER or not line.final:
                continue
            gap = max(line.start - t, t - line.end, 0.0)
            if gap <= CUE_SEARCH_S:
                near.append((gap, -row, row))
        return [row for _, _, row in sorted(near)]

    @staticmethod
    def _offset(line: Line, t: float) -> int:
        """Where in ``line``'s text the words said at ``t`` begin, in characters: from the word
        times when the text is its words joined by spaces (as the recognizer writes it), else
        by the line's share of time."""
        if line.words and " ".join(w.text for w in line.words) == line.text:
            pos, best, best_gap = 0, 0, float("inf")
            for w in line.words:
                if abs(w.start - t) < best_gap:
                    best, best_gap = pos, abs(w.start - t)
                pos += len(w.text) + 1
            return best
        span = line.end - line.start
        if span <= 0:
            return 0
        share = min(1.0, max(0.0, (t - line.start) / span))
        return int(share * len(line.text))
