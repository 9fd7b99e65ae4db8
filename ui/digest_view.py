"""The morning-meeting digest (早班会): choose a period, read it as one page, export a one-page
A4 PDF or print it.

The digest is computed on a background thread (it waits for the database thread); the page is
built on the GUI thread. :func:`render_digest_pdf` works without a dialog (tests, bench).
"""

from __future__ import annotations

import contextlib
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QDate, QMarginsF, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk.analysis import Period
from desk.content import Catalog
from desk.digest import Digest, build_digest
from desk.review import Viewer
from desk.store import Store
from ui.digest_page import PAGE_WIDTH, DigestPage
from ui.format import fill

MARGIN_MM = 12.0
DATES_IDLE_MS = 400


def paint_page(painter: QPainter, doc: QTextDocument, area: QRectF) -> float:
    """Draw ``doc`` (laid out PAGE_WIDTH wide) into ``area``, scaled to its width, or smaller
    when that is needed to keep it on the one page. Returns the scale used."""
    size = doc.size()
    scale = min(area.width() / PAGE_WIDTH, area.height() / max(1.0, size.height()))
    painter.save()
    painter.translate(area.topLeft())
    painter.scale(scale, scale)
    doc.drawContents(painter, QRectF(0, 0, PAGE_WIDTH, size.height()))
    painter.restore()
    return scale


def _page_area(device: QPagedPaintDevice, resolution: int) -> QRectF:
    rect = device.pageLayout().paintRectPixels(resolution)
    return QRectF(0, 0, rect.width(), rect.height())


def render_digest_pdf(digest: Digest, path: Path, catalog: Catalog, lang: str,
                      title: str = "") -> None:
    """Write the digest as a one-page A4 PDF, worded in the current UI language (the installed
    translator; ``lang`` names the categories). Raises OSError if the file cannot be written."""
    page = DigestPage(catalog, lang)
    doc = page.document(digest)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(title or page.title())
    writer.setCreator("ClearDesk")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        paint_page(painter, doc, _page_area(writer, writer.resolution()))
    finally:
        painter.end()


class _Relay(QObject):
    """Carries a result from the worker thread to the GUI thread (queued)."""

    done = Signal(int, object)


class DigestWidget(QWidget):
    """Period choice, the page, and the export buttons. ``ready(digest)`` when a digest is
    shown; ``failed(message)`` when it could not be made."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Store, catalog: Catalog, lang: str,
                 parent: QWidget | None = None, viewer: Viewer | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.catalog = catalog
        self.lang = lang
        self.viewer = viewer  # an agent sees their own digest only
        self.page = DigestPage(catalog, lang, self)
        self.digest: Digest | None = None
        self.agents: list[str] = []
        self._generation = 0
        self._threads: list[threading.Thread] = []
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._dates_timer = QTimer(self)  # typing a date: one digest when the typing stops
        self._dates_timer.setSingleShot(True)
        self._dates_timer.setInterval(DATES_IDLE_MS)
        self._dates_timer.timeout.connect(lambda: self.refresh())
        self._build()
        self._on_period_changed()

    def _build(self) -> None:
        v = QVBoxLayout(self)
        row = QHBoxLayout()
        self.period = QComboBox()
        self.period.setObjectName("digest_period")
        for text, key in ((self.tr("Yesterday"), "yesterday"), (self.tr("Today"), "today"),
                          (self.tr("Last 7 days"), "7"), (self.tr("Last 30 days"), "30"),
                          (self.tr("Custom dates"), "custom")):
            self.period.addItem(text, key)
        self.period.currentIndexChanged.connect(lambda _=0: self._on_period_changed())
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(-7))
        self.end = QDateEdit(today)
        for name, edit in (("digest_from", self.start), ("digest_to", self.end)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _=None: self._on_dates_changed())
        self.agent = QComboBox()
        self.agent.setObjectName("digest_agent")
        self.agent.addItem(self.tr("Whole team"), "")
        self.agent.activated.connect(lambda _=0: self.refresh())
        self.agent.setVisible(viewer_sees_team(self.viewer))
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.period)
        row.addWidget(self.start)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end)
        row.addWidget(self.agent)
        row.addStretch(1)
        v.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("digest_status")
        v.addWidget(self.status)
        self.view = QTextBrowser()
        self.view.setObjectName("digest_page")
        self.view.setOpenLinks(False)
        # The page as it is printed: PAGE_WIDTH wide, whatever the window's width.
        self.view.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.view.setLineWrapColumnOrWidth(PAGE_WIDTH)
        v.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("digest_export_pdf")
        self.pdf_button.clicked.connect(self._on_export_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("digest_print")
        self.print_button.clicked.connect(self._on_print)
        for b in (self.refresh_button, self.pdf_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.close_row = buttons  # the dialog adds its Close button here
        self._enable_export(False)

    # -- the period ----------------------------------------------------------------------
    def chosen_period(self, today: date | None = None) -> Period:
        today = today or date.today()
        key = self.period.currentData()
        if key == "today":
            return Period.day(today)
        if key in ("7", "30"):
            return Period.last_days(int(key), today)
        if key == "custom":
            a, b = (d.date().toPython() for d in (self.start, self.end))
            first, last = min(a, b), max(a, b)  # type: ignore[type-var]
            try:
                return Period(first, last + timedelta(days=1))
            except ValueError:  # longer than the longest period: its last part
                return Period.last_days(3 * 365, last)
        return Period.yesterday(today)

    def set_period(self, period: Period) -> None:
        """Show ``period`` (as custom dates)."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData("custom"))
        self.period.blockSignals(False)
        for edit, day in ((self.start, period.start), (self.end, period.last_day)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self._on_period_changed()

    def _on_period_changed(self) -> None:
        self._dates_timer.stop()
        custom = self.period.currentData() == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        self.refresh()

    def _on_dates_changed(self) -> None:
        if self.period.currentData() == "custom":
            self._dates_timer.start()

    # -- computing -----------------------------------------------------------------------
    def refresh(self, now: datetime | None = None) -> None:
        """Compute the digest of the chosen period in the background (``now``: for tests)."""
        self._dates_timer.stop()
        self._generation += 1
        generation = self._generation
        period = self.chosen_period(now.astimezone().date() if now else None)
        agent = self.agent.currentData() or None
        self.status.setText(self.tr("Working…"))
        self._enable_export(False)
        thread = threading.Thread(target=self._run, args=(generation, period, agent, now),
                                  name="cleardesk-digest", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _run(self, generation: int, period: Period, agent: str | None,
             now: datetime | None) -> None:
        """Runs on the digest thread."""
        result: object
        try:
            result = build_digest(self.store, period, agent, now or datetime.now(timezone.utc),
                                  viewer=self.viewer)
        except Exception as exc:  # shown to the user, never lost
            result = exc
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            self._relay.done.emit(generation, result)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the digests being made (before closing the store)."""
        for thread in list(self._threads):
            thread.join(timeout)

    def _on_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        if isinstance(result, BaseException):
            message = fill(self.tr("The digest could not be made: %1"), result)
            self.status.setText(message)
            self.failed.emit(message)
            return
        assert isinstance(result, Digest)
        self.show_digest(result)

    def show_digest(self, digest: Digest) -> None:
        self.digest = digest
        if digest.agent is None:
            self._update_agents([s.agent for s in digest.agents if s.agent])
        doc = self.page.document(digest)
        doc.setParent(self.view)
        self.view.setDocument(doc)
        self.status.setText("")
        self._enable_export(True)
        self.ready.emit(digest)

    def _update_agents(self, agents: list[str]) -> None:
        current = self.agent.currentData()
        for name in agents:
            if name not in self.agents:
                self.agents.append(name)
                self.agent.addItem(fill(self.tr("Agent: %1"), name), name)
        self.agent.setCurrentIndex(max(0, self.agent.findData(current)))

    def _enable_export(self, on: bool) -> None:
        self.pdf_button.setEnabled(on)
        self.print_button.setEnabled(on and _printing_available())

    # -- export --------------------------------------------------------------------------
    def export_pdf(self, path: Path) -> None:
        if self.digest is None:
            raise ValueError("no digest shown yet")
        render_digest_pdf(self.digest, path, self.catalog, self.lang)

    def suggested_name(self) -> str:
        period = self.digest.period if self.digest else self.chosen_period()
        name = f"digest-{period.start.isoformat()}"
        return name + (f"-{period.last_day.isoformat()}" if period.days > 1 else "") + ".pdf"

    def _on_export_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the digest as PDF"), str(Path.home() / self.suggested_name()),
            self.tr("PDF (*.pdf)"))
        if not name:
            return
        try:
            self.export_pdf(Path(name))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"),
                                fill(self.tr("The PDF could not be written: %1"), exc))

    def _on_print(self) -> None:
        if self.digest is None or not _printing_available():
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Printing failed"),
                                self.tr("The printer could not be opened."))
            return
        try:
            paint_page(painter, self.page.document(self.digest),
                       _page_area(printer, printer.resolution()))
        finally:
            painter.end()


def viewer_sees_team(viewer: Viewer | None) -> bool:
    return viewer is None or viewer.sees_team


def _printing_available() -> bool:
    try:
        import PySide6.QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


class DigestDialog(QDialog):
    def __init__(self, store: Store, catalog: Catalog, lang: str,
                 parent: QWidget | None = None, viewer: Viewer | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Morning meeting digest"))
        self.resize(800, 900)
        layout = QVBoxLayout(self)
        self.digest = DigestWidget(store, catalog, lang, self, viewer)
        layout.addWidget(self.digest)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.digest.close_row.addWidget(close)

    def done(self, result: int) -> None:
        super().done(result)
        self.digest.wait(5.0)

