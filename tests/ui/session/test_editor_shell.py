"""The editor's frame: phases from data, PageDown/PageUp, autosave within a second, one undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPlainTextEdit

from idc_desktop.services import Services, shipped
from idc_desktop.ui.session.editor import SessionEditor


def phase_keys() -> list[str]:
    return [p.key for p in shipped.phases()]


def go_to_phase(editor: SessionEditor, key: str) -> None:
    editor.go_to(phase_keys().index(key))


def test_navigator_lists_the_phases_from_data(editor: SessionEditor) -> None:
    navigator = editor.findChild(QListWidget, "phaseNavigator")
    assert navigator.count() == len(shipped.phases())
    for index, phase in enumerate(shipped.phases()):
        assert phase.short_title in navigator.item(index).text()
    assert editor.current_index == 0


def test_page_down_and_up_move_between_phases(qtbot, editor: SessionEditor) -> None:  # noqa: ANN001
    go_to_phase(editor, "presentation")
    qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_PageDown)
    assert editor.phases[editor.current_index].key == "clarifying"
    qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_PageUp)
    qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_PageUp)
    assert editor.phases[editor.current_index].key == "frame"
    qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_PageUp)  # stays at the first phase
    assert editor.current_index == 0


def test_typing_is_saved_within_a_second(qtbot, editor: SessionEditor, services: Services, session_id: int) -> None:  # noqa: ANN001
    go_to_phase(editor, "presentation")
    text = editor.findChild(QPlainTextEdit, "presentationText")
    assert QApplication.focusWidget() is text
    qtbot.keyClicks(text, "Misses dialysis twice a month")
    qtbot.waitUntil(lambda: services.sessions.get(session_id).presentation == "Misses dialysis twice a month", timeout=1000)
    assert editor.save_state.text() == "All changes saved"
    navigator = editor.findChild(QListWidget, "phaseNavigator")
    assert navigator.item(phase_keys().index("presentation")).text().startswith("✓")


def test_reopening_returns_to_the_phase_left(qtbot, editor: SessionEditor, services: Services, session_id: int) -> None:  # noqa: ANN001
    from idc_desktop.ui.session.opening import open_editor

    go_to_phase(editor, "clarifying")
    assert editor.finish()
    again = open_editor(services, session_id)
    qtbot.addWidget(again)
    assert again.phases[again.current_index].key == "clarifying"


def test_undo_and_redo_cover_typing(qtbot, editor: SessionEditor) -> None:  # noqa: ANN001
    go_to_phase(editor, "clarifying")
    text = editor.findChild(QPlainTextEdit, "clarifyingText")
    qtbot.keyClicks(text, "Q: does he live alone?")
    stack = editor.doc.undo_stack
    assert stack.canUndo()
    stack.undo()
    assert text.toPlainText() == "" and editor.doc.session.clarifying == ""
    stack.redo()
    assert text.toPlainText() == "Q: does he live alone?"


def test_private_reflection_is_marked_private(editor: SessionEditor) -> None:
    go_to_phase(editor, "close")
    banner = editor.current_page().findChild(QLabel, "privateBanner")
    assert banner is not None and banner.isVisible() and "PRIVATE" in banner.text()


def test_pasted_rich_text_is_stored_plain(qtbot, editor: SessionEditor, services: Services, session_id: int) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData

    go_to_phase(editor, "presentation")
    text = editor.findChild(QPlainTextEdit, "presentationText")
    mime = QMimeData()
    mime.setHtml("<b>Bold</b> and <i>مرحبا</i> 🙂")
    mime.setText("Bold and مرحبا 🙂")
    text.insertFromMimeData(mime)
    assert editor.finish()
    assert services.sessions.get(session_id).presentation == "Bold and مرحبا 🙂"


def test_too_long_text_is_named_inline_and_kept_on_screen(editor: SessionEditor) -> None:
    from idc_desktop.domain.validation import MAX_LONG_TEXT

    go_to_phase(editor, "presentation")
    text = editor.findChild(QPlainTextEdit, "presentationText")
    text.setPlainText("x" * (MAX_LONG_TEXT + 5))
    page = editor.current_page()
    problems = page.findChildren(QLabel, "fieldProblem")
    assert any(p.isVisible() and "too long" in p.text() for p in problems)
    assert len(text.toPlainText()) == MAX_LONG_TEXT + 5  # nothing typed is thrown away
