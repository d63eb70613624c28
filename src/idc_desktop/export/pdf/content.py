"""What a team PDF may show of a case and its sessions: the single gate between log and page.

The section builders never see a `Consultation`: they read these frozen views, which copy the
listed, shared fields and nothing else. So the facilitator's private reflection (and any field
added to the domain later) cannot reach a page by accident; to print something new, it has to
be added here on purpose. Every contribution is kept (a team summary that drops what someone
said misreports the meeting): the starred ones first and marked, then the rest in the order
they were said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from idc_desktop.domain import wording
from idc_desktop.domain.case import Case
from idc_desktop.domain.consultation import Consultation, Contribution
from idc_desktop.domain.cycle import PERSPECTIVE_TITLES, draft_cycle
from idc_desktop.domain.enums import ActionStatus, AllianceDimension, Perspective

# The questions the four perspectives answer (DOMAIN.md), as headings.
PERSPECTIVE_HEADINGS: dict[Perspective, str] = {
    Perspective.A: "How the patient experiences others",
    Perspective.B: "How the patient experiences themselves",
    Perspective.C: "How others experience the patient",
    Perspective.D: "How others experience themselves",
}


@dataclass(frozen=True, slots=True)
class ContributionView:
    text: str
    role: str
    starred: bool


@dataclass(frozen=True, slots=True)
class PerspectiveView:
    key: Perspective
    heading: str  # "How the patient experiences others"
    short_title: str  # "Patient sees others" (the cycle diagram)
    items: tuple[str, ...]  # labels, in the order chosen
    summary: str
    contributions: tuple[ContributionView, ...]  # starred first, then the rest, each in spoken order


@dataclass(frozen=True, slots=True)
class AllianceView:
    dimension: AllianceDimension
    rating: int | None
    notes: str


@dataclass(frozen=True, slots=True)
class ActionView:
    text: str
    owner_role: str
    due_on: date | None
    status: ActionStatus


@dataclass(frozen=True, slots=True)
class PlanView:
    stance: str
    actions: tuple[ActionView, ...]
    risks: str
    staff_support: str
    patient_message: str
    review_on: date | None


@dataclass(frozen=True, slots=True)
class SessionView:
    number: int  # 1-based within the case
    count: int | None  # sessions in the case, when known ("Session 2 of 3")
    held_on: date
    facilitator_role: str
    presenter_role: str
    attendees: tuple[tuple[str, int], ...]  # (role, count)
    question: str
    presentation: str  # only filled for a case history
    clarifying: str  # only filled for a case history
    perspectives: tuple[PerspectiveView, ...]
    cycle: str  # the group's sentence, or the draft from the items
    cycle_drafted: bool
    formulation: str
    alliance: tuple[AllianceView, ...]
    plan: PlanView
    close_notes: str

    @property
    def attendee_total(self) -> int:
        return sum(count for _, count in self.attendees)

    def cycle_items(self) -> dict[Perspective, tuple[str, ...]]:
        return {p.key: p.items for p in self.perspectives}


@dataclass(frozen=True, slots=True)
class CaseView:
    code: str
    specialty: str
    setting: str
    life_stage: str
    status: str
    referral_reason: str
    tags: tuple[str, ...]


def safe_label(label: Callable[[str], str]) -> Callable[[str], str]:
    """The caller's label lookup, falling back to the key itself for an item it does not know."""

    def lookup(key: str) -> str:
        try:
            text = label(key)
        except (KeyError, LookupError, ValueError):
            return key
        return text if isinstance(text, str) and text.strip() else key

    return lookup


def case_view(case: Case) -> CaseView:
    return CaseView(
        code=case.code,
        specialty=case.specialty,
        setting=wording.term(case.setting),
        life_stage=wording.term(case.life_stage),
        status=wording.term(case.status),
        referral_reason=case.referral_reason,
        tags=tuple(t for t in case.tags if t.strip()),
    )


def _contributions(said: Sequence[Contribution]) -> tuple[ContributionView, ...]:
    kept = [ContributionView(c.text, c.role or "", bool(c.salient)) for c in said if c.text.strip()]
    return tuple(sorted(kept, key=lambda c: not c.starred))  # a stable sort keeps the spoken order


def session_view(
    session: Consultation,
    number: int,
    count: int | None,
    label: Callable[[str], str],
    *,
    with_narrative: bool = False,
) -> SessionView:
    """Copy the shareable parts of one session; `with_narrative` adds presentation and questions."""
    label = safe_label(label)
    perspectives = []
    for key in Perspective:
        record = session.perspectives.get(key)
        items = tuple(dict.fromkeys(label(k) for k in record.items if k)) if record else ()
        perspectives.append(
            PerspectiveView(
                key=key,
                heading=PERSPECTIVE_HEADINGS[key],
                short_title=PERSPECTIVE_TITLES[key],
                items=items,
                summary=record.summary if record else "",
                contributions=_contributions(record.contributions if record else ()),
            )
        )
    cycle = session.cycle.strip()
    drafted = False
    if not cycle:
        cycle = draft_cycle(session, label)
        drafted = bool(cycle)
    plan = session.plan
    return SessionView(
        number=number,
        count=count,
        held_on=session.held_on,
        facilitator_role=session.facilitator_role,
        presenter_role=session.presenter_role,
        attendees=tuple((a.role, a.count) for a in session.attendees if a.role.strip() or a.count),
        question=session.question,
        presentation=session.presentation if with_narrative else "",
        clarifying=session.clarifying if with_narrative else "",
        perspectives=tuple(perspectives),
        cycle=cycle,
        cycle_drafted=drafted,
        formulation=session.formulation,
        alliance=tuple(
            AllianceView(d, session.alliance[d].rating, session.alliance[d].notes)
            if d in session.alliance
            else AllianceView(d, None, "")
            for d in AllianceDimension
        ),
        plan=PlanView(
            stance=plan.stance,
            actions=tuple(
                ActionView(a.text, a.owner_role, a.due_on, ActionStatus(a.status))
                for a in plan.actions
                if a.text.strip() or a.owner_role.strip()
            ),
            risks=plan.risks,
            staff_support=plan.staff_support,
            patient_message=plan.patient_message,
            review_on=plan.review_on,
        ),
        close_notes=session.close_notes,
    )


def session_views(
    sessions: Sequence[Consultation],
    numbers: Sequence[int],
    count: int | None,
    label: Callable[[str], str],
    *,
    with_narrative: bool = False,
) -> list[SessionView]:
    return [
        session_view(s, n, count, label, with_narrative=with_narrative) for s, n in zip(sessions, numbers, strict=True)
    ]
