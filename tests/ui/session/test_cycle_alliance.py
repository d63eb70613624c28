"""The working alliance on the cycle page: ratings by keyboard and only ever 1-5 (or not rated),
notes stored in the document with typing merged, and undo followed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from idc_desktop.domain import AllianceDimension, AllianceRating, Consultation
from idc_desktop.ui.session.alliance_editor import AllianceEditor
from idc_desktop.ui.session.document import SessionDocument

GOALS, TASKS, BOND = AllianceDimension.GOALS, AllianceDimension.TASKS, AllianceDimension.BOND


@pytest.fixture
def doc() -> SessionDocument:
    return SessionDocument(Consultation(held_on=date(2026, 3, 4)))


@pytest.fixture
def host(qtbot, doc: SessionDocument) -> QWidget:  # noqa: ANN001
    """The editor under a window holding Undo/Redo actions, as the main window does."""
    window = QWidget()
    undo = doc.undo_stack.createUndoAction(window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = doc.undo_stack.createRedoAction(window)
    redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
    window.addActions([undo, redo])
    window.editor = AllianceEditor(doc, window)
    qtbot.addWidget(window)
    window.resize(700, 200)
    with qtbot.waitExposed(window):  # (called bare, waitExposed does not wait)
        window.show()
    return window


@pytest.fixture
def editor(host: QWidget) -> AllianceEditor:
    return host.editor


def stored(doc: SessionDocument, dimension: AllianceDimension) -> AllianceRating:
    return doc.session.alliance[dimension]


def test_rating_by_keyboard(qtbot, editor: AllianceEditor, doc: SessionDocument) -> None:  # noqa: ANN001
    editor.focus_first()
    spin = editor.ratings[GOALS]
    assert QApplication.focusWidget() is spin and spin.text() == "not rated"
    qtbot.keyClicks(spin, "4")
    assert stored(doc, GOALS) == AllianceRating(4, "")
    assert editor.words[GOALS].text() == "good"
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert stored(doc, GOALS).rating == 5
    qtbot.keyClick(spin, Qt.Key.Key_Tab)  # on to the goals notes, then the tasks rating
    assert QApplication.focusWidget() is editor.notes[GOALS]
    qtbot.keyClick(editor.notes[GOALS], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.ratings[TASKS]


def test_ratings_cannot_leave_one_to_five(qtbot, editor: AllianceEditor, doc: SessionDocument) -> None:  # noqa: ANN001
    spin = editor.ratings[BOND]
    spin.setFocus()
    for _ in range(8):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == 5 and stored(doc, BOND).rating == 5
    for text in ("6", "7", "9", "-", "x", " "):
        qtbot.keyClicks(spin, text)
        assert stored(doc, BOND).rating == 5 and spin.text() == "5"
    qtbot.keyClicks(spin, "2")
    assert stored(doc, BOND).rating == 2
    for _ in range(5):
        qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert stored(doc, BOND).rating is None  # below 1 is "not rated", never 0
    assert spin.text() == "not rated"
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    assert stored(doc, BOND).rating is None
    with pytest.raises(ValueError):
        editor.set_rating(BOND, 6)
    with pytest.raises(ValueError):
        editor.set_rating(BOND, 0)
    assert all(r.rating is None or 1 <= r.rating <= 5 for r in doc.session.alliance.values())


def test_notes_are_stored_and_typing_is_one_undo_step(qtbot, editor: AllianceEditor, doc: SessionDocument) -> None:  # noqa: ANN001
    editor.set_rating(TASKS, 2)
    notes = editor.notes[TASKS]
    notes.setFocus()
    qtbot.keyClicks(notes, "We set tasks without asking him")
    assert stored(doc, TASKS) == AllianceRating(2, "We set tasks without asking him")
    doc.undo_stack.undo()
    assert stored(doc, TASKS) == AllianceRating(2, "") and notes.text() == ""
    doc.undo_stack.undo()
    assert stored(doc, TASKS) == AllianceRating(None, "") and editor.rating(TASKS) is None
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert notes.text() == "We set tasks without asking him" and editor.ratings[TASKS].value() == 2


def test_ctrl_z_in_a_rating_or_note_undoes_in_the_document(qtbot, editor: AllianceEditor, doc: SessionDocument) -> None:  # noqa: ANN001
    spin = editor.ratings[GOALS]
    spin.setFocus()
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(doc, GOALS).rating is None and spin.text() == "not rated"
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(doc, GOALS).rating == 3

    notes = editor.notes[BOND]
    notes.setFocus()
    qtbot.keyClicks(notes, "Warm with nights")
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(doc, BOND).notes == "" and notes.text() == ""


def test_shows_what_the_document_holds(qtbot, doc: SessionDocument) -> None:  # noqa: ANN001
    doc.session.alliance[BOND] = AllianceRating(1, "He trusts no one here")
    doc.session.alliance[TASKS] = AllianceRating(9, "")  # bad data shows as not rated, and is left alone
    editor = AllianceEditor(doc)
    qtbot.addWidget(editor)
    assert editor.rating(BOND) == 1 and editor.words[BOND].text() == "none"
    assert editor.notes[BOND].text() == "He trusts no one here"
    assert editor.rating(TASKS) is None and doc.session.alliance[TASKS].rating == 9
    assert not doc.undo_stack.canUndo()
    doc.edit("alliance.goals", AllianceRating(4, "Agree on dialysis"), "Set")
    assert editor.rating(GOALS) == 4 and editor.notes[GOALS].text() == "Agree on dialysis"


def test_rating_and_notes_edit_separate_undo_steps(qtbot, editor: AllianceEditor, doc: SessionDocument) -> None:  # noqa: ANN001
    notes = editor.notes[GOALS]
    notes.setFocus()
    qtbot.keyClicks(notes, "Dialysis")
    editor.set_rating(GOALS, 3)
    qtbot.keyClicks(notes, " matters")
    assert stored(doc, GOALS) == AllianceRating(3, "Dialysis matters")
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert stored(doc, GOALS) == AllianceRating(3, "Dialysis")


def test_page_down_still_reaches_the_editor_from_a_rating(qtbot, host: QWidget, editor: AllianceEditor) -> None:  # noqa: ANN001
    """Presentation clickers send PageDown/PageUp: a rating must not swallow them."""
    fired: list[str] = []
    for key in ("PgDown", "PgUp"):
        action = QAction(key, host)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False, k=key: fired.append(k))
        host.addAction(action)
    spin = editor.ratings[TASKS]
    spin.setFocus()
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_PageDown)
    qtbot.keyClick(spin, Qt.Key.Key_PageUp)
    assert fired == ["PgDown", "PgUp"] and spin.value() == 3
