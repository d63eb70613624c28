"""The anonymisation guard in the editor's fields: underline, explain, replace, dismiss."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from idc_desktop.services import Services
from idc_desktop.ui.privacy.guard import explain
from idc_desktop.ui.session.editor import SessionEditor


def underlined(field: QPlainTextEdit) -> list[str]:
    """The stretches of text the highlighter has underlined, as the user sees them."""
    text = field.toPlainText()
    layout = field.document().firstBlock().layout()
    return [
        text[r.start:r.start + r.length] for r in layout.formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def question(editor: SessionEditor) -> QPlainTextEdit:
    editor.go_to(0)
    return editor.findChild(QPlainTextEdit, "teamQuestion")


def test_a_typed_name_and_nhs_number_are_underlined_and_explained(qtbot, editor: SessionEditor) -> None:  # noqa: ANN001
    field = question(editor)
    field.setFocus()
    qtbot.keyClicks(field, "Why does Mr Smith (NHS 943 476 5919) shout at 14:30?")
    assert underlined(field) == ["Mr Smith", "943 476 5919"]
    [name, nhs] = field.guard.findings()
    assert "Name" in explain(name) and "roles instead" in explain(name)
    assert "NHS number" in explain(nhs) and "[NHS NUMBER]" in explain(nhs)


def test_ctrl_shift_r_replaces_with_a_placeholder_and_ctrl_z_brings_it_back(qtbot, editor: SessionEditor,
                                                                           services: Services) -> None:  # noqa: ANN001
    field = question(editor)
    field.setFocus()
    qtbot.keyClicks(field, "Seen with Mrs Jones")
    qtbot.keyClick(field, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert field.toPlainText() == "Seen with [NAME]"
    assert underlined(field) == []
    assert editor.autosaver.flush()
    assert services.sessions.get(editor.doc.session.id).question == "Seen with [NAME]"
    editor.doc.undo_stack.undo()
    assert "Mrs Jones" in field.toPlainText()


def test_not_an_identifier_is_remembered_in_the_log(qtbot, editor: SessionEditor, services: Services) -> None:  # noqa: ANN001
    editor.context.guard.use_log(services.privacy)
    field = question(editor)
    field.setPlainText("The ward on Dr Foster Street")
    assert underlined(field) == ["Dr Foster Street"]
    menu = field.guard.context_menu(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), QPoint(2, 2)))
    names = [a.objectName() for a in menu.actions()]
    assert names[:2] == ["replaceFinding", "dismissFinding"]
    menu.actions()[1].trigger()
    assert underlined(field) == []
    assert "Dr Foster Street" in services.privacy.config().ignored  # a new editor will not flag it either


def test_one_line_fields_say_what_they_found(qtbot, editor: SessionEditor) -> None:  # noqa: ANN001
    editor.go_to(3)  # perspective A
    line = editor.findChild(QLineEdit, "contributionInput")
    line.setFocus()
    qtbot.keyClicks(line, "call him on 07700 900123")
    assert "Phone number" in line.toolTip()
    assert line.text() == "call him on 07700 900123" and line.cursorPosition() == len(line.text())
    qtbot.keyClick(line, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert line.text() == "call him on [PHONE]" and line.toolTip() == ""


def test_watch_list_names_are_flagged_as_soon_as_added(qtbot, editor: SessionEditor, services: Services) -> None:  # noqa: ANN001
    field = question(editor)
    field.setPlainText("He was moved to Larkspur last week")
    assert underlined(field) == []
    services.privacy.watch("Larkspur")
    editor.context.guard.use_log(services.privacy)
    assert underlined(field) == ["Larkspur"]


def keyboard_menu(field: QPlainTextEdit):  # noqa: ANN201
    return field.guard.context_menu(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), QPoint(2, 2)))


def test_always_flag_a_selected_word_the_guard_missed(qtbot, editor: SessionEditor, services: Services) -> None:  # noqa: ANN001
    editor.context.guard.use_log(services.privacy)
    field = question(editor)
    field.setPlainText("He was moved to Larkspur last week")
    assert underlined(field) == []
    cursor = field.textCursor()
    cursor.setPosition(16)
    cursor.setPosition(24, cursor.MoveMode.KeepAnchor)
    field.setTextCursor(cursor)
    menu = keyboard_menu(field)
    [watch] = [a for a in menu.actions() if a.objectName() == "watchFinding"]
    assert "Larkspur" in watch.text()
    watch.trigger()
    assert underlined(field) == ["Larkspur"]
    assert services.privacy.watch_list() == ["Larkspur"]  # kept in the log, for every field and export
    assert [f.kind for f in editor.context.guard.findings("larkspur again")] == ["watch_list"]


def test_always_flag_takes_back_a_not_an_identifier(qtbot, editor: SessionEditor, services: Services) -> None:  # noqa: ANN001
    editor.context.guard.use_log(services.privacy)
    field = question(editor)
    field.setPlainText("The ward on Dr Foster Street")
    [_, dismiss, watch] = [a for a in keyboard_menu(field).actions()
                           if a.objectName() in ("replaceFinding", "dismissFinding", "watchFinding")]
    dismiss.trigger()
    assert underlined(field) == [] and services.privacy.dismissed() == ["Dr Foster Street"]
    # Selected again, the same words are now always flagged: the dismissal is taken back.
    cursor = field.textCursor()
    cursor.setPosition(12)
    cursor.setPosition(28, cursor.MoveMode.KeepAnchor)
    field.setTextCursor(cursor)
    [watch] = [a for a in keyboard_menu(field).actions() if a.objectName() == "watchFinding"]
    watch.trigger()
    assert services.privacy.dismissed() == []
    assert underlined(field) == ["Dr Foster Street"]
    assert services.privacy.watch_list() == ["Dr Foster Street"]


def test_not_an_identifier_on_a_watched_name_takes_it_off_the_watch_list(qtbot, editor: SessionEditor,
                                                                        services: Services) -> None:  # noqa: ANN001
    services.privacy.watch("Larkspur")
    editor.context.guard.use_log(services.privacy)
    field = question(editor)
    field.setPlainText("Moved to Larkspur")
    names = [a.objectName() for a in keyboard_menu(field).actions()]
    assert "watchFinding" not in names  # already always flagged
    [dismiss] = [a for a in keyboard_menu(field).actions() if a.objectName() == "dismissFinding"]
    dismiss.trigger()
    assert services.privacy.watch_list() == [] and underlined(field) == []


def test_a_selected_sentence_is_not_offered_for_the_watch_list(qtbot, editor: SessionEditor,
                                                              services: Services) -> None:  # noqa: ANN001
    editor.context.guard.use_log(services.privacy)
    field = question(editor)
    field.setPlainText("one\ntwo")
    field.selectAll()
    assert "watchFinding" not in [a.objectName() for a in keyboard_menu(field).actions()]
