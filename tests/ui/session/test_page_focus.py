"""Tab goes field to field on every phase page: the page's scroll area never takes the focus
(it follows the focus instead)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from idc_desktop.ui.session.editor import SessionEditor


def test_tab_never_stops_on_a_page_scroll_area(qtbot, editor: SessionEditor) -> None:  # noqa: ANN001
    editor.window().activateWindow()
    qtbot.waitUntil(editor.window().isActiveWindow)
    for index in range(len(editor.phases)):
        editor.go_to(index)
        page = editor.current_page()
        assert page.scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
        for _ in range(25):
            qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is not page.scroll, page.phase.key
