"""Counts for Patterns across the log (issue 14, item 3), each one aggregate query.

Every query is scoped to the sessions the filter keeps (held in the date range, of cases of the
specialty and setting asked for); with no filter that is the whole log. Items come back as
catalogue keys: the service names them.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from idc_desktop.domain.desk import Outcome, outcome_of
from idc_desktop.domain.patterns import RECURRING, TOP_COMBINATIONS, PatternFilter
from idc_desktop.store.models import (
    AllianceRow,
    CaseRow,
    ConsultationRow,
    ContributionRow,
    DisciplineItemRow,
    PerspectiveItemRow,
    PlanActionRow,
)


def _where(f: PatternFilter) -> list:
    conditions = []
    if f.start is not None:
        conditions.append(ConsultationRow.held_on >= f.start)
    if f.end is not None:
        conditions.append(ConsultationRow.held_on <= f.end)
    if f.specialty:
        conditions.append(CaseRow.specialty == f.specialty)
    if f.setting:
        conditions.append(CaseRow.setting == f.setting)
    return conditions


class PatternsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _scoped(self, query, f: PatternFilter, on):  # noqa: ANN001, ANN202
        """`query` kept to the sessions `f` keeps, through the column `on` (a consultation id).

        A set of ids, not a join: the ids in a date range come from the (case_id, held_on) index
        alone, where a join would read each wide session row once per item, rating or action."""
        conditions = _where(f)
        if not conditions:
            return query
        ids = select(ConsultationRow.id)
        if f.specialty or f.setting:
            ids = ids.join(CaseRow, CaseRow.id == ConsultationRow.case_id)
        return query.where(on.in_(ids.where(*conditions)))

    def counts(self, f: PatternFilter) -> dict:
        s = self._session.connection()
        scope = select(func.count(), func.count(ConsultationRow.case_id.distinct()))
        if f.specialty or f.setting:
            scope = scope.join(CaseRow, CaseRow.id == ConsultationRow.case_id)
        sessions, cases = s.execute(scope.where(*_where(f))).one()
        if not sessions:
            return {"sessions": 0, "cases": 0, "items": [], "leads": [], "d_roles": [], "d_items": [],
                    "alliance": [], "months": [], "actions": {}, "sessions_with_items": 0}
        item = PerspectiveItemRow
        items = s.execute(self._scoped(select(item.perspective, item.item_key, func.count()), f, item.consultation_id)
                          .group_by(item.perspective, item.item_key)).all()
        # The sessions that chose anything: the items' primary key (consultation_id first) read in
        # order, each session once; not a seek per session, which SQLite would make in whatever
        # order the index it scans the sessions by gives (the month's: random across the file).
        chose = self._scoped(select(item.consultation_id), f, item.consultation_id).distinct().subquery()
        with_items = s.scalar(select(func.count()).select_from(chose))
        leads = s.execute(self._combinations(f)).all()
        contribution = ContributionRow
        d_roles = s.execute(
            self._scoped(select(contribution.role, func.count(), func.count(contribution.consultation_id.distinct())),
                         f, contribution.consultation_id)
            .where(contribution.perspective == "D", contribution.role.is_not(None), contribution.role != "")
            .group_by(contribution.role)).all()
        pair = DisciplineItemRow  # kept by the store per session (migration 0005): counted in index order
        d_items = s.execute(self._scoped(select(pair.role, pair.item_key, func.count()), f, pair.consultation_id)
                            .group_by(pair.role, pair.item_key)).all()
        alliance = s.execute(self._scoped(select(AllianceRow.dimension, AllianceRow.rating, func.count()), f,
                                          AllianceRow.consultation_id)
                             .where(AllianceRow.rating.is_not(None))
                             .group_by(AllianceRow.dimension, AllianceRow.rating)).all()
        # Spelled as the index ix_consultations_month spells it (literals, not bound values), so
        # SQLite counts the months in index order.
        month = func.substr(ConsultationRow.held_on, literal_column("1"), literal_column("7"))
        months = s.execute(self._scoped(select(month, func.count()), f, ConsultationRow.id)
                           .group_by(month).order_by(month)).all()
        return {"sessions": sessions, "cases": cases, "items": items, "leads": leads, "d_roles": d_roles,
                "d_items": d_items, "alliance": alliance, "months": months, "actions": self._outcomes(f),
                "sessions_with_items": with_items or 0}

    def _combinations(self, f: PatternFilter):  # noqa: ANN202
        """The recurring combinations of each perspective's lead item (the first chosen), in
        sessions that chose in all four, as "keyA keyB keyC keyD": the column the store keeps
        (migration 0005), grouped from its own index."""
        leads = ConsultationRow.lead_items
        query = self._scoped(select(leads, func.count()).where(leads.is_not(None)), f, ConsultationRow.id)
        return (query.group_by(leads).having(func.count() >= RECURRING)
                .order_by(func.count().desc(), leads).limit(TOP_COMBINATIONS))

    def specialties_and_settings(self) -> tuple[list[str], list[str]]:
        s = self._session.connection()
        specialties = [r for (r,) in s.execute(select(CaseRow.specialty).distinct().order_by(CaseRow.specialty))]
        settings = [r for (r,) in s.execute(select(CaseRow.setting).distinct().order_by(CaseRow.setting))]
        return specialties, settings

    def _outcomes(self, f: PatternFilter) -> dict[Outcome, int]:
        """Actions agreed in the kept sessions (not carried in), by what their review made of them."""
        a = PlanActionRow  # the follow-up's verdict, kept on the action by the store (migration 0005)
        rows = self._session.connection().execute(
            self._scoped(select(a.status, a.later_status, a.later_reviewed, func.count()), f, a.consultation_id)
            .where(a.carried_from_id.is_(None)).group_by(a.status, a.later_status, a.later_reviewed)).all()
        counts: dict[Outcome, int] = defaultdict(int)
        for status, later_status, later_reviewed, n in rows:
            counts[outcome_of(status, later_status, later_reviewed)] += n
        return counts
