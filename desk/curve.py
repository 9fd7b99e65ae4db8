"""Bounded buffers behind the live agitation plot: one channel's curve, and the call's marks.

Qt-free. Both keep a fixed number of recent items, so a two-hour call costs the same memory
and the same time per redraw as its first minute. They are used on one thread (the GUI's);
nothing here locks.

:class:`CurveBuffer` stores samples in numpy arrays written twice (at ``i`` and
``i + capacity``), so the samples held are always one contiguous slice, oldest first: a
window is found by binary search and copied out in O(points in the window).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from desk.events import BANDS, CALLER, CONTRIBUTIONS, AgitationSample, Cue, StepHeard

SAMPLE_RATE_HZ = 10.0               # agitation samples per second and channel
DEFAULT_SECONDS = 15 * 60.0         # the live buffer keeps this much of each channel
DEFAULT_CAPACITY = int(DEFAULT_SECONDS * SAMPLE_RATE_HZ)
DEFAULT_MARKS = 512
BAND_INDEX = {name: i for i, name in enumerate(BANDS)}
CONTRIBUTION_INDEX = {name: i for i, name in enumerate(CONTRIBUTIONS)}

FloatArray = npt.NDArray[np.float64]
ScoreArray = npt.NDArray[np.float32]


class CurveBuffer:
    """The last ``capacity`` agitation samples of one channel, oldest first.

    Samples must come in time order; one older than the newest held is dropped and counted in
    ``out_of_order``. Contribution names not in ``CONTRIBUTIONS`` are not kept; band names not
    in ``BANDS`` are kept as -1 and read back as "".
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY, channel: str = CALLER) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.channel = channel
        doubled = 2 * capacity
        self._t = np.zeros(doubled, np.float64)
        self._score = np.zeros(doubled, np.float32)
        self._band = np.zeros(doubled, np.int8)
        self._voiced = np.zeros(doubled, np.bool_)
        self._contrib = np.zeros((doubled, len(CONTRIBUTIONS)), np.float32)
        self._total = 0          # samples ever appended since the last clear()
        self._len = 0
        self.out_of_order = 0

    @classmethod
    def from_samples(cls, samples: Iterable[AgitationSample], channel: str = CALLER
                     ) -> CurveBuffer:
        """A buffer just big enough for the ``channel`` samples given (a finished call)."""
        mine = sorted((s for s in samples if s.channel == channel), key=lambda s: s.t)
        buf = cls(max(1, len(mine)), channel)
        buf.extend(mine)
        return buf

    # -- writing --------------------------------------------------------------------------
    def append(self, sample: AgitationSample) -> bool:
        """Keep ``sample``; False if it was dropped for being older than the newest."""
        if self._len and sample.t < self._t[self._start + self._len - 1]:
            self.out_of_order += 1
            return False
        row = np.zeros(len(CONTRIBUTIONS), np.float32)
        for name, value in sample.contributions:
            i = CONTRIBUTION_INDEX.get(name)
            if i is not None:
                row[i] = value
        band = BAND_INDEX.get(sample.band, -1)
        p = self._total % self.capacity
        for q in (p, p + self.capacity):
            self._t[q] = sample.t
            self._score[q] = sample.score
            self._band[q] = band
            self._voiced[q] = sample.voiced
            self._contrib[q] = row
        self._total += 1
        self._len = min(self._len + 1, self.capacity)
        return True

    def extend(self, samples: Iterable[AgitationSample]) -> int:
        """Append the samples in one go (a whole call loads in milliseconds); returns how many
        were kept."""
        batch = list(samples)
        if len(batch) < 8:
            return sum(self.append(s) for s in batch)
        t = np.fromiter((s.t for s in batch), np.float64, len(batch))
        floor = self._t[self._start + self._len - 1] if self._len else -np.inf
        keep = t >= np.maximum.accumulate(np.concatenate(([floor], t)))[:-1]
        kept = [s for s, k in zip(batch, keep, strict=True) if k]
        self.out_of_order += len(batch) - len(kept)
        kept = kept[-self.capacity:]
        n = len(kept)
        if not n:
            return 0
        contrib = np.zeros((n, len(CONTRIBUTIONS)), np.float32)
        for row, s in enumerate(kept):
            for name, value in s.contributions:
                i = CONTRIBUTION_INDEX.get(name)
                if i is not None:
                    contrib[row, i] = value
        p = (self._total + np.arange(n)) % self.capacity
        for q in (p, p + self.capacity):
            self._t[q] = t[keep][-n:]
            self._score[q] = np.fromiter((s.score for s in kept), np.float32, n)
            self._band[q] = np.fromiter((BAND_INDEX.get(s.band, -1) for s in kept), np.int8, n)
            self._voiced[q] = np.fromiter((s.voiced for s in kept), np.bool_, n)
            self._contrib[q] = contrib
        self._total += n
        self._len = min(self._len + n, self.capacity)
        return int(keep.sum())

    def clear(self) -> None:
        self._total = 0
        self._len = 0
        self.out_of_order = 0

    # -- reading --------------------------------------------------------------------------
    @property
    def _start(self) -> int:
        return (self._total - self._len) % self.capacity

    def __len__(self) -> int:
        return self._len

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self._t, self._score, self._band, self._voiced,
                                      self._contrib))

    def times(self) -> FloatArray:
        """A view of the times held, oldest first (valid until the next append)."""
        s = self._start
        return self._t[s: s + self._len]

    def first_t(self) -> float | None:
        return float(self._t[self._start]) if self._len else None

    def last_t(self) -> float | None:
        return float(self._t[self._start + self._len - 1]) if self._len else None

    def _span(self, t_from: float, t_to: float) -> tuple[int, int]:
        """Physical indexes [i, j) of the samples with t_from <= t <= t_to."""
        s = self._start
        times = self._t[s: s + self._len]
        i = int(np.searchsorted(times, t_from, side="left"))
        j = int(np.searchsorted(times, t_to, side="right"))
        return s + i, s + max(i, j)

    def window(self, t_from: float, t_to: float) -> tuple[FloatArray, ScoreArray]:
        """Copies of (t, score) of the samples with ``t_from <= t <= t_to``, in time order."""
        i, j = self._span(t_from, t_to)
        return self._t[i:j].copy(), self._score[i:j].copy()

    def all(self) -> tuple[FloatArray, ScoreArray]:
        """Copies of (t, score) of every sample held."""
        s = self._start
        return self._t[s: s + self._len].copy(), self._score[s: s + self._len].copy()

    def _sample(self, q: int) -> AgitationSample:
        band = int(self._band[q])
        contrib = tuple((name, float(v)) for name, v in zip(CONTRIBUTIONS, self._contrib[q],
                                                            strict=True))
        return AgitationSample(self.channel, float(self._t[q]), float(self._score[q]),
                               BANDS[band] if band >= 0 else "", contrib,
                               bool(self._voiced[q]))

    def nearest(self, t: float) -> AgitationSample | None:
        """The sample held closest in time to ``t`` (the earlier one on a tie)."""
        if not self._len:
            return None
        s = self._start
        times = self._t[s: s + self._len]
        i = int(np.searchsorted(times, t))
        if i >= self._len or (i > 0 and t - times[i - 1] <= times[i] - t):
            i -= 1
        return self._sample(s + i)

    def last(self) -> AgitationSample | None:
        return self._sample(self._start + self._len - 1) if self._len else None


@dataclass(frozen=True)
class Mark:
    """A moment marked on the curve. ``kind``: ``step`` (a CLEAR step heard; ``code`` its
    letter), ``tick`` (a step ticked by hand; ``code`` its letter), or a Cue's kind
    (``escalation``, ``trap``, ``interruption``; ``code`` the cue's code). ``text``: the words
    that fired it ("" for a tick)."""

    t: float
    kind: str
    code: str
    text: str = ""
    channel: str = ""


def mark_of(event: object) -> Mark | None:
    """The mark of a Cue or StepHeard (a Mark as it is); None for any other event (a stored
    call's SourceStatus marks among them)."""
    if isinstance(event, Mark):
        return event
    if isinstance(event, StepHeard):      # code "manual": ticked by hand (as desk.calls stores it)
        kind = "tick" if event.code == "manual" else "step"
        return Mark(event.t, kind, event.step, event.text, event.channel)
    if isinstance(event, Cue):
        return Mark(event.t, event.kind, event.code, event.text, event.channel)
    return None


class MarkBuffer:
    """The last ``capacity`` marks, kept sorted by time (a late mark is inserted in place; when
    full, the earliest is dropped)."""

    def __init__(self, capacity: int = DEFAULT_MARKS) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._t: list[float] = []
        self._marks: list[Mark] = []

    def add(self, mark: Mark) -> None:
        i = bisect.bisect_right(self._t, mark.t)
        self._t.insert(i, mark.t)
        self._marks.insert(i, mark)
        if len(self._marks) > self.capacity:
            del self._t[0], self._marks[0]

    def extend(self, marks: Iterable[Mark]) -> None:
        for m in marks:
            self.add(m)

    def window(self, t_from: float, t_to: float) -> Sequence[Mark]:
        """The marks with ``t_from <= t <= t_to``, in time order."""
        i = bisect.bisect_left(self._t, t_from)
        j = bisect.bisect_right(self._t, t_to)
        return self._marks[i:j]

    def all(self) -> Sequence[Mark]:
        return list(self._marks)

    def clear(self) -> None:
        self._t.clear()
        self._marks.clear()

    def __len__(self) -> int:
        return len(self._marks)
