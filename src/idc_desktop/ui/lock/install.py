"""The lock's and the passphrase's place in the window: one call from the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idc_desktop.ui.lock.lock_controller import LockController

if TYPE_CHECKING:
    from idc_desktop.ui.main_window import MainWindow


def install_lock(window: MainWindow) -> LockController:
    """File › Lock now (Ctrl+Shift+L), Lock after ▸, and the passphrase actions, before Quit."""
    from idc_desktop.ui.lock.protection_controller import ProtectionController

    lock = LockController(window)
    window.protection = ProtectionController(window)
    file_menu = window.menus["File"]
    file_menu.insertActions(window.act_quit, [lock.action, *window.protection.actions])
    idle = file_menu.addMenu("Lock &after")
    idle.setObjectName("lockAfterMenu")
    file_menu.insertMenu(window.act_quit, idle)
    lock.idle_menu(idle)
    file_menu.insertSeparator(window.act_quit)
    return lock
