"""Projecting a session: the audience view on another screen, following the editor live, and
the presenter console on the laptop. F5 starts, Esc stops, Ctrl+B (or B on the projector) blanks."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QInputDialog, QWidget

from idc_desktop.ui.settings import AppSettings

from datetime import date

from idc_desktop.domain.audience import audience_content
from idc_desktop.ui.presentation.audience_view import AudienceView
from idc_desktop.ui.presentation.console import PresenterConsole
from idc_desktop.ui.presentation.room_mask import RoomMask
from idc_desktop.ui.presentation.screens import ASK, choose_screen
from idc_desktop.ui.session.editor import SessionEditor



class Projector(QObject):
    stopped = Signal()

    def __init__(self, editor: SessionEditor, settings: AppSettings, host: QWidget) -> None:
        super().__init__(editor)
        self.editor, self.settings, self.host = editor, settings, host
        self.view = AudienceView()
        self.guard = editor.context.guard  # the window's: what the editor's fields flag, the room sees masked
        self.console = PresenterConsole(editor.doc, self.view, guard=self.guard)
        self.screen: QScreen | None = None
        self.shown = RoomMask(self.guard)
        self._stopped = False

        editor.doc.changed.connect(self.refresh)
        self.guard.changed.connect(self.refresh)  # a finding replaced or dismissed: unmask it
        editor.phase_changed.connect(self.refresh)
        editor.timer.ticked.connect(self.view.set_timer)
        self.view.stop_requested.connect(self.stop)
        self.view.next_requested.connect(editor.next_phase)
        self.view.previous_requested.connect(editor.previous_phase)
        self.console.blank_requested.connect(self.view.toggle_blank)
        self.console.stop_requested.connect(self.stop)
        QGuiApplication.instance().screenRemoved.connect(self._screen_removed)

    # --- start and stop -------------------------------------------------------------------
    def start(self) -> bool:
        target = self._pick_screen()
        if target is False:
            return False
        self.refresh()
        # One screen may be mirrored to the projector: then the console's private notes would be
        # on the room's screen too, so they stay hidden until the facilitator asks for them.
        self.console.set_mirroring_possible(target is None)
        if target is None:
            # One screen: an ordinary window the user can drag to a projector (F11 for full screen).
            self.view.resize(960, 540)
            self.view.show()
        else:
            self.screen = target
            self.view.setScreen(target)
            self.view.setGeometry(target.geometry())
            self.view.showFullScreen()
        self.editor.show_console(self.console)
        self.editor.activateWindow()
        return True

    def stop(self) -> None:
        if self._stopped:  # Esc on the view and the console's Stop may both arrive
            return
        self._stopped = True
        self.console.stop()  # before the view goes: its thumbnail must not grab a closed view
        self.guard.changed.disconnect(self.refresh)
        self.view.close()
        self.editor.show_console(None)
        self.stopped.emit()

    def _pick_screen(self):  # noqa: ANN202 - QScreen, None (single screen) or False (cancelled)
        screens = QGuiApplication.screens()
        main = self.host.screen()
        choice = choose_screen(screens, main, self.settings.projector_screen)
        if choice != ASK:
            return choice
        names = [s.name() for s in screens if s is not main]
        name, ok = QInputDialog.getItem(self.host, "Project to which screen?", "Screen:", names, 0, False)
        if not ok:
            return False
        self.settings.projector_screen = name  # remembered per screen name
        return next(s for s in screens if s.name() == name)

    def _screen_removed(self, screen: QScreen) -> None:
        """The projector was unplugged: bring the view back as a window on a screen that exists."""
        if screen is not self.screen or not self.view.isVisible():
            return
        self.screen = None
        self.view.showNormal()
        primary = QGuiApplication.primaryScreen()
        if primary is not None:
            self.view.setScreen(primary)
            area = primary.availableGeometry()
            self.view.setGeometry(area.left() + 40, area.top() + 40, area.width() // 2, area.height() // 2)

    # --- following the editor -------------------------------------------------------------
    def refresh(self, *_: object) -> None:
        editor = self.editor
        index = editor.current_index
        phase = editor.phases[index]
        context = editor.context
        session = editor.doc.session
        rules = tuple(("✓ " if key in session.ground_rules else "• ") + text for key, text in context.ground_rules)
        self.view.set_content(
            audience_content(session, phase, context.case_code, context.specialty, context.label,
                             shown=self.shown, ground_rules=rules, today=date.today())
        )
        following = editor.phases[index + 1].title if index + 1 < len(editor.phases) else None
        self.console.set_phases(phase.title, following)
