"""The phase timer's arithmetic, kept apart from the widget so it can be tested with a fake clock."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Stopwatch:
    """Time spent, counted only while running; `now` is any monotonic clock in seconds."""

    banked: float = 0.0
    started_at: float | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def start(self, now: float) -> None:
        if self.started_at is None:
            self.started_at = now

    def pause(self, now: float) -> None:
        if self.started_at is not None:
            self.banked += now - self.started_at
            self.started_at = None

    def elapsed(self, now: float) -> float:
        return self.banked + (now - self.started_at if self.started_at is not None else 0.0)


@dataclass
class PhaseClock:
    """A phase's countdown: its budget in seconds (extendable) against time spent in it."""

    budget: float
    watch: Stopwatch

    def remaining(self, now: float) -> float:
        """Seconds left; negative once the phase has overrun."""
        return self.budget - self.watch.elapsed(now)

    def extend(self, seconds: float) -> None:
        self.budget += seconds


def clock_text(seconds: float) -> str:
    """07:05 for time left, +01:12 for an overrun, h:mm:ss past an hour."""
    sign = "+" if seconds < 0 else ""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # show 00:01 until it truly ends
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes:02d}:{secs:02d}"
