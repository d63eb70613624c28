"""The main window's actions, menus and toolbar, set up on the window once it has painted its frame.

Like a Designer `setupUi`: these functions only create and lay out (`window.act_*`,
`window.toolbar`, `window.theme_actions`); what the actions do lives in main_window.py.
Kept apart so the classes they need are loaded after the first paint, not before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from idc_desktop.ui.icons import icon
from idc_desktop.ui.theme import THEMES

if TYPE_CHECKING:
    from idc_desktop.ui.main_window import MainWindow


def _action(window: MainWindow, text: str, slot, shortcut=None, icon_name: str | None = None, tip: str = "") -> QAction:  # noqa: ANN001
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.setStatusTip(tip or text.replace("&", "").rstrip("…."))
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even when the toolbar is hidden
    return action


def _show_due(window: MainWindow) -> None:
    from idc_desktop.ui.desk.due_controller import show_due  # the page loads on first use

    show_due(window)


def _show_patterns(window: MainWindow) -> None:
    from idc_desktop.ui.desk.patterns_controller import show_patterns  # the page loads on first use

    show_patterns(window)


def _service_report(window: MainWindow) -> None:
    from idc_desktop.ui.desk.report_controller import service_report  # reportlab loads on first use

    service_report(window)


def setup_actions(window: MainWindow) -> None:
    """The window's actions, with their shortcuts and icons, as `window.act_*`."""
    lib = window._library_call
    window.act_new = _action(window, "&New case…", lib("new_case"), QKeySequence.StandardKey.New, "new_case")
    window.act_edit = _action(window, "&Edit case…", lib("edit_case"), QKeySequence("Ctrl+Shift+E"), "edit")
    window.act_close_case = _action(
        window, "&Close case", lib("toggle_closed"), QKeySequence("Ctrl+Shift+W"), "close_case"
    )
    window.act_delete = _action(window, "&Delete case…", lib("delete_case"), QKeySequence.StandardKey.Delete, "delete")
    window.act_find = _action(window, "&Find", window._focus_search, QKeySequence.StandardKey.Find, "search")
    window.act_new_session = _action(
        window, "New &session", window._new_session_for_selected, QKeySequence("Ctrl+Shift+N"), "new_session"
    )
    window.act_new_session.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.library_view.addAction(window.act_new_session)
    window.removeAction(window.act_new_session)
    window.act_undo = window.undo_group.createUndoAction(window, "&Undo")
    window.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.act_undo.setIcon(icon("undo"))
    window.act_redo = window.undo_group.createRedoAction(window, "&Redo")
    window.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
    window.act_redo.setIcon(icon("redo"))
    window.addActions([window.act_undo, window.act_redo])
    window.act_project = _action(
        window, "Start &projecting", window.start_projecting, QKeySequence(Qt.Key.Key_F5), "project"
    )
    # Esc is bound only while projecting: elsewhere it belongs to dialogs and editors.
    window.act_stop_project = _action(window, "&Stop projecting", window.stop_projecting)
    window.act_blank = _action(window, "&Blank the room's screen", window._blank, QKeySequence("Ctrl+B"))
    for action in (window.act_project, window.act_stop_project, window.act_blank):
        action.setEnabled(False)
    window.act_import = _action(window, "&Import cases…", window._import, QKeySequence("Ctrl+I"))
    window.act_quit = _action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    window.act_fullscreen = _action(window, "&Full screen", window._toggle_fullscreen, QKeySequence("F11"))
    window.act_about = _action(window, "&About IDC Desktop", window._about)
    window.act_due = _action(window, "&Due now", lambda: _show_due(window), QKeySequence("Ctrl+D"), tip=(
        "Reviews due and overdue, open actions, actions carried over more than once"))
    window.act_patterns = _action(window, "P&atterns across the log", lambda: _show_patterns(window),
                                  QKeySequence("Ctrl+Shift+P"), tip="Items, combinations, alliance and actions that recur")
    window.act_report = _action(window, "Ser&vice report…", lambda: _service_report(window), tip=(
        "Consultations, cases, attendees, hours, actions and items for a date range, as PDF or CSV"))
    # Delete must not fire while typing in the search box.
    window.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.library_view.table.addAction(window.act_delete)


def setup_menus_and_toolbar(window: MainWindow) -> None:
    """Fill the menus the frame made, and add the library's toolbar."""
    file_menu = window.menus["File"]
    file_menu.addActions([window.act_new, window.act_import, window.act_report])
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    window.menus["Edit"].addActions([window.act_undo, window.act_redo])
    case_menu = window.menus["Case"]
    case_menu.addActions([window.act_new_session, window.act_edit, window.act_close_case])
    case_menu.addSeparator()
    case_menu.addAction(window.act_delete)
    view_menu = window.menus["View"]
    view_menu.addActions([window.act_due, window.act_patterns, window.act_find, window.act_fullscreen])
    view_menu.addSeparator()
    view_menu.addActions([window.act_project, window.act_stop_project, window.act_blank])
    view_menu.addSeparator()
    _theme_menu(window, view_menu.addMenu("&Theme"))
    window.menus["Help"].addAction(window.act_about)

    toolbar = QToolBar("Library", window, objectName="libraryToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    toolbar.addActions([window.act_new, window.act_new_session, window.act_edit, window.act_close_case, window.act_delete])
    window.addToolBar(toolbar)
    window.toolbar = toolbar


def _theme_menu(window: MainWindow, menu: QMenu) -> None:
    group = QActionGroup(window)
    current = window.settings.theme
    window.theme_actions = {}
    for key, label in THEMES.items():
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(key == current)
        action.setObjectName(f"theme_{key}")
        action.triggered.connect(lambda _checked=False, k=key: window.set_theme(k))
        group.addAction(action)
        window.theme_actions[key] = action
