"""The lock's and the passphrase's place in the File menu, before Quit."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from idc_desktop.ui.lock.lock_controller import LockController
from idc_desktop.ui.lock.protection_controller import ProtectionController


def fill_file_menu(menu: QMenu, before: QAction, lock: LockController, protection: ProtectionController) -> None:
    """File › Lock now (Ctrl+Shift+L), Lock after ▸, and the passphrase actions."""
    menu.insertActions(before, [lock.action, *protection.actions])
    idle = QMenu("Lock &after", menu)
    idle.setObjectName("lockAfterMenu")
    menu.insertMenu(before, idle)
    lock.idle_menu(idle)
    menu.insertSeparator(before)
    menu.aboutToShow.connect(protection.update)
