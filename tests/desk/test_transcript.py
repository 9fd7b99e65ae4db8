"""The transcript model: partials replaced, lines in order, escalation words marked, changes
reported row by row."""

from __future__ import annotations

import time

from desk.events import AGENT, CALLER, AgitationSample, Cue, StepHeard, TranscriptSegment, Word
from desk.transcript import INSERTED, REMOVED, UPDATED, Change, TranscriptModel, find_spans


def seg(channel: str, start: float, end: float, text: str, final: bool = True,
        words: tuple[Word, ...] = ()) -> TranscriptSegment:
    return TranscriptSegment(channel, start, end, text, final, words)


def texts(model: TranscriptModel) -> list[str]:
    return [line.text for line in model.lines]


def replay(changes: list[Change], rows: list[str]) -> list[str]:
    """What a view holding ``rows`` shows after applying ``changes`` in order."""
    rows = list(rows)
    for c in changes:
        if c.kind == INSERTED:
            assert c.line is not None
            rows.insert(c.row, c.line.text)
        elif c.kind == UPDATED:
            assert c.line is not None
            rows[c.row] = c.line.text
        else:
            del rows[c.row]
    return rows


def test_partials_are_replaced_by_the_next_segment_with_the_same_start() -> None:
    m = TranscriptModel()
    ch = m.apply([seg(CALLER, 1.0, 1.5, "my", False)])
    assert ch == [Change(INSERTED, 0, m[0])] and not m[0].final
    ch = m.apply([seg(CALLER, 1.0, 2.0, "my parcel", False),
                  seg(CALLER, 1.0, 2.6, "my parcel arrived broken", True)])
    assert [(c.kind, c.row) for c in ch] == [(UPDATED, 0), (UPDATED, 0)]
    assert texts(m) == ["my parcel arrived broken"] and m[0].final and m[0].end == 2.6
    # The next utterance is a new line; a final is never replaced.
    m.apply([seg(CALLER, 3.0, 3.2, "again", False), seg(CALLER, 3.0, 3.5, "again!", True)])
    m.apply([seg(CALLER, 3.0, 3.9, "later final, same start")])
    assert texts(m) == ["my parcel arrived broken", "again!", "later final, same start"]


def test_lines_sorted_by_start_and_changes_replay_to_the_same_rows() -> None:
    m = TranscriptModel()
    shown: list[str] = []
    batches = [
        [seg(CALLER, 0.5, 4.0, "I want my money back", False)],
        [seg(AGENT, 2.0, 2.5, "I see", False), seg(CALLER, 0.5, 4.5, "I want my money back now")],
        [seg(AGENT, 2.0, 3.0, "I see, let me check"), seg(CALLER, 6.0, 7.0, "when", False)],
        [seg(AGENT, 5.0, 5.5, "one moment"), AgitationSample(CALLER, 5.0, 40.0, "elevated")],
        [seg(CALLER, 6.0, 7.5, ""), seg(AGENT, 2.0, 2.2, "same start as nothing open")],
    ]
    for batch in batches:
        shown = replay(m.apply(batch), shown)
        assert shown == texts(m)
    assert texts(m) == ["I want my money back now", "I see, let me check",
                        "same start as nothing open", "one moment"]
    assert [line.start for line in m.lines] == sorted(line.start for line in m.lines)
    assert all(line.final for line in m.lines)


def test_an_empty_final_withdraws_its_partial() -> None:
    m = TranscriptModel()
    m.apply([seg(AGENT, 1.0, 1.2, "uh", False)])
    ch = m.apply([seg(AGENT, 1.0, 1.4, "", True)])
    assert ch == [Change(REMOVED, 0)] and len(m) == 0
    assert m.apply([seg(AGENT, 2.0, 2.4, "")]) == []  # nothing to withdraw, nothing shown


def test_a_stale_partial_is_replaced_when_its_channel_moves_on() -> None:
    m = TranscriptModel()
    m.apply([seg(CALLER, 1.0, 1.5, "hel", False), seg(AGENT, 1.2, 1.4, "mm", False)])
    m.apply([seg(CALLER, 0.9, 2.0, "hello there")])  # the final's start moved a little
    assert texts(m) == ["hello there", "mm"]
    assert m[1].channel == AGENT and not m[1].final  # the other channel's partial stays


def test_escalation_cue_marks_its_words_in_the_nearest_caller_line() -> None:
    m = TranscriptModel()
    m.apply([seg(CALLER, 0.0, 3.0, "I will call my LAWYER today"),
             seg(AGENT, 3.5, 4.0, "a lawyer? let me help"),
             seg(CALLER, 40.0, 44.0, "my lawyer says no")])
    ch = m.apply([Cue(CALLER, 41.0, "escalation", "lawyer", "lawyer"),
                  Cue(AGENT, 3.6, "trap", "sorry_but", "sorry but"),
                  StepHeard(AGENT, 3.6, "A", "A.apology", "sorry")])
    assert [(c.kind, c.row) for c in ch] == [(UPDATED, 2)]
    line = m[2]
    assert [(h.start, h.end, h.code) for h in line.highlights] == [(3, 9, "lawyer")]
    assert line.text[3:9] == "lawyer"
    # Case-insensitive; the agent's line is never marked.
    m.apply([Cue(CALLER, 1.0, "escalation", "lawyer", "lawyer")])
    assert m[0].text[m[0].highlights[0].start:m[0].highlights[0].end] == "LAWYER"
    assert m[1].highlights == ()
    # The same cue again (a reopened call loaded twice) marks nothing more.
    assert m.apply([Cue(CALLER, 1.0, "escalation", "lawyer", "lawyer")]) == []


def test_chinese_cue_found_with_or_without_spaces_and_the_right_occurrence_chosen() -> None:
    m = TranscriptModel()
    words = tuple(Word(w, 10.0 + k, 10.8 + k) for k, w in enumerate(
        ["我", "要", "投诉", "到", "12315", "，", "还", "要", "找", "媒", "体", "曝光", "媒体"]))
    m.apply([seg(CALLER, 10.0, 23.0, " ".join(w.text for w in words), words=words),
             seg(CALLER, 30.0, 32.0, "你们经理呢")])
    m.apply([Cue(CALLER, 12.0, "escalation", "regulator", "投诉到12315"),
             Cue(CALLER, 30.5, "escalation", "manager", "经理")])
    line = m[0]
    assert [line.text[h.start:h.end] for h in line.highlights] == ["投诉 到 12315"]
    assert m[1].text[m[1].highlights[0].start:m[1].highlights[0].end] == "经理"
    # 媒体 twice in the line: the word said at 22 s (the second) is the one marked.
    m.apply([Cue(CALLER, 22.0, "escalation", "media", "媒体")])
    marked = [(h.start, h.code) for h in m[0].highlights if h.code == "media"]
    assert marked == [(line.text.rindex("媒体"), "media")]


def test_cue_before_its_line_waits_for_it() -> None:
    m = TranscriptModel()
    assert m.apply([Cue(CALLER, 5.0, "escalation", "cancel", "cancel")]) == []
    m.apply([seg(CALLER, 4.0, 6.0, "then I'll cancel", False)])
    assert m[0].highlights == ()  # partials are never marked
    m.apply([seg(CALLER, 4.0, 6.5, "then I'll cancel my contract")])
    assert m[0].text[m[0].highlights[0].start:m[0].highlights[0].end] == "cancel"


def test_find_spans_handles_casefold_width_and_spaces() -> None:
    assert find_spans("Straße ＬＡＷＹＥＲ here", "lawyer") == [(7, 13)]
    assert find_spans("律 师 函", "律师") == [(0, 3)]
    assert find_spans("abc", "") == [] and find_spans("", "x") == []


def test_line_at() -> None:
    m = TranscriptModel()
    assert m.line_at(3.0) is None
    m.apply([seg(CALLER, 1.0, 9.0, "long"), seg(AGENT, 2.0, 3.0, "short"),
             seg(CALLER, 12.0, 13.0, "later")])
    assert m.line_at(0.0) == 0           # before everything: the first line
    assert m.line_at(2.5) == 1           # inside two lines: the latest one
    assert m.line_at(5.0) == 0           # the long line is still running
    assert m.line_at(10.0) == 0          # in a gap: the line that ended last
    assert m.line_at(12.5) == 2 and m.line_at(99.0) == 2
    m.clear()
    assert len(m) == 0 and m.line_at(1.0) is None


def test_two_hour_call_stays_fast() -> None:
    """3 000 utterances per channel pair over two hours, each with 4 partials, plus cues."""
    m = TranscriptModel()
    started = time.perf_counter()
    changes = 0
    for k in range(3000):
        ch = CALLER if k % 2 else AGENT
        t = k * 2.4
        batch: list[object] = [seg(ch, t, t + 0.3 * (p + 1), "word " * (p + 1), False)
                               for p in range(4)]
        batch.append(seg(ch, t, t + 2.0, "please cancel my account now"))
        if ch == CALLER and k % 10 == 1:
            batch.append(Cue(CALLER, t + 0.5, "escalation", "cancel", "cancel"))
        changes += len(m.apply(batch))
    elapsed = time.perf_counter() - started
    assert len(m) == 3000 and changes == 3000 * 5 + 300
    assert sum(1 for line in m.lines if line.highlights) == 300
    assert elapsed < 1.0, f"{elapsed:.2f} s"
    started = time.perf_counter()
    for k in range(1000):
        assert m.line_at(k * 7.2 + 0.1) == k * 3
    assert time.perf_counter() - started < 0.1
