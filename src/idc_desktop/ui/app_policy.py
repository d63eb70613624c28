"""App-wide rules every window and dialog follows, installed once as an event filter on the app.

* A text field claims some Ctrl+ keys for itself before any shortcut sees them (a one-line
  field on X11 takes Ctrl+E for "end of line", so Ctrl+E never reached Export PDF from the
  search box or the contribution input). Fields here keep only the editing keys a user
  expects of them (copy, cut, paste, select all); every other Ctrl+ key that a shortcut of the
  window uses is given back to the window.
* Item views (tables, lists, trees) never trap Tab: it moves to the next control, as in
  every other part of the app; arrow keys move inside the view.
* A control that takes the focus is scrolled into view, however it got it (Alt+letter
  reaches fields of a long page that are out of sight).
* A dialog never opens larger than its screen (1280x720, a laptop at 150 %): it is shrunk
  and moved so that its buttons can be reached.
* A closed dialog gives the keyboard back to the window that opened it. Without a window
  manager that does so (seen under a bare X server, and with some focus-stealing rules), the
  facilitator's next key after closing Export PDF went nowhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from idc_desktop.ui.window_state import fit_on_screen

_FIELDS = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_FIELD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
)


def _window_keys(widget: QObject) -> set[str]:
    """The Ctrl+ shortcuts of the window holding `widget`, as portable text ("Ctrl+E")."""
    window = widget.window() if hasattr(widget, "window") else None
    if window is None:
        return set()
    keys: set[str] = set()
    for action in window.findChildren(QAction):
        if action.isEnabled():
            keys.update(k.toString() for k in action.shortcuts())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and shortcut.parent() is not widget:
            keys.add(shortcut.key().toString())
    return {k for k in keys if k.startswith("Ctrl+")}


def gives_back(event: QKeyEvent, widget: QObject) -> bool:
    """Whether a field should let the window have this key press."""
    if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return False
    if any(event.matches(k) for k in _FIELD_KEYS):
        return False
    pressed = QKeySequence(event.keyCombination()).toString()
    return pressed in _window_keys(widget)


class AppPolicy(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(watched, _FIELDS) and isinstance(event, QKeyEvent):
            if gives_back(event, watched):
                event.ignore()
                return True  # not overridden: the window's shortcut runs
        elif kind == QEvent.Type.Polish and isinstance(watched, QAbstractItemView):
            watched.setTabKeyNavigation(False)
        elif kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            scroll_into_view(watched)
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit_on_screen(watched)
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow():
            give_keyboard_back(watched)
        return False


def give_keyboard_back(dialog: QDialog) -> None:
    """Once `dialog` has gone, the window under it is active again, unless another one already is."""
    opener = dialog.parentWidget().window() if dialog.parentWidget() is not None else None
    if opener is None:
        return

    def reactivate() -> None:
        active = QApplication.activeWindow()
        if opener.isVisible() and (active is None or active is dialog) and not QApplication.activeModalWidget():
            opener.activateWindow()

    QTimer.singleShot(0, opener, reactivate)


def scroll_into_view(widget: QWidget) -> None:
    """However the focus came (Tab, Alt+letter, a click), the focused control is scrolled into view."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QScrollArea):
            inner = ancestor.widget()
            if inner is not None and inner.isAncestorOf(widget):
                ancestor.ensureWidgetVisible(widget, 16, 16)
            return
        ancestor = ancestor.parentWidget()


def install_app_policy(app: QApplication) -> None:
    """Once per application (the policy is an event filter on all of it)."""
    if app.property("idcAppPolicy"):
        return
    policy = AppPolicy(app)
    app.installEventFilter(policy)
    app.setProperty("idcAppPolicy", True)
