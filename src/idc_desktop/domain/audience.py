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
    rules: tuple[str, ...] = ()  # the ground rules (Frame)
    today: date | None = None  # for marking due dates that have passed

    def is_past(self, day: date | None) -> bool:
        return day is not None and self.today is not None and day < self.today

    def all_text(self) -> str:
        """Everything shown, as one string (for privacy checks and tests)."""
        parts = [self.header, self.title, self.prompt, *self.rules, *self.items, self.summary, self.text, self.stance]
        parts += [c.text + " " + (c.role or "") for c in self.cards]
        parts += [a.text + " " + a.owner_role for a in self.actions]
        parts += [label for labels in self.cycle_items.values() for label in labels]
        return "\n".join(p for p in parts if p)


def _same(text: str) -> str:
    return text


def audience_content(
    session: Consultation,
    phase: PhaseDefinition,
    case_code: str,
    specialty: str,
    label: Callable[[str], str],
    shown: Callable[[str], str] = _same,
    ground_rules: tuple[str, ...] = (),
    today: date | None = None,
) -> AudienceContent:
    """What the room sees of `phase`. Every text typed in the session (and every item label,
    which a lead can type too) passes through `shown` on its way, so the projector can mask
    possible identifiers until the facilitator has dealt with them."""
    header = f"{case_code} · {specialty}"
    base = {"header": header, "title": phase.title, "prompt": phase.prompt, "today": today}
    kind = phase.kind

    def labels(keys: list[str]) -> tuple[str, ...]:
        return tuple(shown(label(k)) for k in keys)

    if kind is PhaseKind.PERSPECTIVE and phase.perspective is not None:
        record = session.perspectives[phase.perspective]
        return AudienceContent(
            **base,
            items=labels(record.items),
            cards=tuple(AudienceCard(shown(c.text), shown(c.role) if c.role else c.role, c.salient)
                        for c in record.contributions),
            summary=shown(record.summary),
        )
    if kind is PhaseKind.CYCLE:
        return AudienceContent(
            **base,
            text=shown(session.cycle),
            cycle_items={p: labels(session.perspectives[p].items) for p in Perspective},
        )
    if kind is PhaseKind.PLAN:
        return AudienceContent(
            **base,
            stance=shown(session.plan.stance),
            actions=tuple(
                AudienceAction(shown(a.text), shown(a.owner_role), a.due_on, a.status)
                for a in session.plan.actions
                if a.status is not ActionStatus.DROPPED
            ),
            review_on=session.plan.review_on,
        )
    if kind is PhaseKind.FRAME:
        # The ground rules the group agrees aloud, then the question it brings.
        return AudienceContent(**base, rules=ground_rules, text=shown(session.question))
    if kind is PhaseKind.CLOSE:
        # Only what helped the presenter; the private reflection never leaves the laptop.
        return AudienceContent(**base, text=shown(session.close_notes))
    attribute = phase.notes_attribute
    return AudienceContent(**base, text=shown(getattr(session, attribute)) if attribute else "")
