"""The Tools menu: the lead's pick lists (item catalogue, disciplines). One hook installs it on
the main window; each dialog lives in ui/dialogs/."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


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


def install_tools(window: QMainWindow) -> None:
    from idc_desktop.ui.dialogs.catalogue_dialog import install_catalogue_action
    from idc_desktop.ui.dialogs.disciplines_dialog import install_disciplines_action

    window.act_catalogue = install_catalogue_action(window)  # type: ignore[attr-defined]
    window.act_disciplines = install_disciplines_action(window)  # type: ignore[attr-defined]
    from idc_desktop.ui.privacy.privacy_tools import install_privacy_actions

    window.act_watch_list, window.act_audit = install_privacy_actions(window)  # type: ignore[attr-defined]
