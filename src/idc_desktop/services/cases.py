"""Use cases of the case library, one transaction each."""

from __future__ import annotations

from idc_desktop.domain import Case, CaseFilter, CaseStatus, CaseSummary
from idc_desktop.domain.codes import new_case_code
from idc_desktop.domain.errors import DuplicateCodeError, IdcError
from idc_desktop.domain.validation import clean_case
from idc_desktop.store.store import Store, UnitOfWork

_CODE_ATTEMPTS = 50


def unused_code(uow: UnitOfWork, taken: set[str] = frozenset()) -> str:
    """A fresh random code; 32^4 codes make a clash rare, and we simply draw again."""
    for _ in range(_CODE_ATTEMPTS):
        code = new_case_code()
        if code not in taken and not uow.cases.code_exists(code):
            return code
    # A very full log: longer codes keep codes random rather than sequential.
    return new_case_code(length=6)


class CaseService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self, flt: CaseFilter = CaseFilter()) -> list[CaseSummary]:
        with self._store.unit() as uow:
            return uow.cases.summaries(flt)

    def page(self, flt: CaseFilter, offset: int, limit: int) -> list[CaseSummary]:
        """A slice of `list(flt)`, for a library that fetches only the rows it shows."""
        with self._store.unit() as uow:
            return uow.cases.page(flt, offset, limit)

    def matching(self, flt: CaseFilter = CaseFilter()) -> int:
        """How many cases `list(flt)` would return, without building them."""
        with self._store.unit() as uow:
            return uow.cases.matching(flt) if flt.text or flt.status or flt.specialty else uow.cases.count()

    def position(self, flt: CaseFilter, case_id: int) -> int | None:
        """The index of a case in `list(flt)`, or None when the filter hides it."""
        with self._store.unit() as uow:
            return uow.cases.position(flt, case_id)

    def get(self, case_id: int) -> Case:
        with self._store.unit() as uow:
            return uow.cases.get(case_id)

    def by_code(self, code: str) -> Case | None:
        with self._store.unit() as uow:
            return uow.cases.by_code(code.strip().upper())

    def suggest_code(self) -> str:
        with self._store.unit() as uow:
            return unused_code(uow)

    def create(self, case: Case) -> Case:
        with self._store.unit() as uow:
            if not case.code.strip():
                case.code = unused_code(uow)
            clean_case(case)
            if uow.cases.code_exists(case.code):
                raise DuplicateCodeError(case.code)
            case.id = uow.cases.add(case)
        return case

    def update(self, case: Case) -> Case:
        if case.id is None:
            raise IdcError("A case must be saved before it can be edited.")
        clean_case(case)
        with self._store.unit() as uow:
            if uow.cases.code_exists(case.code, except_id=case.id):
                raise DuplicateCodeError(case.code)
            uow.cases.update(case)
        return case

    def set_status(self, case_id: int, status: CaseStatus) -> None:
        with self._store.unit() as uow:
            uow.cases.set_status(case_id, status)

    def delete(self, case_id: int) -> None:
        """Delete a case with all its sessions (the UI asks for confirmation first)."""
        with self._store.unit() as uow:
            uow.cases.delete(case_id)

    def count(self) -> int:
        with self._store.unit() as uow:
            return uow.cases.count()
