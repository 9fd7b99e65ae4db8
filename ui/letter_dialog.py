"""The thank-you letter: drafted from the case, editable, exported as PDF or text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.content import resources_dir
from desk.letters import draft_letter
from desk.models import Case, Customer


def write_pdf(text: str, path: Path, title: str = "") -> None:
    """Render plain text to an A4 PDF (CJK glyphs come from the system's fonts)."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(title)
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
                      "Microsoft YaHei", "SimSun", "Serif"])
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    doc.setPlainText(text)
    layout = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(layout.width(), layout.height()))
    doc.print_(writer)


def write_text(text: str, path: Path) -> None:
    path.write_text(text, encoding="utf-8")


class LetterDialog(QDialog):
    def __init__(self, case: Case, customer: Customer | None, lang: str, organisation: str,
                 signatory: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.customer = customer
        self.organisation = organisation
        self.signatory = signatory
        self.setWindowTitle(self.tr("Thank-you letter"))
        self.resize(640, 620)
        v = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Language of the letter")))
        self.language = QComboBox()
        self.language.setObjectName("letter_language")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang.startswith("zh") else 1)
        self.language.activated.connect(lambda _: self.redraft())
        row.addWidget(self.language)
        row.addStretch(1)
        v.addLayout(row)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("letter_text")
        v.addWidget(self.editor, 1)
        buttons = QHBoxLayout()
        redraft = QPushButton(self.tr("Draft again from the case"))
        redraft.clicked.connect(self.redraft)
        pdf = QPushButton(self.tr("Export PDF…"))
        pdf.setObjectName("export_pdf")
        pdf.clicked.connect(lambda: self._on_export("pdf"))
        txt = QPushButton(self.tr("Export text…"))
        txt.setObjectName("export_text")
        txt.clicked.connect(lambda: self._on_export("txt"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for b in (redraft, pdf, txt):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        v.addLayout(buttons)
        self.redraft()

    def redraft(self) -> None:
        self.editor.setPlainText(draft_letter(
            resources_dir(), str(self.language.currentData()), self.case, self.customer,
            organisation=self.organisation, signatory=self.signatory))

    def export(self, kind: str, path: Path) -> None:
        if kind == "pdf":
            write_pdf(self.editor.toPlainText(), path, self.windowTitle())
        else:
            write_text(self.editor.toPlainText(), path)

    def _on_export(self, kind: str) -> None:
        suggested = str(Path.home() / f"letter-{self.case.ref}.{kind}")
        pattern = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Text (*.txt)")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export letter"), suggested, pattern)
        if not name:
            return
        try:
            self.export(kind, Path(name))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"),
                                self.tr("The letter could not be written: %1")
                                .replace("%1", str(exc)))
