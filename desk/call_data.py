"""One stored call, loaded fast for the one-call review view.

``CallService.record()`` turns every sample of the curve into an ``AgitationSample`` with its
contributions: for a two-hour call (144 000 samples of both parties) that is about a second,
most of it decoding the contributions and building the objects. The view needs the times and
scores as arrays to draw, and the contributions of one point at a time (the one being
explained). :func:`load_call` reads everything in one trip to the database thread and decodes
only the curve's times, scores, bands and voicing (the chunk's JSON up to its "c" column);
:class:`ChannelCurve` decodes a chunk's contributions when a point in it is asked for.

Qt-free. The curve chunk format is ``desk.recorder.pack_samples``.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from db import call_data as qd
from desk.calls import CallRecord, CallSummary, Mark, mark_event, segment_of
from desk.comments import Comment
from desk.events import BANDS, CALLER, CONTRIBUTIONS, AgitationSample, TranscriptSegment
from desk.review import CallReview, review_of
from desk.store import Store

FloatArray = npt.NDArray[np.float64]
CONTRIB_TAIL = ',"c":'  # where pack_samples puts the contributions: after everything else
DECODED_CHUNKS = 16  # chunks whose contributions are kept decoded (hovering stays near)


def _columns(data: str) -> dict[str, Any]:
    """The t, s, b, v columns of one packed chunk, without decoding its contributions when
    the chunk is laid out as pack_samples writes it (any other layout: the whole JSON)."""
    cut = data.find(CONTRIB_TAIL)
    if cut > 0 and data.startswith("{"):
        try:
            head = json.loads(data[:cut] + "}")
            if all(k in head for k in "tsbv"):
                return dict(head)
        except ValueError:
            pass
    return dict(json.loads(data))


def _chunk_arrays(data: str) -> tuple[FloatArray, FloatArray, npt.NDArray[np.int64],
                                      npt.NDArray[np.bool_]]:
    """A chunk's times, scores, bands and voicing; ValueError (or TypeError...) when the chunk
    is damaged: columns of other lengths or shapes, values that are not finite numbers."""
    cols = _columns(data)
    t = np.asarray(cols["t"], np.float64)
    s = np.asarray(cols["s"], np.float64)
    b = np.asarray(cols["b"], np.int64)
    v = np.asarray([bool(x) for x in cols["v"]], np.bool_)
    n = len(t)
    if t.ndim != 1 or s.shape != (n,) or b.shape != (n,) or v.shape != (n,):
        raise ValueError("columns of different lengths")
    if not (np.isfinite(t).all() and np.isfinite(s).all()):
        raise ValueError("a time or score that is not a number")
    return t, s, b, v


class ChannelCurve:
    """One channel's curve of a stored call: times, scores, band indexes and voicing as numpy
    arrays in time order; each point's contributions decoded on demand. Reads like the
    plot's ``desk.curve.CurveBuffer`` (``all``, ``window``, ``nearest``, ``first_t``...)."""

    def __init__(self, channel: str, chunks: Sequence[str]) -> None:
        self.channel = channel
        self.skipped = 0  # chunks that could not be read (damaged): left out
        self._chunks: list[str] = []
        t: list[FloatArray] = []
        s: list[FloatArray] = []
        b: list[npt.NDArray[np.int64]] = []
        v: list[npt.NDArray[np.bool_]] = []
        which: list[int] = []
        pos: list[int] = []
        for data in chunks:
            try:
                ct, cs, cb, cv = _chunk_arrays(data)
            except (ValueError, KeyError, TypeError, OverflowError):
                self.skipped += 1
                continue
            n = len(ct)
            which += [len(self._chunks)] * n
            pos += range(n)
            self._chunks.append(data)
            t.append(ct)
            s.append(cs)
            b.append(cb)
            v.append(cv)
        self.t: FloatArray = np.concatenate(t) if t else np.zeros(0, np.float64)
        self.score: FloatArray = np.concatenate(s) if s else np.zeros(0, np.float64)
        band = np.concatenate(b) if b else np.zeros(0, np.int64)
        self.band = np.where((band >= 0) & (band < len(BANDS)), band, 0).astype(np.int8)
        self.voiced = np.concatenate(v) if v else np.zeros(0, np.bool_)
        self._which = np.asarray(which, np.int32)
        self._pos = np.asarray(pos, np.int32)
        if len(self.t) > 1 and bool(np.any(np.diff(self.t) < 0)):  # chunks overlap: sort
            order = np.argsort(self.t, kind="stable")
            for name in ("t", "score", "band", "voiced", "_which", "_pos"):
                setattr(self, name, getattr(self, name)[order])
        self._decoded: OrderedDict[int, list[list[float]]] = OrderedDict()

    def __len__(self) -> int:
        return len(self.t)

    # -- as desk.curve.CurveBuffer reads -----------------------------------------------------
    def times(self) -> FloatArray:
        return self.t

    def first_t(self) -> float | None:
        return float(self.t[0]) if len(self.t) else None

    def last_t(self) -> float | None:
        return float(self.t[-1]) if len(self.t) else None

    def all(self) -> tuple[FloatArray, FloatArray]:
        return self.t, self.score

    def window(self, t_from: float, t_to: float) -> tuple[FloatArray, FloatArray]:
        i = int(np.searchsorted(self.t, t_from, side="left"))
        j = int(np.searchsorted(self.t, t_to, side="right"))
        return self.t[i:j], self.score[i:j]

    def index_at(self, t: float) -> int | None:
        """Index of the point closest in time to ``t`` (the earlier one on a tie)."""
        n = len(self.t)
        if not n:
            return None
        i = int(np.searchsorted(self.t, t))
        if i >= n or (i > 0 and t - self.t[i - 1] <= self.t[i] - t):
            i -= 1
        return i

    def nearest(self, t: float) -> AgitationSample | None:
        i = self.index_at(t)
        return None if i is None else self.sample(i)

    def last(self) -> AgitationSample | None:
        return self.sample(len(self.t) - 1) if len(self.t) else None

    def peak(self) -> tuple[float, float] | None:
        """(time, score) of the highest point (the first, if it is reached more than once)."""
        if not len(self.score):
            return None
        i = int(np.argmax(self.score))
        return float(self.t[i]), float(self.score[i])

    # -- whole points ----------------------------------------------------------------------
    def _contributions(self, chunk: int) -> list[list[float]]:
        hit = self._decoded.get(chunk)
        if hit is None:
            try:
                hit = list(json.loads(self._chunks[chunk]).get("c") or [])
            except (ValueError, AttributeError, TypeError):
                hit = []
            self._decoded[chunk] = hit
            if len(self._decoded) > DECODED_CHUNKS:
                self._decoded.popitem(last=False)
        else:
            self._decoded.move_to_end(chunk)
        return hit

    def sample(self, i: int) -> AgitationSample:
        """Point ``i`` with its contributions, as CallService.record() gives it."""
        rows = self._contributions(int(self._which[i]))
        pos = int(self._pos[i])
        row = rows[pos] if pos < len(rows) else []
        if not isinstance(row, list) or not all(
                isinstance(x, (int, float)) and not isinstance(x, bool) for x in row):
            row = []  # damaged: the point without its explanation
        return AgitationSample(self.channel, float(self.t[i]), float(self.score[i]),
                               BANDS[int(self.band[i])],
                               tuple(zip(CONTRIBUTIONS, row, strict=False)),
                               bool(self.voiced[i]))

    def samples(self) -> list[AgitationSample]:
        """Every point with its contributions (slow on a long call: exports only)."""
        return [self.sample(i) for i in range(len(self.t))]


@dataclass(frozen=True)
class CallData:
    """One call as the review view shows it. ``review`` is its row of the calls list (None if
    the call has no start time); ``curves`` by channel."""

    summary: CallSummary
    review: CallReview | None
    curves: dict[str, ChannelCurve]
    segments: tuple[TranscriptSegment, ...]
    marks: tuple[Mark, ...]
    comments: tuple[Comment, ...]

    def caller_peak(self) -> tuple[float, float] | None:
        """(time, score) of the caller's highest point, None without a caller curve."""
        curve = self.curves.get(CALLER)
        return curve.peak() if curve is not None else None

    def record(self) -> CallRecord:
        """Everything decoded, equal to ``CallService.record()`` (for exports)."""
        samples = [s for ch in sorted(self.curves) for s in self.curves[ch].samples()]
        return CallRecord(self.summary, tuple(samples), self.segments, self.marks)


def load_call(store: Store, call_id: str) -> CallData:
    """Everything the one-call view shows of ``call_id``. KeyError if there is no such call;
    StoreError if the database cannot be read."""
    rows = store.call(qd.one_call, call_id)
    if rows is None:
        raise KeyError(call_id)
    chunks: dict[str, list[str]] = {}
    for chunk in rows["curve"]:
        chunks.setdefault(chunk["channel"], []).append(chunk["data"])
    review = rows["review"]
    return CallData(
        CallSummary.from_row(rows["call"]),
        review_of(review, rows["step_marks"]) if review is not None else None,
        {ch: ChannelCurve(ch, data) for ch, data in chunks.items()},
        tuple(segment_of(r) for r in rows["segments"]),
        tuple(mark_event(m) for m in rows["marks"]),
        tuple(Comment.from_row(r) for r in rows["comments"]))
