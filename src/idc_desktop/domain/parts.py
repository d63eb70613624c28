"""Addressable parts of a session, so edits, undo and autosave can name what changed.

A part is a string such as "question", "plan.review_on", "perspective.A.contributions" or
"alliance.goals"; `get_part` returns a deep copy, `set_part` stores a value. The undo
commands of the editor and the audience view both speak in parts.
"""

from __future__ import annotations

import copy
from typing import Any

from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.enums import AllianceDimension, Perspective

SESSION_FIELDS = (
    "held_on", "facilitator_role", "presenter_role", "attendees", "ground_rules", "question",
    "presentation", "clarifying", "close_notes", "cycle", "formulation", "facilitator_reflection",
)
PLAN_FIELDS = ("stance", "actions", "risks", "staff_support", "patient_message", "review_on")
PERSPECTIVE_FIELDS = ("items", "summary", "contributions")
# Never projected, never in a team PDF.
PRIVATE_PARTS = frozenset({"facilitator_reflection"})
_DIMENSIONS = frozenset(d.value for d in AllianceDimension)


def _target(session: Consultation, part: str) -> tuple[Any, str]:
    head, _, rest = part.partition(".")
    if head in SESSION_FIELDS and not rest:
        return session, head
    if head == "plan" and rest in PLAN_FIELDS:
        return session.plan, rest
    if head == "perspective":
        key, _, name = rest.partition(".")
        if name in PERSPECTIVE_FIELDS:
            return session.perspectives[Perspective(key)], name
    if head == "alliance" and rest in _DIMENSIONS:
        return session.alliance, AllianceDimension(rest)
    raise KeyError(f"unknown part of a session: {part!r}")


def get_part(session: Consultation, part: str) -> Any:
    owner, name = _target(session, part)
    value = owner[name] if isinstance(owner, dict) else getattr(owner, name)
    return copy.deepcopy(value)


def set_part(session: Consultation, part: str, value: Any) -> None:
    owner, name = _target(session, part)
    value = copy.deepcopy(value)
    if isinstance(owner, dict):
        owner[name] = value
    else:
        setattr(owner, name, value)


def perspective_part(perspective: Perspective, name: str) -> str:
    return f"perspective.{perspective.value}.{name}"
