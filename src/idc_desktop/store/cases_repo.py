"""Cases: rows <-> domain objects, the library listing, and the per-case roll-ups."""

from __future__ import annotations

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from idc_desktop.domain import Case, CaseFilter, CaseStatus, CaseSummary, LifeStage, Setting
from idc_desktop.domain.errors import NotFoundError
from idc_desktop.store.models import CaseRow, ConsultationRow
from idc_desktop.store.search_index import SearchIndex, match_expression

_SUMMARY_COLUMNS = (
    CaseRow.id, CaseRow.code, CaseRow.specialty, CaseRow.setting, CaseRow.life_stage,
    CaseRow.status, CaseRow.session_count, CaseRow.last_session_on, CaseRow.next_review_on,
)


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

    def summaries(self, flt: CaseFilter = CaseFilter()) -> list[CaseSummary]:
        query = select(*_SUMMARY_COLUMNS).order_by(CaseRow.code)
        params = {}
        match = match_expression(flt.text)
        if flt.text.strip() and match is None:
            return []  # only punctuation typed: nothing can match
        if match is not None:
            query = query.where(CaseRow.id.in_(text(self._search.matching_ids_sql())))
            params["match"] = match
        if flt.status is not None:
            query = query.where(CaseRow.status == flt.status.value)
        if flt.specialty:
            query = query.where(CaseRow.specialty == flt.specialty)
        return [
            CaseSummary(
                id=r[0], code=r[1], specialty=r[2], setting=Setting(r[3]),
                life_stage=LifeStage(r[4]), status=CaseStatus(r[5]), sessions=r[6],
                last_session=r[7], next_review=r[8],
            )
            for r in self._session.execute(query, params)
        ]

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
