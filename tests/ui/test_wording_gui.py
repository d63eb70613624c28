"""Item 4's wording in the window: one way to say dates and words, a title said once, buttons
that say what they do, labels that neither show a stray "&" nor get squeezed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QTableView

from idc_desktop.domain import Case, wording
from idc_desktop.services import Services
from idc_desktop.ui import backup_actions
from idc_desktop.ui.dialogs.case_form import CaseForm
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.theme_tokens import TONE
from tests.ui.dialogs import when_dialog_opens


def test_the_demo_title_names_the_app_once(demo_window: MainWindow) -> None:
    title = demo_window.windowTitle()
    assert title == "Demo log — IDC Desktop"
    assert title.endswith("IDC Desktop")  # so the platform appends nothing more


def test_the_library_says_dates_and_words_as_the_pdf_does(demo_window: MainWindow, demo_services: Services) -> None:
    from PySide6.QtCore import Qt

    model = demo_window.findChild(QTableView, "caseTable").model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    by_code = {s.code: s for s in demo_services.cases.list()}
    checked = 0
    for r in range(model.rowCount()):
        row = {headers[c]: model.index(r, c).data() for c in range(model.columnCount())}
        summary = by_code[row["Code"]]
        assert row["Last session"] == wording.day(summary.last_session, "")
        assert row["Status"] == wording.term(summary.status) and row["Setting"] == wording.term(summary.setting)
        checked += 1
    assert checked == 3


def test_restoring_asks_with_a_button_that_says_restore(qtbot, demo_window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    seen = {}

    def read_and_cancel(box: QMessageBox) -> None:
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    when_dialog_opens(qtbot, read_and_cancel, QMessageBox)
    assert backup_actions.confirm_restore(demo_window, tmp_path / "x.sqlite3") is False
    assert "&Restore" in seen["buttons"] and not any("Yes" in b for b in seen["buttons"])
    assert seen["default"] == "Cancel"


def test_a_backup_offers_a_name_with_the_date(demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    offered = {}

    def capture(_parent, _title, start, _filter):  # noqa: ANN001, ANN202
        offered["name"] = Path(start).name
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", capture)
    demo_window.backups.back_up_now()
    assert offered["name"] == f"idc-desktop-backup-{date.today().isoformat()}.sqlite3"


def test_the_case_form_labels_the_code_and_grows_for_a_problem(qtbot, services: Services) -> None:  # noqa: ANN001
    def refuse(_case: Case) -> Case:
        from idc_desktop.domain.errors import ValidationError

        raise ValidationError("tags", "A tag is too long: keep each one under 40 characters, as a few words. " * 3)

    form = CaseForm(Case(code="IDC-AAAA", specialty="Renal"), ["Renal"], refuse, lambda: "IDC-BBBB")
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    labels = {label.text(): label for label in form.findChildren(QLabel)}
    assert labels["&Code"].buddy() is form.code  # shown as an underlined C, not a literal "&"
    assert form.findChild(QLabel, "formError").property(TONE) == "error"
    tags_label = labels["&Tags"]
    before = tags_label.height()
    form.accept()
    qtbot.wait(50)
    assert form.findChild(QLabel, "formError").isVisible()
    assert tags_label.height() >= before and tags_label.height() >= tags_label.sizeHint().height()
    assert form.tags.height() >= form.tags.sizeHint().height()
    assert form.findChild(QPushButton) is not None
