"""The one-call review view on calls heard by the real pipeline (espeak-ng speech, the real
vosk model and scorer): the curve and the transcript line up, comments pin to a moment, the
exports open and hold the call's figures."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from desk.calls import CallService
from desk.cases import CaseService
from desk.comments import CommentService
from desk.events import CALLER, TranscriptSegment
from desk.report import read_csv_sections
from desk.store import Store
from tests.review_data import ReviewData
from ui.call_export import export_png
from ui.call_view import CallViewWidget

ViewMaker = Callable[..., CallViewWidget]


@pytest.fixture
def open_view(qtbot, review_data: ReviewData) -> Iterator[ViewMaker]:
    """``open_view(readonly=False)``: a CallViewWidget on the review database, shown."""
    stores: list[Store] = []

    def make(readonly: bool = False) -> CallViewWidget:
        store = Store(review_data.path, readonly=readonly)
        stores.append(store)
        cases = CaseService(store, agent="sup.zhou")
        view = CallViewWidget(CallService(cases), CommentService(cases), cases)
        qtbot.addWidget(view)
        view.resize(1280, 860)
        view.show()
        qtbot.waitExposed(view)
        return view

    yield make
    for store in stores:
        store.close()


def lone_segment(segments: tuple[TranscriptSegment, ...]) -> TranscriptSegment:
    """A caller segment at least a second long that overlaps no other segment."""
    for s in segments:
        others = [o for o in segments if o is not s and o.start < s.end and o.end > s.start]
        if s.channel == CALLER and s.end - s.start >= 1.0 and not others and s.start > 1.0:
            return s
    raise AssertionError("no lone caller segment in the call")


def click_plot_at(view: CallViewWidget, qtbot, t: float) -> None:
    """A real mouse click on the graph where call time ``t`` is drawn."""
    scene = view.plot.view.mapViewToScene(QPointF(t, 50.0))
    where = view.plot.plot.mapFromScene(scene)
    qtbot.mouseClick(view.plot.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_the_call_opens_with_its_figures_curve_and_transcript(
        open_view: ViewMaker, review_data: ReviewData) -> None:
    view = open_view()
    assert view.open_call(review_data.calls["calmed"])
    data = view.data
    assert data is not None and data.review is not None
    assert data.review.case_ref in view.title.text() and "Wang Fang" in view.title.text()
    assert "agent ana" in view.subtitle.text()
    peak_t, peak = data.caller_peak()  # type: ignore[misc]
    assert view.tiles["peak"].value.text() == f"{peak:.0f}"
    assert view.tiles["final"].value.text() == f"{data.summary.final:.0f}"
    assert view.tiles["apology"].value.text() == "0:02"  # the agent's apology at ~3 s
    assert view.tiles["steps"].value.text() == " ".join(data.review.steps_done)
    assert len(view.plot.caller_curve.xData) == len(data.curves[CALLER])
    assert view.transcript.line_count() == len(data.segments) > 3
    # Opened at the caller's peak: the cursor there, explained.
    assert view.cursor_t == pytest.approx(peak_t)
    assert view.plot.cursor.value() == pytest.approx(peak_t)
    assert f"Caller {peak:.0f}" in view.side.moment.text()
    assert view.side.add_button.text().startswith("Add comment at ")


def test_a_click_on_the_curve_shows_what_was_said_then_and_why(
        open_view: ViewMaker, review_data: ReviewData, qtbot) -> None:
    view = open_view()
    view.open_call(review_data.calls["calmed"])
    seg = lone_segment(view.data.segments)  # type: ignore[union-attr]
    t = (seg.start + seg.end) / 2
    with qtbot.waitSignal(view.plot.time_clicked, timeout=2000) as clicked:
        click_plot_at(view, qtbot, t)
    assert clicked.args[0] == pytest.approx(t, abs=0.2)  # a pixel is ~0.03 s here
    line = view.transcript.selected_line()
    assert line is not None and (line.start, line.end, line.text) == (seg.start, seg.end,
                                                                      seg.text)
    assert view.cursor_t == pytest.approx(clicked.args[0])
    assert view.plot.cursor.value() == pytest.approx(view.cursor_t)
    why = view.plot.explain_at(view.cursor_t)
    assert why and why in view.side.moment.text().replace("&amp;", "&")
    assert re.search(r"Caller \d+ \(", why)
    # Zoom in on the moment, then fit the whole call again.
    view.plot.view.setXRange(t - 2, t + 2, padding=0)
    view.fit_button.click()
    x0, x1 = view.plot.view.viewRange()[0]
    assert x0 <= 0.5 and x1 >= view.data.summary.duration - 1  # type: ignore[union-attr]


def test_a_click_on_a_transcript_line_moves_the_cursor_there(
        open_view: ViewMaker, review_data: ReviewData, qtbot) -> None:
    view = open_view()
    view.open_call(review_data.calls["calmed"])
    row = 3
    line = view.transcript.rows.rows[row]
    rect = view.transcript.view.visualRect(view.transcript.rows.index(row))
    with qtbot.waitSignal(view.transcript.line_clicked, timeout=2000):
        qtbot.mouseClick(view.transcript.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert view.cursor_t == pytest.approx(line.start)
    assert view.plot.cursor.value() == pytest.approx(line.start)
    assert view.transcript.selected_line() == line


def test_a_comment_is_pinned_to_the_cursor(open_view: ViewMaker, review_data: ReviewData,
                                           qtbot) -> None:
    view = open_view()
    call_id = review_data.calls["calmed"]
    view.open_call(call_id)
    view.set_cursor(12.3)
    assert view.side.add_button.text() == "Add comment at 0:12"
    view.side.editor.setPlainText(
        "  Here the caller got louder: restate the problem first. 先复述问题 ")
    with qtbot.waitSignal(view.comment_added, timeout=2000) as added:
        qtbot.mouseClick(view.side.add_button, Qt.MouseButton.LeftButton)
    assert added.args == [call_id]
    assert view.side.editor.toPlainText() == ""
    stored = view.side.service.comments(call_id)
    assert [(c.t, c.body, c.author) for c in stored] == [
        (12.3, "Here the caller got louder: restate the problem first. 先复述问题", "sup.zhou")]
    assert view.side.list.count() == 1
    assert view.side.list.item(0).text().startswith("0:12  sup.zhou: Here the caller")
    shown = [(line.value(), line.label.format) for line in view.plot.pool if line.isVisible()]
    assert (pytest.approx(12.3), "Comment") in shown
    assert view.side.count_label.text() == "Comments (1)"
    # A click on the comment brings the cursor back to its moment.
    view.set_cursor(30.0)
    item = view.side.list.item(0)
    rect = view.side.list.visualItemRect(item)
    qtbot.mouseClick(view.side.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.cursor_t == pytest.approx(12.3)
    # Reopened, the comment is there (read back from the database).
    view.open_call(call_id)
    assert view.side.list.count() == 1


def test_a_comment_that_cannot_be_saved_stays_in_the_box(
        open_view: ViewMaker, review_data: ReviewData, qtbot) -> None:
    view = open_view(readonly=True)
    call_id = review_data.calls["worst"]
    assert view.open_call(call_id)  # reading works read-only
    view.side.editor.setPlainText("keep me")
    qtbot.mouseClick(view.side.add_button, Qt.MouseButton.LeftButton)
    assert view.message.isVisible() and "read-only" in view.message.text()
    assert view.side.editor.toPlainText() == "keep me"
    assert view.side.list.count() == 0
    writable = open_view()
    writable.open_call(call_id)
    writable.side.editor.setPlainText("   ")
    qtbot.mouseClick(writable.side.add_button, Qt.MouseButton.LeftButton)
    assert "Type the comment first" in writable.message.text()
    assert writable.side.service.comments(call_id) == []
    assert not writable.open_call("no-such-call")
    assert "not in the database" in writable.message.text()
    assert writable.data is not None and writable.data.summary.id == call_id  # still shown
    # A comment typed on one call waits for that call; it is never pinned to another.
    writable.side.editor.setPlainText("for the worst call")
    writable.open_call(review_data.calls["calm"])
    assert writable.side.editor.toPlainText() == ""
    writable.open_call(call_id)
    assert writable.side.editor.toPlainText() == "for the worst call"


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the next save dialogs with ``path``; returns the titles asked."""
    asked: list[str] = []

    def answer(_parent: object, title: str, _where: str, _kinds: str) -> tuple[str, str]:
        asked.append(title)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def test_the_exports_open_and_hold_the_call(open_view: ViewMaker, review_data: ReviewData,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_view()
    call_id = review_data.calls["calmed"]
    view.open_call(call_id)
    view.set_cursor(20.0)
    view.side.editor.setPlainText("道歉后语速放慢，很好。")
    view.side.add_button.click()
    data = view.data
    assert data is not None and data.review is not None
    peak = data.caller_peak()[1]  # type: ignore[index]

    save_to(monkeypatch, tmp_path / "report")  # no suffix typed: .pdf is added
    view.pdf_button.click()
    pdf = tmp_path / "report.pdf"
    assert "Saved" in view.message.text() and str(pdf) in view.message.text()
    pages = PdfReader(pdf).pages
    assert 1 <= len(pages) <= 2
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
    flat = text.replace(" ", "")
    assert data.review.case_ref in text
    assert f"Peak {peak:.0f} (" in text and "Wang Fang" in text
    assert "道歉后语速放慢，很好。" in flat  # Chinese renders (the glyphs are in the PDF)
    heard = [s.text for s in data.segments if s.text.strip()]
    assert any(re.sub(r"\s+", "", s) in flat for s in heard)  # a transcript line

    save_to(monkeypatch, tmp_path / "data.csv")
    view.csv_button.click()
    raw = (tmp_path / "data.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    sections = read_csv_sections(raw.decode("utf-8"))
    figures = {r["figure"]: r["value"] for r in sections["figures"]}
    caller = [float(r["score"]) for r in sections["curve"] if r["channel"] == CALLER]
    assert float(figures["peak"]) == pytest.approx(max(caller), abs=0.006)
    assert figures["case_ref"] == data.review.case_ref
    assert [r["body"] for r in sections["comments"]] == ["道歉后语速放慢，很好。"]

    save_to(monkeypatch, tmp_path / "curve.png")
    view.png_button.click()
    image = QImage(str(tmp_path / "curve.png"))
    graph = view.plot.plot
    assert not image.isNull() and image.width() == 2 * graph.width()
    assert 2 * graph.height() < image.height() < 2 * (graph.height() + 80)
    # Not plain white: the curve is drawn (a dark caller line in the middle of the picture).
    dark = sum(1 for x in range(0, image.width(), 4) for y in range(image.height() // 4,
               image.height(), 4) if image.pixelColor(QPoint(x, y)).lightness() < 80)
    assert dark > 50


def test_export_png_sizes_and_failures(open_view: ViewMaker, review_data: ReviewData,
                                       tmp_path: Path) -> None:
    view = open_view()
    view.open_call(review_data.calls["calm"])
    size = export_png(view.plot, tmp_path / "x.png", scale=1.0, title="Title")
    assert QImage(str(tmp_path / "x.png")).size() == size
    assert size.width() == view.plot.plot.width()
    with pytest.raises(OSError):
        export_png(view.plot, tmp_path / "missing" / "x.png")
    assert not view.export_pdf(tmp_path / "missing" / "x.pdf")
    assert "could not be saved" in view.message.text()
