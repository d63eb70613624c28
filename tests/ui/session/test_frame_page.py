"""The Frame page, driven by keyboard: date, attendees by role, roles, ground rules, question.

Every change goes through the session document, so undo puts the widgets back too."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QSpinBox, QWidget

from idc_desktop.domain import Attendee
from idc_desktop.services import Services, shipped
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.frame.attendees_model import COUNT, ROLE, AttendeesModel
from idc_desktop.ui.session.opening import editor_context
from idc_desktop.ui.session.pages.frame_page import FramePage

HELD_ON = date(2026, 3, 4)


def phase(key: str):  # noqa: ANN201
    return next(p for p in shipped.phases() if p.key == key)


@pytest.fixture
def page(qtbot, services: Services, case_id: int, session_id: int) -> FramePage:  # noqa: ANN001
    session = services.sessions.get(session_id)
    session.held_on = HELD_ON
    doc = SessionDocument(session)
    widget = FramePage(phase("frame"), doc, editor_context(services, case_id, session_id))
    qtbot.addWidget(widget)
    widget.resize(1280, 1000)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_here(qtbot, text: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(focused(), text)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(focused(), key, modifier)


def tab_out(qtbot) -> None:  # noqa: ANN001
    """Tab to the next control (a date edit takes a Tab per section, day > month > year, first)."""
    start = focused()
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is not start:
            return


def commit_editor(qtbot) -> None:  # noqa: ANN001
    """Enter in a cell editor: Qt commits the data and closes the editor on the next turn of the loop."""
    press(qtbot, Qt.Key.Key_Return)
    QApplication.processEvents()


def add_attendee(qtbot, page: FramePage, role: str, count: int) -> None:  # noqa: ANN001
    page.attendees.role.setFocus()
    type_here(qtbot, role)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.attendees.count
    type_here(qtbot, str(count))  # Tab into a spin box selects its value: typing replaces it
    press(qtbot, Qt.Key.Key_Return)


def test_focus_starts_in_the_attendee_role(page: FramePage) -> None:
    page.focus_first()
    assert focused() is page.findChild(QComboBox, "attendeeRole")
    assert not page.review.isVisible()  # a first session has nothing to review


def test_attendees_added_by_keyboard_and_the_same_role_sums(qtbot, page: FramePage) -> None:  # noqa: ANN001
    add_attendee(qtbot, page, "Staff nurse", 3)
    # After Enter the cursor is back in the role, with the inputs cleared for the next role.
    assert focused() is page.attendees.role
    assert page.attendees.role.currentText() == "" and page.attendees.count.value() == 1
    add_attendee(qtbot, page, "Consultant", 1)
    add_attendee(qtbot, page, "staff nurse", 2)  # already listed (any case): adds to its count
    doc = page.doc
    assert doc.session.attendees == [Attendee("Staff nurse", 5), Attendee("Consultant", 1)]
    table = page.attendees.table
    assert table.objectName() == "attendeesTable"
    assert table.model().rowCount() == 2
    assert table.model().index(0, COUNT).data() == 5
    total = page.findChild(QLabel, "attendeesTotal")
    assert total.text() == "6 people"

    doc.undo_stack.undo()
    assert doc.session.attendees == [Attendee("Staff nurse", 3), Attendee("Consultant", 1)]
    assert table.model().index(0, COUNT).data() == 3 and total.text() == "4 people"
    doc.undo_stack.redo()
    assert total.text() == "6 people"


def test_an_empty_role_is_not_added(qtbot, page: FramePage) -> None:  # noqa: ANN001
    page.attendees.role.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert page.doc.session.attendees == []
    problem = page.findChild(QLabel, "attendeesProblem")
    assert problem.isVisible() and "role" in problem.text()
    add_attendee(qtbot, page, "Pharmacist", 1)
    assert not problem.isVisible()


def test_a_free_text_role_is_kept(qtbot, page: FramePage) -> None:  # noqa: ANN001
    add_attendee(qtbot, page, "Play specialist", 2)
    assert page.doc.session.attendees == [Attendee("Play specialist", 2)]
    assert page.attendees.role.findText("Play specialist") == -1  # the pick list is not changed


def test_counts_and_roles_edited_in_the_table_then_deleted(qtbot, page: FramePage) -> None:  # noqa: ANN001
    add_attendee(qtbot, page, "Staff nurse", 3)
    add_attendee(qtbot, page, "Consultant", 1)
    table, doc = page.attendees.table, page.doc

    # Count: F2 opens the spin delegate (1-999) with its value selected.
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, COUNT))
    press(qtbot, Qt.Key.Key_F2)
    spin = focused()
    assert isinstance(spin, QSpinBox) and spin.maximum() == 999 and spin.minimum() == 1
    type_here(qtbot, "7")
    commit_editor(qtbot)
    assert doc.session.attendees[0] == Attendee("Staff nurse", 7)
    assert page.findChild(QLabel, "attendeesTotal").text() == "8 people"

    # Role: F2 opens the editable discipline list; free text is allowed.
    table.setCurrentIndex(table.model().index(1, ROLE))
    press(qtbot, Qt.Key.Key_F2)
    combo = focused()
    assert isinstance(combo, QComboBox) and combo.isEditable()
    assert combo.findText("Registrar") >= 0
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, "Registrar")
    commit_editor(qtbot)
    assert doc.session.attendees[1] == Attendee("Registrar", 1)

    # Delete removes the current row; the cursor stays in the table for the next one.
    assert focused() is table
    press(qtbot, Qt.Key.Key_Delete)
    assert doc.session.attendees == [Attendee("Staff nurse", 7)]
    assert table.currentIndex().row() == 0

    doc.undo_stack.undo()  # the deletion
    assert doc.session.attendees[1] == Attendee("Registrar", 1)
    doc.undo_stack.undo()  # the role
    assert table.model().index(1, ROLE).data() == "Consultant"
    doc.undo_stack.undo()  # the count
    assert table.model().index(0, COUNT).data() == 3
    assert page.findChild(QLabel, "attendeesTotal").text() == "4 people"


def test_the_model_refuses_bad_counts_and_empty_roles(page: FramePage) -> None:
    page.attendees.add("Staff nurse", 2)
    model = page.attendees.model
    assert not model.setData(model.index(0, COUNT), 0)
    assert not model.setData(model.index(0, COUNT), 1000)
    assert not model.setData(model.index(0, ROLE), "  ")
    assert page.doc.session.attendees == [Attendee("Staff nurse", 2)]


def test_adding_to_a_role_stops_at_999(page: FramePage) -> None:
    page.attendees.add("Student", 998)
    page.attendees.add("Student", 5)
    assert page.doc.session.attendees == [Attendee("Student", 999)]
    assert page.attendees.problem.isVisible()


def test_facilitator_and_presenter_roles_are_stored(qtbot, page: FramePage) -> None:  # noqa: ANN001
    facilitator = page.findChild(QComboBox, "facilitatorRole")
    presenter = page.findChild(QComboBox, "presenterRole")
    assert facilitator.isEditable() and facilitator.findText("Psychiatrist") >= 0
    facilitator.setFocus()
    type_here(qtbot, "Psychotherapist")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is presenter
    type_here(qtbot, "Dialysis nurse")  # not in the list: free text is kept
    doc = page.doc
    assert doc.session.facilitator_role == "Psychotherapist"
    assert doc.session.presenter_role == "Dialysis nurse"
    # Typing merges into one undo step per field.
    doc.undo_stack.undo()
    assert doc.session.presenter_role == "" and presenter.currentText() == ""
    assert doc.session.facilitator_role == "Psychotherapist"


def test_ground_rules_ticked_by_keyboard_and_all_at_once(qtbot, page: FramePage) -> None:  # noqa: ANN001
    keys = [key for key, _ in shipped.ground_rules()]
    first = page.findChild(QCheckBox, f"groundRule_{keys[0]}")
    assert first.accessibleName()  # the rule's words
    first.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    doc = page.doc
    assert doc.session.ground_rules == [keys[0]]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.findChild(QCheckBox, f"groundRule_{keys[1]}")

    everything = page.findChild(QWidget, "allAcknowledged")
    everything.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert doc.session.ground_rules == keys
    assert all(page.findChild(QCheckBox, f"groundRule_{k}").isChecked() for k in keys)

    doc.undo_stack.undo()
    assert doc.session.ground_rules == [keys[0]]
    assert [page.findChild(QCheckBox, f"groundRule_{k}").isChecked() for k in keys] == [True, False, False, False]

    # Un-ticking removes the key.
    first.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert doc.session.ground_rules == []


def test_question_typed_is_stored_and_undo_restores_it(qtbot, page: FramePage) -> None:  # noqa: ANN001
    question = page.findChild(QWidget, "teamQuestion")
    question.setFocus()
    type_here(qtbot, "How do we stay consistent when he shouts?")
    doc = page.doc
    assert doc.session.question == "How do we stay consistent when he shouts?"
    doc.undo_stack.undo()
    assert doc.session.question == "" and question.toPlainText() == ""
    doc.undo_stack.redo()
    assert question.toPlainText() == "How do we stay consistent when he shouts?"


def test_session_date_changed_by_keyboard_and_undone(qtbot, page: FramePage) -> None:  # noqa: ANN001
    held_on = page.findChild(QWidget, "heldOn")
    assert held_on.calendarPopup()
    assert held_on.date() == QDate(2026, 3, 4)
    held_on.setFocus()
    held_on.setCurrentSection(held_on.Section.DaySection)
    press(qtbot, Qt.Key.Key_Up)
    assert page.doc.session.held_on == date(2026, 3, 5)
    page.doc.undo_stack.undo()
    assert page.doc.session.held_on == HELD_ON and held_on.date() == QDate(2026, 3, 4)


def test_tab_order_follows_the_work(qtbot, page: FramePage) -> None:  # noqa: ANN001
    page.attendees.add("Staff nurse", 1)
    expected = ["heldOn", "attendeeRole", "attendeeCount", "attendeeAdd", "attendeesTable", "facilitatorRole",
                "presenterRole", *[f"groundRule_{k}" for k, _ in shipped.ground_rules()], "allAcknowledged",
                "teamQuestion"]
    page.findChild(QWidget, "heldOn").setFocus()
    seen = [focused().objectName()]
    for _ in expected[1:]:
        tab_out(qtbot)
        seen.append(focused().objectName())
    assert seen == expected


def test_every_control_has_an_accessible_name(page: FramePage) -> None:
    names = ["heldOn", "attendeeRole", "attendeeCount", "attendeeAdd", "attendeesTable", "facilitatorRole",
             "presenterRole", "allAcknowledged", "teamQuestion", "attendeesTotal"]
    names += [f"groundRule_{k}" for k, _ in shipped.ground_rules()]
    for name in names:
        widget = page.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_undo_of_everything_follows_into_the_widgets(page: FramePage) -> None:
    page.attendees.add("Staff nurse", 2)
    page.attendees.add("Consultant", 1)
    doc = page.doc
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert page.attendees.model.rowCount() == 0
    assert page.findChild(QLabel, "attendeesTotal").text() == "No one recorded yet"


def test_attendees_model_passes_the_model_tester(qtmodeltester) -> None:  # noqa: ANN001
    model = AttendeesModel()
    model.set_attendees([Attendee("Staff nurse", 4), Attendee("Consultant", 1), Attendee("Chaplain", 2)])
    qtmodeltester.check(model)
    model.set_attendees([Attendee("Consultant", 1)])
    qtmodeltester.check(model)
    model.set_attendees([])
    qtmodeltester.check(model)


def test_in_the_main_window_delete_removes_the_attendee_not_the_case(qtbot, window, services: Services,  # noqa: ANN001
                                                                     monkeypatch) -> None:  # noqa: ANN001
    from idc_desktop.domain import Case

    case = services.cases.create(Case(code="", specialty="Renal"))
    window.library.refresh()
    window.library_view.table.selectRow(0)
    assert window.ctx.library.delete.isEnabled()  # the window's Delete (delete the case) is live...
    deleted: list[bool] = []
    monkeypatch.setattr(window.library, "delete_case", lambda: deleted.append(True))
    window.ctx.sessions.start(case.id)
    page = window.editor.current_page()
    assert isinstance(page, FramePage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.attendees.role)
    type_here(qtbot, "Staff nurse")
    press(qtbot, Qt.Key.Key_Return)
    page.attendees.table.setFocus()
    page.attendees.table.setCurrentIndex(page.attendees.model.index(0, ROLE))
    press(qtbot, Qt.Key.Key_Delete)  # ...but in the table, Delete means "remove this row"
    assert deleted == []
    assert window.editor.doc.session.attendees == []
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Undo
    assert window.editor.doc.session.attendees == [Attendee("Staff nurse", 1)]
