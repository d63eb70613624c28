"""Phases of a session are data (resources/phases.json): this is their shape and what "filled" means."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.enums import Perspective


class PhaseKind(StrEnum):
    FRAME = "frame"
    NOTES = "notes"
    PERSPECTIVE = "perspective"
    CYCLE = "cycle"
    PLAN = "plan"
    CLOSE = "close"


# Where a notes-like phase keeps its text on the Consultation.
NOTES_FIELDS = {"presentation": "presentation", "clarifying": "clarifying", "close": "close_notes"}


@dataclass(frozen=True, slots=True)
class PhaseDefinition:
    key: str
    title: str
    short_title: str
    minutes: int
    kind: PhaseKind
    prompt: str
    guidance: str = ""
    perspective: Perspective | None = None
    field: str | None = None  # for notes and close phases: a key of NOTES_FIELDS

    @property
    def notes_attribute(self) -> str | None:
        return NOTES_FIELDS.get(self.field) if self.field else None


def phase_is_filled(phase: PhaseDefinition, session: Consultation) -> bool:
    """Whether the group has recorded something in this phase (the navigator's tick)."""
    kind = phase.kind
    if kind is PhaseKind.FRAME:
        return bool(session.attendees or session.question)
    if kind is PhaseKind.PERSPECTIVE and phase.perspective is not None:
        return not session.perspectives[phase.perspective].is_empty()
    if kind is PhaseKind.CYCLE:
        return bool(session.cycle or session.formulation or any(r.rating for r in session.alliance.values()))
    if kind is PhaseKind.PLAN:
        return bool(session.plan.stance or session.plan.actions)
    if phase.notes_attribute:
        return bool(getattr(session, phase.notes_attribute))
    return False


_PART_KINDS = {
    "facilitator_role": PhaseKind.FRAME, "presenter_role": PhaseKind.FRAME, "question": PhaseKind.FRAME,
    "attendees": PhaseKind.FRAME, "held_on": PhaseKind.FRAME, "cycle": PhaseKind.CYCLE,
    "formulation": PhaseKind.CYCLE, "alliance": PhaseKind.CYCLE, "plan": PhaseKind.PLAN,
    "facilitator_reflection": PhaseKind.CLOSE,
}


def phase_holding(phases: tuple[PhaseDefinition, ...], part: str) -> int | None:
    """The index of the phase whose page edits `part` (a name from domain/parts.py), if any."""
    head, _, rest = part.partition(".")
    for index, phase in enumerate(phases):
        if head == "perspective":
            if phase.kind is PhaseKind.PERSPECTIVE and phase.perspective is not None \
                    and phase.perspective.value == rest.partition(".")[0]:
                return index
        elif phase.notes_attribute == part or _PART_KINDS.get(head) is phase.kind:
            return index
    return None
