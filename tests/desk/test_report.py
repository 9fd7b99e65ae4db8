"""The call report's data (desk/report.py) and the fast loader of one call (desk/call_data.py):
the loader gives what CallService.record() gives, on calls heard by the real pipeline."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from desk.call_data import ChannelCurve, load_call
from desk.calls import CallRecord, CallService, CallSummary
from desk.cases import CaseService
from desk.comments import Comment, CommentService
from desk.events import AGENT, CALLER, AgitationSample, Cue, StepHeard
from desk.events import TranscriptSegment as Seg
from desk.recorder import pack_samples, unpack_samples
from desk.report import (
    BOM,
    call_csv,
    caller_peak,
    read_csv_sections,
    step_moments,
    transcript_excerpt,
)
from desk.review import CallQuery, ReviewService
from desk.store import Store
from tests.review_data import ReviewData


@pytest.fixture
def review_store(review_data: ReviewData) -> Iterator[Store]:
    store = Store(review_data.path)
    yield store
    store.close()


def points(channel: str, t0: float, n: int, base: float = 20.0) -> list[AgitationSample]:
    return [AgitationSample(channel, round(t0 + i / 10, 2), base + i, "calm",
                            (("loudness", float(i)), ("words", 0.5 * i)), i % 3 != 0)
            for i in range(n)]


# -- the fast loader ------------------------------------------------------------------------

def test_the_loader_gives_what_the_record_gives(review_data: ReviewData,
                                                review_store: Store) -> None:
    cases = CaseService(review_store, agent="sup")
    calls = CallService(cases)
    listed = {c.id: c for c in ReviewService(review_store).calls(CallQuery())}
    for name, call_id in review_data.calls.items():
        data = load_call(review_store, call_id)
        record = calls.record(call_id)
        assert data.record() == record, name
        assert data.review == listed[call_id], name
        caller = [s for s in record.samples if s.channel == CALLER]
        assert len(data.curves[CALLER]) == len(caller) > 100
        assert data.caller_peak() == caller_peak(record.samples)
        assert round(data.caller_peak()[1], 2) == data.summary.peak  # type: ignore[index]
        curve = data.curves[CALLER]
        middle = caller[len(caller) // 2]
        assert curve.nearest(middle.t + 0.01) == middle  # contributions decoded on demand
        assert curve.all()[0].tolist() == [s.t for s in caller]
        assert curve.skipped == 0


def test_the_loader_reads_the_comments_and_the_review_of_one_call(
        review_data: ReviewData, review_store: Store) -> None:
    cases = CaseService(review_store, agent="sup")
    call_id = review_data.calls["calmed"]
    CommentService(cases).add(call_id, 12.0, "slow down here")
    data = load_call(review_store, call_id)
    assert [(c.t, c.body, c.author) for c in data.comments] == [(12.0, "slow down here", "sup")]
    assert data.review is not None and data.review.case_ref
    assert data.review.customer == "Wang Fang" and "A" in data.review.steps_done
    with pytest.raises(KeyError):
        load_call(review_store, "no-such-call")


def test_a_curve_from_chunks_in_any_layout_damaged_and_overlapping() -> None:
    first, second = points(CALLER, 0.0, 10), points(CALLER, 1.0, 10, base=40.0)
    late = points(CALLER, 0.55, 3, base=70.0)  # overlaps the first chunk
    reordered = json.dumps(dict(reversed(list(json.loads(pack_samples(second)).items()))))
    curve = ChannelCurve(CALLER, [pack_samples(first), reordered, "{not json",
                                  pack_samples(late)])
    assert curve.skipped == 1
    stored = [unpack_samples(CALLER, pack_samples(c)) for c in (first, second, late)]
    expected = sorted([s for chunk in stored for s in chunk], key=lambda s: s.t)
    assert curve.samples() == expected
    assert curve.peak() == (late[-1].t, late[-1].score)
    assert curve.nearest(1.04) == stored[1][0]
    assert curve.window(0.5, 0.7)[0].tolist() == [0.5, 0.55, 0.6, 0.65, 0.7]
    assert ChannelCurve(AGENT, []).peak() is None and ChannelCurve(AGENT, []).last() is None


@pytest.mark.parametrize("damaged", [
    '{"t":[0,0.1],"s":[5,null],"b":[0,0],"v":[1,1]}',  # a score that is not a number
    '{"t":["a",0.1],"s":[5,6],"b":[0,0],"v":[1,1]}',  # a time that is text
    '{"t":[[0],[1]],"s":[5,6],"b":[0,0],"v":[1,1]}',  # nested lists
    '{"t":[0,0.1],"s":[5,6],"b":[0,99999999999999999999999],"v":[1,1]}',  # too big a band
    '{"t":[0,0.1],"s":[5,"NaN"],"b":[0,0],"v":[1,1]}',
])
def test_a_damaged_chunk_is_left_out_not_fatal(damaged: str) -> None:
    good = points(CALLER, 1.0, 5, base=40.0)
    curve = ChannelCurve(CALLER, [damaged, pack_samples(good)])
    assert curve.skipped == 1 and len(curve) == 5
    assert curve.samples() == unpack_samples(CALLER, pack_samples(good))


def test_damaged_contributions_leave_the_point_without_its_explanation() -> None:
    data = json.loads(pack_samples(points(CALLER, 0.0, 3)))
    data["c"] = 5  # not a list of rows
    curve = ChannelCurve(CALLER, [json.dumps(data)])
    assert [s.contributions for s in curve.samples()] == [(), (), ()]
    data["c"] = [["x", 1], None, [1.5]]
    curve = ChannelCurve(CALLER, [json.dumps(data)])
    assert [len(s.contributions) for s in curve.samples()] == [0, 0, 1]


# -- the CSV --------------------------------------------------------------------------------

def test_the_csv_holds_the_figures_curve_transcript_marks_and_comments(
        review_data: ReviewData, review_store: Store) -> None:
    cases = CaseService(review_store, agent="sup")
    call_id = review_data.calls["worst"]
    comments = CommentService(cases)
    comments.add(call_id, 9.5, "=HYPERLINK(\"x\") 说慢一点, please")
    data = load_call(review_store, call_id)
    record = data.record()
    text = call_csv(record, data.review, comments.comments(call_id), bom=True)
    assert text.startswith(BOM)
    sections = read_csv_sections(text)
    assert list(sections) == ["figures", "curve", "transcript", "marks", "comments"]
    figures = {r["figure"]: r["value"] for r in sections["figures"]}
    caller = [float(r["score"]) for r in sections["curve"] if r["channel"] == CALLER]
    assert float(figures["peak"]) == pytest.approx(max(caller), abs=0.006)
    assert figures["case_ref"] == data.review.case_ref  # type: ignore[union-attr]
    assert figures["customer"] == "Li Lei" and figures["steps_done"] == ""
    assert len(sections["curve"]) == len(record.samples)
    assert {r["channel"] for r in sections["curve"]} == {CALLER, AGENT}
    assert [r["text"] for r in sections["transcript"]] == [s.text for s in record.segments]
    loud = max(sections["curve"], key=lambda r: float(r["loudness"]))
    assert float(loud["loudness"]) > 0
    assert len(sections["marks"]) == len(record.marks)
    # A comment that looks like a formula stays text in a spreadsheet.
    assert sections["comments"][0]["body"] == "'=HYPERLINK(\"x\") 说慢一点, please"
    assert sections["comments"][0]["t_s"] == "9.50"
    assert not call_csv(record, None, []).startswith(BOM)


# -- what the PDF shows ---------------------------------------------------------------------

def test_the_excerpt_is_the_transcript_around_the_peak_bounded() -> None:
    segs = [Seg(CALLER if k % 2 else AGENT, 4.0 * k, 4.0 * k + 3.0, f"line {k} " + "x" * k,
                True) for k in range(60)]
    ex = transcript_excerpt(segs, 100.0, 80.0)
    assert (ex.start, ex.end) == (70.0, 130.0)
    assert [s.start for s in ex.segments] == [4.0 * k for k in range(17, 33)]  # ends at 71+
    assert ex.left_out == 0
    short = transcript_excerpt(segs, 100.0, 80.0, max_lines=4, max_chars=10)
    assert [s.start for s in short.segments] == [92.0, 96.0, 100.0, 104.0]  # nearest the peak
    assert short.left_out == 12
    assert all(len(s.text) <= 10 for s in short.segments)
    assert short.segments[0].text.endswith("…")
    assert transcript_excerpt(segs, 10.0, 50.0, duration=20.0).end == 20.0
    assert transcript_excerpt([], 10.0, 50.0).segments == ()


def test_step_moments_first_time_heard_or_ticked() -> None:
    marks = [StepHeard(AGENT, 20.0, "A", "A.apology", "sorry again"),
             StepHeard(AGENT, 3.0, "A", "A.apology", "so sorry"),
             StepHeard(AGENT, 40.0, "R", "manual", ""),
             Cue(CALLER, 5.0, "escalation", "lawyer", "lawyer")]
    got = {m.step: m for m in step_moments(marks, ("A",))}
    assert (got["A"].t, got["A"].heard, got["A"].words, got["A"].times, got["A"].done) == (
        3.0, True, "so sorry", 2, True)
    assert (got["R"].t, got["R"].heard, got["R"].done) == (40.0, False, False)
    assert got["C"].t is None and not got["C"].done
    assert list(got) == ["C", "L", "E", "A", "R"]
    assert caller_peak([AgitationSample(CALLER, 1.0, 5.0, "calm"),
                        AgitationSample(AGENT, 2.0, 9.0, "calm")]) == (1.0, 5.0)
    assert caller_peak([]) is None


def test_comment_rows_round_trip() -> None:
    c = Comment("id", "call", 61.25, "line one\nline two, \"quoted\"", "sup", "2026-11-16T09:00Z")
    record = CallRecord(CallSummary("call", "", "", "", "", 0.0, "", "", 0.0, 0.0), (), (), ())
    rows = read_csv_sections(call_csv(record, None, [c]))["comments"]
    assert rows == [{"t_s": "61.25", "author": "sup", "created_at": "2026-11-16T09:00Z",
                     "body": "line one\nline two, \"quoted\""}]
