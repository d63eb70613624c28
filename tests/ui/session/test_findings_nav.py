"""The session's possible identifiers: the header's count, and F7 / Shift+F7 between them,
pressed as keys on the real editor over a real store (issue 12, item 7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QPlainTextEdit

from idc_desktop.domain import Contribution, Perspective, PlanAction
from idc_desktop.services import Services
from idc_desktop.ui.session.opening import open_editor

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def risky_session(services: Services, session_id: int) -> int:
    session = services.sessions.get(session_id)
    session.question = "Why does Mrs Jones shout?"
    session.perspectives[Perspective.B].contributions = [
        Contribution("He feels unimportant"), Contribution("Sarah said he cried on Ward 7")]
    session.plan.actions = [PlanAction("Phone 07700 900123 before visits", "Charge nurse")]
    session.facilitator_reflection = "I kept thinking of Dr Okafor."
    services.sessions.save(session)
    return session_id


@pytest.fixture
def risky_editor(qtbot, services: Services, risky_session: int):  # noqa: ANN001, ANN201
    widget = open_editor(services, risky_session)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def count_label(editor) -> QLabel:  # noqa: ANN001
    return editor.findChild(QLabel, "sessionFindings")


def press_f7(qtbot, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F7, modifiers)


def test_the_header_counts_every_phase_including_the_private_reflection(risky_editor) -> None:  # noqa: ANN001
    label = count_label(risky_editor)
    assert label.isVisible()
    # Mrs Jones; Sarah and Ward 7; the phone number; Dr Okafor.
    assert label.text().startswith("5 possible identifiers")


def test_a_clean_session_shows_no_count(editor) -> None:  # noqa: ANN001
    assert not count_label(editor).isVisible()


def test_f7_walks_the_findings_across_phases_and_wraps(qtbot, risky_editor) -> None:  # noqa: ANN001
    editor = risky_editor
    editor.go_to(0)
    keys = [p.key for p in editor.phases]
    visited = []
    for _ in range(6):
        press_f7(qtbot)
        visited.append((keys[editor.current_index], QApplication.focusWidget().objectName()))
    assert visited == [
        ("frame", "teamQuestion"),
        ("perspective_b", "contributions_B"), ("perspective_b", "contributions_B"),
        ("plan", "planActions"),
        ("close", "facilitatorReflection"),
        ("frame", "teamQuestion"),  # round again
    ]
    assert "1 of 5" in count_label(editor).text() and "Mrs Jones" in count_label(editor).text()


def test_f7_selects_the_finding_so_ctrl_shift_r_replaces_it(qtbot, risky_editor, services: Services) -> None:  # noqa: ANN001
    editor = risky_editor
    press_f7(qtbot)
    field = QApplication.focusWidget()
    assert isinstance(field, QPlainTextEdit) and field.textCursor().selectedText() == "Mrs Jones"
    qtbot.keyClick(field, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert field.toPlainText() == "Why does [NAME] shout?"
    qtbot.waitUntil(lambda: count_label(editor).text().startswith("4 possible identifiers"))


def test_a_card_with_a_finding_is_made_current(qtbot, risky_editor) -> None:  # noqa: ANN001
    press_f7(qtbot)
    press_f7(qtbot)
    view = QApplication.focusWidget()
    assert isinstance(view, QAbstractItemView)
    assert view.currentIndex().row() == 1  # "Sarah said he cried on Ward 7"


def test_shift_f7_goes_back(qtbot, risky_editor) -> None:  # noqa: ANN001
    editor = risky_editor
    press_f7(qtbot, SHIFT)  # from nowhere: the last one
    assert editor.phases[editor.current_index].key == "close"
    press_f7(qtbot, SHIFT)
    assert editor.phases[editor.current_index].key == "plan"


def test_f7_in_a_clean_session_says_so(qtbot, editor) -> None:  # noqa: ANN001
    press_f7(qtbot)
    assert count_label(editor).isVisible()
    assert count_label(editor).text() == "No possible identifiers in this session"
