"""A follow-up session reviews last session's open actions, by keyboard: Done, Not done
(stays open), Changed (new words, stays open) or Dropped. The choices live in the session,
so they are undoable, saved, and keep the link (`carried_from`) to the earlier action."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from idc_desktop.domain import ActionStatus, Case, Consultation, PlanAction
from idc_desktop.services import Services, shipped
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.opening import editor_context, open_editor
from idc_desktop.ui.session.pages.frame_page import FramePage
from idc_desktop.ui.session.pages.plan_page import PlanPage
from idc_desktop.ui.session.plan.action_review import Choice, ReviewRow
from idc_desktop.ui.session.plan.actions_model import STATUS, TEXT

FIRST_ON, FOLLOW_UP_ON = date(2026, 2, 4), date(2026, 3, 4)
OPEN_TEXTS = ["Call the GP", "One script for refusals", "Fortnightly huddle"]


def phase(key: str):  # noqa: ANN201
    return next(p for p in shipped.phases() if p.key == key)


@dataclass
class FollowUp:
    case_id: int
    first: Consultation
    session: Consultation


@pytest.fixture
def follow_up(services: Services) -> FollowUp:
    case = services.cases.create(Case(code="", specialty="Renal"))
    assert case.id is not None
    first = services.sessions.start(case.id, held_on=FIRST_ON)
    first.plan.actions = [
        PlanAction(OPEN_TEXTS[0], "Staff nurse", date(2026, 3, 1)),
        PlanAction(OPEN_TEXTS[1], "Charge nurse", date(2026, 3, 1)),
        PlanAction(OPEN_TEXTS[2], "Matron", None),
        PlanAction("Referral to psychology", "Consultant", date(2026, 2, 20), ActionStatus.DONE),
    ]
    first.plan.review_on = FOLLOW_UP_ON
    services.sessions.save(first)
    first = services.sessions.get(first.id)  # as stored, with the actions' ids
    session = services.sessions.start(case.id, held_on=FOLLOW_UP_ON)
    return FollowUp(case.id, first, session)


def pages(qtbot, services: Services, follow_up: FollowUp) -> tuple[FramePage, PlanPage]:  # noqa: ANN001
    doc = SessionDocument(services.sessions.get(follow_up.session.id))
    context = editor_context(services, follow_up.case_id, follow_up.session.id)
    assert context.previous is not None and context.previous.id == follow_up.first.id
    built = []
    for cls, key in ((FramePage, "frame"), (PlanPage, "plan")):
        page = cls(phase(key), doc, context)
        qtbot.addWidget(page)
        page.resize(1280, 1200)
        built.append(page)
    built[0].show()
    built[0].activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is built[0])
    return built[0], built[1]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(focused(), key, modifier)


def statuses(doc: SessionDocument) -> list[tuple[str, ActionStatus]]:
    return [(a.text, a.status) for a in doc.session.plan.actions]


def test_start_carries_the_open_actions(follow_up: FollowUp) -> None:
    actions = follow_up.session.plan.actions
    assert [a.text for a in actions] == OPEN_TEXTS
    assert all(a.status is ActionStatus.OPEN for a in actions)
    assert [a.carried_from for a in actions] == [a.id for a in follow_up.first.plan.actions[:3]]


def test_review_by_keyboard_then_save_and_read_back(qtbot, services: Services, follow_up: FollowUp) -> None:  # noqa: ANN001
    frame, plan = pages(qtbot, services, follow_up)
    doc = frame.doc
    assert frame.review.isVisible()
    frame.focus_first()  # a follow-up starts with the review
    rows = frame.review.rows
    assert focused() is rows[0]
    assert "Call the GP" in rows[0].accessibleName() and "Staff nurse" in rows[0].details.text()
    # Before anyone speaks, nothing is presumed: every action is "not reviewed yet".
    assert [frame.review.choice(i) for i in range(3)] == [Choice.UNREVIEWED] * 3
    assert not any(b.isChecked() for row in rows[:3] for b in row.buttons.values())
    assert "3 not reviewed yet" in frame.review.summary.text()

    press(qtbot, "d")  # 1: done
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is rows[1]
    press(qtbot, "c")  # 2: changed -> the words are ready to retype
    assert focused() is rows[1].edit and rows[1].edit.isVisible()
    assert rows[1].edit.selectedText() == OPEN_TEXTS[1]
    qtbot.keyClicks(focused(), "One script for refusals, shared with the family")
    press(qtbot, Qt.Key.Key_Return)  # back to the list
    assert focused() is rows[1]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, "n")  # 3: not done, stays open as it was
    assert focused() is rows[2]

    assert statuses(doc) == [
        ("Call the GP", ActionStatus.DONE),
        ("One script for refusals, shared with the family", ActionStatus.OPEN),
        ("Fortnightly huddle", ActionStatus.OPEN),
    ]
    assert [frame.review.choice(i) for i in range(3)] == [Choice.DONE, Choice.CHANGED, Choice.NOT_DONE]
    assert rows[0].buttons[Choice.DONE].isChecked()
    assert rows[1].buttons[Choice.CHANGED].isChecked()
    assert rows[1].edit.isVisible() and rows[1].edit.text() == "One script for refusals, shared with the family"
    assert rows[1].text.text() == "2. One script for refusals"  # the original stays in view
    assert rows[2].buttons[Choice.NOT_DONE].isChecked()
    assert "1 done, 1 changed, 1 not done" in frame.review.summary.text()

    # The plan page shows the same session: its review and its table agree.
    assert [plan.review.choice(i) for i in range(3)] == [Choice.DONE, Choice.CHANGED, Choice.NOT_DONE]
    table = plan.actions.table.model()
    assert [table.index(r, STATUS).data() for r in range(3)] == ["Done", "Open", "Open"]
    assert table.index(1, TEXT).data() == "↻ One script for refusals, shared with the family"

    # Saved and read back: statuses, words and the link to the earlier actions survive.
    services.sessions.save(copy.deepcopy(doc.session))
    stored = services.sessions.get(follow_up.session.id)
    assert [(a.text, a.status) for a in stored.plan.actions] == statuses(doc)
    assert [a.carried_from for a in stored.plan.actions] == [a.id for a in follow_up.first.plan.actions[:3]]
    assert all(a.reviewed for a in stored.plan.actions)  # "not done" is a verdict, kept as one


def test_an_action_not_yet_reviewed_stays_so_in_the_store(services: Services, follow_up: FollowUp) -> None:
    stored = services.sessions.get(follow_up.session.id)
    assert [a.reviewed for a in stored.plan.actions] == [False, False, False]
    stored.plan.actions[0].reviewed = True
    services.sessions.save(stored)
    assert [a.reviewed for a in services.sessions.get(stored.id).plan.actions] == [True, False, False]


def test_review_choices_are_undoable(qtbot, services: Services, follow_up: FollowUp) -> None:  # noqa: ANN001
    frame, _plan = pages(qtbot, services, follow_up)
    doc, review = frame.doc, frame.review
    frame.focus_first()
    press(qtbot, "x")  # dropped
    assert doc.undo_stack.undoText() == "Review action: dropped"
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, "c")
    qtbot.keyClicks(focused(), "Weekly huddle")
    press(qtbot, Qt.Key.Key_Escape)
    assert statuses(doc)[:2] == [(OPEN_TEXTS[0], ActionStatus.DROPPED), ("Weekly huddle", ActionStatus.OPEN)]

    doc.undo_stack.undo()  # the new words, typed as one step
    assert statuses(doc)[1] == (OPEN_TEXTS[1], ActionStatus.OPEN)
    assert review.choice(1) is Choice.NOT_DONE
    doc.undo_stack.undo()  # the verdict "changed": not reviewed again
    assert review.choice(1) is Choice.UNREVIEWED
    doc.undo_stack.undo()  # the drop
    assert statuses(doc)[0] == (OPEN_TEXTS[0], ActionStatus.OPEN)
    assert review.choice(0) is Choice.UNREVIEWED
    assert not any(b.isChecked() for b in review.rows[0].buttons.values())
    doc.undo_stack.redo()
    assert review.rows[0].buttons[Choice.DROPPED].isChecked()


def test_not_done_after_changed_puts_the_agreed_words_back(qtbot, services: Services, follow_up: FollowUp) -> None:  # noqa: ANN001
    frame, _plan = pages(qtbot, services, follow_up)
    frame.focus_first()
    press(qtbot, "c")
    qtbot.keyClicks(focused(), "Something else")
    press(qtbot, Qt.Key.Key_Return)
    assert frame.doc.session.plan.actions[0].text == "Something else"
    press(qtbot, "n")
    assert statuses(frame.doc)[0] == (OPEN_TEXTS[0], ActionStatus.OPEN)
    assert not frame.review.rows[0].edit.isVisible()


def test_changed_words_may_not_be_empty(qtbot, services: Services, follow_up: FollowUp) -> None:  # noqa: ANN001
    frame, _plan = pages(qtbot, services, follow_up)
    frame.focus_first()
    press(qtbot, "c")
    press(qtbot, Qt.Key.Key_Delete)  # the words were selected: now none
    assert frame.doc.session.plan.actions[0].text == OPEN_TEXTS[0]
    row = frame.review.rows[0]
    assert row.problem.isVisible() and "needs some words" in row.problem.text()


def test_buttons_choose_too(qtbot, services: Services, follow_up: FollowUp) -> None:  # noqa: ANN001
    frame, _plan = pages(qtbot, services, follow_up)
    row = frame.review.rows[2]
    qtbot.mouseClick(row.buttons[Choice.DONE], Qt.MouseButton.LeftButton)
    assert statuses(frame.doc)[2] == (OPEN_TEXTS[2], ActionStatus.DONE)
    assert focused() is row  # the keys work from there on


def test_only_the_current_action_is_a_tab_stop(qtbot, services: Services, follow_up: FollowUp) -> None:  # noqa: ANN001
    frame, _plan = pages(qtbot, services, follow_up)
    frame.focus_first()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)  # leaves the panel in one step
    assert focused().objectName() == "heldOn"
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is frame.review.rows[1]  # and comes back where it left


def test_the_editor_opens_a_follow_up_on_the_review_and_saves_choices(
    qtbot, services: Services, follow_up: FollowUp,  # noqa: ANN001
) -> None:
    editor = open_editor(services, follow_up.session.id)
    qtbot.addWidget(editor)
    editor.resize(1280, 900)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert editor.phases[editor.current_index].key == "frame"
    editor.current_page().focus_first()
    assert isinstance(focused(), ReviewRow)
    press(qtbot, "d")
    qtbot.waitUntil(
        lambda: services.sessions.get(follow_up.session.id).plan.actions[0].status is ActionStatus.DONE, timeout=1500
    )
    stored = services.sessions.get(follow_up.session.id)
    assert stored.plan.actions[0].carried_from == follow_up.first.plan.actions[0].id


def test_a_first_session_has_no_review(qtbot, services: Services, case_id: int, session_id: int) -> None:  # noqa: ANN001
    doc = SessionDocument(services.sessions.get(session_id))
    page = PlanPage(phase("plan"), doc, editor_context(services, case_id, session_id))
    qtbot.addWidget(page)
    page.show()
    assert not page.review.isVisible()
    assert page.findChild(QLineEdit, "actionInput") is not None


def test_the_review_never_opens_a_window_of_its_own(qtbot, services: Services, follow_up: FollowUp) -> None:  # noqa: ANN001
    from idc_desktop.ui.session.plan.action_review import ActionReview

    frame, _plan = pages(qtbot, services, follow_up)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [frame]
    loose = ActionReview(frame.doc, follow_up.first)
    qtbot.addWidget(loose)
    assert loose.has_actions() and not loose.isVisible()
