"""Run under a real X server of a small size (1280x720, 1366x768) by test_under_x.py: the
window, the editor while projecting on one screen, and every dialog fit the screen."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget

from idc_desktop.domain import Case
from idc_desktop.services import Services
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens

SIZE = tuple(int(n) for n in os.environ.get("IDC_TEST_SCREEN", "1280x720").split("x"))


def screen_area() -> QRect:
    return QApplication.primaryScreen().availableGeometry()


def on_screen(widget: QWidget) -> bool:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return screen_area().contains(QRect(top_left, widget.size()))


@pytest.fixture
def small_window(qtbot, services: Services, settings) -> MainWindow:  # noqa: ANN001
    assert (screen_area().width(), screen_area().height()) == SIZE
    window = MainWindow(settings)  # no saved geometry: the first run on this screen
    qtbot.addWidget(window)
    window.attach(services)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_window_fits_with_its_menu_bar_on_screen(small_window: MainWindow) -> None:
    assert screen_area().contains(small_window.frameGeometry())
    assert on_screen(small_window.menuBar()) and on_screen(small_window.statusBar())


def test_projecting_on_one_screen_leaves_room_to_type(qtbot, small_window: MainWindow,  # noqa: ANN001
                                                      services: Services) -> None:
    case = services.cases.create(Case(code="", specialty="Renal"))
    small_window.ctx.sessions.open(services.sessions.start(case.id).id)
    editor = small_window.editor
    editor.go_to(3)  # perspective A
    small_window.ctx.projection.start()
    qtbot.wait(300)
    line = editor.findChild(QLineEdit, "contributionInput")
    assert line.isVisible() and line.width() >= 300, line.width()
    assert on_screen(line)
    # The phase list is never cut ("Cycle and formulation   10 min").
    navigator = editor.navigator
    assert navigator.needed_width() <= navigator.width()
    small_window.ctx.projection.stop()


def fits(dialog: QDialog) -> bool:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    return screen_area().contains(dialog.frameGeometry()) and buttons and all(on_screen(b) for b in buttons)


def test_the_pdf_dialog_fits_with_its_buttons_on_screen(qtbot, small_window: MainWindow,  # noqa: ANN001
                                                        demo_services: Services) -> None:
    small_window.library.refresh()
    seen: dict[str, bool] = {}

    def check(dialog: QDialog) -> None:
        qtbot.wait(200)
        seen["fits"] = fits(dialog)
        dialog.reject()

    from idc_desktop.ui.export.pdf_dialog import PdfExportDialog

    when_dialog_opens(qtbot, check, PdfExportDialog)
    small_window.exports.export_pdf()
    assert seen == {"fits": True}


def test_the_case_form_and_the_catalogue_fit(qtbot, small_window: MainWindow) -> None:  # noqa: ANN001
    from idc_desktop.ui.dialogs.case_form import CaseForm

    seen: dict[str, bool] = {}

    def check(name: str):  # noqa: ANN202
        def run(dialog: QDialog) -> None:
            qtbot.wait(200)
            seen[name] = fits(dialog)
            dialog.reject()
        return run

    when_dialog_opens(qtbot, check("case form"), CaseForm)
    small_window.library.new_case()
    tools = [a for a in small_window.menus["Tools"].actions() if a.text().replace("&", "").startswith("Catalogue")]
    when_dialog_opens(qtbot, check("catalogue"), QDialog)
    tools[0].trigger()
    assert seen == {"case form": True, "catalogue": True}


def test_due_now_on_a_large_log_fits_and_reads_on_by_keys(qtbot, small_window: MainWindow,  # noqa: ANN001
                                                          services: Services) -> None:
    """Due now with more rows than a page: every list on screen, Page Down and Ctrl+End read
    on as real painting scrolls the table, and a row read on opens its plan."""
    from PySide6.QtCore import Qt

    from idc_desktop.store.desk_repo import PAGE
    from tests.desk_logs import many_due

    many_due(services, 250)
    small_window.activateWindow()
    qtbot.waitUntil(small_window.isActiveWindow)  # a real window manager: shortcuts need it active
    table = small_window.library_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    view = small_window.desk.due_page.view
    qtbot.waitExposed(view)
    for section in view.sections():  # none carried twice here: that list says so in its place
        shown = section.table if section.model.rowCount() else section.empty
        assert shown.isVisible() and on_screen(section.title), section.title.text()
    assert view.carried.empty.isVisible() and on_screen(view.carried.empty)
    actions = view.actions
    actions.table.setFocus()
    for _ in range(40):  # Page Down through the first page: reading on starts before its end
        qtbot.keyClick(actions.table, Qt.Key.Key_PageDown)
    qtbot.wait(50)
    assert actions.model.rowCount() > PAGE
    for _ in range(6):
        qtbot.keyClick(actions.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(30)
    assert actions.model.rowCount() == actions.model.total() == 750
    qtbot.keyClick(actions.table, Qt.Key.Key_Return)
    editor = small_window.editor
    assert editor is not None and editor.phases[editor.current_index].key == "plan"
