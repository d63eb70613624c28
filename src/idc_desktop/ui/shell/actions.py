"""One way to make a window action, for every area's controller."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(host: QWidget, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None, *,
                icon_name: str | None = None, tip: str = "", name: str = "", enabled: bool = True) -> QAction:
    """An action on the host window, so its key works with the menu closed and the toolbar hidden.

    The slot is called with no arguments (not with `triggered`'s checked flag)."""
    action = QAction(text, host)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
    if icon_name:
        from idc_desktop.ui.icons import icon  # QIcon and the SVG plugin load after the first paint

        action.setIcon(icon(icon_name))
    if name:
        action.setObjectName(name)
    action.setStatusTip(tip or text.replace("&", "").rstrip("…."))
    action.triggered.connect(lambda _checked=False: slot())
    action.setEnabled(enabled)
    host.addAction(action)
    return action
