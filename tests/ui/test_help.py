"""Help inside the app (issue 18, item 7): F1 opens the guide, at the phase's own page in a
session; Help › Keyboard shortcuts is generated from the actions; an empty log welcomes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QTextBrowser

from idc_desktop.services import Services
from idc_desktop.ui.help.shortcuts import shortcut_rows
from idc_desktop.ui.help.topics import help_dir, topics
from idc_desktop.services import shipped
from idc_desktop.ui.main_window import MainWindow


def guide_text(window: MainWindow) -> str:
    return window.help.dialog.findChild(QTextBrowser, "helpPage").toPlainText()


def test_every_shipped_phase_has_a_page_of_its_own() -> None:
    keys = [t.key for t in topics(shipped.phases())]
    for phase in shipped.phases():
        assert (help_dir() / f"{phase.key}.md").is_file(), phase.key
        assert phase.key in keys


def test_f1_in_the_library_opens_the_guide(qtbot, demo_window: MainWindow) -> None:  # noqa: ANN001
    qtbot.keyClick(demo_window, Qt.Key.Key_F1)
    dialog = demo_window.help.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert "four perspectives" in guide_text(demo_window).lower()


def test_f1_in_a_phase_opens_that_phase_page_and_down_turns_the_page(qtbot, demo_window: MainWindow,
                                                                     demo_services: Services) -> None:  # noqa: ANN001
    [first, *_] = demo_services.cases.list()
    session = demo_services.sessions.for_case(first.id)[0]
    demo_window.ctx.sessions.open(session.id)
    editor = demo_window.editor
    keys = [p.key for p in editor.phases]
    editor.go_to(keys.index("perspective_d"))
    qtbot.keyClick(editor.current_page(), Qt.Key.Key_F1)
    text = guide_text(demo_window)
    assert text.startswith("D · How others experience themselves")
    assert "Naming a split" in text
    contents = demo_window.help.dialog.findChild(QListWidget, "helpContents")
    qtbot.keyClick(contents, Qt.Key.Key_Down)
    assert guide_text(demo_window).startswith("Cycle and formulation")


def test_keyboard_shortcuts_are_listed_from_the_actions(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    rows = shortcut_rows(window)
    listed = {(r.what, r.keys) for r in rows}
    # Every menu action with a key is there, with its key as the menu shows it.
    for action in window.findChildren(QAction):
        if action.shortcuts() and any(action in m.actions() for m in window.menuBar().findChildren(type(window.menus["File"]))):
            text = action.text().replace("&", "").rstrip("…").strip()
            assert any(what == text for what, _ in listed), text
    native = QKeySequence("Ctrl+E").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Export PDF", native) in listed
    assert ("Next possible identifier", "F7") in listed  # the editor's, though no session is open
    assert any(r.area == "The room's view" and r.what == "Stop projecting" for r in rows)
    for r in rows:  # Redo has Ctrl+Shift+Z twice (by name and as the standard key): listed once
        parts = r.keys.split(" or ")
        assert len(parts) == len(set(parts)), r
    # A changed key shows at once: the list is read from the action, not kept by hand.
    window.exports.pdf.setShortcut(QKeySequence("Ctrl+Alt+P"))
    assert ("Export PDF", QKeySequence("Ctrl+Alt+P").toString(QKeySequence.SequenceFormat.NativeText)) in {
        (r.what, r.keys) for r in shortcut_rows(window)}


def test_help_menu_opens_the_shortcuts_page(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.help.shortcuts.trigger()
    text = guide_text(window)
    assert text.startswith("Keyboard shortcuts") and "Session editor" in text and "F5" in text


def test_an_empty_log_welcomes_a_newcomer(window: MainWindow, services: Services) -> None:
    hint = window.library_view.empty_hint
    assert hint.isVisible()
    text = hint.text()
    assert "Welcome" in text and "Ctrl+N" in text and "--demo" in text and "Ctrl+I" in text
    assert str(services.store.path.parent) in text  # where the data lives
