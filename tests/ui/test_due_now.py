"""Due now, the page: Ctrl+D from the library, rows in words, Enter opens where each is acted on,
Esc and Alt+Left go back; the library marks overdue reviews in words."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from idc_desktop.domain import Attendee, Case, CaseStatus, PlanAction
from idc_desktop.services import Services
from idc_desktop.store.desk_repo import PAGE
from idc_desktop.ui.desk.due_models import ROW_ROLE
from idc_desktop.ui.library.case_table_model import NEXT_REVIEW_COLUMN
from idc_desktop.ui.main_window import MainWindow
from tests.desk_logs import many_due

TODAY = date.today()


def _ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _log(services: Services) -> dict[str, int]:
    """An overdue case with an action carried twice, a case due today, one not yet due, a closed one."""
    ids = {}
    for code in ("IDC-LATE", "IDC-TDAY", "IDC-SOON", "IDC-SHUT"):
        ids[code] = services.cases.create(Case(code=code, specialty="Renal")).id
    first = services.sessions.start(ids["IDC-LATE"], held_on=_ago(90))
    first.plan.actions = [PlanAction("Agree one visiting time", "Charge nurse", _ago(60))]
    first.plan.review_on = _ago(60)
    services.sessions.save(first)
    second = services.sessions.start(ids["IDC-LATE"], held_on=_ago(60))
    second.plan.review_on = _ago(30)
    services.sessions.save(second)
    third = services.sessions.start(ids["IDC-LATE"], held_on=_ago(30))
    third.plan.actions.append(PlanAction("Offer a debrief", "Psychologist", TODAY + timedelta(days=7)))
    third.plan.review_on = _ago(12)
    third.attendees = [Attendee("Staff nurse", 3)]
    services.sessions.save(third)
    for code, review in (("IDC-TDAY", TODAY), ("IDC-SOON", TODAY + timedelta(days=20)), ("IDC-SHUT", _ago(5))):
        session = services.sessions.start(ids[code], held_on=_ago(40))
        session.plan.review_on = review
        services.sessions.save(session)
    services.cases.set_status(ids["IDC-SHUT"], CaseStatus.CLOSED)
    return ids


def _texts(model) -> list[list[str]]:  # noqa: ANN001
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _open_due(qtbot, window: MainWindow):  # noqa: ANN001, ANN202
    window.library_view.table.setFocus()
    qtbot.keyClick(window.library_view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.desk.due_page is not None and window.pages.currentWidget() is window.desk.due_page.view
    return window.desk.due_page.view


def test_ctrl_d_shows_reviews_actions_and_repeated_carries_in_words(qtbot, qtmodeltester, window: MainWindow,  # noqa: ANN001
                                                                    services: Services) -> None:
    _log(services)
    view = _open_due(qtbot, window)
    for section in view.sections():
        qtmodeltester.check(section.model)
    reviews = _texts(view.reviews.model)
    assert [r[0] for r in reviews] == ["IDC-LATE", "IDC-TDAY"]
    assert reviews[0][2].startswith("Session 3, ") and reviews[0][4] == "Overdue by 12 days"
    assert reviews[1][4] == "Due today"
    actions = _texts(view.actions.model)
    assert [(a[0], a[1]) for a in actions] == [("Charge nurse", "Agree one visiting time"),
                                                ("Psychologist", "Offer a debrief")]
    assert actions[0][3] == "Overdue by 60 days" and actions[0][5] == "Carried 2 times"
    assert actions[1][3].startswith("Due ") and actions[1][5] == "Agreed this session"
    assert view.actions.model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert [c[1] for c in _texts(view.carried.model)] == ["Agree one visiting time"]
    assert view.summary.text().endswith("2 reviews due (1 overdue); 2 open actions (1 overdue); "
                                        "1 action carried over more than once.")
    assert view.reviews.title.text() == "Reviews due (2 cases)"
    assert view.reviews.table.hasFocus()
    assert "Ctrl+D" in window.desk.due.shortcut().toString() and window.desk.due in window.menus["View"].actions()


def test_enter_on_a_review_opens_its_case_ready_for_the_follow_up(qtbot, window: MainWindow,  # noqa: ANN001
                                                                  services: Services) -> None:
    ids = _log(services)
    view = _open_due(qtbot, window)
    qtbot.keyClick(view.reviews.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.case_view
    assert window.case_view.case.id == ids["IDC-LATE"]
    assert window.case_view.table.selectionModel().selectedRows()[0].row() == 2  # the latest session
    qtbot.keyClick(window.case_view.table, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.editor is not None and len(services.sessions.for_case(ids["IDC-LATE"])) == 4


def test_enter_on_an_action_opens_its_session_at_the_plan(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    ids = _log(services)
    view = _open_due(qtbot, window)
    view.carried.table.setFocus()
    qtbot.keyClick(view.carried.table, Qt.Key.Key_Return)
    editor = window.editor
    assert editor is not None and window.pages.currentWidget() is editor
    assert editor.doc.session.id == services.sessions.for_case(ids["IDC-LATE"])[-1].id
    assert editor.phases[editor.current_index].key == "plan"


def test_esc_and_alt_left_go_back_to_the_library(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    _log(services)
    for key, modifier in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)):
        view = _open_due(qtbot, window)
        qtbot.keyClick(view.reviews.table, key, modifier)
        assert window.pages.currentWidget() is window.library_view
        assert window.toolbar.isVisible()


def test_no_case_is_in_hand_on_due_now_so_case_exports_wait(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    _log(services)
    window.library.refresh()
    assert window.library.selected() is not None and window.exports.pdf.isEnabled()
    view = _open_due(qtbot, window)
    assert not window.exports.pdf.isEnabled() and not window.exports.json_case.isEnabled()
    assert window.exports.csv.isEnabled()  # the whole log's exports still make sense
    qtbot.keyClick(view.reviews.table, Qt.Key.Key_Escape)
    assert window.exports.pdf.isEnabled()


def test_an_empty_log_says_nothing_is_due_and_esc_still_works(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    view = _open_due(qtbot, window)
    assert "nothing is due" in view.summary.text()
    for section in view.sections():
        assert section.table.isHidden() and not section.empty.isHidden()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.library_view


def test_library_marks_overdue_and_due_today_in_words(window: MainWindow, services: Services) -> None:
    _log(services)
    window.ctx.library.show()
    model = window.library_view.model
    shown = {model.index(r, 0).data(): model.index(r, NEXT_REVIEW_COLUMN).data() for r in range(model.rowCount())}
    assert shown["IDC-LATE"].endswith(" · overdue")
    assert shown["IDC-TDAY"].endswith(" · due today")
    assert "·" not in shown["IDC-SOON"] and "·" not in shown["IDC-SHUT"]  # not yet due; closed
    late = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "IDC-LATE")
    assert "overdue" in model.index(late, NEXT_REVIEW_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(late, NEXT_REVIEW_COLUMN).data(Qt.ItemDataRole.FontRole).bold()


def test_rows_carry_what_they_open(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    _log(services)
    view = _open_due(qtbot, window)
    assert view.reviews.model.index(0, 0).data(ROW_ROLE).code == "IDC-LATE"
    assert view.actions.model.index(5, 0).data(ROW_ROLE) is None


def test_a_long_list_reads_on_as_the_keys_reach_its_end(qtbot, qtmodeltester, window: MainWindow,  # noqa: ANN001
                                                        services: Services) -> None:
    """A large log's lists come a page at a time: the summary and titles count them all, and
    Ctrl+End reads on until the last row is there, each row once."""
    many_due(services, 250)  # 250 reviews due and 750 open actions (every date has come by TODAY)
    view = _open_due(qtbot, window)
    actions = view.actions
    assert actions.model.rowCount() == PAGE < actions.model.total() and actions.model.canFetchMore()
    assert actions.title.text() == "Open actions (750 actions)"
    assert "750 open actions" in view.summary.text() and "250 reviews due" in view.summary.text()
    actions.table.setFocus()
    for _ in range(10):
        qtbot.keyClick(actions.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(10)
    assert actions.model.rowCount() == 750 and not actions.model.canFetchMore()
    assert actions.table.currentIndex().row() in range(PAGE, 750)
    ids = [actions.model.index(r, 0).data(ROW_ROLE).action_id for r in range(750)]
    assert len(set(ids)) == 750
    qtmodeltester.check(actions.model)
    qtbot.keyClick(actions.table, Qt.Key.Key_Return)  # a row read on opens like any other
    assert window.editor is not None and window.editor.phases[window.editor.current_index].key == "plan"


def test_a_page_that_cannot_be_read_stops_the_list_and_says_why(qtbot, window: MainWindow, services: Services,  # noqa: ANN001
                                                                 monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from idc_desktop.domain.errors import StoreError
    from tests.ui.dialogs import when_dialog_opens

    many_due(services, 250)
    view = _open_due(qtbot, window)

    def unreadable(*_args: object) -> list:
        raise StoreError("The log is locked by another program.")

    monkeypatch.setattr(services.desk, "due_page", unreadable)
    said: list[str] = []
    when_dialog_opens(qtbot, lambda box: (said.append(box.text()), box.accept()), QMessageBox)
    view.actions.table.setFocus()
    qtbot.keyClick(view.actions.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(said))
    assert said == ["The rest of the list could not be read: The log is locked by another program."]
    assert view.actions.model.rowCount() == PAGE and not view.actions.model.canFetchMore()  # stopped, rows kept
