"""The phase timer (`phaseTimer`): counts down the current phase, shows overrun plainly, and the
session's total time. F9 pauses or resumes, F8 adds a minute."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from idc_desktop.domain.timing import PhaseClock, Stopwatch, clock_text
from idc_desktop.ui.theme_tokens import TONE, set_tone

TICK_MS = 250


class PhaseTimer(QWidget):
    ticked = Signal(str, bool)  # the time text and whether the phase has overrun (for the audience view)

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic,
                 waiting: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("phaseTimer")
        self.setAccessibleName("Phase timer")
        self._now = clock
        self._clocks: dict[str, PhaseClock] = {}
        self._current: str | None = None
        self.total = Stopwatch()
        self.paused = False
        # Reopening an old session (to read it, or finish notes) must not run its clocks:
        # a waiting timer starts on the first edit (`start_if_waiting`) or on F9.
        self.waiting = waiting

        self.remaining_label = QLabel("--:--", objectName="phaseRemaining")
        font = self.remaining_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.remaining_label.setFont(font)
        self.total_label = QLabel("Session 00:00", objectName="sessionTotal")

        self.pause_button = QToolButton(text="Pause", objectName="timerPause")
        self.pause_button.setToolTip("Pause or resume the timer (F9)")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.more_button = QToolButton(text="+1 min", objectName="timerPlusMinute")
        self.more_button.setToolTip("Give this phase one more minute (F8)")
        self.more_button.clicked.connect(self.add_minute)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.remaining_label)
        layout.addWidget(self.total_label)
        layout.addLayout(buttons)

        self._ticker = QTimer(self, interval=TICK_MS, timeout=self.update_display)
        self._ticker.start()

    def enter_phase(self, key: str, minutes: int) -> None:
        """Switch the countdown to a phase; time already spent in it (on a revisit) still counts."""
        now = self._now()
        if self._current is not None:
            self._clocks[self._current].watch.pause(now)
        clock = self._clocks.setdefault(key, PhaseClock(budget=minutes * 60.0, watch=Stopwatch()))
        self._current = key
        if not self.paused and not self.waiting:
            clock.watch.start(now)
            self.total.start(now)
        self.update_display()

    def start_if_waiting(self, *_: object) -> None:
        if not self.waiting:
            return
        self.waiting = False
        self.pause_button.setText("Pause")
        now = self._now()
        self.total.start(now)
        if self._current is not None:
            self._clocks[self._current].watch.start(now)
        self.update_display()

    def toggle_pause(self) -> None:
        if self.waiting:
            self.start_if_waiting()
            return
        now = self._now()
        self.paused = not self.paused
        clock = self._clocks.get(self._current) if self._current else None
        if self.paused:
            self.total.pause(now)
            if clock:
                clock.watch.pause(now)
        else:
            self.total.start(now)
            if clock:
                clock.watch.start(now)
        self.pause_button.setText("Resume" if self.paused else "Pause")
        self.pause_button.setToolTip("Pause or resume the timer (F9)")
        self.update_display()

    def add_minute(self) -> None:
        if self._current is not None:
            self._clocks[self._current].extend(60)
            self.update_display()

    def remaining(self) -> float | None:
        if self._current is None:
            return None
        return self._clocks[self._current].remaining(self._now())

    def update_display(self) -> None:
        left = self.remaining()
        if left is None:
            return
        overrun = left < 0
        text = clock_text(left) + (" over" if overrun else "")
        if self.paused:
            text += " (paused)"
        elif self.waiting:
            text += " (not started)"
        self.remaining_label.setText(text)
        if (self.remaining_label.property(TONE) == "overrun") != overrun:  # colours from the theme
            set_tone(self.remaining_label, "overrun" if overrun else "")
        self.remaining_label.setAccessibleName("Phase overrun" if overrun else "Time left in this phase")
        self.total_label.setText(f"Session {clock_text(self.total.elapsed(self._now()))}")
        self.ticked.emit(clock_text(left), overrun)
