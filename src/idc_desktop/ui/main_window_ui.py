"""The main window's own actions (undo, redo, full screen, theme, about, quit) and its menus and
toolbar, filled from the areas' controllers, which own their actions.

Like a Designer `setupUi`: these functions only create and lay out. Kept apart so the classes
they need are loaded after the first paint, not before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from idc_desktop.ui.icons import icon
from idc_desktop.ui.lock.install import fill_file_menu
from idc_desktop.ui.shell.actions import make_action
from idc_desktop.ui.theme import THEMES

if TYPE_CHECKING:
    from idc_desktop.ui.main_window import MainWindow


def setup_shell_actions(window: MainWindow) -> None:
    """The window's own actions: Undo and Redo follow the open session's stack."""
    undo_group = window.ctx.undo_group
    window.act_undo = undo_group.createUndoAction(window, "&Undo")
    window.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    window.act_undo.setIcon(icon("undo"))
    window.act_redo = undo_group.createRedoAction(window, "&Redo")
    window.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
    window.act_redo.setIcon(icon("redo"))
    window.addActions([window.act_undo, window.act_redo])
    window.act_quit = make_action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    window.act_fullscreen = make_action(window, "&Full screen", window.toggle_fullscreen, "F11")
    window.act_about = make_action(window, "&About IDC Desktop", window.about)


def setup_menus_and_toolbar(window: MainWindow) -> None:
    """Fill the menus the frame made, and add the library's toolbar."""
    ctx = window.ctx
    library, projection, exports, backups = ctx.library, ctx.projection, window.exports, window.backups
    file_menu = window.menus["File"]
    file_menu.addActions([library.new_case, library.import_cases, window.desk.report])
    file_menu.addSeparator()
    file_menu.addActions([exports.pdf, exports.csv, exports.json_all])
    file_menu.addSeparator()
    file_menu.addActions([backups.back_up, backups.restore])
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    fill_file_menu(file_menu, window.act_quit, window.lock, window.protection)
    window.menus["Edit"].addActions([window.act_undo, window.act_redo])
    case_menu = window.menus["Case"]
    case_menu.addActions([library.new_session, library.edit, library.close_case])
    case_menu.addSeparator()
    case_menu.addActions([exports.json_case, library.delete])
    view_menu = window.menus["View"]
    view_menu.addActions([window.desk.due, window.desk.patterns, library.find, window.act_fullscreen])
    view_menu.addSeparator()
    view_menu.addActions([projection.project, projection.stop_projecting, projection.blank_screen])
    view_menu.addSeparator()
    _theme_menu(window, view_menu.addMenu("&Theme"))
    window.tools.fill(window.menus["Tools"])
    help_menu = window.menus["Help"]
    help_menu.addActions([window.help.guide, window.help.shortcuts])
    help_menu.addSeparator()
    help_menu.addAction(window.act_about)

    toolbar = QToolBar("Library", window, objectName="libraryToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    toolbar.addActions([library.new_case, library.new_session, library.edit, library.close_case, library.delete])
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
