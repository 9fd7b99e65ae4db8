"""The live transcript widget with real event dataclasses: partials replaced, escalation words
marked, only changed rows touched, following the newest line, clicks and selection."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from desk.events import AGENT, CALLER, AgitationSample, Cue, SourceStatus, StepHeard
from desk.events import TranscriptSegment as Seg
from ui.transcript_widget import ESCALATION_COLOUR, LINE_ROLE, MAX_SHOWN_CHARS, TranscriptWidget


@pytest.fixture
def widget(qtbot) -> TranscriptWidget:
    w = TranscriptWidget()
    qtbot.addWidget(w)
    w.resize(420, 360)
    w.show()
    qtbot.waitExposed(w)
    return w


def shown(w: TranscriptWidget) -> list[str]:
    return [w.rows.index(r).data() for r in range(w.rows.rowCount())]


def option(w: TranscriptWidget) -> QStyleOptionViewItem:
    opt = QStyleOptionViewItem()
    w.view.initViewItemOption(opt)
    return opt


def rendered(w: TranscriptWidget, row: int) -> str:
    """The HTML the delegate lays out for ``row``."""
    return w.delegate.document(w.rows.index(row).data(LINE_ROLE), option(w)).toHtml()


def many(n: int, start: float = 0.0) -> list[Seg]:
    return [Seg(CALLER if k % 2 else AGENT, start + 3 * k, start + 3 * k + 2,
                f"line {k}: " + "words " * (1 + k % 5), True) for k in range(n)]


def test_partial_in_grey_then_replaced_by_the_final(widget: TranscriptWidget, qtbot) -> None:
    widget.add_events([Seg(CALLER, 1.0, 1.6, "my parcel", False)])
    assert shown(widget) == ["my parcel"]
    assert "font-style:italic" in rendered(widget, 0)
    widget.add_events([Seg(CALLER, 1.0, 2.9, "my parcel arrived broken", True),
                       AgitationSample(CALLER, 2.0, 55.0, "elevated"),
                       SourceStatus(CALLER, 2.0, "started"),
                       StepHeard(AGENT, 2.0, "A", "A.apology", "sorry")])
    assert shown(widget) == ["my parcel arrived broken"]
    assert "font-style:italic" not in rendered(widget, 0)
    assert "Caller" in rendered(widget, 0) and "0:01" not in rendered(widget, 0)
    widget.add_events([Seg(AGENT, 3.0, 4.0, "I'm sorry to hear that", True)])
    assert "You" in rendered(widget, 1)


def test_escalation_words_in_red_and_text_escaped(widget: TranscriptWidget) -> None:
    widget.add_events([Seg(CALLER, 0.0, 4.0, "<b>not bold</b> & I'll call my lawyer", True),
                       Cue(CALLER, 3.0, "escalation", "lawyer", "lawyer")])
    doc = rendered(widget, 0)
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp;" in doc
    assert ESCALATION_COLOUR in doc and "font-weight:700" in doc
    plain = widget.delegate.document(widget.rows.rows[0], option(widget)).toPlainText()
    assert "<b>not bold</b> & I'll call my lawyer" in plain


def test_a_batch_touches_only_the_rows_it_changed(widget: TranscriptWidget, qtbot) -> None:
    widget.add_events(many(3000))
    widget.add_events([Seg(CALLER, 9001.0, 9001.5, "still", False)])
    qtbot.waitUntil(lambda: widget.view.verticalScrollBar().value()
                    == widget.view.verticalScrollBar().maximum())
    signals: list[tuple[str, int, int]] = []
    widget.rows.dataChanged.connect(lambda a, b, *_: signals.append(("changed", a.row(), b.row())))
    widget.rows.rowsInserted.connect(lambda _p, a, b: signals.append(("inserted", a, b)))
    widget.rows.modelReset.connect(lambda: signals.append(("reset", -1, -1)))
    laid_out: list[int] = []
    original = widget.delegate.document

    def counting(line, option):
        laid_out.append(id(line))
        return original(line, option)

    widget.delegate.document = counting  # type: ignore[method-assign]
    started = time.perf_counter()
    widget.add_events([Seg(CALLER, 9001.0, 9002.0, "still waiting", False),
                       Seg(AGENT, 9002.5, 9003.0, "mm", False)])
    widget.repaint()
    elapsed = time.perf_counter() - started
    assert signals == [("changed", 3000, 3000), ("inserted", 3001, 3001)]
    assert 0 < len(set(laid_out)) < 60, len(set(laid_out))  # what is on screen, not 3 000 rows
    assert elapsed < 0.25, f"{elapsed * 1000:.0f} ms"


def test_follows_the_newest_line_until_scrolled_up(widget: TranscriptWidget, qtbot) -> None:
    bar = widget.view.verticalScrollBar()
    widget.add_events(many(60))
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert widget.following and not widget.jump.isVisible()
    bar.setValue(3)  # the agent scrolls up to reread something
    assert not widget.following and widget.jump.isVisible()
    widget.add_events(many(5, start=1000.0))
    qtbot.waitUntil(lambda: widget.rows.rowCount() == 65)
    assert bar.value() == 3 and widget.jump.isVisible()
    qtbot.mouseClick(widget.jump, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert widget.following and not widget.jump.isVisible()
    widget.add_events(many(5, start=2000.0))
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() and widget.rows.rowCount() == 70)
    last = widget.view.visualRect(widget.rows.index(69))
    assert widget.view.viewport().rect().intersects(last)


def test_click_emits_the_line_start_and_select_time_selects(widget: TranscriptWidget,
                                                           qtbot) -> None:
    widget.load(many(40), [])
    index = widget.rows.index(2)
    rect = widget.view.visualRect(index)
    with qtbot.waitSignal(widget.line_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert blocker.args == [6.0]
    widget.line_clicked.connect(lambda _t: pytest.fail("select_time must not emit"))
    widget.select_time(100.5)  # inside line 33 (99.0-101.0)
    assert widget.view.currentIndex().row() == 33
    assert widget.view.viewport().rect().intersects(widget.view.visualRect(
        widget.rows.index(33)))
    widget.select_time(101.5)  # in the gap after it
    assert widget.view.currentIndex().row() == 33


def test_load_is_read_only_and_clear_starts_a_new_call(widget: TranscriptWidget, qtbot) -> None:
    segments = many(50)
    widget.load(segments, [Cue(CALLER, 4.0, "escalation", "manager", "words")])
    assert widget.rows.rowCount() == widget.line_count() == 50
    assert widget.rows.rows[1].highlights  # line 1 (caller, 3.0-5.0) says "words"
    bar = widget.view.verticalScrollBar()
    assert bar.value() == 0
    bar.setValue(5)
    assert not widget.jump.isVisible()  # a finished call has no "latest"
    widget.clear()
    assert widget.rows.rowCount() == 0 and widget.following
    widget.add_events([Seg(CALLER, 0.5, 1.0, "hello", True)])
    assert shown(widget) == ["hello"]


def test_huge_and_strange_text_keeps_the_layout(widget: TranscriptWidget, qtbot) -> None:
    huge = "x" * 10_000
    widget.resize(300, 220)  # a narrow, short view: the line would be far taller
    widget.add_events([Seg(CALLER, 0.0, 60.0, huge, True),
                       Seg(AGENT, 1.0, 2.0, "مرحبا بكم 🙂😡 שלום <script>alert(1)</script>", True),
                       Seg(CALLER, 3.0, 4.0, "line\nbreak\u202etail", True)])
    view = widget.view
    qtbot.waitUntil(lambda: view.visualRect(widget.rows.index(0)).height() > 0)
    first = view.visualRect(widget.rows.index(0))
    assert first.height() <= view.viewport().height()  # cut, never taller than the view
    assert first.width() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    tip = widget.rows.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<p>x") and len(tip) < 4100
    assert widget.rows.index(1).data(Qt.ItemDataRole.ToolTipRole) is None
    html_ = rendered(widget, 1)
    assert "&lt;script&gt;" in html_ and "<script>" not in html_
    assert len(widget.rows.rows[0].text) > MAX_SHOWN_CHARS  # the model keeps it all
    widget.grab()  # paints without raising
