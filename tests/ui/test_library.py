"""The case library driven through the real window: create, search, filter, edit, close, delete."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QTableView

from idc_desktop.domain import CaseFilter, CaseSort, CaseStatus
from idc_desktop.ui.dialogs.case_form import CaseForm
from idc_desktop.ui.library.case_table_model import PAGE_SIZE, CaseTableModel
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens


def table(window: MainWindow) -> QTableView:
    return window.findChild(QTableView, "caseTable")


def visible_codes(window: MainWindow) -> list[str]:
    view = table(window)
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def fill_and_save(specialty: str, referral: str, code: str | None = None):  # noqa: ANN201
    def act(dialog: CaseForm) -> None:
        if code is not None:
            dialog.findChild(QLineEdit, "codeField").setText(code)
        dialog.findChild(QComboBox, "specialtyField").setCurrentText(specialty)
        dialog.findChild(QPlainTextEdit, "referralField").setPlainText(referral)
        dialog.accept()

    return act


def test_demo_library_lists_the_demo_cases(demo_window: MainWindow) -> None:
    assert len(visible_codes(demo_window)) == 3
    assert demo_window.findChild(QLineEdit, "caseSearch").accessibleName()


def test_empty_library_says_how_to_start(window: MainWindow) -> None:
    hint = window.library_view.empty_hint
    assert hint.isVisible()
    assert "Ctrl+N" in hint.text()


def test_create_case_with_ctrl_n(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    when_dialog_opens(qtbot, fill_and_save("Renal", "Shouts at the dialysis nurses"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    codes = visible_codes(window)
    assert len(codes) == 1
    [stored] = window.services.cases.list()
    assert stored.code == codes[0] and stored.specialty == "Renal"
    assert window.library.selected().code == codes[0]  # the new case is selected


def test_bad_input_keeps_dialog_open_with_text(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    seen: dict[str, object] = {}

    def act(dialog: CaseForm) -> None:
        dialog.findChild(QComboBox, "specialtyField").setCurrentText("")
        dialog.findChild(QPlainTextEdit, "referralField").setPlainText("Typed with care")
        dialog.accept()  # refused: the specialty is empty
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.error.text()
        seen["kept"] = dialog.referral.toPlainText()
        dialog.reject()

    when_dialog_opens(qtbot, act)
    window.library.new_case()
    assert seen == {"open": True, "error": "The specialty is empty: choose or type one.", "kept": "Typed with care"}
    assert window.services.cases.count() == 0


def test_duplicate_code_is_named(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    when_dialog_opens(qtbot, fill_and_save("Renal", "first", code="IDC-AAAA"))
    window.library.new_case()
    messages: list[str] = []

    def act(dialog: CaseForm) -> None:
        fill_and_save("Renal", "second", code="idc-aaaa")(dialog)
        messages.append(dialog.error.text())
        dialog.reject()

    when_dialog_opens(qtbot, act)
    window.library.new_case()
    assert messages == ["A case with the code IDC-AAAA already exists."]
    assert window.services.cases.count() == 1


def test_search_as_you_type_and_filters(qtbot, demo_window: MainWindow) -> None:  # noqa: ANN001
    search = demo_window.findChild(QLineEdit, "caseSearch")
    qtbot.keyClick(demo_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert search.hasFocus()
    qtbot.keyClicks(search, "haemodial")
    [code] = visible_codes(demo_window)
    assert demo_window.services.cases.by_code(code).specialty == "Renal"
    search.clear()
    assert len(visible_codes(demo_window)) == 3

    status = demo_window.library_view.status_filter
    status.setCurrentIndex(status.findData(CaseStatus.CLOSED))
    assert [demo_window.services.cases.by_code(c).status for c in visible_codes(demo_window)] == [CaseStatus.CLOSED]
    status.setCurrentIndex(0)
    specialty = demo_window.library_view.specialty_filter
    specialty.setCurrentIndex(specialty.findData("Diabetes"))
    assert [demo_window.services.cases.by_code(c).specialty for c in visible_codes(demo_window)] == ["Diabetes"]
    qtbot.keyClicks(search, "nothing-matches-this")
    assert visible_codes(demo_window) == []
    assert demo_window.library_view.empty_hint.isVisible()


def test_sort_by_sessions_is_numeric(demo_window: MainWindow) -> None:
    view = table(demo_window)
    view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    model = view.model()
    sessions = [int(model.index(r, 5).data()) for r in range(model.rowCount())]
    assert sessions == sorted(sessions, reverse=True) and sessions[0] == 2


def test_edit_close_reopen_delete(qtbot, demo_window: MainWindow) -> None:  # noqa: ANN001
    lib = demo_window.library
    code = visible_codes(demo_window)[0]
    lib.select_case(demo_window.services.cases.by_code(code).id)

    def edit(dialog: CaseForm) -> None:
        dialog.findChild(QComboBox, "specialtyField").setCurrentText("Cardiology")
        dialog.accept()

    when_dialog_opens(qtbot, edit)
    qtbot.keyClick(demo_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert demo_window.services.cases.by_code(code).specialty == "Cardiology"
    assert "Cardiology" in [demo_window.library_view.specialty_filter.itemText(i)
                            for i in range(demo_window.library_view.specialty_filter.count())]

    was = demo_window.services.cases.by_code(code).status
    demo_window.ctx.library.close_case.trigger()
    now = demo_window.services.cases.by_code(code).status
    assert now != was
    demo_window.ctx.library.close_case.trigger()
    assert demo_window.services.cases.by_code(code).status == was

    # Cancel first: nothing is deleted.
    when_dialog_opens(qtbot, lambda box: box.reject())
    assert lib.delete_case() is False
    assert demo_window.services.cases.by_code(code) is not None

    def confirm(box: QMessageBox) -> None:
        assert code in box.text()
        next(b for b in box.buttons() if b.text() == "Delete").click()

    when_dialog_opens(qtbot, confirm)
    assert lib.delete_case() is True
    assert demo_window.services.cases.by_code(code) is None
    assert code not in visible_codes(demo_window)
    assert len(demo_window.services.cases.list(CaseFilter())) == 2


def test_case_table_model_passes_qtmodeltester(qtmodeltester, demo_services) -> None:  # noqa: ANN001
    model = CaseTableModel()
    model.set_rows(demo_services.cases.list())
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_the_model_fetches_only_the_pages_it_shows(qtmodeltester, demo_services) -> None:  # noqa: ANN001
    """A 100k-case log must not be read whole to show one screenful."""
    [one, *_] = demo_services.cases.list()
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list:
        asked.append((offset, limit))
        return [replace(one, id=offset + i, code=f"IDC-{offset + i:04d}") for i in range(min(limit, 1000 - offset))]

    model = CaseTableModel()
    model.set_source(1000, fetch)
    assert model.rowCount() == 1000 and asked == []
    assert model.index(999, 0).data() == "IDC-0999"
    assert model.index(5, 0).data() == "IDC-0005"
    last_page = 999 // PAGE_SIZE * PAGE_SIZE
    assert asked == [(last_page, PAGE_SIZE), (0, PAGE_SIZE)]
    assert model.row_of(last_page + 5) == last_page + 5
    assert model.row_of(PAGE_SIZE + 1) is None  # only the pages fetched are searched
    qtmodeltester.check(model, force_py=True)


def test_clicking_a_heading_asks_the_store_for_that_order(qtbot, demo_window: MainWindow) -> None:  # noqa: ANN001
    view = demo_window.library_view.table
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(1) + 5, 5))
    flt = demo_window.library.current_filter()
    assert flt.sort is CaseSort.SPECIALTY
    specialties = [view.model().index(r, 1).data() for r in range(view.model().rowCount())]
    ordered = [s.specialty for s in demo_window.services.cases.list(flt)]
    assert specialties == ordered == sorted(ordered, key=str.lower, reverse=flt.descending)


def test_window_geometry_is_remembered_and_kept_on_screen(qtbot, services, settings) -> None:  # noqa: ANN001
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.attach(services)
    first.show()
    first.resize(700, 500)
    first.move(40, 30)
    first.close()

    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)

    # A monitor that has gone: the saved place is far off every screen.
    second.move(20_000, 20_000)
    second.close()
    third = MainWindow(settings)
    qtbot.addWidget(third)
    screen = QApplication.primaryScreen().availableGeometry()
    assert screen.intersects(third.frameGeometry())


def test_dialog_is_modal_and_escape_cancels(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    results: list[int] = []

    def act(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_dialog_opens(qtbot, act)
    results.append(window.library.new_case() is None)
    assert results == [True]
    assert window.services.cases.count() == 0
