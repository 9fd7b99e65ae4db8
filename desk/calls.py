"""Calls of a case: begin and finish a call's record, read a call back, recover after a crash.

A call is an entity like a case (field events: its end, duration, peak can change and sync);
what was heard is append-only (desk/recorder.py writes it while the call runs).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from db import calls as qc
from desk.cases import CaseService
from desk.events import (
    AGENT,
    AgitationSample,
    CallInfo,
    Cue,
    SourceStatus,
    StepHeard,
    TranscriptSegment,
    Word,
)
from desk.recorder import CallRecorder, unpack_samples
from desk.store import StoreError
from desk.timeutil import now_iso, parse_iso, to_iso

Mark = Cue | StepHeard | SourceStatus

LIVE, ENDED, INTERRUPTED = "live", "ended", "interrupted"


@dataclass(frozen=True)
class CallSummary:
    id: str
    case_id: str
    started_at: str
    ended_at: str
    status: str
    duration: float
    model_name: str
    model_lang: str
    peak: float
    final: float
    sources: tuple[tuple[str, str], ...] = ()

    @staticmethod
    def from_row(row: dict[str, Any]) -> CallSummary:
        try:
            sources = tuple(tuple(p) for p in json.loads(row.get("sources") or "[]"))
        except (ValueError, TypeError):
            sources = ()
        return CallSummary(
            row["id"], row.get("case_id") or "", row.get("started_at") or "",
            row.get("ended_at") or "", row.get("status") or "", float(row.get("duration") or 0),
            row.get("model_name") or "", row.get("model_lang") or "",
            float(row.get("peak") or 0), float(row.get("final") or 0),
            sources)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CallRecord:
    """Everything stored of one call, as the pipeline's own events."""

    summary: CallSummary
    samples: tuple[AgitationSample, ...]
    segments: tuple[TranscriptSegment, ...]
    marks: tuple[Mark, ...]


def segment_of(row: dict[str, Any]) -> TranscriptSegment:
    """A stored transcript segment (db.calls.call_segments row) as the pipeline's event."""
    words = tuple(Word(str(w[0]), float(w[1]), float(w[2]), float(w[3]))
                  for w in json.loads(row["words"] or "[]"))
    return TranscriptSegment(row["channel"], float(row["start"]), float(row["end"]),
                             row["text"] or "", True, words, row["lang"] or "")


def mark_event(row: dict[str, Any]) -> Mark:
    kind, code, text = row["kind"], row["code"] or "", row["text"] or ""
    channel, t = row["channel"] or "", float(row["t"])
    if kind == "step":
        return StepHeard(channel, t, code.split(".")[0], code, text)
    if kind == "step_manual":
        return StepHeard(channel or AGENT, t, code, "manual", "")
    if kind in ("status", "step_undone"):
        return SourceStatus(channel, t, code if kind == "status" else "step_undone", text)
    return Cue(channel, t, kind, code, text)


class CallService:
    """Calls of cases, on the cases' store."""

    def __init__(self, cases: CaseService) -> None:
        self.cases = cases
        self.store = cases.store

    def begin(self, case_id: str, info: CallInfo | None = None,
              started_at: str | None = None) -> str:
        """Record that a call on ``case_id`` starts now (or at ``started_at``, ISO UTC, for a
        recording); returns the call's id."""
        info = info or CallInfo()
        call_id = self.store.clock_id()
        self.cases._write_fields("call", call_id, {
            "case_id": case_id, "started_at": started_at or now_iso(), "status": LIVE,
            "agent": self.cases.agent, **self._info(info)})
        return call_id

    @staticmethod
    def _info(info: CallInfo) -> dict[str, Any]:
        return {"model_name": info.model_name, "model_lang": info.model_lang,
                "sources": json.dumps([list(s) for s in info.sources], ensure_ascii=False)}

    def finish(self, call_id: str, duration: float, peak: float, final: float,
               info: CallInfo | None = None, status: str = ENDED) -> None:
        summary = self.summary(call_id)
        ended = parse_iso(summary.started_at) + timedelta(seconds=duration)
        values: dict[str, Any] = {"ended_at": to_iso(ended), "status": status,
                                  "duration": round(duration, 3), "peak": round(peak, 2),
                                  "final": round(final, 2)}
        if info is not None:
            values.update(self._info(info))
        self.cases._write_fields("call", call_id, values)

    def import_recording(self, case_id: str, events: Iterable[object], duration: float,
                         info: CallInfo | None = None, started_at: str | None = None,
                         chunk_s: float = 10.0) -> str:
        """Store a recorded call (the events ``cleardesk analyze`` collected from the file) on
        ``case_id`` as if it had been heard live; returns the call's id. Written in chunks of
        ``chunk_s`` seconds of call time. StoreError if the database refuses."""
        call_id = self.begin(case_id, info, started_at)
        recorder = CallRecorder(self.store, call_id, case_id)
        timed = sorted(((float(getattr(ev, "t", getattr(ev, "start", 0.0))), i, ev)
                        for i, ev in enumerate(events)), key=lambda x: (x[0], x[1]))
        failed = StoreError("unwritable", self.store.path, "the call could not be stored")
        next_flush = chunk_s
        for t, _, ev in timed:
            if t >= next_flush:
                if not recorder.flush():
                    raise recorder.last_error or failed
                next_flush = (t // chunk_s + 1) * chunk_s
            recorder(ev)
        if not recorder.close(retries=2):
            raise recorder.last_error or failed
        self.finish(call_id, duration, recorder.peak, recorder.final, info)
        return call_id

    def recover(self) -> list[str]:
        """Calls still marked live (the app stopped mid-call): end them where their record
        ends. Returns their ids. Run at start-up, before any call starts."""
        if self.store.readonly:
            return []
        ids = []
        for row in self.store.call(qc.unfinished_calls, self.store.device):
            samples = [s for s in self.record(row["id"]).samples if s.channel != AGENT]
            peak = max((s.score for s in samples), default=0.0)
            final = samples[-1].score if samples else 0.0
            self.finish(row["id"], float(row["last_t"] or 0), peak, final, status=INTERRUPTED)
            ids.append(row["id"])
        return ids

    def summary(self, call_id: str) -> CallSummary:
        row = self.store.call(qc.get_call, call_id)
        if row is None:
            raise KeyError(call_id)
        return CallSummary.from_row(row)

    def calls(self, case_id: str) -> list[CallSummary]:
        return [CallSummary.from_row(r) for r in self.store.call(qc.case_calls, case_id)]

    def record(self, call_id: str) -> CallRecord:
        def run(conn: Any) -> tuple[Any, ...]:
            return (qc.get_call(conn, call_id), qc.call_curve(conn, call_id),
                    qc.call_segments(conn, call_id), qc.call_marks(conn, call_id))

        row, curve, segs, marks = self.store.call(run)
        if row is None:
            raise KeyError(call_id)
        samples: list[AgitationSample] = []
        for chunk in curve:
            samples += unpack_samples(chunk["channel"], chunk["data"])
        samples.sort(key=lambda s: (s.channel, s.t))
        segments = [segment_of(r) for r in segs]
        return CallRecord(CallSummary.from_row(row), tuple(samples), tuple(segments),
                          tuple(mark_event(m) for m in marks))
