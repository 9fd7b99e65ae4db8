"""The call recorder: a pipeline listener that stores the call with its case as it happens.

Events arrive on the pipeline's threads and are only queued; a thread of the recorder writes
what has gathered every FLUSH_S in one transaction on the database executor, so a crash loses
at most the last second. Stored: the curve in chunks per channel (db/schema.py v3), final
transcript segments (partials are replaced and never stored), cues and source statuses as
marks, and each CLEAR step heard both as a mark and as a tick of the case's checklist (source
"heard", the words as evidence). A write that fails (database locked, disk full) keeps the rows
and tries again at the next flush; ``on_error`` hears about it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from db.events import append_rows, transaction
from desk.events import (
    AGENT,
    BANDS,
    CALLER,
    CONTRIBUTIONS,
    AgitationSample,
    Cue,
    SourceStatus,
    StepHeard,
    TranscriptSegment,
)
from desk.store import Store, StoreError
from desk.timeutil import now_iso

log = logging.getLogger(__name__)

FLUSH_S = 0.5
# Repeated statuses that say nothing new for the record.
QUIET_STATUSES = ("overflow",)


def pack_samples(samples: list[AgitationSample]) -> str:
    """One chunk of a channel's curve as JSON columns (t, score, band index, contributions in
    CONTRIBUTIONS order)."""
    return json.dumps({
        "t": [s.t for s in samples],
        "s": [s.score for s in samples],
        "b": [BANDS.index(s.band) if s.band in BANDS else 0 for s in samples],
        "v": [1 if s.voiced else 0 for s in samples],
        "c": [[round(s.contribution(n), 2) for n in CONTRIBUTIONS] for s in samples],
    }, separators=(",", ":"))


def unpack_samples(channel: str, data: str) -> list[AgitationSample]:
    d = json.loads(data)
    out = []
    for i, t in enumerate(d["t"]):
        contrib = tuple(zip(CONTRIBUTIONS, d["c"][i], strict=False))
        band = BANDS[d["b"][i]] if 0 <= d["b"][i] < len(BANDS) else BANDS[0]
        out.append(AgitationSample(channel, t, d["s"][i], band, contrib, bool(d["v"][i])))
    return out


class CallRecorder:
    """Listener of one call. ``start()`` the writer; ``close()`` writes the rest and joins."""

    def __init__(self, store: Store, call_id: str, case_id: str,
                 on_error: Callable[[StoreError], None] | None = None,
                 flush_s: float = FLUSH_S) -> None:
        self.store = store
        self.call_id = call_id
        self.case_id = case_id
        self.on_error = on_error
        self.flush_s = flush_s
        self.peak = 0.0
        self.final = 0.0
        self.last_t = 0.0
        self._lock = threading.Lock()
        self._samples: dict[str, list[AgitationSample]] = {}
        self._rows: dict[str, list[dict[str, Any]]] = {
            "call_curve": [], "call_segments": [], "call_marks": [], "checklist": []}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.failed = False  # the last write failed (rows kept for the next try)
        self.last_error: StoreError | None = None

    # -- listener (any thread) -----------------------------------------------------------
    def __call__(self, ev: object) -> None:
        with self._lock:
            if isinstance(ev, AgitationSample):
                self._samples.setdefault(ev.channel, []).append(ev)
                if ev.channel == CALLER:
                    self.peak = max(self.peak, ev.score)
                    self.final = ev.score
                self.last_t = max(self.last_t, ev.t)
            elif isinstance(ev, TranscriptSegment):
                if ev.final and ev.text:
                    self._segment(ev)
            elif isinstance(ev, StepHeard):
                self._mark(ev.channel, ev.t, "step", ev.code, ev.text)
                self._row("checklist", {
                    "case_id": self.case_id, "step": ev.step, "done": 1, "at": now_iso(),
                    "source": "heard", "evidence": ev.text})
            elif isinstance(ev, Cue):
                self._mark(ev.channel, ev.t, ev.kind, ev.code, ev.text)
            elif isinstance(ev, SourceStatus) and ev.code not in QUIET_STATUSES:
                self._mark(ev.channel, ev.t, "status", ev.code, ev.detail)

    def mark_manual(self, t: float, step: str, done: bool) -> None:
        """The agent ticked (or unticked) a step by hand at call time ``t`` (the checklist row
        itself is written by the case service)."""
        with self._lock:
            self._mark(AGENT, t, "step_manual" if done else "step_undone", step, "")

    def _row(self, table: str, row: dict[str, Any]) -> None:
        row["id"] = self.store.clock_id()
        row["hlc"] = self.store.clock.now()
        row["device"] = self.store.device
        self._rows[table].append(row)

    def _mark(self, channel: str, t: float, kind: str, code: str, text: str) -> None:
        self._row("call_marks", {"call_id": self.call_id, "channel": channel, "t": t,
                                 "kind": kind, "code": code, "text": text})

    def _segment(self, seg: TranscriptSegment) -> None:
        words = [[w.text, w.start, w.end, round(w.conf, 3)] for w in seg.words]
        self._row("call_segments", {
            "call_id": self.call_id, "channel": seg.channel, "start": seg.start,
            "end": seg.end, "text": seg.text, "lang": seg.lang,
            "words": json.dumps(words, ensure_ascii=False, separators=(",", ":"))})

    # -- writer ---------------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"call-recorder-{self.call_id}")
        self._thread.start()

    def _run(self) -> None:
        """The writer thread: a flush every ``flush_s`` until closed."""
        while not self._stop.wait(self.flush_s):
            self.flush()

    def _take(self) -> dict[str, list[dict[str, Any]]]:
        with self._lock:
            for channel, samples in self._samples.items():
                if samples:
                    self._row("call_curve", {
                        "call_id": self.call_id, "channel": channel, "t0": samples[0].t,
                        "t1": samples[-1].t, "data": pack_samples(samples)})
            self._samples = {}
            taken = self._rows
            self._rows = {k: [] for k in taken}
            return taken

    def _put_back(self, taken: dict[str, list[dict[str, Any]]]) -> None:
        with self._lock:
            for table, rows in taken.items():
                self._rows[table][:0] = rows

    def flush(self) -> bool:
        """Write what has gathered (one transaction). Returns False when the write failed
        (the rows are kept and written with the next flush)."""
        taken = self._take()
        if not any(taken.values()):
            return True

        def write(conn: Any) -> None:
            with transaction(conn):
                for table, rows in taken.items():
                    if rows:
                        append_rows(conn, table, rows)

        try:
            self.store.call(write)
        except StoreError as exc:
            self._put_back(taken)
            if not self.failed:
                log.warning("call %s: could not store: %s", self.call_id, exc)
            self.failed = True
            self.last_error = exc
            if self.on_error is not None:
                self.on_error(exc)
            return False
        except Exception:  # a bug must not end the writer: keep the rows, say it, go on
            self._put_back(taken)
            log.exception("call %s: storing failed", self.call_id)
            self.failed = True
            return False
        self.failed = False
        return True

    def close(self, retries: int = 5, wait_s: float = 0.2) -> bool:
        """Stop the writer and write the rest, trying again ``retries`` times (a database
        locked for a moment). Returns whether everything was written."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        for _ in range(retries):
            if self.flush():
                return True
            threading.Event().wait(wait_s)
        return self.flush()
