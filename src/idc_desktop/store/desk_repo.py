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

from sqlalchemy import String, and_, func, literal_column, select, tuple_, type_coerce
from sqlalchemy.orm import Session, aliased

from idc_desktop.domain.desk import DueAction, DueCounts, DueReview, Outcome, Tally, outcome_of
from idc_desktop.store.models import (
    UNDATED,
    AttendeeRow,
    CaseRow,
    ConsultationRow,
    PerspectiveItemRow,
    PlanActionRow,
)

PAGE = 200  # rows of a Due now list read at a time


def _latest_of(case_id, column: str = "id"):  # noqa: ANN001, ANN202 - a correlated scalar subquery
    """A column of the latest session (by date, then id) of the case `case_id` names, read from
    the index on consultations (case_id, held_on) alone (migration 0004; SQLite appends the
    rowid, so ties are ordered by id too): the wide session rows are never read."""
    inner = aliased(ConsultationRow)
    return (select(getattr(inner, column)).where(inner.case_id == case_id)
            .order_by(inner.held_on.desc(), inner.id.desc()).limit(1).scalar_subquery())


def _action_order(a):  # noqa: ANN001, ANN202
    """Due now's order of actions, exactly as the index ix_plan_actions_due spells it (so SQLite
    reads the index in order): owner role, due date with undated last, then id."""
    return func.lower(a.owner_role), func.coalesce(a.due_on, literal_column(UNDATED)), a.id


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
    def due_counts(self, today: date) -> DueCounts:
        """How many reviews are due and actions open (overdue, carried twice or more), in all."""
        conn = self._session.connection()
        reviews, late_reviews = conn.execute(
            select(func.count(), func.count().filter(CaseRow.next_review_on < today))
            .where(CaseRow.status == "open", CaseRow.next_review_on <= today)).one()
        # From the index alone: each open case's latest session, then its open actions by the
        # (consultation_id, status, due_on, times_carried) index of migration 0005.
        latest = (select(_latest_of(CaseRow.id).label("session_id")).where(CaseRow.status == "open")
                  .cte("latest").prefix_with("MATERIALIZED"))
        a = PlanActionRow
        actions, late_actions, carried = conn.execute(
            select(func.count(), func.count().filter(a.due_on < today), func.count().filter(a.times_carried >= 2))
            .join(latest, latest.c.session_id == a.consultation_id).where(a.status == "open")).one()
        return DueCounts(reviews=reviews, overdue_reviews=late_reviews, actions=actions,
                         overdue_actions=late_actions, carried=carried)

    def due_reviews(self, today: date, after: int | None = None, limit: int = PAGE) -> list[DueReview]:
        """Open cases whose latest session set a review date that has come (today or before),
        most overdue first: `limit` of them, from after the case `after` (keyset paging)."""
        c = CaseRow
        query = (select(c.id, c.code, c.specialty, c.session_count, _latest_of(c.id),
                        _text(_latest_of(c.id, "held_on")), _text(c.next_review_on))
                 .where(c.status == "open", c.next_review_on <= today)
                 .order_by(c.next_review_on, c.code).limit(limit))
        if after is not None:
            mark = aliased(CaseRow)
            query = query.where(tuple_(c.next_review_on, c.code) > select(mark.next_review_on, mark.code)
                                .where(mark.id == after).scalar_subquery())
        return [DueReview(case_id=r[0], code=r[1], specialty=r[2], session_number=r[3], session_id=r[4],
                          held_on=_day(r[5]), review_on=_day(r[6]), today=today)
                for r in self._session.connection().execute(query).all() if r[4] is not None]

    def open_actions(self, today: date, after: int | None = None, limit: int = PAGE,
                     carried_only: bool = False) -> list[DueAction]:
        """The open actions of open cases' current plans (their latest sessions), by owner role
        then due date (undated last): `limit` of them, from after the action `after`.

        Read in the order of the index of migration 0005, so a page stops after its rows
        instead of sorting every open action of the log first."""
        a, s, c = PlanActionRow, aliased(ConsultationRow), CaseRow
        query = (
            select(a.id, c.id, c.code, s.id, _text(s.held_on), a.text, a.owner_role, _text(a.due_on),
                   a.times_carried)
            .join(s, s.id == a.consultation_id).join(c, c.id == s.case_id)
            .where(a.status == "open", c.status == "open", a.consultation_id == _latest_of(s.case_id))
            .order_by(*_action_order(a)).limit(limit)
        )
        if carried_only:
            query = query.where(a.times_carried >= 2)
        if after is not None:
            mark = aliased(PlanActionRow)
            query = query.where(tuple_(*_action_order(a)) > select(*_action_order(mark))
                                .where(mark.id == after).scalar_subquery())
        # Core rows, not ORM results: the ORM's row wrapping costs and buys nothing here.
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
        a = PlanActionRow  # the follow-up's verdict, kept on the action by the store (migration 0005)
        rows = self._session.execute(
            select(a.status, a.later_status, a.later_reviewed, func.count())
            .where(a.consultation_id.in_(select(ConsultationRow.id).where(self._in_range(start, end))),
                   a.carried_from_id.is_(None))
            .group_by(a.status, a.later_status, a.later_reviewed)).all()
        counts: dict[Outcome, int] = defaultdict(int)
        for status, later_status, later_reviewed, n in rows:
            counts[outcome_of(status, later_status, later_reviewed)] += n
        return [Tally(o.value, counts[o]) for o in Outcome if counts[o]]
