"""What the room may see of a session in a phase: built from shared fields only.

This is the single gate between the session and the projector. It reads only what the
team said together; the facilitator's private reflection, guidance and every other
private part never enter it, and no identifying detail beyond the case code and specialty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.enums import ActionStatus, Perspective
from idc_desktop.domain.phases import PhaseDefinition, PhaseKind


@dataclass(frozen=True, slots=True)
class AudienceCard:
    text: str
    role: str | None = None
    salient: bool = False


@dataclass(frozen=True, slots=True)
class AudienceAction:
    text: str
    owner_role: str
    due_on: date | None
    status: ActionStatus


@dataclass(frozen=True)
class AudienceContent:
    header: str  # case code and specialty only
    title: str
    prompt: str
    items: tuple[str, ...] = ()  # chosen item labels (perspective phases)
    cards: tuple[AudienceCard, ...] = ()
    summary: str = ""
    text: str = ""  # the phase's running text (presentation, question, cycle sentence...)
    cycle_items: dict[Perspective, tuple[str, ...]] = field(default_factory=dict)
    actions: tuple[AudienceAction, ...] = ()
    stance: str = ""
    review_on: date | None = None

    def all_text(self) -> str:
        """Everything shown, as one string (for privacy checks and tests)."""
        parts = [self.header, self.title, self.prompt, *self.items, self.summary, self.text, self.stance]
        parts += [c.text + " " + (c.role or "") for c in self.cards]
        parts += [a.text + " " + a.owner_role for a in self.actions]
        parts += [label for labels in self.cycle_items.values() for label in labels]
        return "\n".join(p for p in parts if p)


def audience_content(
    session: Consultation,
    phase: PhaseDefinition,
    case_code: str,
    specialty: str,
    label: Callable[[str], str],
) -> AudienceContent:
    header = f"{case_code} · {specialty}"
    base = {"header": header, "title": phase.title, "prompt": phase.prompt}
    kind = phase.kind
    if kind is PhaseKind.PERSPECTIVE and phase.perspective is not None:
        record = session.perspectives[phase.perspective]
        return AudienceContent(
            **base,
            items=tuple(label(k) for k in record.items),
            cards=tuple(AudienceCard(c.text, c.role, c.salient) for c in record.contributions),
            summary=record.summary,
        )
    if kind is PhaseKind.CYCLE:
        return AudienceContent(
            **base,
            text=session.cycle,
            cycle_items={p: tuple(label(k) for k in session.perspectives[p].items) for p in Perspective},
        )
    if kind is PhaseKind.PLAN:
        return AudienceContent(
            **base,
            stance=session.plan.stance,
            actions=tuple(
                AudienceAction(a.text, a.owner_role, a.due_on, a.status)
                for a in session.plan.actions
                if a.status is not ActionStatus.DROPPED
            ),
            review_on=session.plan.review_on,
        )
    if kind is PhaseKind.FRAME:
        return AudienceContent(**base, text=session.question)
    if kind is PhaseKind.CLOSE:
        # Only what helped the presenter; the private reflection never leaves the laptop.
        return AudienceContent(**base, text=session.close_notes)
    attribute = phase.notes_attribute
    return AudienceContent(**base, text=getattr(session, attribute) if attribute else "")
