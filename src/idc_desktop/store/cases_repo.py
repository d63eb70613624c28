"""Cases: rows <-> domain objects, the library listing, and the per-case roll-ups."""

from __future__ import annotations

from sqlalchemy import Select, delete, func, select, text
from sqlalchemy.orm import Session

from idc_desktop.domain import Case, CaseFilter, CaseSort, CaseStatus, CaseSummary, LifeStage, Setting
from idc_desktop.domain.errors import NotFoundError
from idc_desktop.store.carried import refresh_carried
from idc_desktop.store.first_look import SUMMARY_COLUMNS, summary_from_row
from idc_desktop.store.models import CaseRow, ConsultationRow
from idc_desktop.store.search_index import SearchIndex, match_expression

_SUMMARY_COLUMNS = tuple(getattr(CaseRow, name) for name in SUMMARY_COLUMNS)  # the start-up's first look reads the same


_SORT_COLUMNS = {
    CaseSort.CODE: CaseRow.code,
    CaseSort.SPECIALTY: func.lower(CaseRow.specialty),
    CaseSort.SETTING: CaseRow.setting,
    CaseSort.LIFE_STAGE: CaseRow.life_stage,
    CaseSort.STATUS: CaseRow.status,
    CaseSort.SESSIONS: CaseRow.session_count,
    CaseSort.LAST_SESSION: CaseRow.last_session_on,
    CaseSort.NEXT_REVIEW: CaseRow.next_review_on,
}
_DATE_SORTS = (CaseSort.LAST_SESSION, CaseSort.NEXT_REVIEW)


def _to_domain(row: CaseRow) -> Case:
    return Case(
        id=row.id,
        code=row.code,
        specialty=row.specialty,
        setting=Setting(row.setting),
        life_stage=LifeStage(row.life_stage),
        gender=row.gender,
        referral_reason=row.referral_reason,
        status=CaseStatus(row.status),
        tags=list(row.tags or []),
    )


def _copy_fields(case: Case, row: CaseRow) -> None:
    row.code = case.code
    row.specialty = case.specialty
    row.setting = case.setting.value
    row.life_stage = case.life_stage.value
    row.gender = case.gender
    row.referral_reason = case.referral_reason
    row.status = case.status.value
    row.tags = list(case.tags)


class CaseRepository:
    def __init__(self, session: Session, search: SearchIndex) -> None:
        self._session = session
        self._search = search

    def _row(self, case_id: int) -> CaseRow:
        row = self._session.get(CaseRow, case_id)
        if row is None:
            raise NotFoundError(f"There is no case with id {case_id}; it may have been deleted.")
        return row

    def get(self, case_id: int) -> Case:
        return _to_domain(self._row(case_id))

    def by_code(self, code: str) -> Case | None:
        row = self._session.scalar(select(CaseRow).where(CaseRow.code == code))
        return _to_domain(row) if row else None

    def code_exists(self, code: str, except_id: int | None = None) -> bool:
        query = select(CaseRow.id).where(CaseRow.code == code)
        if except_id is not None:
            query = query.where(CaseRow.id != except_id)
        return self._session.scalar(query) is not None

    def add(self, case: Case) -> int:
        row = CaseRow(session_count=0)
        _copy_fields(case, row)
        self._session.add(row)
        self._session.flush()
        self._search.reindex(row.id)
        return row.id

    def update(self, case: Case) -> None:
        assert case.id is not None
        _copy_fields(case, self._row(case.id))
        self._session.flush()
        self._search.reindex(case.id)

    def set_status(self, case_id: int, status: CaseStatus) -> None:
        self._row(case_id).status = status.value

    def delete(self, case_id: int) -> None:
        self._row(case_id)
        self._search.remove(case_id)
        # The database cascades to sessions and everything below them.
        self._session.execute(delete(CaseRow).where(CaseRow.id == case_id))

    def count(self) -> int:
        return self._session.scalar(select(func.count()).select_from(CaseRow)) or 0

    def _filtered(self, query: Select, flt: CaseFilter) -> tuple[Select, dict[str, str]] | None:
        """`query` narrowed by the filter and put in its order; None when nothing can match."""
        params: dict[str, str] = {}
        match = match_expression(flt.text)
        if flt.text.strip() and match is None:
            return None  # only punctuation typed: nothing can match
        if match is not None:
            query = self._search.joined(query, CaseRow.id)
            params["match"] = match
        if flt.status is not None:
            query = query.where(CaseRow.status == flt.status.value)
        if flt.specialty:
            query = query.where(CaseRow.specialty == flt.specialty)
        column = _SORT_COLUMNS[flt.sort]
        key = column.desc() if flt.descending else column.asc()
        if flt.sort in _DATE_SORTS:
            key = key.nulls_last()  # a case with no date is never "next"
        tie = CaseRow.code.desc() if flt.descending else CaseRow.code.asc()
        return query.order_by(key, tie), params

    def summaries(self, flt: CaseFilter = CaseFilter()) -> list[CaseSummary]:
        built = self._filtered(select(*_SUMMARY_COLUMNS), flt)
        if built is None:
            return []
        return [summary_from_row(r) for r in self._session.execute(*built)]

    def page(self, flt: CaseFilter, offset: int, limit: int) -> list[CaseSummary]:
        """One slice of the ordered list: the library fetches only the rows it shows."""
        built = self._filtered(select(*_SUMMARY_COLUMNS), flt)
        if built is None:
            return []
        query, params = built
        return [summary_from_row(r) for r in self._session.execute(query.offset(offset).limit(limit), params)]

    def matching(self, flt: CaseFilter) -> int:
        """How many cases the filter lets through."""
        match = match_expression(flt.text)
        if match is not None and flt.status is None and not flt.specialty:
            # Every indexed row is a case: the index alone can count (ten times faster).
            return self._session.execute(text(self._search.count_sql()), {"match": match}).scalar_one()
        built = self._filtered(select(func.count()).select_from(CaseRow), flt)
        if built is None:
            return 0
        query, params = built
        return self._session.execute(query.order_by(None), params).scalar_one()

    def position(self, flt: CaseFilter, case_id: int) -> int | None:
        """Where a case is in the ordered list, or None when the filter hides it."""
        built = self._filtered(select(CaseRow.id), flt)
        if built is None:
            return None
        ids = self._session.execute(*built).scalars().all()
        try:
            return ids.index(case_id)
        except ValueError:
            return None

    def specialties_in_use(self) -> list[str]:
        return list(self._session.scalars(select(CaseRow.specialty).distinct().order_by(CaseRow.specialty)))

    def refresh_rollup(self, case_id: int) -> None:
        """Recompute the library's figures for one case after its sessions changed."""
        row = self._row(case_id)
        sessions = self._session.execute(
            select(ConsultationRow.held_on, ConsultationRow.review_on)
            .where(ConsultationRow.case_id == case_id)
            .order_by(ConsultationRow.held_on, ConsultationRow.id)
        ).all()
        row.session_count = len(sessions)
        row.last_session_on = sessions[-1][0] if sessions else None
        # The review the latest session set is the one the team is working towards.
        row.next_review_on = sessions[-1][1] if sessions else None
        self._session.flush()
        refresh_carried(self._session, case_id)
