"""Importing cases whose codes are already in the log: ask once, for all of them, before
anything is written: leave them out, import them under new codes, or cancel (the default)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from idc_desktop.domain import wording
from idc_desktop.services.transfer import OnConflict
from idc_desktop.ui.dialogs.ask import ask

_LISTED = 8


def ask_on_conflict(parent: QWidget, codes: list[str]) -> OnConflict | None:
    """The user's choice for `codes` already in the log; STOP when there are none; None to cancel."""
    if not codes:
        return OnConflict.STOP
    listed = ", ".join(codes[:_LISTED]) + (f" and {len(codes) - _LISTED} more" if len(codes) > _LISTED else "")
    count = wording.count(len(codes), "case")
    answers = {"&Leave them out": OnConflict.SKIP, "Import under &new codes": OnConflict.NEW_CODE}
    chosen = ask(parent, "importConflicts", "Cases already in the log",
                 f"{count} in this file {'is' if len(codes) == 1 else 'are'} already in the case log: {listed}.\n\n"
                 "Leave them out and import the rest, or import them too, under new random codes "
                 "(the copies then live beside the cases already here).", list(answers))
    return answers.get(chosen) if chosen else None
