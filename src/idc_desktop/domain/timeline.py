"""A case across its sessions (issue 14, item 2): what the case view's timeline reads.

Plain values built from a case's whole sessions by `build_timeline`. They carry only what the
timeline shows (the cycle sentence, the items chosen in A-D by label, the alliance ratings and
what became of each action at review): the facilitator's private reflection is not a field
here, so no screen built on a timeline can show it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.desk import Outcome, outcome_of
from idc_desktop.domain.enums import AllianceDimension, Perspective


@dataclass(frozen=True, slots=True)
class ActionFate:
    """One action of a session and what the next session's review made of it."""

    text: str
    owner_role: str
    due_on: date | None
    outcome: Outcome
    carried_in: bool  # carried into this session from the one before


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    session_id: int
    number: int  # counted from 1 in date order
    held_on: date
    cycle: str  # the cycle sentence as the group left it ("" when none was written)
    items: dict[Perspective, list[str]]  # labels, in the order chosen
    alliance: dict[AllianceDimension, int | None]  # 1 (none) .. 5 (strong), None when not rated
    actions: list[ActionFate] = field(default_factory=list)

    def has_items(self) -> bool:
        return any(self.items.values())


@dataclass(frozen=True, slots=True)
class CaseTimeline:
    entries: list[TimelineEntry] = field(default_factory=list)  # in date order

    def is_empty(self) -> bool:
        return not self.entries

    def trend(self, dimension: AllianceDimension) -> list[int | None]:
        """One rating per session (None where it was not rated), in date order."""
        return [e.alliance.get(dimension) for e in self.entries]

    def has_ratings(self) -> bool:
        return any(r is not None for d in AllianceDimension for r in self.trend(d))


def build_timeline(sessions: Sequence[Consultation], label: Callable[[str], str]) -> CaseTimeline:
    """The timeline of one case's sessions (given in date order); `label` names an item key."""
    later = {a.carried_from: a for s in sessions for a in s.plan.actions if a.carried_from is not None}
    entries = []
    for number, session in enumerate(sessions, start=1):
        fates = []
        for action in session.plan.actions:
            follow = later.get(action.id) if action.id is not None else None
            outcome = outcome_of(action.status.value, follow.status.value if follow else None,
                                 follow.reviewed if follow else None)
            fates.append(ActionFate(action.text, action.owner_role, action.due_on, outcome,
                                    action.carried_from is not None))
        entries.append(TimelineEntry(
            session_id=session.id or 0, number=number, held_on=session.held_on, cycle=session.cycle.strip(),
            items={p: [label(k) for k in session.perspectives[p].items] if p in session.perspectives else []
                   for p in Perspective},
            alliance={d: session.alliance[d].rating if d in session.alliance else None for d in AllianceDimension},
            actions=fates))
    return CaseTimeline(entries)
