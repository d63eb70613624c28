"""Inline warnings about plan dates. They flag, never block: the group may keep a date that
looks wrong (it may be right), but it should have been seen. Pure functions, no Qt."""

from __future__ import annotations

from datetime import date

from idc_desktop.domain import ActionStatus, PlanAction
from idc_desktop.ui.session.plan.dates import show_date

_QUOTE_LIMIT = 60


def quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + '…'}”"


def due_too_early(action: PlanAction, held_on: date) -> bool:
    """An open action due before the session it was agreed in (done or dropped ones are settled)."""
    return action.status is ActionStatus.OPEN and action.due_on is not None and action.due_on < held_on


def due_warning(action: PlanAction, held_on: date) -> str:
    message = (f"Due date {show_date(action.due_on)} is before the session ({show_date(held_on)}) "
               f"for {quote(action.text)}.")
    if action.carried_from is not None:
        message += " It was carried over from last session: set a new date if it stays open."
    return message


def action_warnings(actions: list[PlanAction], held_on: date) -> list[str]:
    return [due_warning(a, held_on) for a in actions if due_too_early(a, held_on)]


def review_warning(review_on: date | None, held_on: date, today: date) -> str:
    if review_on is None:
        return ""
    if review_on < held_on:
        return f"Review date {show_date(review_on)} is before the session ({show_date(held_on)})."
    if review_on < today:
        return f"Review date {show_date(review_on)} is in the past (today is {show_date(today)})."
    return ""
