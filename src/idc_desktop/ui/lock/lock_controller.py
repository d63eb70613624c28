"""The idle lock: after some minutes without input (File › Lock after, default 10, or never) and
on demand (File › Lock now, Ctrl+Shift+L), every window of the app is covered, the room's view
goes black, and only the unlock panel takes input.

Locking saves first (the editor's autosave is flushed) and closes nothing: the editor, its undo
history and whatever is half-typed stay as they were behind the cover, so nothing is lost.
Unlocking needs the log's passphrase when it is protected, else a deliberate press of Unlock.
One application event filter notes the time of the last input (a number, no timer restarted
per event) and, while locked, drops every key, click and shortcut not meant for the panel.
"""

from __future__ import annotations

import hmac
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from idc_desktop.ui.lock.lock_view import LockCover, UnlockDialog
from idc_desktop.ui.settings import LOCK_CHOICES

if TYPE_CHECKING:
    from idc_desktop.ui.shell.context import ShellContext

LOCK_KEY = "Ctrl+Shift+L"  # Ctrl+L is the editor's "Go to the phase list"
CHECK_MS = 5000  # how often idleness is looked at: one comparison, never a pause
_T = QEvent.Type
_INPUT = frozenset({_T.KeyPress, _T.MouseButtonPress, _T.MouseMove, _T.Wheel, _T.TouchBegin})
_BLOCKED = frozenset({_T.KeyPress, _T.KeyRelease, _T.ShortcutOverride, _T.Shortcut, _T.MouseButtonPress,
                      _T.MouseButtonRelease, _T.MouseButtonDblClick, _T.Wheel, _T.ContextMenu})


class LockController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        window = self.window = ctx.host  # the window covered first, and the unlock dialog's parent
        self.locked = False
        self.last_input = time.monotonic()
        self.dialog: UnlockDialog | None = None
        self._covers: list[LockCover] = []
        self._room_was_blank = False
        self.action = QAction("&Lock now", window)
        self.action.setShortcut(QKeySequence(LOCK_KEY))
        self.action.setStatusTip("Hide every case behind the lock screen until unlocked")
        self.action.triggered.connect(self.lock)
        window.addAction(self.action)
        self._timer = QTimer(self, interval=CHECK_MS, timeout=self.check_idle)
        self._timer.start()
        QApplication.instance().installEventFilter(self)
        ctx.closed.connect(self.stop)

    def stop(self) -> None:
        """The window closed: stop watching the whole application's input for it (a closed
        window is not deleted at once, and its filter would go on seeing every event)."""
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)

    def idle_menu(self, menu) -> None:  # noqa: ANN001 - a QMenu
        """File › Lock after: the minutes without input, or never."""
        group = QActionGroup(self)
        for minutes in LOCK_CHOICES:
            action = menu.addAction("Never" if minutes == 0 else f"{minutes} minutes")
            action.setCheckable(True)
            action.setChecked(minutes == self.ctx.settings.lock_minutes)
            action.setObjectName(f"lockAfter{minutes}")
            action.triggered.connect(lambda _checked=False, m=minutes: setattr(self.ctx.settings, "lock_minutes", m))
            group.addAction(action)

    # --- when ----------------------------------------------------------------------------
    def check_idle(self, now: float | None = None) -> None:
        minutes = self.ctx.settings.lock_minutes
        if minutes and not self.locked and (now or time.monotonic()) - self.last_input >= minutes * 60:
            self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in _INPUT:
            self.last_input = time.monotonic()
        if self.locked and kind in _BLOCKED and not self._for_panel(watched):
            return True
        return False

    def _for_panel(self, watched: QObject) -> bool:
        dialog = self.dialog
        if dialog is None:
            return False
        if isinstance(watched, QWindow):  # a real platform delivers keys to the panel's window first
            return watched is dialog.windowHandle()
        return isinstance(watched, QWidget) and (watched is dialog or dialog.isAncestorOf(watched))

    # --- lock and unlock -------------------------------------------------------------------
    @property
    def protected(self) -> bool:
        services = self.ctx.services
        return services is not None and services.store.key is not None

    def lock(self) -> None:
        if self.locked:
            return
        w, editor = self.window, self.ctx.sessions.editor
        if editor is not None:
            editor.finish()  # saved first; if it cannot be, the edits stay in memory behind the cover
        projector = self.ctx.projection.projector
        room = projector.view if projector is not None else None
        if room is not None:
            self._room_was_blank = room.blank
            if not room.blank:
                room.toggle_blank()
        self.locked = True
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top is not room:
                self._covers.append(LockCover(top))
        self.dialog = UnlockDialog(w, self.protected)
        self.dialog.unlock_requested.connect(self._try_unlock)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _try_unlock(self, typed: str) -> None:
        if self.protected:
            key = self.ctx.services.store.key.reveal()
            if not hmac.compare_digest(typed.encode("utf-8"), key.encode("utf-8")):
                self.dialog.say_wrong()
                return
        self.unlock()

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
        projector = self.ctx.projection.projector
        if projector is not None and projector.view.blank and not self._room_was_blank:
            projector.view.toggle_blank()
        self.last_input = time.monotonic()
        self.window.activateWindow()
