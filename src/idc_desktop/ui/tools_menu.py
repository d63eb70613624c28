"""The Tools menu: the lead's pick lists (item catalogue, disciplines). One hook installs it on
the main window; each dialog lives in ui/dialogs/."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu


def tools_menu(window: QMainWindow) -> QMenu:
    """The window's Tools menu, made (before Help) the first time it is asked for.

    Alt+O opens it: Alt+T belongs to "Support for s&taff" on the plan page.
    """
    bar = window.menuBar()
    for action in bar.actions():
        if action.menu() is not None and action.text().replace("&", "") == "Tools":
            return action.menu()
    menu = QMenu("T&ools", window)
    menu.setObjectName("toolsMenu")
    help_action = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu


def _run_dialog(window: QMainWindow, dialog: QDialog) -> QDialog:
    dialog.exec()
    dialog.deleteLater()
    return dialog


def _catalogue(window: QMainWindow) -> None:
    from idc_desktop.ui.dialogs.catalogue_dialog import CatalogueDialog

    catalogue = window.services.catalogue
    dialog = _run_dialog(window, CatalogueDialog(catalogue, window))
    if dialog.changed and window.editor is not None:  # an open session relabels its items
        window.editor.reload_catalogue(catalogue.items(include_hidden=True))


def _disciplines(window: QMainWindow) -> None:
    from idc_desktop.ui.dialogs.disciplines_dialog import DisciplinesDialog

    _run_dialog(window, DisciplinesDialog(window.services.vocabulary, window))


def _watch_list(window: QMainWindow) -> None:
    from idc_desktop.ui.privacy.privacy_tools import edit_watch_list

    edit_watch_list(window)


def _audit(window: QMainWindow) -> None:
    from idc_desktop.ui.privacy.privacy_tools import show_audit

    show_audit(window)


def _tool(window: QMainWindow, text: str, name: str, tip: str, run: Callable[[QMainWindow], None],
          shortcut: str | None = None) -> QAction:
    """One Tools action; its dialog module loads when first used, not at start-up."""
    action = QAction(text, window)
    action.setObjectName(name)
    action.setStatusTip(tip)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        window.addAction(action)  # the shortcut works with the menu closed

    def triggered() -> None:
        if getattr(window, "services", None) is not None:
            run(window)

    action.triggered.connect(triggered)
    tools_menu(window).addAction(action)
    return action


def install_tools(window: QMainWindow) -> None:
    w = window
    w.act_catalogue = _tool(w, "&Catalogue…", "openCatalogue",  # type: ignore[attr-defined]
                            "Add, rename, hide or show the items perspectives are described with",
                            _catalogue, "Ctrl+Shift+K")
    w.act_disciplines = _tool(w, "&Disciplines…", "openDisciplines",  # type: ignore[attr-defined]
                              "The roles offered wherever a session records one", _disciplines)
    tools_menu(w).addSeparator()
    w.act_watch_list = _tool(w, "&Watch list…", "openWatchList",  # type: ignore[attr-defined]
                             "Local names the anonymisation guard always flags", _watch_list)
    w.act_audit = _tool(w, "Privacy &audit…", "openPrivacyAudit",  # type: ignore[attr-defined]
                        "Every possible identifier across the whole log", _audit, "Ctrl+Shift+A")
