"""Consultations (sessions): a whole session is read and written as one domain object."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from idc_desktop.domain import (
    ActionStatus,
    AllianceDimension,
    AllianceRating,
    Attendee,
    Consultation,
    ConsultationSummary,
    Contribution,
    Perspective,
    PerspectiveRecord,
    Plan,
    PlanAction,
)
from idc_desktop.domain.errors import NotFoundError
from idc_desktop.store.models import (
    AllianceRow,
    AttendeeRow,
    ConsultationRow,
    ContributionRow,
    PerspectiveItemRow,
    PerspectiveNoteRow,
    PlanActionRow,
)

_SCALARS = (
    "held_on", "facilitator_role", "presenter_role", "question", "presentation", "clarifying",
    "close_notes", "cycle", "formulation", "facilitator_reflection", "current_phase",
)
_PLAN_SCALARS = ("stance", "risks", "staff_support", "patient_message", "review_on")


def _to_domain(row: ConsultationRow) -> Consultation:
    session = Consultation(held_on=row.held_on, id=row.id, case_id=row.case_id)
    for name in _SCALARS:
        setattr(session, name, getattr(row, name))
    session.ground_rules = list(row.ground_rules or [])
    session.attendees = [Attendee(role=a.role, count=a.count) for a in row.attendees]
    for note in row.perspective_notes:
        session.perspectives[Perspective(note.perspective)].summary = note.summary
    for item in row.perspective_items:
        session.perspectives[Perspective(item.perspective)].items.append(item.item_key)
    for c in row.contributions:
        session.perspectives[Perspective(c.perspective)].contributions.append(
            Contribution(text=c.text, role=c.role, salient=c.salient, id=c.id)
        )
    for a in row.alliance:
        session.alliance[AllianceDimension(a.dimension)] = AllianceRating(rating=a.rating, notes=a.notes)
    session.plan = Plan(
        **{name: getattr(row, name) for name in _PLAN_SCALARS},
        actions=[
            PlanAction(
                text=a.text, owner_role=a.owner_role, due_on=a.due_on,
                status=ActionStatus(a.status), carried_from=a.carried_from_id, id=a.id,
            )
            for a in row.actions
        ],
    )
    return session


def _perspective_rows(p: Perspective, record: PerspectiveRecord):  # noqa: ANN202
    yield PerspectiveNoteRow(perspective=p.value, summary=record.summary)
    for pos, key in enumerate(dict.fromkeys(record.items)):  # a key once per perspective
        yield PerspectiveItemRow(perspective=p.value, item_key=key, position=pos)
    for pos, c in enumerate(record.contributions):
        yield ContributionRow(
            id=c.id, perspective=p.value, position=pos, text=c.text, role=c.role or None,
            salient=c.salient,
        )


def _write_children(row: ConsultationRow, session: Consultation) -> None:
    for name in _SCALARS:
        setattr(row, name, getattr(session, name))
    for name in _PLAN_SCALARS:
        setattr(row, name, getattr(session.plan, name))
    row.ground_rules = list(session.ground_rules)
    row.attendees = [AttendeeRow(role=a.role, count=a.count, position=i) for i, a in enumerate(session.attendees)]
    notes, items, contributions = [], [], []
    for p, record in session.perspectives.items():
        for child in _perspective_rows(p, record):
            {PerspectiveNoteRow: notes, PerspectiveItemRow: items, ContributionRow: contributions}[
                type(child)
            ].append(child)
    row.perspective_notes, row.perspective_items, row.contributions = notes, items, contributions
    row.alliance = [
        AllianceRow(dimension=d.value, rating=r.rating, notes=r.notes) for d, r in session.alliance.items()
    ]
    row.actions = [
        PlanActionRow(
            id=a.id, text=a.text, owner_role=a.owner_role, due_on=a.due_on, status=a.status.value,
            carried_from_id=a.carried_from, position=i,
        )
        for i, a in enumerate(session.plan.actions)
    ]


class ConsultationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, consultation_id: int) -> ConsultationRow:
        row = self._session.get(
            ConsultationRow,
            consultation_id,
            options=[
                selectinload(ConsultationRow.attendees),
                selectinload(ConsultationRow.perspective_notes),
                selectinload(ConsultationRow.perspective_items),
                selectinload(ConsultationRow.contributions),
                selectinload(ConsultationRow.alliance),
                selectinload(ConsultationRow.actions),
            ],
        )
        if row is None:
            raise NotFoundError(f"There is no session with id {consultation_id}; it may have been deleted.")
        return row

    def get(self, consultation_id: int) -> Consultation:
        return _to_domain(self._row(consultation_id))

    def add(self, case_id: int, session: Consultation) -> int:
        row = ConsultationRow(case_id=case_id)
        _write_children(row, session)
        self._session.add(row)
        self._session.flush()
        self._sync_ids(row, session)
        session.id, session.case_id = row.id, case_id
        return row.id

    def save(self, session: Consultation) -> None:
        """Write the whole session; children are replaced, keeping the ids they had."""
        assert session.id is not None
        row = self._row(session.id)
        # Old children must be gone before rows with the same ids come back.
        row.attendees, row.perspective_notes, row.perspective_items = [], [], []
        row.contributions, row.alliance, row.actions = [], [], []
        self._session.flush()
        _write_children(row, session)
        self._session.flush()
        self._sync_ids(row, session)

    @staticmethod
    def _sync_ids(row: ConsultationRow, session: Consultation) -> None:
        """Hand the ids the database gave new contributions and actions back to the caller."""
        by_perspective: dict[str, list[ContributionRow]] = {}
        for c in row.contributions:
            by_perspective.setdefault(c.perspective, []).append(c)
        for p, record in session.perspectives.items():
            for contribution, stored in zip(record.contributions, by_perspective.get(p.value, []), strict=False):
                contribution.id = stored.id
        for action, stored in zip(session.plan.actions, row.actions, strict=False):
            action.id = stored.id

    def delete(self, consultation_id: int) -> int:
        row = self._row(consultation_id)
        case_id = row.case_id
        self._session.execute(delete(ConsultationRow).where(ConsultationRow.id == consultation_id))
        return case_id

    def case_id_of(self, consultation_id: int) -> int:
        case_id = self._session.scalar(select(ConsultationRow.case_id).where(ConsultationRow.id == consultation_id))
        if case_id is None:
            raise NotFoundError(f"There is no session with id {consultation_id}; it may have been deleted.")
        return case_id

    def ids_for_case(self, case_id: int) -> list[int]:
        return list(
            self._session.scalars(
                select(ConsultationRow.id)
                .where(ConsultationRow.case_id == case_id)
                .order_by(ConsultationRow.held_on, ConsultationRow.id)
            )
        )

    def summaries_for_case(self, case_id: int) -> list[ConsultationSummary]:
        open_count = (
            select(func.count())
            .where(PlanActionRow.consultation_id == ConsultationRow.id, PlanActionRow.status == "open")
            .correlate(ConsultationRow)
            .scalar_subquery()
        )
        rows = self._session.execute(
            select(ConsultationRow.id, ConsultationRow.held_on, open_count, ConsultationRow.review_on,
                   ConsultationRow.current_phase)
            .where(ConsultationRow.case_id == case_id)
            .order_by(ConsultationRow.held_on, ConsultationRow.id)
        ).all()
        return [
            ConsultationSummary(id=r[0], number=i, held_on=r[1], open_actions=r[2], review_on=r[3],
                                current_phase=r[4])
            for i, r in enumerate(rows, start=1)
        ]
