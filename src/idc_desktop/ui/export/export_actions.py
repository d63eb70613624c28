"""The export area: a PDF of the case or session in hand (Ctrl+E), the case log as CSV, and
cases as interchange JSON. Each goes through the anonymisation gate and is written all or
nothing. Owns its four actions; they follow the page shown and the library's selection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.domain.errors import Cancelled, IdcError
from idc_desktop.export.files import write_atomically
from idc_desktop.ui.background import run_and_wait
from idc_desktop.ui.shell.actions import make_action

if TYPE_CHECKING:
    from idc_desktop.ui.shell.context import ShellContext



class ExportActions(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.host = ctx.host  # the parent of its dialogs
        host = ctx.host
        self.pdf = make_action(host, "&Export PDF…", self.export_pdf, QKeySequence("Ctrl+E"), enabled=False,
                               tip="A session summary, plan handout or case history as a PDF")
        self.csv = make_action(host, "Export case &log as CSV…", self.export_csv, enabled=False,
                               tip="One row per session, for service reports")
        self.json_all = make_action(host, "Export all cases as &JSON…", lambda: self.export_json(None),
                                    enabled=False, tip="Every case in the interchange format")
        self.json_case = make_action(host, "Export case as &JSON…", self.export_case_json, enabled=False,
                                     tip="The selected case in the interchange format")
        ctx.page_shown.connect(lambda _page: self.refresh())
        ctx.attached.connect(self.refresh)

    def refresh(self) -> None:
        """A case is in hand in its session, on its page, or selected in the library (not on Due now)."""
        ctx = self.ctx
        if ctx.sessions.on_screen() is not None or ctx.cases.on_screen() is not None:
            self.update(True)
        else:
            self.update(ctx.current_page() is ctx.library.view and ctx.library.selected() is not None)

    def update(self, has_case: bool) -> None:
        """Enable what makes sense: exports need a store; case exports a case in hand."""
        attached = self.ctx.services is not None
        self.csv.setEnabled(attached)
        self.json_all.setEnabled(attached)
        self.pdf.setEnabled(attached and has_case)
        self.json_case.setEnabled(attached and has_case)

    # --- which case ------------------------------------------------------------
    def _case_in_hand(self) -> tuple[str, int | None] | None:
        """(case code, session id) of the open session, the case shown, or the selected case."""
        ctx = self.ctx
        editor = ctx.sessions.on_screen()
        if editor is not None:
            editor.autosaver.flush()  # the PDF shows what is on screen
            return editor.context.case_code, editor.doc.session.id
        case_view = ctx.cases.on_screen()
        if case_view is not None:
            return case_view.case.code, None
        summary = ctx.library.selected()
        return (summary.code, None) if summary is not None else None

    # --- exports -------------------------------------------------------------------
    def export_pdf(self) -> None:
        from idc_desktop.ui.export.pdf_dialog import PdfExportDialog  # reportlab and pdfium load here

        services, in_hand = self.ctx.services, self._case_in_hand()
        if services is None or in_hand is None:
            return
        code, session_id = in_hand
        try:
            dialog = PdfExportDialog(services.exports, code, self.ctx.settings, session_id, self.host)
        except IdcError as exc:
            QMessageBox.information(self.host, APP_TITLE, str(exc))
            return
        dialog.exec()
        dialog.deleteLater()

    def export_csv(self) -> Path | None:
        services = self.ctx.services
        if services is None:
            return None
        def read_and_check(_progress) -> tuple:  # noqa: ANN001 - the whole log: off the GUI thread
            bundles = services.exports.all_bundles()
            return bundles, services.exports.csv_findings(bundles)  # what the CSV prints: specialties, labels

        try:
            bundles, findings = run_and_wait(self.host, "Checking the whole log\u2026", read_and_check)
        except Cancelled:
            return None
        except IdcError as exc:
            QMessageBox.warning(self.host, APP_TITLE, str(exc))
            return None
        return self._save(lambda: services.exports.csv_log(bundles), findings, "idc-case-log.csv",
                          "CSV files (*.csv)", "Export case log")

    def export_case_json(self) -> Path | None:
        in_hand = self._case_in_hand()
        return self.export_json(in_hand[0]) if in_hand is not None else None

    def export_json(self, code: str | None) -> Path | None:
        services = self.ctx.services
        if services is None:
            return None
        try:
            # The lead's own file carries the private reflection, so it is scanned too.
            if code is None:  # the whole log: scanned in the background, with a progress bar
                findings = run_and_wait(self.host, "Checking the whole log\u2026",
                                        lambda _progress: services.exports.json_findings(None))
            else:
                findings = services.exports.findings_for(services.exports.select(code, "all"), include_private=True)
        except Cancelled:
            return None
        except IdcError as exc:
            QMessageBox.warning(self.host, APP_TITLE, str(exc))
            return None
        codes = None if code is None else [code]
        name = "idc-cases.json" if code is None else f"{code}.json"
        return self._save(lambda: services.exports.json(codes), findings, name, "IDC Desktop cases (*.json)",
                          "Export cases" if code is None else f"Export {code}")

    def _save(self, produce: Callable[[], bytes], findings: list, name: str, file_filter: str,
              title: str) -> Path | None:
        from idc_desktop.ui.privacy.findings_gate import acknowledge_findings

        if not acknowledge_findings(self.host, findings, "Export"):
            return None
        settings = self.ctx.settings
        start = settings.export_folder / name
        chosen, _ = QFileDialog.getSaveFileName(self.host, title, str(start), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        try:
            # Writing the whole log takes seconds: off the GUI thread, the window still paints.
            run_and_wait(self.host, f"Writing {path.name}\u2026", lambda _progress: write_atomically(path, produce()))
        except Cancelled:
            self.ctx.say("Export cancelled: nothing was written.", 8000)
            return None
        except IdcError as exc:
            QMessageBox.warning(self.host, "Nothing exported", f"Nothing was exported.\n\n{exc}")
            return None
        settings.export_folder = path.parent
        self.ctx.say(f"Exported to {path}.", 8000)
        return path
