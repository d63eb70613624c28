"""THE acceptance test of the session editor: a whole session, Frame to Close, with the
keyboard only, through the real main window on a real store.

Every change of state is a key press sent to the widget that has focus (Tab, Enter, PageDown,
Alt+letter mnemonics, Ctrl+Shift+N...); widgets are only read, never driven through their
methods. What the store holds is then read back through the services.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from idc_desktop.domain import ActionStatus, AllianceDimension, Case, Perspective
from idc_desktop.services import Services
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.settings import AppSettings

NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Keyboard:
    """Sends keys where a user's keys go: to the widget with focus."""

    def __init__(self, qtbot, window: MainWindow) -> None:  # noqa: ANN001
        self.qtbot, self.window = qtbot, window

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
        self.qtbot.keyClick(self.focused(), key, modifiers)
        QApplication.processEvents()  # as between a person's key presses

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)
        QApplication.processEvents()

    def line(self, text: str, modifiers: Qt.KeyboardModifier = NO) -> None:
        """Type, then Enter."""
        self.type(text)
        self.press(Qt.Key.Key_Return, modifiers)

    def focus_is(self, object_name: str) -> None:
        widget = self.focused()
        names = {widget.objectName(), widget.parentWidget().objectName() if widget.parentWidget() else ""}
        assert object_name in names, f"focus is on {type(widget).__name__} {widget.objectName()!r}"


@pytest.fixture
def case_id(services: Services) -> int:
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Shouts at the nurses"))
    assert case.id is not None
    return case.id


@pytest.fixture
def keys(qtbot, services: Services, settings: AppSettings, case_id: int) -> Keyboard:  # noqa: ANN001
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.attach(services)
    window.resize(1400, 950)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return Keyboard(qtbot, window)


def perspective(k: Keyboard, find: str, said: str, starred: str, role: str, summary: str) -> None:
    """On a perspective page: choose an item, add two cards (the second starred), a summary."""
    k.focus_is("contributionInput")
    k.press(Qt.Key.Key_I, ALT)  # to the item filter
    k.line(find)  # Enter chooses the best match
    k.press(Qt.Key.Key_N, ALT)  # to the cards ...
    k.press(Qt.Key.Key_Escape)  # ... and back to typing
    k.focus_is("contributionInput")
    k.line(said)
    k.press(Qt.Key.Key_R, ALT)  # the role of who said the next one
    k.line(role)  # Enter in the role goes back to the input
    k.line(starred, CTRL)  # Ctrl+Enter adds it starred
    k.press(Qt.Key.Key_S, ALT)
    k.type(summary)


def test_a_whole_session_by_keyboard_alone(keys: Keyboard, services: Services, case_id: int) -> None:
    k, window = keys, keys.window
    # The library has the case in hand: Ctrl+Shift+N starts a session on it.
    k.press(Qt.Key.Key_N, CTRL | SHIFT)
    assert window.editor is not None
    editor = window.editor
    held_on = editor.doc.session.held_on
    assert editor.phases[editor.current_index].key == "frame"

    # Frame: who is here by role, the roles, the ground rules, the question.
    k.focus_is("attendeeRole")
    k.type("Staff nurse")
    k.press(Qt.Key.Key_Tab)
    k.line("3")
    k.line("Consultant")
    k.focus_is("attendeeRole")
    for _ in range(3):  # count, Add, the table
        k.press(Qt.Key.Key_Tab)
    k.press(Qt.Key.Key_Tab)
    k.focus_is("facilitatorRole")
    k.type("Psychiatrist")
    k.press(Qt.Key.Key_Tab)
    k.type("Staff nurse")
    k.press(Qt.Key.Key_K, ALT)  # All acknowledged
    k.qtbot.waitUntil(lambda: len(editor.doc.session.ground_rules) == 4)
    k.press(Qt.Key.Key_Q, ALT)
    k.type("How do we stop being split into firm and soft camps?")

    # Presentation and clarifying questions: PageDown, then type.
    k.press(Qt.Key.Key_PageDown)
    k.type("Misses dialysis twice a month; shouts when the session is cut short.")
    k.press(Qt.Key.Key_PageDown)
    k.type("Does he live alone? Yes.")

    # A to D.
    k.press(Qt.Key.Key_PageDown)
    perspective(k, "dismiss", "Nobody listens to me", "You never come when I ring", "Staff nurse",
                "Staff seem dismissive")
    # On A, the cards by keyboard (from the summary field): Alt+N to the cards, Esc back to
    # typing; a third card is added, then Up to it, Delete; Ctrl+Up moves the starred card
    # above the first; F2 edits it in place.
    k.press(Qt.Key.Key_N, ALT)
    k.focus_is("contributions_A")
    k.press(Qt.Key.Key_Escape)
    k.line("A card to delete")
    k.press(Qt.Key.Key_Up)  # input empty: to the last card
    k.focus_is("contributions_A")
    k.press(Qt.Key.Key_Delete)
    k.press(Qt.Key.Key_Up, CTRL)  # "You never come..." moves above "Nobody listens"
    k.press(Qt.Key.Key_F2)
    k.press(Qt.Key.Key_End)
    k.line(" at night")
    k.press(Qt.Key.Key_Escape)
    k.focus_is("contributionInput")
    k.press(Qt.Key.Key_PageDown)
    perspective(k, "angry", "He feels unimportant", "Furious when kept waiting", "Consultant", "Unimportant, angry")
    k.press(Qt.Key.Key_PageDown)
    perspective(k, "demanding", "He wants everything now", "Always on the buzzer", "Healthcare assistant",
                "Demanding")
    k.press(Qt.Key.Key_PageDown)
    perspective(k, "withdraw", "I keep the visit short", "I avoid his bay", "Staff nurse", "We pull away")

    # Cycle: draft it from A-D, add to it, the hypothesis, the alliance.
    k.press(Qt.Key.Key_PageDown)
    k.focus_is("cycleText")
    k.press(Qt.Key.Key_D, CTRL | SHIFT)
    k.press(Qt.Key.Key_End, CTRL)
    k.type(" We can step out of it.")
    k.press(Qt.Key.Key_P, ALT)
    k.type("Carers who came and went in childhood.")
    k.press(Qt.Key.Key_G, ALT)
    k.type("4")
    k.press(Qt.Key.Key_Tab)
    k.type("We agree dialysis matters")
    k.press(Qt.Key.Key_Tab)
    k.type("2")
    k.press(Qt.Key.Key_Tab)
    k.type("Who does what is unclear")
    k.press(Qt.Key.Key_Tab)
    k.type("9")  # outside 1-5: refused, nothing typed
    k.type("3")
    k.press(Qt.Key.Key_Tab)
    k.type("Fragile trust")

    # Plan: stance, one action with owner and due date, risks, support, message, review date.
    k.press(Qt.Key.Key_PageDown)
    k.focus_is("planStance")
    k.type("Calm, consistent, the same message from everyone.")
    k.press(Qt.Key.Key_Tab)
    k.focus_is("actionInput")
    k.type("Agree one visiting time with him")
    k.press(Qt.Key.Key_Tab)
    k.type("Charge nurse")
    k.press(Qt.Key.Key_Tab)
    k.focus_is("actionDue")
    k.type("15")  # the day of the suggested due date (four weeks on)
    k.press(Qt.Key.Key_Return)
    k.focus_is("actionInput")
    k.press(Qt.Key.Key_W, ALT)
    k.type("20")  # review date: the 20th of the suggested month
    k.press(Qt.Key.Key_R, ALT)
    k.type("Low risk of self-harm; watch missed sessions.")
    k.press(Qt.Key.Key_T, ALT)
    k.type("Debrief after hard visits.")
    k.press(Qt.Key.Key_P, ALT)
    k.type("We will come at ten each day and tell you if we are late.")

    # Close: what helped, and the private reflection.
    k.press(Qt.Key.Key_PageDown)
    k.focus_is("closeHelped")
    k.type("Seeing the split as part of the pattern.")
    k.press(Qt.Key.Key_Tab)
    k.focus_is("facilitatorReflection")
    k.type("I felt pulled to rescue the presenter.")

    # Back to the case (Alt+Left) writes what is pending; the case view lists the session.
    k.press(Qt.Key.Key_Left, ALT)
    assert window.editor is None and window.pages.currentWidget() is window.case_view
    [row] = services.sessions.for_case(case_id)
    assert row.open_actions == 1 and row.current_phase == "close"

    stored = services.sessions.get(row.id)
    assert [(a.role, a.count) for a in stored.attendees] == [("Staff nurse", 3), ("Consultant", 1)]
    assert (stored.facilitator_role, stored.presenter_role) == ("Psychiatrist", "Staff nurse")
    assert len(stored.ground_rules) == 4
    assert stored.question == "How do we stop being split into firm and soft camps?"
    assert stored.presentation.startswith("Misses dialysis") and stored.clarifying == "Does he live alone? Yes."

    a = stored.perspectives[Perspective.A]
    assert a.items == ["dismissive"] and a.summary == "Staff seem dismissive"
    assert [(c.text, c.role, c.salient) for c in a.contributions] == [
        ("You never come when I ring at night", "Staff nurse", True),
        ("Nobody listens to me", None, False),
    ]
    expected = {Perspective.B: ("angry", "Furious when kept waiting", "Consultant"),
                Perspective.C: ("demanding", "Always on the buzzer", "Healthcare assistant"),
                Perspective.D: ("wanting_to_withdraw", "I avoid his bay", "Staff nurse")}
    for p, (item, starred, role) in expected.items():
        record = stored.perspectives[p]
        assert record.items == [item], p
        assert [(c.text, c.role, c.salient) for c in record.contributions][1] == (starred, role, True), p
        assert sum(c.salient for c in record.contributions) == 1, p

    assert stored.cycle.startswith("The patient experiences staff as dismissive (A)")
    assert stored.cycle.endswith("We can step out of it.")
    assert stored.formulation == "Carers who came and went in childhood."
    assert {d: (r.rating, r.notes) for d, r in stored.alliance.items()} == {
        AllianceDimension.GOALS: (4, "We agree dialysis matters"),
        AllianceDimension.TASKS: (2, "Who does what is unclear"),
        AllianceDimension.BOND: (3, "Fragile trust"),
    }

    suggested = held_on + timedelta(days=28)
    plan = stored.plan
    assert plan.stance.startswith("Calm, consistent")
    [action] = plan.actions
    assert (action.text, action.owner_role, action.due_on, action.status) == (
        "Agree one visiting time with him", "Charge nurse", suggested.replace(day=15), ActionStatus.OPEN)
    assert plan.review_on == suggested.replace(day=20)
    assert plan.risks.startswith("Low risk") and plan.staff_support == "Debrief after hard visits."
    assert plan.patient_message.startswith("We will come at ten")
    assert stored.close_notes == "Seeing the split as part of the pattern."
    assert stored.facilitator_reflection == "I felt pulled to rescue the presenter."

    # Reopening (Enter on the session in the case view) returns to the phase where it was left.
    k.focus_is("sessionTable")
    k.press(Qt.Key.Key_Return)
    assert window.editor is not None
    assert window.editor.phases[window.editor.current_index].key == "close"


def test_undo_and_redo_reach_across_pages(keys: Keyboard, services: Services, case_id: int) -> None:
    k, window = keys, keys.window
    k.press(Qt.Key.Key_N, CTRL | SHIFT)
    editor = window.editor
    k.press(Qt.Key.Key_PageDown)
    k.type("Shouts at the nurses")
    for _ in range(5):  # to D
        k.press(Qt.Key.Key_PageDown)
    k.line("I keep the visit short")
    for _ in range(5):  # to Close
        k.press(Qt.Key.Key_PageDown)

    k.press(Qt.Key.Key_Z, CTRL)  # undoes the card on D, from the Close page
    assert editor.doc.session.perspectives[Perspective.D].contributions == []
    k.press(Qt.Key.Key_Z, CTRL)  # then the presentation's typing
    assert editor.doc.session.presentation == ""
    k.press(Qt.Key.Key_Z, CTRL | SHIFT)
    k.press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.doc.session.presentation == "Shouts at the nurses"
    assert [c.text for c in editor.doc.session.perspectives[Perspective.D].contributions] == ["I keep the visit short"]

    k.press(Qt.Key.Key_Left, ALT)
    [row] = services.sessions.for_case(case_id)
    stored = services.sessions.get(row.id)
    assert stored.presentation == "Shouts at the nurses"
    assert [c.text for c in stored.perspectives[Perspective.D].contributions] == ["I keep the visit short"]


@pytest.fixture
def earlier_actions(services: Services, case_id: int) -> list[int]:
    """A first session with three actions, stored before the window opens."""
    from idc_desktop.domain import PlanAction

    first = services.sessions.start(case_id, held_on=date.today() - timedelta(days=28))
    first.plan.actions = [PlanAction("Agree one visiting time", "Charge nurse"),
                          PlanAction("Write a care plan", "Consultant"),
                          PlanAction("Offer a debrief", "Psychologist")]
    services.sessions.save(first)
    return [a.id for a in first.plan.actions]


def test_a_follow_up_reviews_last_sessions_actions_by_keyboard(earlier_actions: list[int], keys: Keyboard,
                                                                services: Services, case_id: int) -> None:
    k, window = keys, keys.window
    first_ids = earlier_actions
    k.focus_is("caseSearch")
    for _ in range(3):  # status filter, specialty filter, the case table
        k.press(Qt.Key.Key_Tab)
    k.focus_is("caseTable")
    k.press(Qt.Key.Key_Return)  # open the case ...
    k.focus_is("sessionTable")
    k.press(Qt.Key.Key_N, CTRL | SHIFT)  # ... and start the follow-up from the case view
    editor = window.editor
    assert editor is not None
    # The frame opens on the review of last session's actions.
    k.focus_is("reviewRow")
    k.press(Qt.Key.Key_D)  # done
    k.press(Qt.Key.Key_Down)
    k.press(Qt.Key.Key_N)  # not done: stays open, carried over
    k.press(Qt.Key.Key_Down)
    k.press(Qt.Key.Key_C)  # changed: new words
    k.press(Qt.Key.Key_A, CTRL)
    k.line("Offer a debrief to the night staff")

    # The earlier session is edited again meanwhile (as the lead might): links must hold.
    first_id = services.sessions.for_case(case_id)[0].id
    again = services.sessions.get(first_id)
    again.question = "Edited later"
    services.sessions.save(again)

    k.press(Qt.Key.Key_Left, ALT)
    rows = services.sessions.for_case(case_id)
    assert len(rows) == 2 and rows[1].open_actions == 2
    follow_up = services.sessions.get(rows[1].id)
    assert [(a.carried_from, a.status, a.text) for a in follow_up.plan.actions] == [
        (first_ids[0], ActionStatus.DONE, "Agree one visiting time"),
        (first_ids[1], ActionStatus.OPEN, "Write a care plan"),
        (first_ids[2], ActionStatus.OPEN, "Offer a debrief to the night staff"),
    ]
