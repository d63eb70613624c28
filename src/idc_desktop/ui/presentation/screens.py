"""Which screen the audience view goes to: never the one with the facilitator's window."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

ASK = "ask"


class NamedScreen(Protocol):
    def name(self) -> str: ...


def choose_screen(screens: Sequence[NamedScreen], main: NamedScreen | None, remembered: str | None):  # noqa: ANN201
    """The projector screen, None for a single screen (an ordinary window), or ASK when the
    user must pick among several and has not picked one of these before."""
    others = [s for s in screens if s is not main and (main is None or s.name() != main.name())]
    if not others:
        return None
    if len(others) == 1:
        return others[0]
    for screen in others:
        if screen.name() == remembered:
            return screen
    return ASK
