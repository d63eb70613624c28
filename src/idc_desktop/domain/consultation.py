"""A consultation (a session): one meeting of the team about a case, phase by phase.

The editor deep-copies parts of a session on every edit (undo snapshots, the autosaver's
copy), so the small dataclasses copy themselves: their fields are all immutable values
(str, int, bool, date, enums), and a direct constructor call is many times faster than
`copy.deepcopy`'s generic path through `__reduce_ex__`. tests/domain/test_consultation_copy.py
checks every field is copied.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

from idc_desktop.domain.enums import ActionStatus, AllianceDimension, Perspective


@dataclass(slots=True)
class Attendee:
    role: str
    count: int = 1

    def __deepcopy__(self, memo: dict) -> Attendee:
        return Attendee(self.role, self.count)


@dataclass(slots=True)
class Contribution:
    """Something a team member said, with the discipline that voiced it (never a name)."""

    text: str
    role: str | None = None
    salient: bool = False
    id: int | None = None

    def __deepcopy__(self, memo: dict) -> Contribution:
        return Contribution(self.text, self.role, self.salient, self.id)


@dataclass(slots=True)
class PerspectiveRecord:
    items: list[str] = field(default_factory=list)  # catalogue keys, in the order chosen
    summary: str = ""
    contributions: list[Contribution] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.items or self.summary or self.contributions)

    def __deepcopy__(self, memo: dict) -> PerspectiveRecord:
        # Each contribution goes through deepcopy so `memo` maps it to its copy (the
        # autosaver uses that to hand ids the store gave back to the live session).
        return PerspectiveRecord(list(self.items), self.summary,
                                 [copy.deepcopy(c, memo) for c in self.contributions])


@dataclass(slots=True)
class AllianceRating:
    rating: int | None = None  # 1 (none) .. 5 (strong)
    notes: str = ""

    def __deepcopy__(self, memo: dict) -> AllianceRating:
        return AllianceRating(self.rating, self.notes)


@dataclass(slots=True)
class PlanAction:
    text: str
    owner_role: str = ""
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    carried_from: int | None = None  # id of the action of an earlier session this one continues
    id: int | None = None
    # A carried action waits for the group's verdict (done / not done / changed / dropped):
    # until then it is "not reviewed yet", never presumed not done.
    reviewed: bool = True

    def __deepcopy__(self, memo: dict) -> PlanAction:
        return PlanAction(self.text, self.owner_role, self.due_on, self.status, self.carried_from, self.id,
                          self.reviewed)


@dataclass(slots=True)
class Plan:
    stance: str = ""
    actions: list[PlanAction] = field(default_factory=list)
    risks: str = ""
    staff_support: str = ""
    patient_message: str = ""
    review_on: date | None = None

    def __deepcopy__(self, memo: dict) -> Plan:
        return Plan(self.stance, [copy.deepcopy(a, memo) for a in self.actions], self.risks,
                    self.staff_support, self.patient_message, self.review_on)


def _empty_perspectives() -> dict[Perspective, PerspectiveRecord]:
    return {p: PerspectiveRecord() for p in Perspective}


def _empty_alliance() -> dict[AllianceDimension, AllianceRating]:
    return {d: AllianceRating() for d in AllianceDimension}


@dataclass(slots=True)
class Consultation:
    held_on: date
    facilitator_role: str = ""
    presenter_role: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    ground_rules: list[str] = field(default_factory=list)  # keys of the rules acknowledged
    question: str = ""
    presentation: str = ""
    clarifying: str = ""
    close_notes: str = ""
    perspectives: dict[Perspective, PerspectiveRecord] = field(default_factory=_empty_perspectives)
    cycle: str = ""
    formulation: str = ""
    alliance: dict[AllianceDimension, AllianceRating] = field(default_factory=_empty_alliance)
    plan: Plan = field(default_factory=Plan)
    # The lead's private note: never projected, never in a team PDF.
    facilitator_reflection: str = ""
    current_phase: str = ""
    id: int | None = None
    case_id: int | None = None

    def open_actions(self) -> list[PlanAction]:
        return [a for a in self.plan.actions if a.status is ActionStatus.OPEN]


@dataclass(frozen=True, slots=True)
class ConsultationSummary:
    """One row of a case's session list."""

    id: int
    number: int  # 1-based, in date order within the case
    held_on: date
    open_actions: int
    review_on: date | None
    current_phase: str
