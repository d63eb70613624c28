"""Exporting from the window: the PDF dialog (preview, save, print), CSV and JSON, each gated."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idc_desktop.domain import Contribution, Perspective
from idc_desktop.services import Services, open_services
from idc_desktop.ui.export.pdf_dialog import PdfExportDialog
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.privacy.findings_gate import FindingsGate
from tests.export.test_pdf import text_of
from tests.ui.dialogs import when_dialog_opens


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_latest_session(window: MainWindow, code: str) -> int:
    case = window.services.cases.by_code(code)
    session = window.services.sessions.for_case(case.id)[-1]
    window.ctx.sessions.open(session.id)
    return session.id


def with_pdf_dialog(qtbot, window: MainWindow, act) -> None:  # noqa: ANN001
    """Press Ctrl+E in the window and run `act(dialog)` on the export dialog, then close it."""
    done = {}

    def run(dialog: PdfExportDialog) -> None:
        try:
            act(dialog)
            done["ok"] = True
        finally:
            dialog.reject()

    when_dialog_opens(qtbot, run, PdfExportDialog)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert done.get("ok"), "the export dialog did not run to the end"


def test_ctrl_e_in_a_session_previews_and_saves_its_summary(qtbot, demo_window, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    code = demo_window.services.cases.list()[-1].code
    session_id = open_latest_session(demo_window, code)
    private = demo_window.services.sessions.get(session_id).facilitator_reflection
    assert private, "the demo session should carry a private reflection to leave out"
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    save_to(monkeypatch, target)
    seen = {}

    def act(dialog: PdfExportDialog) -> None:
        seen["summary_pages"] = dialog.page_count()
        seen["session"] = dialog.session.currentText()
        dialog.kind.setCurrentIndex(dialog.kind.findData("handout"))
        seen["handout_pages"] = dialog.page_count()
        seen["saved"] = dialog.save()

    with_pdf_dialog(qtbot, demo_window, act)
    count = len(demo_window.services.sessions.for_case(demo_window.services.cases.by_code(code).id))
    assert seen["session"].startswith(f"Session {count} ")
    assert seen["summary_pages"] >= 2 and seen["handout_pages"] == 1
    assert seen["saved"] == target
    text = text_of(target.read_bytes())
    assert code in text and "Our plan" in text
    assert private[:40] not in text
    assert not list(target.parent.glob(".*partial"))


def test_an_unwritable_path_says_so_and_writes_nothing(qtbot, demo_window, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    code = demo_window.services.cases.list()[0].code
    demo_window.library.select_case(demo_window.services.cases.by_code(code).id)
    target = tmp_path / "missing-folder" / "x.pdf"
    save_to(monkeypatch, target)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    seen = {}
    with_pdf_dialog(qtbot, demo_window, lambda d: seen.setdefault("saved", d.save()))
    assert seen["saved"] is None and not target.exists()
    assert "cannot be written" in warnings[0] and "missing-folder" in warnings[0]


def test_findings_stop_the_save_until_acknowledged(qtbot, demo_window, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    services: Services = demo_window.services
    code = services.cases.list()[0].code
    latest = services.sessions.for_case(services.cases.by_code(code).id)[-1]
    session = services.sessions.get(latest.id)
    session.perspectives[Perspective.A].contributions.append(Contribution(text="His NHS number is 943 476 5919"))
    services.sessions.save(session)
    demo_window.library.select_case(session.case_id)
    target = tmp_path / "gated.pdf"
    save_to(monkeypatch, target)
    gate_rows = []

    def cancel(gate: FindingsGate) -> None:
        gate_rows.append(gate.table.topLevelItemCount())
        gate.reject()

    def act(dialog: PdfExportDialog) -> None:
        when_dialog_opens(qtbot, cancel, FindingsGate)
        dialog.save()

    with_pdf_dialog(qtbot, demo_window, act)
    assert gate_rows == [1] and not target.exists()


def test_printing_sends_every_page(qtbot, demo_window, tmp_path) -> None:  # noqa: ANN001
    code = demo_window.services.cases.list()[-1].code
    demo_window.library.select_case(demo_window.services.cases.by_code(code).id)
    printed_file = tmp_path / "printed.pdf"
    seen = {}

    def act(dialog: PdfExportDialog) -> None:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed_file))
        seen["pages"] = dialog.page_count()
        seen["printed"] = dialog.print_(printer)

    with_pdf_dialog(qtbot, demo_window, act)
    assert seen["printed"] == seen["pages"] >= 2
    assert len(pypdfium2.PdfDocument(printed_file.read_bytes())) == seen["pages"]


def test_csv_and_json_exports_read_back(qtbot, demo_window, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    csv_path, json_path = tmp_path / "log.csv", tmp_path / "cases.json"
    save_to(monkeypatch, csv_path)
    assert demo_window.exports.export_csv() == csv_path
    rows = csv_path.read_bytes().decode("utf-8-sig").splitlines()
    sessions = sum(s.sessions for s in demo_window.services.cases.list())
    assert rows[0].startswith("code,") and len(rows) == 1 + sessions

    save_to(monkeypatch, json_path)
    # The lead's own JSON carries the private reflection, so a name there is gated too.
    services = demo_window.services
    last = services.sessions.for_case(services.cases.list()[0].id)[-1]
    session = services.sessions.get(last.id)
    session.facilitator_reflection = "I kept thinking of Dr Okafor."
    services.sessions.save(session)
    gated: list[str] = []

    def acknowledge(gate: FindingsGate) -> None:
        gated.extend(gate.table.topLevelItem(i).text(2) for i in range(gate.table.topLevelItemCount()))
        gate.checked.setChecked(True)
        gate.go.click()

    when_dialog_opens(qtbot, acknowledge, FindingsGate)
    assert demo_window.exports.export_json(None) == json_path
    assert gated == ["Dr Okafor"]
    fresh_dir = tmp_path / "fresh"
    fresh = open_services(fresh_dir)
    try:
        fresh.transfer.import_file(json_path)
        assert sorted(s.code for s in fresh.cases.list()) == sorted(s.code for s in demo_window.services.cases.list())
    finally:
        fresh.close()
