"""The library by keyboard: a new case is in hand at once; the search box leads into the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from idc_desktop.domain import Case
from idc_desktop.services import Services
from idc_desktop.ui.dialogs.case_form import CaseForm
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_after_saving_a_new_case_ctrl_shift_n_starts_its_session(qtbot, window: MainWindow,  # noqa: ANN001
                                                                  services: Services) -> None:
    """Issue 13.11."""
    services.cases.create(Case(code="IDC-AAAA", specialty="Oncology"))
    window.library.refresh()
    window.library_view.table.setFocus()

    def fill(form: CaseForm) -> None:
        form.specialty.setCurrentText("Renal")
        qtbot.keyClick(form.specialty, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, fill, CaseForm)
    qtbot.keyClick(window.library_view.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: len(services.cases.list()) == 2)
    new = next(c for c in services.cases.list() if c.code != "IDC-AAAA")
    assert window.library.selected().id == new.id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.library_view.table)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL | SHIFT)
    assert window.editor is not None and window.editor.doc.session.case_id == new.id


def test_down_enter_and_esc_from_the_search_box(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    """Issue 13.13: Down moves into the results, Enter opens the case in hand, Esc clears."""
    for code, specialty in (("IDC-AAAA", "Oncology"), ("IDC-BBBB", "Renal")):
        services.cases.create(Case(code=code, specialty=specialty))
    window.library.refresh()
    search = window.library_view.search
    search.setFocus()
    qtbot.keyClicks(search, "renal")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == "" and window.pages.currentWidget() is window.library_view
    qtbot.keyClicks(search, "renal")
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.library_view.table
    assert window.library.selected().code == "IDC-BBBB"
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.case_view and window.case_view.case.code == "IDC-BBBB"


def test_tab_leaves_every_table(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    services.cases.create(Case(code="IDC-AAAA", specialty="Oncology"))
    window.library.refresh()
    table = window.library_view.table
    assert not table.tabKeyNavigation()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_ctrl_e_works_from_one_line_fields(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    """Issue 13.12: a field gives the window its shortcuts back (here Ctrl+E, export PDF)."""
    from idc_desktop.ui.export.pdf_dialog import PdfExportDialog

    case = services.cases.create(Case(code="IDC-AAAA", specialty="Oncology"))
    services.sessions.start(case.id)
    window.library.refresh()
    opened: list[object] = []

    def close(dialog) -> None:  # noqa: ANN001
        opened.append(dialog)
        dialog.reject()

    search = window.library_view.search
    search.setFocus()
    when_dialog_opens(qtbot, close, PdfExportDialog)
    qtbot.keyClick(search, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(opened))
    # Editing keys stay the field's own.
    search.setText("renal")
    qtbot.keyClick(search, Qt.Key.Key_A, CTRL)
    assert search.selectedText() == "renal"
