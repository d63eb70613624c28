"""Queries for the lead's desk: Due now, and the service report's counts.

Each is one or a few aggregate queries: the whole log is never loaded session by session.
"The current plan" of a case is its latest session (by date, then id), the one whose review
date the case's roll-up `next_review_on` holds; older sessions' open actions were carried
into the later ones, so only the latest session's open actions are still to be done.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache

from sqlalchemy import String, and_, func, literal, select, type_coerce
from sqlalchemy.orm import Session, aliased

from idc_desktop.domain.desk import DueAction, DueReview, Outcome, Tally, outcome_of
from idc_desktop.store.models import (
    AttendeeRow,
    CaseRow,
    ConsultationRow,
    PerspectiveItemRow,
    PlanActionRow,
)


def _latest_sessions(*where):  # noqa: ANN002, ANN202 - a CTE
    """Each open case (and `where`) with its latest session's id and date.

    Both come from correlated subqueries that read only the index on consultations
    (case_id, held_on) (migration 0004): the session rows, wide with text, are never read,
    and the CTE is materialised so the subqueries run once per case, not once per action."""
    inner = aliased(ConsultationRow)

    def latest(column):  # noqa: ANN001, ANN202
        return (select(column).where(inner.case_id == CaseRow.id)
                .order_by(inner.held_on.desc(), inner.id.desc()).limit(1).correlate(CaseRow).scalar_subquery())

    return (
        select(CaseRow.id.label("case_id"), CaseRow.code.label("code"), CaseRow.specialty.label("specialty"),
               CaseRow.session_count.label("sessions"), CaseRow.next_review_on.label("review_on"),
               latest(inner.id).label("session_id"), latest(inner.held_on).label("held_on"))
        .where(CaseRow.status == "open", *where)
        .cte("latest").prefix_with("MATERIALIZED")
    )


def _current_actions(latest, *columns):  # noqa: ANN001, ANN002, ANN202
    """A select of `columns` over the open actions of the `latest` sessions."""
    return (select(*columns).join(latest, latest.c.session_id == PlanActionRow.consultation_id)
            .where(PlanActionRow.status == "open"))


def _text(column):  # noqa: ANN001, ANN202
    """A date column read as its stored ISO text: SQLAlchemy's date parsing (a regular expression
    per value) is most of the cost of reading 20k actions; `_day` parses it with the stdlib."""
    return type_coerce(column, String)


@lru_cache(maxsize=8192)  # a log has a few thousand distinct days; hits make no new objects
def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _tallies(rows) -> list[Tally]:  # noqa: ANN001
    return [Tally(str(name), int(n)) for name, n in rows]


class DeskRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- Due now ------------------------------------------------------------------
    def due_reviews(self, today: date) -> list[DueReview]:
        """Open cases whose latest session set a review date that has come (today or before)."""
        latest = _latest_sessions(CaseRow.next_review_on <= today)
        query = (select(latest.c.case_id, latest.c.code, latest.c.specialty, latest.c.sessions, latest.c.session_id,
                        _text(latest.c.held_on), _text(latest.c.review_on))
                 .where(latest.c.session_id.is_not(None)).order_by(latest.c.review_on, latest.c.code))
        return [DueReview(case_id=r[0], code=r[1], specialty=r[2], session_number=r[3], session_id=r[4],
                          held_on=_day(r[5]), review_on=_day(r[6]), today=today)
                for r in self._session.connection().execute(query).all()]

    def open_actions(self, today: date) -> list[DueAction]:
        """The open actions of open cases' current plans, by owner role then due date."""
        # How many times each was carried: walk the carried_from links back to where it was agreed.
        latest = _latest_sessions()
        chain = (
            _current_actions(latest, PlanActionRow.id.label("start"), PlanActionRow.carried_from_id.label("up"),
                             literal(1).label("depth"))
            .where(PlanActionRow.carried_from_id.is_not(None))
            .cte("chain", recursive=True)
        )
        parent = aliased(PlanActionRow)
        chain = chain.union_all(
            select(chain.c.start, parent.carried_from_id, chain.c.depth + 1)
            .join(parent, parent.id == chain.c.up)
            .where(parent.carried_from_id.is_not(None), chain.c.depth < 100)  # a cycle cannot loop forever
        )
        depths = select(chain.c.start, func.max(chain.c.depth).label("times")).group_by(chain.c.start).subquery()
        query = (
            _current_actions(latest, PlanActionRow.id, latest.c.case_id, latest.c.code, latest.c.session_id,
                             _text(latest.c.held_on), PlanActionRow.text, PlanActionRow.owner_role,
                             _text(PlanActionRow.due_on),
                             func.coalesce(depths.c.times, 0))
            .outerjoin(depths, depths.c.start == PlanActionRow.id)
            .order_by(func.lower(PlanActionRow.owner_role), PlanActionRow.due_on.asc().nulls_last(),
                      latest.c.code, PlanActionRow.position)
        )
        # Core rows, not ORM results: 20k actions would pay the ORM's row wrapping for nothing.
        return [DueAction(action_id=r[0], case_id=r[1], code=r[2], session_id=r[3], held_on=_day(r[4]), text=r[5],
                          owner_role=r[6], due_on=_day(r[7]), times_carried=r[8], today=today)
                for r in self._session.connection().execute(query).all()]

    # --- the service report -----------------------------------------------------------
    def _in_range(self, start: date, end: date):  # noqa: ANN202
        return and_(ConsultationRow.held_on >= start, ConsultationRow.held_on <= end)

    def report_counts(self, start: date, end: date) -> dict:
        """Every count the service report prints, for sessions held from `start` to `end`."""
        in_range = self._in_range(start, end)
        s = self._session
        sessions, cases = s.execute(
            select(func.count(), func.count(ConsultationRow.case_id.distinct())).where(in_range)).one()
        first = select(ConsultationRow.case_id, func.min(ConsultationRow.held_on).label("first")) \
            .group_by(ConsultationRow.case_id).subquery()
        new_cases = s.scalar(select(func.count()).select_from(first).where(first.c.first >= start, first.c.first <= end))
        discussed = select(ConsultationRow.case_id.label("id")).where(in_range).distinct().subquery()
        by_case = select(CaseRow).join(discussed, discussed.c.id == CaseRow.id).subquery()
        specialties = s.execute(select(by_case.c.specialty, func.count()).group_by(by_case.c.specialty)
                                .order_by(func.count().desc(), by_case.c.specialty)).all()
        settings = s.execute(select(by_case.c.setting, func.count()).group_by(by_case.c.setting)
                             .order_by(func.count().desc(), by_case.c.setting)).all()
        # Rows of the range's sessions by a set of ids (from the (case_id, held_on) index), not a
        # join: a join lets SQLite walk the items in index order, reading a wide session row each.
        ids = select(ConsultationRow.id).where(in_range)
        attendees = s.execute(
            select(AttendeeRow.role, func.sum(AttendeeRow.count))
            .where(AttendeeRow.consultation_id.in_(ids))
            .group_by(AttendeeRow.role).order_by(func.sum(AttendeeRow.count).desc(), AttendeeRow.role)).all()
        items = s.execute(
            select(PerspectiveItemRow.perspective, PerspectiveItemRow.item_key, func.count())
            .where(PerspectiveItemRow.consultation_id.in_(ids))
            .group_by(PerspectiveItemRow.perspective, PerspectiveItemRow.item_key)).all()
        return {"sessions": sessions, "cases": cases, "new_cases": new_cases or 0,
                "specialties": _tallies(specialties), "settings": _tallies(settings),
                "attendees": _tallies(attendees), "items": items, "actions": self._outcomes(start, end)}

    def _outcomes(self, start: date, end: date) -> list[Tally]:
        """Actions agreed in the range (not carried in from before), by what their review made of them."""
        later = aliased(PlanActionRow)
        rows = self._session.execute(
            select(PlanActionRow.status, later.status, later.reviewed, func.count())
            .outerjoin(later, later.carried_from_id == PlanActionRow.id)
            .where(PlanActionRow.consultation_id.in_(select(ConsultationRow.id).where(self._in_range(start, end))),
                   PlanActionRow.carried_from_id.is_(None))
            .group_by(PlanActionRow.status, later.status, later.reviewed)).all()
        counts: dict[Outcome, int] = defaultdict(int)
        for status, later_status, later_reviewed, n in rows:
            counts[outcome_of(status, later_status, later_reviewed)] += n
        return [Tally(o.value, counts[o]) for o in Outcome if counts[o]]
