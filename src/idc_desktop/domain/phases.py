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
