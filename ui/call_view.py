"""One call, for review: its figures, the agitation curve of both parties with the CLEAR steps,
cues and comments marked on it, the transcript under it, and the comments pinned to moments.

Click the curve (or a transcript line, or a comment) to pick a moment: the cursor goes there,
the transcript selects what was said then, and the score there is explained in words. A
comment is pinned to the picked moment. Exports: the curve as PNG, the report as PDF, the
data as CSV. Loading reads arrays (desk.call_data), so a two-hour call opens in well under a
second.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.call_data import CallData, load_call
from desk.calls import CallService
from desk.cases import CaseService
from desk.comments import MAX_COMMENT, Comment, CommentService
from desk.curve import Mark
from desk.events import BANDS, CALLER, Cue
from desk.report import call_csv
from desk.store import StoreError
from ui.agitation_plot import AgitationPlotWidget
from ui.call_comments import CallCommentsWidget
from ui.call_export import call_curve_image, export_pdf, export_png
from ui.call_report import band_word, category_name, steps_text, when
from ui.call_widget import BAND_COLOURS
from ui.format import call_time as clock
from ui.transcript_widget import TranscriptWidget

MARK_CHARS = 200  # of a comment in its marker's tooltip

log = logging.getLogger(__name__)


class FigureTileWidget(QFrame):
    """One figure of the call: the value large, what it is below."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"figure_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("FigureTileWidget { background: palette(base); border-radius: 4px; }")
        v = QVBoxLayout(self)
        v.setContentsMargins(10, 4, 10, 4)
        v.setSpacing(0)
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: palette(mid);")
        v.addWidget(self.value)
        v.addWidget(self.caption)

    def set(self, value: str, caption: str, colour: str = "", tip: str = "") -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.caption.setText(caption)
        self.setToolTip(tip)


class CallViewWidget(QWidget):
    """``open_call(call_id)`` shows a call. Emits ``comment_added(call_id)`` after a comment
    is saved."""

    comment_added = Signal(str)

    def __init__(self, calls: CallService, comments: CommentService, cases: CaseService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        self.comment_service = comments
        self.cases = cases
        self.data: CallData | None = None
        self.cursor_t = 0.0
        self._build()
        self._show_empty()

    # -- assembly -------------------------------------------------------------------------
    def _build(self) -> None:
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel()
        self.title.setObjectName("call_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("call_subtitle")
        self.subtitle.setStyleSheet("color: palette(mid);")
        v.addWidget(self.title)
        v.addWidget(self.subtitle)
        tiles = QHBoxLayout()
        self.tiles = {name: FigureTileWidget(name) for name in (
            "peak", "final", "deescalation", "apology", "offer", "steps", "traps",
            "escalations")}
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        tiles.addStretch(1)
        v.addLayout(tiles)
        bar = QHBoxLayout()
        self.fit_button = QPushButton(self.tr("Fit whole call"))
        self.fit_button.setObjectName("fit_call")
        self.fit_button.clicked.connect(self._on_fit)
        bar.addWidget(self.fit_button)
        self.hint = QLabel(self.tr("Scroll to zoom, drag to move along the call, click to "
                                   "pick a moment."))
        self.hint.setStyleSheet("color: palette(mid);")
        bar.addWidget(self.hint, 1)
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.png_button.setToolTip(self.tr("Save the curve as a picture"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setToolTip(self.tr("Save the call's data for a spreadsheet"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setToolTip(self.tr("Save the call report as PDF"))
        for name, button, slot in (("export_png", self.png_button, self._on_export_png),
                                   ("export_csv", self.csv_button, self._on_export_csv),
                                   ("export_pdf", self.pdf_button, self._on_export_pdf)):
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        v.addLayout(bar)
        self.message = QLabel()
        self.message.setObjectName("call_message")
        self.message.setWordWrap(True)
        self.message.hide()
        v.addWidget(self.message)

        self.body = QSplitter(Qt.Orientation.Vertical)
        self.plot = AgitationPlotWidget()
        self.plot.time_clicked.connect(self._on_plot_clicked)
        self.body.addWidget(self.plot)
        lower = QSplitter(Qt.Orientation.Horizontal)
        self.transcript = TranscriptWidget()
        self.transcript.line_clicked.connect(self._on_line_clicked)
        lower.addWidget(self.transcript)
        self.side = CallCommentsWidget(self.comment_service)
        self.side.comment_added.connect(self._on_comment_added)
        self.side.failed.connect(self._on_failed)
        self.side.time_picked.connect(self.set_cursor)
        lower.addWidget(self.side)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([600, 380])
        self.body.addWidget(lower)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 2)
        self.body.setSizes([380, 300])
        v.addWidget(self.body, 1)
        self.plot.set_agent_label(self.tr("Agent"))
        self.transcript.set_speakers(self.tr("Caller"), self.tr("Agent"))

    # -- showing a call ---------------------------------------------------------------------
    def _show_empty(self) -> None:
        self.title.setText(self.tr("No call open"))
        self.subtitle.setText(self.tr("Choose a call in the list to see its curve and "
                                      "transcript."))
        for tile in self.tiles.values():
            tile.hide()
        for w in (self.body, self.fit_button, self.hint, self.png_button, self.csv_button,
                  self.pdf_button):
            w.setVisible(False)

    def open_call(self, call_id: str) -> bool:
        """Show ``call_id``; False (and a message, the previous call still shown) if it
        cannot be read."""
        try:
            data = load_call(self.calls.store, call_id)
        except KeyError:
            self._say(self.tr("This call is not in the database (it may not have synced "
                              "yet)."), error=True)
            return False
        except StoreError as exc:
            self._say(self.message_for(exc), error=True)
            return False
        except (ValueError, TypeError) as exc:  # a row this version cannot read
            log.warning("call %s cannot be shown: %s", call_id, exc)
            self._say(self.tr("This call's record is damaged and cannot be shown."), error=True)
            return False
        self.data = data
        self.message.hide()
        self.side.show_call(call_id, data.comments)
        self.plot.load_curves(data.curves, self._marks())
        self.transcript.load(data.segments, [m for m in data.marks if isinstance(m, Cue)])
        self._show_header()
        for w in (self.body, self.fit_button, self.hint, self.png_button, self.csv_button,
                  self.pdf_button):
            w.setVisible(True)
        peak = data.caller_peak()
        self.set_cursor(peak[0] if peak else 0.0)
        return True

    def _marks(self) -> list[object]:
        assert self.data is not None
        return [*self.data.marks, *(Mark(c.t, "comment", c.id, c.body[:MARK_CHARS], c.author)
                                    for c in self.comments)]

    def peak_band(self) -> str:
        curve = self.data.curves.get(CALLER) if self.data else None
        if curve is None or not len(curve):
            return ""
        return BANDS[int(curve.band[int(curve.score.argmax())])]

    def _show_header(self) -> None:
        assert self.data is not None
        s, r = self.data.summary, self.data.review
        who = (r.customer if r else "") or self.tr("Unknown caller")
        parts = [who]
        if r and r.case_ref:
            parts.append(self.tr("case %1").replace("%1", r.case_ref))
        if r and r.category:
            parts.append(category_name(r.category))
        self.title.setText(" · ".join(parts))
        sub = [self.tr("Call of %1").replace("%1", when(s.started_at)), clock(s.duration)]
        if r and r.agent:
            sub.append(self.tr("agent %1").replace("%1", r.agent))
        if s.status == "interrupted":
            sub.append(self.tr("cut off: ClearDesk stopped during this call"))
        if s.model_name:
            sub.append(self.tr("speech model %1").replace("%1", s.model_name))
        self.subtitle.setText(" · ".join(sub))
        band = self.peak_band()
        peak = self.data.caller_peak()
        never = self.tr("never")
        self.tiles["peak"].set(
            f"{peak[1]:.0f}" if peak else "—",
            (self.tr("Peak, %1 at %2").replace("%1", band_word(band)) if band
             else self.tr("Peak at %2")).replace("%2", clock(peak[0])) if peak
            else self.tr("Peak"),
            BAND_COLOURS.get(band, ""))
        self.tiles["final"].set(f"{s.final:.0f}", self.tr("At the end"))
        fall = max(0.0, s.peak - s.final)
        self.tiles["deescalation"].set(f"{fall:.0f}", self.tr("De-escalation"),
                                       "#2e7d32" if fall >= 10 else "",
                                       self.tr("How far the caller came down from the peak "
                                               "by the end"))
        if r is not None:
            self.tiles["apology"].set(clock(r.t_apology) if r.t_apology is not None else never,
                                      self.tr("First apology"),
                                      "" if r.t_apology is not None else "#b3261e")
            self.tiles["offer"].set(clock(r.t_offer) if r.t_offer is not None else never,
                                    self.tr("First offer"))
            self.tiles["steps"].set(" ".join(r.steps_done) or "—", self.tr("Steps done"),
                                    "", steps_text(r))
            self.tiles["traps"].set(str(r.traps), self.tr("Traps"),
                                    "#c25e00" if r.traps else "")
            self.tiles["escalations"].set(str(r.escalations), self.tr("Escalation words"),
                                          "#b3261e" if r.escalations else "")
        for name, tile in self.tiles.items():
            tile.setVisible(r is not None or name in ("peak", "final", "deescalation"))
        if any(curve.skipped for curve in self.data.curves.values()):
            self._say(self.tr("Part of this call's curve is damaged and is not shown."),
                      error=True)

    # -- picking a moment -----------------------------------------------------------------
    def set_cursor(self, t: float, select_line: bool = True) -> None:
        """Pick call time ``t``: the cursor, the transcript line said then, the score there
        explained, comments pinned there."""
        if self.data is None:
            return
        end = max(self.data.summary.duration, self.plot.call_range()[1])
        self.cursor_t = min(max(0.0, float(t)), end)
        self.plot.show_time(self.cursor_t)
        if select_line:
            self.transcript.select_time(self.cursor_t)
        why = self.plot.explain_at(self.cursor_t) or self.tr("%1 · no caller speech at this "
                                                             "moment").replace(
            "%1", clock(self.cursor_t))
        self.side.set_moment(self.cursor_t, why)

    def _on_plot_clicked(self, t: float) -> None:
        self.set_cursor(t)

    def _on_line_clicked(self, start: float) -> None:
        self.set_cursor(start, select_line=False)

    def _on_fit(self) -> None:
        self.plot.fit_all()

    def reload_comments(self) -> None:
        """Comments may have arrived (a sync): show them, keeping the moment and the zoom."""
        if self.data is None:
            return
        try:
            comments = self.comment_service.comments(self.data.summary.id)
        except StoreError:
            return
        self.side.show_call(self.data.summary.id, comments)
        self.plot.set_marks(self._marks())

    # -- comments -------------------------------------------------------------------------
    @property
    def comments(self) -> list[Comment]:
        """The open call's comments, in call-time order."""
        return self.side.comments

    def _on_comment_added(self, comment: Comment) -> None:
        self.plot.set_marks(self._marks())
        self._say(self.tr("Comment saved at %1; the agent sees it after the next sync.")
                  .replace("%1", clock(comment.t)))
        self.comment_added.emit(comment.call_id)

    def _on_failed(self, exc: BaseException) -> None:
        self._say(self.message_for(exc), error=True)

    # -- messages -------------------------------------------------------------------------
    def message_for(self, exc: BaseException) -> str:
        code = getattr(exc, "code", "")
        messages = {
            "empty": self.tr("Type the comment first."),
            "too_long": self.tr("That comment is too long to save (over %1 characters). "
                                "Shorten it.").replace("%1", f"{MAX_COMMENT:,}"),
            "bad_value": self.tr("That comment holds a broken character that cannot be "
                                 "saved. Retype it without the odd character."),
            "no_call": self.tr("This call is no longer in the database; the comment was "
                               "not saved."),
            "readonly": self.tr("The database is open read-only: the comment cannot be "
                                "saved. Your text is kept in the box."),
            "locked": self.tr("The database is busy (another window or program is writing). "
                              "Your text is kept; try again in a moment."),
            "unwritable": self.tr("The database cannot be written (disk full or no "
                                  "permission). Your text is kept."),
            "corrupt": self.tr("The database reported damage. Close ClearDesk; at the next "
                               "start you can restore the last backup."),
            "closed": self.tr("The database is closed."),
        }
        return messages.get(code, self.tr("Something went wrong: %1").replace("%1", str(exc)))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(("⚠ " if error else "") + text)
        self.message.setStyleSheet("background: #fdecea; color: #8c1d18; padding: 4px;"
                                   if error else "background: #e6f4ea; color: #1b5e20; "
                                                 "padding: 4px;")
        self.message.show()

    # -- exports ----------------------------------------------------------------------------
    def file_stem(self) -> str:
        if self.data is None:
            return "call"
        ref = self.data.review.case_ref if self.data.review else ""
        day = when(self.data.summary.started_at).replace(":", "").replace(" ", "-")
        return "-".join(x for x in ("call", ref, day) if x)

    def _ask_path(self, title: str, suffix: str, kind: str) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, title,
                                              str(Path(folder) / f"{self.file_stem()}{suffix}"),
                                              f"{kind} (*{suffix})")
        if not path:
            return None
        return Path(path) if path.lower().endswith(suffix) else Path(path + suffix)

    def _saved(self, path: Path) -> None:
        self._say(self.tr("Saved %1").replace("%1", str(path)))

    def _on_export_png(self) -> None:
        path = self._ask_path(self.tr("Save the curve as a picture"), ".png", "PNG")
        if path is None:
            return
        try:
            export_png(self.plot, path, title=self.title.text())
        except OSError as exc:
            self._say(self.tr("The picture could not be saved: %1").replace("%1", str(exc)),
                      error=True)
            return
        self._saved(path)

    def _on_export_csv(self) -> None:
        if self.data is None:
            return
        path = self._ask_path(self.tr("Save the call's data"), ".csv", "CSV")
        if path is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            text = call_csv(self.data.record(), self.data.review, self.comments, bom=True)
            path.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            self._say(self.tr("The data could not be saved: %1").replace("%1", str(exc)),
                      error=True)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._saved(path)

    def _on_export_pdf(self) -> None:
        if self.data is None:
            return
        path = self._ask_path(self.tr("Save the call report"), ".pdf", "PDF")
        if path is None:
            return
        self.export_pdf(path)

    def export_pdf(self, path: Path) -> bool:
        """The report of the open call as PDF at ``path`` (the whole curve, whatever the
        zoom); False and a message if it cannot be written."""
        if self.data is None:
            return False
        try:
            notes = self.cases.notes(self.data.summary.case_id) if self.data.summary.case_id \
                else []
        except StoreError as exc:
            self._say(self.message_for(exc), error=True)
            return False
        image = call_curve_image(self.data, self._marks(), self.tr("Agent"))
        try:
            export_pdf(path, self.data, self.data.review, self.comments, notes, image,
                       self.peak_band())
        except OSError as exc:
            self._say(self.tr("The report could not be saved: %1").replace("%1", str(exc)),
                      error=True)
            return False
        self._saved(path)
        return True
