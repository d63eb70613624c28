"""Consultations (sessions): a whole session is read and written as one domain object."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

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
    Plan,
    PlanAction,
)
from idc_desktop.domain.errors import NotFoundError
from idc_desktop.store.models import (
    AllianceRow,
    AttendeeRow,
    ConsultationRow,
    ContributionRow,
    DisciplineItemRow,
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
                status=ActionStatus(a.status), carried_from=a.carried_from_id, id=a.id, reviewed=a.reviewed,
            )
            for a in row.actions
        ],
    )
    return session


def _merge(existing: list[Any], wanted: list[tuple[Hashable | None, dict[str, Any]]],
           row_type: type) -> list[Any]:
    """The child rows a session should have, reusing existing rows in place.

    `wanted` holds (key, fields) pairs: a key that matches an existing row (its id, or its
    natural key) updates that row, so its id and every link to it (a later session's
    `carried_from_id`) survive; any other entry becomes a new row. Rows not wanted any more
    are dropped from the list, and the relationship's delete-orphan cascade deletes them.
    """
    by_key = {key: row for key, row in existing}
    rows = []
    for key, fields in wanted:
        row = by_key.pop(key, None) if key is not None else None
        if row is None:
            row = row_type(**fields)
        else:
            for name, value in fields.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
        rows.append(row)
    return rows


def _write_children(row: ConsultationRow, session: Consultation) -> tuple[list[ContributionRow], list[PlanActionRow]]:
    """Bring the row and its children in line with the session, updating rows in place.

    Returns the contribution and action rows in the session's order (contributions
    perspective by perspective), so the caller can hand new ids back.
    """
    for name in _SCALARS:
        setattr(row, name, getattr(session, name))
    for name in _PLAN_SCALARS:
        setattr(row, name, getattr(session.plan, name))
    row.ground_rules = list(session.ground_rules)
    row.attendees = _merge(
        [(a.position, a) for a in row.attendees],
        [(i, {"role": a.role, "count": a.count, "position": i}) for i, a in enumerate(session.attendees)],
        AttendeeRow,
    )
    row.perspective_notes = _merge(
        [(n.perspective, n) for n in row.perspective_notes],
        [(p.value, {"perspective": p.value, "summary": r.summary}) for p, r in session.perspectives.items()],
        PerspectiveNoteRow,
    )
    row.perspective_items = _merge(
        [((i.perspective, i.item_key), i) for i in row.perspective_items],
        [
            ((p.value, key), {"perspective": p.value, "item_key": key, "position": pos})
            for p, r in session.perspectives.items()
            for pos, key in enumerate(dict.fromkeys(r.items))  # a key once per perspective
        ],
        PerspectiveItemRow,
    )
    row.contributions = _merge(
        [(c.id, c) for c in row.contributions],
        _with_ids(
            (c.id, {"perspective": p.value, "position": pos, "text": c.text, "role": c.role or None,
                    "salient": c.salient})
            for p, r in session.perspectives.items()
            for pos, c in enumerate(r.contributions)
        ),
        ContributionRow,
    )
    row.lead_items = lead_items(session)
    row.discipline_items = _merge(
        [((d.role, d.item_key), d) for d in row.discipline_items],
        [((role, key), {"role": role, "item_key": key}) for role, key in discipline_items(session)],
        DisciplineItemRow,
    )
    row.alliance = _merge(
        [(a.dimension, a) for a in row.alliance],
        [(d.value, {"dimension": d.value, "rating": r.rating, "notes": r.notes}) for d, r in session.alliance.items()],
        AllianceRow,
    )
    row.actions = _merge(
        [(a.id, a) for a in row.actions],
        _with_ids(
            (a.id, {"text": a.text, "owner_role": a.owner_role, "due_on": a.due_on, "status": a.status.value,
                    "carried_from_id": a.carried_from, "reviewed": a.reviewed, "position": i})
            for i, a in enumerate(session.plan.actions)
        ),
        PlanActionRow,
    )
    return list(row.contributions), list(row.actions)


def lead_items(session: Consultation) -> str | None:
    """Each perspective's lead item (the first chosen) as "keyA keyB keyC keyD", when all four
    have one: the patterns' combinations group by it (catalogue keys have no spaces)."""
    leads = [session.perspectives[p].items[:1] for p in Perspective]
    return " ".join(lead[0] for lead in leads) if all(leads) else None


def discipline_items(session: Consultation) -> list[tuple[str, str]]:
    """(discipline, item) for every discipline that spoke in D and every item chosen in D."""
    d = session.perspectives[Perspective.D]
    roles = dict.fromkeys(c.role for c in d.contributions if c.role)
    return [(role, key) for role in roles for key in dict.fromkeys(d.items)]


def _with_ids(entries: Iterable[tuple[int | None, dict[str, Any]]]) -> list[tuple[int | None, dict[str, Any]]]:
    """Entries keyed by the id they carry; an id seen twice (a copied child) keys only the first."""
    seen: set[int] = set()
    result = []
    for key, fields in entries:
        if key is not None and key in seen:
            key = None
        if key is not None:
            seen.add(key)
        result.append((key, fields))
    return result


def _hand_back_ids(session: Consultation, contributions: list[ContributionRow], actions: list[PlanActionRow]) -> None:
    """Give the session's contributions and actions the ids their rows have (new ones included)."""
    ordered = [c for record in session.perspectives.values() for c in record.contributions]
    for contribution, stored in zip(ordered, contributions, strict=True):
        contribution.id = stored.id
    for action, stored in zip(session.plan.actions, actions, strict=True):
        action.id = stored.id


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
                selectinload(ConsultationRow.discipline_items),
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
        children = _write_children(row, session)
        self._session.add(row)
        self._session.flush()
        _hand_back_ids(session, *children)
        session.id, session.case_id = row.id, case_id
        return row.id

    def save(self, session: Consultation) -> None:
        """Write the whole session. Children are updated in place, matched by id (contributions,
        actions) or natural key, so ids never change and links to them hold; new children get
        ids, which are written back into `session`."""
        assert session.id is not None
        row = self._row(session.id)
        children = _write_children(row, session)
        self._session.flush()
        _hand_back_ids(session, *children)

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
