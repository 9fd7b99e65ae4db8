"""A call stored with its case as it happens: real PulseAudio null sink, real vosk model, real
database; reopened from another Store it is the call that was heard."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desk.call import SourceSpec
from desk.calls import INTERRUPTED, CallService
from desk.cases import CaseService
from desk.events import (
    AGENT,
    CALLER,
    AgitationSample,
    CallInfo,
    Level,
    SourceStatus,
    StepHeard,
    TranscriptSegment,
)
from desk.recorder import CallRecorder, pack_samples, unpack_samples
from desk.session import CallSession, SpeechModel
from desk.speech import find_models
from desk.store import Store
from tests import synth
from tests.desk.test_live_call import Collector, has_status
from tests.pulse import NullSink, null_sink, pulse_server

__all__ = ["null_sink", "pulse_server"]


@pytest.fixture(scope="module")
def stereo_call(tmp_path_factory) -> Path:
    """Left: the agent apologises twice; right: a caller calm, then agitated, then calm."""
    return synth.write_wav(tmp_path_factory.mktemp("rec") / "call.wav", synth.two_party_call(),
                           rate=16000)


@pytest.fixture(scope="module")
def ko_model() -> SpeechModel:
    info = next(m for m in find_models() if m.lang == "ko" and m.source == "package")
    model = SpeechModel()
    model.load(str(info.path))
    assert model.loader.wait(60) and model.state == "ready", model.loader.error
    yield model
    model.close()


def test_a_live_call_is_stored_with_its_case_and_reopens_identically(
        null_sink: NullSink, stereo_call: Path, ko_model: SpeechModel, store: Store,
        db_file: Path) -> None:
    cases = CaseService(store, agent="ana")
    case = cases.new_case()
    calls = CallService(cases)
    got = Collector()
    session = CallSession(calls, case.id, [SourceSpec(null_sink.monitor,
                                                      {AGENT: (0,), CALLER: (1,)})],
                          [got], ko_model)
    session.start()
    try:
        got.wait(has_status("started"), 10, "started")
        player = null_sink.play(stereo_call)
        assert player.wait(timeout=120) == 0
        got.wait(lambda evs: any(isinstance(e, AgitationSample) and e.t > 32 for e in evs),
                 30, "curve past the end")
    finally:
        summary = session.stop()
    heard = got.events
    assert summary.status == "ended" and summary.duration > 30
    assert summary.model_lang == "ko" and summary.peak > 60

    other = Store(db_file)  # another connection, as after a restart
    try:
        rec = CallService(CaseService(other)).record(session.call_id)
        checklist = CaseService(other).checklist(case.id)
    finally:
        other.close()
    samples = [e for e in heard if isinstance(e, AgitationSample)]
    for ch in (CALLER, AGENT):
        want = [(s.t, s.score, s.band, s.voiced) for s in samples if s.channel == ch]
        got_ch = [(s.t, s.score, s.band, s.voiced) for s in rec.samples if s.channel == ch]
        assert got_ch == want and len(want) > 300
    by_t = {(s.channel, s.t): s for s in rec.samples}
    for s in samples[::50]:
        back = by_t[(s.channel, s.t)]
        for name, value in s.contributions:
            assert back.contribution(name) == pytest.approx(value, abs=0.006)
    finals = [(e.channel, e.start, e.end, e.text) for e in heard
              if isinstance(e, TranscriptSegment) and e.final and e.text]
    assert [(s.channel, s.start, s.end, s.text) for s in rec.segments] == sorted(
        finals, key=lambda f: (f[1], f[0]))
    assert any(s.channel == CALLER for s in rec.segments)
    steps = [m for m in rec.marks if isinstance(m, StepHeard)]
    # heard during one of the two apologies (at 3 s and 20 s of the recording, which starts
    # playing a moment into the call)
    assert steps and steps[0].step == "A"
    assert all(3 < m.t < 9 or 20 < m.t < 27 for m in steps), steps
    assert checklist["A"].done and checklist["A"].source == "heard"
    assert checklist["A"].evidence
    assert any(isinstance(e, Level) for e in heard)


def test_a_missing_device_is_waited_for_and_the_clock_counts_the_wait(
        null_sink: NullSink, store: Store, stereo_call: Path) -> None:
    cases = CaseService(store)
    calls = CallService(cases)
    case = cases.new_case()
    null_sink.unload()
    got = Collector()
    session = CallSession(calls, case.id, [SourceSpec(null_sink.monitor, {CALLER: (0,)})],
                          [got])
    session.start()
    try:
        got.wait(has_status("lost"), 5, "lost status")
        assert not any(isinstance(e, AgitationSample) for e in got.events)
        threading.Event().wait(1.5)  # the device stays away a while (nothing to wait on)
        null_sink.load()
        got.wait(has_status("started"), 10, "started")
        got.wait(lambda evs: sum(isinstance(e, AgitationSample) for e in evs) > 5, 10,
                 "samples")
    finally:
        session.stop()
    first = next(e for e in got.events if isinstance(e, AgitationSample))
    assert first.t >= 1.5  # the channel's clock started with the call, not with the device
    rec = calls.record(session.call_id)
    assert [m.code for m in rec.marks if isinstance(m, SourceStatus)][:2] == ["lost", "started"]


def test_an_unfinished_call_is_closed_where_its_record_ends(store: Store,
                                                            db_file: Path) -> None:
    cases = CaseService(store)
    calls = CallService(cases)
    case = cases.new_case()
    call_id = calls.begin(case.id, CallInfo("m", "ko"))
    rec = CallRecorder(store, call_id, case.id)
    for i in range(30):
        rec(AgitationSample(CALLER, round(i * 0.1, 3), float(i), "calm" if i < 20 else
                            "elevated", (("loudness", float(i)),)))
    rec(TranscriptSegment(CALLER, 0.5, 2.9, "안녕하세요", True))
    rec(TranscriptSegment(CALLER, 3.0, 3.2, "partial", False))
    assert rec.flush()
    # the process dies here: no finish()
    assert calls.recover() == [call_id]
    s = calls.summary(call_id)
    assert (s.status, s.duration, s.peak, s.final) == (INTERRUPTED, 2.9, 29.0, 29.0)
    assert [x.text for x in calls.record(call_id).segments] == ["안녕하세요"]
    assert calls.recover() == []


def test_samples_pack_and_unpack() -> None:
    s = [AgitationSample(CALLER, 1.2, 55.5, "agitated", (("loudness", 30.0), ("words", 25.5)),
                         False)]
    back = unpack_samples(CALLER, pack_samples(s))
    assert back[0].t == 1.2 and back[0].band == "agitated" and not back[0].voiced
    assert back[0].contribution("words") == 25.5 and back[0].contribution("pitch") == 0.0


def test_a_write_that_fails_keeps_the_rows_for_the_next_flush(store: Store,
                                                             db_file: Path) -> None:
    import sqlite3

    cases = CaseService(store)
    calls = CallService(cases)
    case = cases.new_case()
    call_id = calls.begin(case.id)
    errors = []
    rec = CallRecorder(store, call_id, case.id, on_error=errors.append)
    rec(AgitationSample(CALLER, 0.1, 10.0, "calm"))
    blocker = sqlite3.connect(db_file, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        assert not rec.flush()
    finally:
        blocker.rollback()
        blocker.close()
    assert errors and errors[0].code == "locked"
    rec(AgitationSample(CALLER, 0.2, 11.0, "calm"))
    assert rec.flush()
    assert [s.t for s in calls.record(call_id).samples] == [0.1, 0.2]
