"""File › Service report…: the dialog, the counting and the writing off the GUI thread, and the
findings gate over the report's words (specialties, disciplines, item labels) in between."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.domain import wording
from idc_desktop.domain.errors import Cancelled, IdcError
from idc_desktop.export.files import write_atomically
from idc_desktop.ui.background import run_and_wait
from idc_desktop.ui.desk.report_dialog import ReportDialog

if TYPE_CHECKING:
    from idc_desktop.ui.shell.context import ShellContext

FILTERS = {"pdf": "PDF files (*.pdf)", "csv": "CSV files (*.csv)"}


def service_report(ctx: ShellContext) -> Path | None:
    services, window = ctx.services, ctx.host
    if services is None:
        return None
    dialog = ReportDialog(window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        start, end, fmt = dialog.choice()
    finally:
        dialog.deleteLater()
    desk = services.desk

    def count(_progress):  # noqa: ANN001, ANN202 - the whole log's aggregates: off the GUI thread
        report = desk.report(start, end)
        return report, desk.report_findings(report)

    try:
        report, findings = run_and_wait(window, "Counting the log\u2026", count)
    except Cancelled:
        return None
    except IdcError as exc:
        QMessageBox.warning(window, APP_TITLE, str(exc))
        return None
    from idc_desktop.ui.privacy.findings_gate import acknowledge_findings

    if not acknowledge_findings(window, findings, "Export"):
        return None
    name = f"idc-service-report-{start.isoformat()}-to-{end.isoformat()}.{fmt}"
    chosen, _ = QFileDialog.getSaveFileName(window, "Save the service report", str(ctx.settings.export_folder / name),
                                            FILTERS[fmt])
    if not chosen:
        return None
    path = Path(chosen)
    from idc_desktop.ui.export.pdf_dialog import default_paper  # the paper the PDF dialog would use

    paper = default_paper(ctx.settings)
    produce = (lambda: desk.report_pdf(report, paper)) if fmt == "pdf" else (lambda: desk.report_csv(report))
    try:
        run_and_wait(window, f"Writing {path.name}\u2026", lambda _progress: write_atomically(path, produce()))
    except Cancelled:
        ctx.say("Report cancelled: nothing was written.", 8000)
        return None
    except IdcError as exc:
        QMessageBox.warning(window, "Nothing written", f"The report was not written.\n\n{exc}")
        return None
    ctx.settings.export_folder = path.parent
    what = "nothing was held in that range" if report.is_empty() else wording.count(report.sessions, "consultation")
    ctx.say(f"Service report written to {path} ({what}).", 8000)
    return path
