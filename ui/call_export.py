"""A call report exported: the curve as a picture (PNG), and the report (ui/call_report.py) as
a one- or two-page A4 PDF. The CSV is desk.report's.

GUI thread (QPainter, QTextDocument). Chinese renders through the system's CJK fonts, which
Qt embeds in the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTransform,
)

from desk.call_data import CallData
from desk.calls import CallRecord
from desk.comments import Comment
from desk.models import Note
from desk.review import CallReview
from ui.agitation_plot import AGENT_COLOUR, CALLER_COLOUR, AgitationPlotWidget
from ui.call_report import FONT_PX, PAGE_WIDTH, report_font, report_html

PAGE_MARGIN_MM = 15.0
PAGE_HEIGHT = round(PAGE_WIDTH * (297 - 2 * PAGE_MARGIN_MM) / (210 - 2 * PAGE_MARGIN_MM))


# -- the curve as a picture -------------------------------------------------------------------

def curve_image(plot: AgitationPlotWidget, scale: float = 2.0, title: str = "") -> QImage:
    """The graph as it is shown (the range in view, the marks), with a title and a legend
    above it, ``scale`` times the widget's size. The cursor is left out."""
    graph = plot.plot
    w, h = graph.width(), graph.height()
    font = report_font(13)
    metrics = QFontMetricsF(font)
    line_h = metrics.height() + 8
    top = line_h * (2 if title else 1)
    image = QImage(round(w * scale), round((h + top) * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    y = 4.0
    if title:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#202124"))
        painter.drawText(QRectF(8, y, w - 16, line_h), Qt.AlignmentFlag.AlignLeft, title)
        y += line_h
    painter.setFont(font)
    x = 10.0
    caller = QCoreApplication.translate("AgitationPlotWidget", "Caller")
    agent = plot.agent_label or QCoreApplication.translate("AgitationPlotWidget", "You")
    legend = ((CALLER_COLOUR, 3.0, Qt.PenStyle.SolidLine, caller),
              (AGENT_COLOUR, 1.5, Qt.PenStyle.DashLine, agent))
    mid = y + metrics.height() / 2
    for colour, width, style, name in legend:
        painter.setPen(QPen(QColor(colour), width, style))
        painter.drawLine(QPointF(x, mid), QPointF(x + 28, mid))
        painter.setPen(QColor("#202124"))
        painter.drawText(QPointF(x + 34, y + metrics.ascent()), name)
        x += 34 + metrics.horizontalAdvance(name) + 24
    cursor_shown = plot.cursor.isVisible()
    plot.cursor.hide()
    graph.render(painter, QRectF(0, top, w, h), graph.viewport().rect())
    plot.cursor.setVisible(cursor_shown)
    painter.end()
    return image


def call_curve_image(data: CallData, marks: Sequence[object], agent_label: str = "",
                     size: QSize = QSize(900, 330), scale: float = 2.5) -> QImage:  # noqa: B008
    """The whole call's curve drawn on a plot of its own, ``size`` large (so the labels keep
    their size next to the page's text), ``scale`` times as many pixels."""
    plot = AgitationPlotWidget()
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    plot.set_agent_label(agent_label)
    plot.explain.hide()
    plot.resize(size)
    plot.show()
    plot.load_curves(data.curves, marks)
    QCoreApplication.sendPostedEvents()
    plot.fit_all()
    try:
        return curve_image(plot, scale)
    finally:
        plot.close()
        plot.deleteLater()


def export_png(plot: AgitationPlotWidget, path: Path | str, scale: float = 2.0,
               title: str = "") -> QSize:
    """Write :func:`curve_image` as PNG; returns its size. OSError if it cannot be written."""
    image = curve_image(plot, scale, title)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return image.size()



def keep_headings_with_text(doc: QTextDocument, room: float = 70.0) -> None:
    """Start a heading on the next page when less than ``room`` pixels of its page would be
    left under it (a heading alone at the foot of a page, its table on the next)."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            rect = layout.blockBoundingRect(block)
            top = rect.top() % PAGE_HEIGHT
            if rect.top() >= PAGE_HEIGHT * 0.5 and top + rect.height() + room > PAGE_HEIGHT:
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(fmt)
        block = block.next()


def export_pdf(path: Path | str, data: CallData | CallRecord, review: CallReview | None,
               comments: Sequence[Comment], notes: Sequence[Note],
               curve: QImage | None = None, peak_band: str = "") -> None:
    """Write the call report as an A4 PDF. OSError if the file cannot be written."""
    with open(path, "wb"):  # OSError now if the file cannot be written
        pass
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
        QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    ref = review.case_ref if review else ""
    writer.setTitle(QCoreApplication.translate("CallReport", "Call report · case %1").replace(
        "%1", ref) if ref else QCoreApplication.translate("CallReport", "Call report"))
    writer.setCreator("ClearDesk")
    doc = QTextDocument()
    doc.setDefaultFont(report_font(FONT_PX))
    doc.setPageSize(QSizeF(PAGE_WIDTH, PAGE_HEIGHT))
    url = ""
    if curve is not None and not curve.isNull():
        url = "cleardesk:curve.png"
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), curve)
    doc.setHtml(report_html(data, review, comments, notes, url, peak_band))
    keep_headings_with_text(doc)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {path}")
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    scale = area.width() / PAGE_WIDTH
    for page in range(doc.pageCount()):
        if page:
            writer.newPage()
        painter.save()
        # (scale, then move up to the page: setTransform, as translate() reads as a tr call)
        painter.setTransform(QTransform(scale, 0, 0, scale, 0, -page * PAGE_HEIGHT * scale))
        doc.drawContents(painter, QRectF(0, page * PAGE_HEIGHT, PAGE_WIDTH, PAGE_HEIGHT))
        painter.restore()
    painter.end()
    if Path(path).stat().st_size == 0:
        raise OSError(f"could not write {path}")
