"""The management plan page, driven by keyboard: stance, actions (quick add, delegates,
reorder, delete), the other plan texts and the review date, with inline, non-blocking
warnings about dates. Every change is one undo step and undo puts the widgets back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from idc_desktop.domain import ActionStatus, PlanAction
from idc_desktop.services import Services, shipped
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.opening import editor_context
from idc_desktop.ui.session.pages.plan_page import PlanPage
from idc_desktop.ui.session.plan.actions_model import CARRIED_ROLE, DUE, OWNER, STATUS, TEXT
from idc_desktop.domain import wording
from idc_desktop.ui.session.plan.dates import OptionalDateEdit

HELD_ON = date(2026, 3, 4)


def phase(key: str):  # noqa: ANN201
    return next(p for p in shipped.phases() if p.key == key)


def build(qtbot, services: Services, case_id: int, session_id: int, held_on: date = HELD_ON,  # noqa: ANN001
          actions: list[PlanAction] | None = None) -> PlanPage:
    session = services.sessions.get(session_id)
    session.held_on = held_on
    if actions is not None:
        session.plan.actions = actions
    widget = PlanPage(phase("plan"), SessionDocument(session), editor_context(services, case_id, session_id))
    qtbot.addWidget(widget)
    widget.resize(1280, 1200)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


@pytest.fixture
def page(qtbot, services: Services, case_id: int, session_id: int) -> PlanPage:  # noqa: ANN001
    return build(qtbot, services, case_id, session_id)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_here(qtbot, text: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(focused(), text)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(focused(), key, modifier)


def commit_editor(qtbot) -> None:  # noqa: ANN001
    """Enter in a cell editor: Qt commits and closes the editor on the next turn of the loop."""
    press(qtbot, Qt.Key.Key_Return)
    QApplication.processEvents()


def edit_cell(qtbot, page: PlanPage, row: int, column: int) -> QWidget:  # noqa: ANN001
    table = page.actions.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    press(qtbot, Qt.Key.Key_F2)
    return focused()


def add_action(qtbot, page: PlanPage, text: str, owner: str = "") -> None:  # noqa: ANN001
    page.findChild(QLineEdit, "actionInput").setFocus()
    type_here(qtbot, text)
    if owner:
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is page.findChild(QComboBox, "actionOwner")
        type_here(qtbot, owner)
    press(qtbot, Qt.Key.Key_Return)


def texts(page: PlanPage) -> list[str]:
    return [a.text for a in page.doc.session.plan.actions]


def test_focus_starts_in_the_shared_stance(page: PlanPage) -> None:
    page.focus_first()
    assert focused().objectName() == "planStance"
    assert not page.review.isVisible()


def test_actions_added_by_keyboard(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    add_action(qtbot, page, "Agree one script for refusals", "Charge nurse")
    # Enter adds, clears the row and puts the cursor back for the next action.
    assert focused().objectName() == "actionInput"
    assert page.findChild(QLineEdit, "actionInput").text() == ""
    assert page.findChild(QComboBox, "actionOwner").currentText() == ""
    add_action(qtbot, page, "Fortnightly huddle")
    actions = page.doc.session.plan.actions
    # No review date yet: new actions fall due four weeks after the session.
    assert actions == [
        PlanAction("Agree one script for refusals", "Charge nurse", HELD_ON + timedelta(days=28)),
        PlanAction("Fortnightly huddle", "", HELD_ON + timedelta(days=28)),
    ]
    model = page.actions.table.model()
    assert model.rowCount() == 2
    assert model.index(0, OWNER).data() == "Charge nurse"
    assert model.index(0, DUE).data() == "1 Apr 2026"
    assert model.index(0, STATUS).data() == "Open"
    page.doc.undo_stack.undo()
    assert texts(page) == ["Agree one script for refusals"] and model.rowCount() == 1


def test_an_empty_action_is_not_added_and_says_so(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    page.findChild(QLineEdit, "actionInput").setFocus()
    type_here(qtbot, "   ")
    press(qtbot, Qt.Key.Key_Return)
    assert page.doc.session.plan.actions == []
    assert not page.doc.undo_stack.canUndo()
    problem = page.findChild(QLabel, "actionInputProblem")
    assert problem.isVisible() and "empty action is not added" in problem.text()
    assert focused().objectName() == "actionInput"
    type_here(qtbot, "Call")
    press(qtbot, Qt.Key.Key_Return)
    assert texts(page) == ["Call"] and not problem.isVisible()


def test_due_date_of_new_actions_follows_the_review_date(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    due = page.findChild(OptionalDateEdit, "actionDue")
    assert due.value() == HELD_ON + timedelta(days=28)
    page.doc.edit("plan.review_on", date(2026, 5, 1), "Change the review date")
    assert due.value() == date(2026, 5, 1)
    # A date the facilitator picks for the next action is kept until it is added...
    due.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert due.value() is None and due.text() == "No due date"
    add_action(qtbot, page, "Ask the patient what helps")
    assert page.doc.session.plan.actions[-1].due_on is None
    # ...then the suggestion comes back.
    assert due.value() == date(2026, 5, 1)


def test_actions_edited_through_the_delegates_and_each_edit_undone(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    add_action(qtbot, page, "Call the GP", "Staff nurse")
    doc, model = page.doc, page.actions.table.model()

    editor = edit_cell(qtbot, page, 0, TEXT)
    assert isinstance(editor, QLineEdit)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, "Call the GP every week")
    commit_editor(qtbot)
    assert texts(page) == ["Call the GP every week"]

    editor = edit_cell(qtbot, page, 0, OWNER)
    assert isinstance(editor, QComboBox) and editor.isEditable() and editor.findText("Pharmacist") >= 0
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, "Pharmacist")
    commit_editor(qtbot)
    assert doc.session.plan.actions[0].owner_role == "Pharmacist"

    editor = edit_cell(qtbot, page, 0, DUE)
    assert isinstance(editor, OptionalDateEdit) and editor.calendarPopup()
    editor.setCurrentSection(editor.Section.DaySection)
    press(qtbot, Qt.Key.Key_Up)
    commit_editor(qtbot)
    assert doc.session.plan.actions[0].due_on == date(2026, 4, 2)

    editor = edit_cell(qtbot, page, 0, DUE)
    press(qtbot, Qt.Key.Key_Delete)  # the way to clear a due date
    commit_editor(qtbot)
    assert doc.session.plan.actions[0].due_on is None
    assert model.index(0, DUE).data() == "—"

    editor = edit_cell(qtbot, page, 0, STATUS)
    assert isinstance(editor, QComboBox) and [editor.itemText(i) for i in range(editor.count())] == ["Open", "Done", "Dropped"]
    press(qtbot, Qt.Key.Key_Down)
    commit_editor(qtbot)
    assert doc.session.plan.actions[0].status is ActionStatus.DONE
    assert model.index(0, STATUS).data() == "Done"

    # Undo walks back one edit at a time, and the table follows.
    doc.undo_stack.undo()
    assert model.index(0, STATUS).data() == "Open"
    doc.undo_stack.undo()
    assert doc.session.plan.actions[0].due_on == date(2026, 4, 2)
    doc.undo_stack.undo()
    assert model.index(0, DUE).data() == "1 Apr 2026"
    doc.undo_stack.undo()
    assert model.index(0, OWNER).data() == "Staff nurse"
    doc.undo_stack.undo()
    assert model.index(0, TEXT).data() == "Call the GP"


def test_model_data_set_as_an_editor_would(page: PlanPage) -> None:
    page.actions.add("Write to the patient", "Consultant", date(2026, 4, 1))
    model = page.actions.table.model()
    assert model.setData(model.index(0, DUE), QDate(2026, 4, 15))
    assert model.setData(model.index(0, STATUS), "dropped")
    assert not model.setData(model.index(0, TEXT), "  ")  # an action needs words
    assert not model.setData(model.index(0, STATUS), "finished")
    action = page.doc.session.plan.actions[0]
    assert (action.text, action.due_on, action.status) == ("Write to the patient", date(2026, 4, 15), ActionStatus.DROPPED)
    assert model.index(0, TEXT).data(Qt.ItemDataRole.FontRole).strikeOut()


def test_reorder_with_ctrl_up_and_down_and_undo(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    for text in ("First", "Second", "Third"):
        page.actions.add(text)
    table = page.actions.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, TEXT))
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert texts(page) == ["Second", "First", "Third"]
    assert table.currentIndex().row() == 1  # the moved action stays current
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert texts(page) == ["Second", "Third", "First"]
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # already last: nothing
    assert texts(page) == ["Second", "Third", "First"]
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert texts(page) == ["Second", "First", "Third"] and table.currentIndex().row() == 1
    page.doc.undo_stack.undo()
    assert texts(page) == ["Second", "Third", "First"]
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert texts(page) == ["First", "Second", "Third"]
    assert [table.model().index(r, TEXT).data() for r in range(3)] == ["First", "Second", "Third"]


def test_delete_removes_the_selected_action_and_undo_brings_it_back(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    for text in ("First", "Second", "Third"):
        page.actions.add(text)
    table = page.actions.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, TEXT))
    press(qtbot, Qt.Key.Key_Delete)
    assert texts(page) == ["First", "Third"]
    assert table.currentIndex().row() == 1
    page.doc.undo_stack.undo()
    assert texts(page) == ["First", "Second", "Third"] and table.model().rowCount() == 3


def test_due_date_before_the_session_is_flagged_inline_but_kept(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    warning = page.findChild(QLabel, "actionsWarning")
    assert not warning.isVisible()
    due = page.findChild(OptionalDateEdit, "actionDue")
    due.set_value(date(2026, 3, 1))  # as picked in the calendar
    add_action(qtbot, page, "Book a joint meeting")
    assert page.doc.session.plan.actions[0].due_on == date(2026, 3, 1)  # kept: warnings never block
    assert warning.isVisible()
    assert "Due date 1 Mar 2026 is before the session (4 Mar 2026)" in warning.text()
    assert "Book a joint meeting" in warning.text()
    model = page.actions.table.model()
    assert "before the session" in model.index(0, DUE).data(Qt.ItemDataRole.ToolTipRole)
    # A later date clears the warning; so does settling the action.
    assert model.setData(model.index(0, DUE), QDate(2026, 3, 20))
    assert not warning.isVisible()
    page.doc.undo_stack.undo()
    assert warning.isVisible()
    assert model.setData(model.index(0, STATUS), "done")
    assert not warning.isVisible()


def test_moving_the_session_date_rechecks_due_dates(page: PlanPage) -> None:
    page.actions.add("Call", due_on=date(2026, 3, 10))
    warning = page.findChild(QLabel, "actionsWarning")
    assert not warning.isVisible()
    page.doc.edit("held_on", date(2026, 3, 12), "Change the session date")
    assert warning.isVisible() and "(12 Mar 2026)" in warning.text()


def test_review_date_before_the_session_is_flagged(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    review_on = page.findChild(OptionalDateEdit, "reviewOn")
    warning = page.findChild(QLabel, "reviewOnWarning")
    review_on.set_value(date(2026, 3, 1))
    assert page.doc.session.plan.review_on == date(2026, 3, 1)
    assert warning.isVisible()
    assert "Review date 1 Mar 2026 is before the session (4 Mar 2026)" in warning.text()
    page.doc.undo_stack.undo()
    assert page.doc.session.plan.review_on is None and not warning.isVisible()


def test_review_date_in_the_past_is_flagged(qtbot, services: Services, case_id: int, session_id: int) -> None:  # noqa: ANN001
    today = date.today()
    page = build(qtbot, services, case_id, session_id, held_on=today - timedelta(days=60))
    warning = page.findChild(QLabel, "reviewOnWarning")
    past = today - timedelta(days=10)
    page.findChild(OptionalDateEdit, "reviewOn").set_value(past)
    assert warning.isVisible()
    assert warning.text().endswith(f"is in the past (today is {wording.day(today)}).")
    assert past.strftime("%d %b %Y") in warning.text()
    page.findChild(OptionalDateEdit, "reviewOn").set_value(today + timedelta(days=7))
    assert not warning.isVisible()


def test_no_review_date_by_keyboard(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    review_on = page.findChild(OptionalDateEdit, "reviewOn")
    no_review = page.findChild(QCheckBox, "noReviewDate")
    assert review_on.value() is None and no_review.isChecked()
    assert review_on.text() == "No review date"
    no_review.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # a review date it is: four weeks on, to start from
    assert page.doc.session.plan.review_on == date(2026, 4, 1)
    assert review_on.value() == date(2026, 4, 1) and not no_review.isChecked()
    review_on.setFocus()
    review_on.setCurrentSection(review_on.Section.DaySection)
    press(qtbot, Qt.Key.Key_Up)
    assert page.doc.session.plan.review_on == date(2026, 4, 2)
    press(qtbot, Qt.Key.Key_Delete)  # back to none
    assert page.doc.session.plan.review_on is None and no_review.isChecked()
    page.doc.undo_stack.undo()
    assert review_on.value() == date(2026, 4, 2) and not no_review.isChecked()


def test_plan_texts_are_stored_and_undone(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    fields = {"planStance": "stance", "planRisks": "risks", "planStaffSupport": "staff_support",
              "planPatientMessage": "patient_message"}
    for name, attribute in fields.items():
        widget = page.findChild(QWidget, name)
        widget.setFocus()
        type_here(qtbot, f"Text for {attribute}")
        assert getattr(page.doc.session.plan, attribute) == f"Text for {attribute}"
    page.doc.undo_stack.undo()
    assert page.doc.session.plan.patient_message == ""
    assert page.findChild(QWidget, "planPatientMessage").toPlainText() == ""
    assert page.doc.session.plan.staff_support == "Text for staff_support"


def test_carried_actions_are_marked(qtbot, services: Services, case_id: int, session_id: int) -> None:  # noqa: ANN001
    page = build(qtbot, services, case_id, session_id, actions=[
        PlanAction("Carried one", "Staff nurse", date(2026, 4, 1), carried_from=99), PlanAction("New one"),
    ])
    model = page.actions.table.model()
    assert model.index(0, TEXT).data().startswith("↻")
    assert "from last session" in model.index(0, TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, TEXT).data(CARRIED_ROLE) is True
    assert model.index(0, TEXT).data(Qt.ItemDataRole.EditRole) == "Carried one"
    assert model.index(1, TEXT).data() == "New one" and model.index(1, TEXT).data(CARRIED_ROLE) is False
    assert page.review.isVisible()


def test_tab_order_follows_the_page(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    expected = ["planStance", "actionInput", "actionOwner", "actionDue", "actionAdd", "planActions", "planRisks",
                "planStaffSupport", "planPatientMessage", "reviewOn", "noReviewDate"]
    page.focus_first()
    seen = [focused().objectName()]
    for _ in expected[1:]:
        start = focused()
        for _ in range(4):  # a date edit takes a Tab per section first
            press(qtbot, Qt.Key.Key_Tab)
            if focused() is not start:
                break
        seen.append(focused().objectName())
    assert seen == expected


def test_every_control_has_an_accessible_name(page: PlanPage) -> None:
    for name in ("planStance", "actionInput", "actionOwner", "actionDue", "actionAdd", "planActions", "planRisks",
                 "planStaffSupport", "planPatientMessage", "reviewOn", "noReviewDate"):
        widget = page.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_an_empty_due_date_starts_from_the_suggestion(qtbot, page: PlanPage) -> None:  # noqa: ANN001
    due = page.findChild(OptionalDateEdit, "actionDue")
    due.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert due.value() is None
    press(qtbot, Qt.Key.Key_Up)  # the first step lands on the suggestion, four weeks on
    assert due.value() == date(2026, 4, 1)
    press(qtbot, Qt.Key.Key_Delete)
    type_here(qtbot, "15")  # typing starts in the day of the suggested month
    assert due.value() == date(2026, 4, 15)
