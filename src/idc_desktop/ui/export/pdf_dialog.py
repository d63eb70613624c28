"""Export a PDF (Ctrl+E): choose what and which session, see the pages, then save or print.

The dialog shows exactly the bytes it will save or print: the PDF is rendered once per
choice and the preview is made from it. The anonymisation gate runs before anything leaves
(saving or printing), over the sessions the PDF covers; team PDFs never hold the private
reflection, so it is not scanned.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain.errors import IdcError
from idc_desktop.export.files import write_atomically
from idc_desktop.services.exporting import ExportService, PdfKind, Selection
from idc_desktop.ui.export.pdf_pages import page_images, print_pdf
from idc_desktop.ui.privacy.findings_gate import acknowledge_findings
from idc_desktop.ui.settings import AppSettings
from idc_desktop.domain import wording

PREVIEW_WIDTH = 620
KINDS = (
    (PdfKind.SUMMARY, "Session summary"),
    (PdfKind.HANDOUT, "Plan handout (one page)"),
    (PdfKind.HISTORY, "Case history (all sessions)"),
)
PAPERS = (("a4", "A4"), ("letter", "US Letter"))


def default_paper(settings: AppSettings) -> str:
    """The remembered paper, else Letter where Letter is the norm (US, Canada), else A4."""
    if settings.paper is not None:
        return settings.paper
    letter_countries = (QLocale.Country.UnitedStates, QLocale.Country.Canada)
    return "letter" if QLocale.system().territory() in letter_countries else "a4"


class PdfExportDialog(QDialog):
    def __init__(self, exports: ExportService, code: str, settings: AppSettings, session_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfExportDialog")
        self.setWindowTitle(f"Export PDF: {code}")
        self.exports, self.settings = exports, settings
        self.everything = exports.select(code, "all")  # raises for an unknown code; caller handles it
        sessions = self.everything.bundle.sessions
        if not sessions:
            raise IdcError(f"Case {code} has no sessions yet: there is nothing to put in a PDF.")
        self.pdf = b""

        self.kind = QComboBox(objectName="pdfKind")
        for kind, label in KINDS:
            self.kind.addItem(label, kind.value)
        self.session = QComboBox(objectName="pdfSession")
        for number, session in enumerate(sessions, start=1):
            self.session.addItem(f"Session {number} · {wording.day(session.held_on)}", number)
        ids = [session.id for session in sessions]
        self.session.setCurrentIndex(ids.index(session_id) if session_id in ids else len(sessions) - 1)
        self.paper = QComboBox(objectName="pdfPaper")
        for key, label in PAPERS:
            self.paper.addItem(label, key)
        self.paper.setCurrentIndex(self.paper.findData(default_paper(settings)))

        form = QFormLayout()
        form.addRow("&What", self.kind)
        form.addRow("&Session", self.session)
        form.addRow("&Paper", self.paper)
        self.summary = QLabel(objectName="pdfSummary")
        self.summary.setWordWrap(True)
        form.addRow(self.summary)

        self.pages = QVBoxLayout()
        self.pages.setSpacing(12)
        holder = QWidget(objectName="pdfPreviewPages")
        holder.setLayout(self.pages)
        self.preview = QScrollArea(objectName="pdfPreview")
        self.preview.setAccessibleName("Preview of the PDF")
        self.preview.setWidgetResizable(True)
        self.preview.setWidget(holder)
        self.preview.setMinimumWidth(PREVIEW_WIDTH + 40)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("&Save PDF…", objectName="pdfSave")
        self.print_button = QPushButton("&Print…", objectName="pdfPrint")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save())
        self.print_button.clicked.connect(lambda: self.print_())
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())
        QShortcut(QKeySequence.StandardKey.Print, self, lambda: self.print_())
        self.save_button.setDefault(True)

        side = QVBoxLayout()
        side.addLayout(form)
        side.addStretch(1)
        side.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.preview, stretch=1)
        self.resize(1080, 800)

        for combo in (self.kind, self.session, self.paper):
            combo.currentIndexChanged.connect(self.render)
        self.render()

    # --- what is chosen --------------------------------------------------------
    def chosen_kind(self) -> PdfKind:
        return PdfKind(self.kind.currentData())

    def selection(self) -> Selection:
        if self.chosen_kind() is PdfKind.HISTORY:
            return self.everything
        return Selection(self.everything.bundle, [int(self.session.currentData())])

    def suggested_name(self) -> str:
        code = self.everything.bundle.case.code
        kind = self.chosen_kind()
        if kind is PdfKind.HISTORY:
            return f"{code}-history.pdf"
        return f"{code}-session-{self.session.currentData()}-{kind.value}.pdf"

    # --- acting ------------------------------------------------------------------
    def render(self) -> None:
        self.session.setEnabled(self.chosen_kind() is not PdfKind.HISTORY)
        paper = str(self.paper.currentData())
        self.settings.paper = paper
        try:
            self.pdf = self.exports.pdf(self.selection(), self.chosen_kind(), paper)
        except IdcError as exc:
            self.pdf = b""
            self.summary.setText(str(exc))
            self._show_pages([])
            return
        images = page_images(self.pdf, PREVIEW_WIDTH)
        self.summary.setText(f"{len(images)} page{'s' if len(images) != 1 else ''}, {self.paper.currentText()}.")
        self._show_pages(images)

    def _show_pages(self, images: list) -> None:
        while self.pages.count():
            item = self.pages.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for number, image in enumerate(images, start=1):
            page = QLabel(objectName=f"pdfPage{number}")
            page.setPixmap(QPixmap.fromImage(image))
            page.setAccessibleName(f"Page {number}")
            page.setStyleSheet("border: 1px solid palette(mid); background: white;")
            self.pages.addWidget(page, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.pages.addStretch(1)

    def page_count(self) -> int:
        return sum(1 for i in range(self.pages.count()) if isinstance(self.pages.itemAt(i).widget(), QLabel))

    def _cleared_by_gate(self, action: str) -> bool:
        findings = self.exports.pdf_findings(self.selection(), self.chosen_kind())  # what this file prints
        return bool(self.pdf) and acknowledge_findings(self, findings, action)

    def save(self) -> Path | None:
        if not self._cleared_by_gate("Save"):
            return None
        start = self.settings.export_folder / self.suggested_name()
        name, _ = QFileDialog.getSaveFileName(self, "Save PDF", str(start), "PDF documents (*.pdf)")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, self.pdf)
        except IdcError as exc:
            QMessageBox.warning(self, "PDF not saved", f"The PDF was not saved.\n\n{exc}")
            return None
        self.settings.export_folder = path.parent
        self.summary.setText(f"Saved to {path}.")
        return path

    def print_(self, printer: QPrinter | None = None) -> int:
        """Print through the system dialog; a printer given (tests) is used as it is."""
        if not self._cleared_by_gate("Print"):
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            chooser = QPrintDialog(printer, self)
            if chooser.exec() != QDialog.DialogCode.Accepted:
                return 0
        try:
            printed = print_pdf(self.pdf, printer)
        except OSError as exc:
            QMessageBox.warning(self, "Not printed", f"Nothing was printed: {exc}.")
            return 0
        self.summary.setText(f"Sent {printed} page{'s' if printed != 1 else ''} to the printer.")
        return printed
