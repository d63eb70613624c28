"""The presenter console on the laptop: what is on now and next, private notes, and a thumbnail
of exactly what the room sees."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.ui.presentation.audience_view import AudienceView
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.text_fields import PlainTextEdit, TextBinding

THUMBNAIL_WIDTH = 300
SMALL_THUMBNAIL_WIDTH = 220
SMALL_SCREEN_WIDTH = 1600
THUMBNAIL_EVERY_MS = 300


class PresenterConsole(QFrame):
    blank_requested = Signal()
    stop_requested = Signal()

    def __init__(self, doc: SessionDocument, audience: AudienceView, parent: QWidget | None = None, *,
                 guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterConsole")
        self.setAccessibleName("Presenter console")
        # Narrower on a small laptop screen, so the editor beside it keeps room to type.
        screen = self.screen()
        small = screen is not None and screen.availableGeometry().width() < SMALL_SCREEN_WIDTH
        self.thumbnail_width = SMALL_THUMBNAIL_WIDTH if small else THUMBNAIL_WIDTH
        self.setFixedWidth(self.thumbnail_width + 24)
        self.audience = audience
        self.now_label = QLabel(objectName="consoleNow")
        self.now_label.setWordWrap(True)
        self.next_label = QLabel(objectName="consoleNext")
        self.next_label.setWordWrap(True)
        self.thumbnail = QLabel(objectName="consoleThumbnail")
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setAccessibleName("What the room sees")
        self.thumbnail.setFixedSize(self.thumbnail_width, self.thumbnail_width * 9 // 16)
        self.thumbnail.setStyleSheet("border: 1px solid palette(mid);")

        # A problem inside the app, told here rather than in a box over the room's view.
        self.problem = QLabel(objectName="consoleProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        # Words, not a padlock emoji: not every system font has one.
        self.private_heading = QLabel("<b>PRIVATE</b> notes, only on this screen")
        self.notes = PlainTextEdit(objectName="consolePrivateNotes", guard=guard)
        self.notes.setAccessibleName("Private notes")
        TextBinding(self.notes, doc, "facilitator_reflection", "The private notes")
        self.notes_hidden = QLabel(
            "Private notes are hidden: with one screen, a projector may be mirroring this one, "
            "and the room would read them.", objectName="consoleNotesHidden")
        self.notes_hidden.setWordWrap(True)
        self.show_notes = QPushButton("Show private notes", objectName="consoleShowNotes")
        self.show_notes.setToolTip("Only if the room cannot see this screen")
        self.show_notes.clicked.connect(self.reveal_notes)

        blank = QPushButton("Blank (Ctrl+B)", objectName="consoleBlank")
        blank.setToolTip("Blank the room's screen; again to bring it back")
        blank.clicked.connect(self.blank_requested)
        stop = QPushButton("Stop (Esc)", objectName="consoleStop")
        stop.setToolTip("Stop projecting")
        stop.clicked.connect(self.stop_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(blank)
        buttons.addWidget(stop)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>The room sees</b>"))
        layout.addWidget(self.thumbnail)
        layout.addLayout(buttons)
        layout.addWidget(self.now_label)
        layout.addWidget(self.next_label)
        layout.addWidget(self.problem)
        layout.addWidget(self.private_heading)
        layout.addWidget(self.notes_hidden)
        layout.addWidget(self.show_notes)
        layout.addWidget(self.notes, stretch=1)
        layout.addStretch(0)
        self.set_mirroring_possible(False)

        self._refresh_thumbnail = QTimer(self, singleShot=True, interval=THUMBNAIL_EVERY_MS,
                                         timeout=self.update_thumbnail)
        self._grabbing = False
        self._stopped = False
        audience.repainted.connect(self._schedule)

    def set_mirroring_possible(self, possible: bool) -> None:
        """One screen: hide the private notes behind an explicit "show" that says why."""
        self.notes.setVisible(not possible)
        self.notes_hidden.setVisible(possible)
        self.show_notes.setVisible(possible)

    def reveal_notes(self) -> None:
        self.set_mirroring_possible(False)
        self.notes.setFocus()

    def show_problem(self, message: str) -> None:
        """An error while projecting: said here, on the laptop only; the meeting goes on."""
        self.problem.setText(message.replace("\n\n", " "))
        self.problem.show()

    def stop(self) -> None:
        """Projecting ends: no more thumbnails of a view that is about to go."""
        self._refresh_thumbnail.stop()
        self.audience.repainted.disconnect(self._schedule)
        self._stopped = True

    def set_phases(self, now: str, following: str | None) -> None:
        self.now_label.setText(f"<b>Now:</b> {now}")
        self.next_label.setText(f"<b>Next:</b> {following}" if following else "<b>Next:</b> (last phase)")

    def _schedule(self) -> None:
        if not self._stopped and not self._grabbing and not self._refresh_thumbnail.isActive():
            self._refresh_thumbnail.start()

    def update_thumbnail(self) -> None:
        if self._stopped:
            return
        self._grabbing = True  # grabbing repaints the view; that repaint needs no new thumbnail
        try:
            picture = self.audience.grab()
        finally:
            self._grabbing = False
        self.thumbnail.setPixmap(
            picture.scaled(self.thumbnail.size(), Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
        )
