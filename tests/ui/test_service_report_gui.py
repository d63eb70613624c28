"""File › Service report…: the dialog's defaults, counting and writing off the GUI thread, the
findings gate, and a range that ends before it starts said in the dialog."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from idc_desktop.domain import Attendee, Case, Perspective
from idc_desktop.ui.desk.report_controller import service_report
from idc_desktop.ui.desk.report_dialog import ReportDialog, last_twelve_months
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.privacy.findings_gate import FindingsGate
from tests.ui.dialogs import when_dialog_opens


def test_the_default_range_is_the_last_twelve_months() -> None:
    assert last_twelve_months(date(2026, 12, 2)) == (date(2025, 12, 3), date(2026, 12, 2))
    assert last_twelve_months(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))


def test_a_range_that_ends_before_it_starts_is_said_in_the_dialog(qtbot) -> None:  # noqa: ANN001
    dialog = ReportDialog(today=date(2026, 12, 2))
    qtbot.addWidget(dialog)
    assert dialog.choice() == (date(2025, 12, 3), date(2026, 12, 2), "pdf")
    dialog.end.setDate(QDate(2025, 1, 1))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.problem.isHidden()
    assert dialog.problem.text() == "The range ends (1 Jan 2025) before it starts (3 Dec 2025)."


def _write(dialog: QDialog, start: date, fmt: str) -> None:
    dialog.start.setDate(QDate(start.year, start.month, start.day))
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_file_menu_writes_the_report_counted_and_written_in_a_worker(qtbot, demo_window: MainWindow, tmp_path: Path,  # noqa: ANN001
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert demo_window.desk.report in demo_window.menus["File"].actions()
    desk = demo_window.services.desk
    threads: list[str] = []
    for name in ("report", "report_pdf"):
        real = getattr(desk, name)

        def recording(*args, _real=real, **kwargs):  # noqa: ANN002, ANN003, ANN202
            threads.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(desk, name, recording)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "report.pdf"), ""))
    when_dialog_opens(qtbot, lambda d: _write(d, date(2026, 1, 1), "pdf"), ReportDialog)
    assert service_report(demo_window.ctx) == tmp_path / "report.pdf"
    assert threads == ["idc-background", "idc-background"]
    document = pypdfium2.PdfDocument((tmp_path / "report.pdf").read_bytes())
    text = document[0].get_textpage().get_text_range()
    assert "Service report" in text and "Consultations held" in text
    assert "4 consultations" in demo_window.statusBar().currentMessage()


def test_findings_in_item_labels_go_through_the_gate(qtbot, window: MainWindow, tmp_path: Path,  # noqa: ANN001
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    services = window.services
    case_id = services.cases.create(Case(code="", specialty="Renal")).id
    session = services.sessions.start(case_id, held_on=date.today())
    session.attendees = [Attendee("Staff nurse", 2)]
    session.perspectives[Perspective.A].items = ["rings 07700 900123"]
    services.sessions.save(session)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "r.csv"), ""))
    when_dialog_opens(qtbot, lambda d: _write(d, date.today().replace(day=1), "csv"), ReportDialog)
    when_dialog_opens(qtbot, lambda gate: gate.reject(), FindingsGate)  # Cancel is the default
    assert service_report(window.ctx) is None and not (tmp_path / "r.csv").exists()
