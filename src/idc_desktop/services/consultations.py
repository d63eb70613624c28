"""Use cases of the sessions of a case: start, read, save (autosave), delete."""

from __future__ import annotations

from datetime import date

from idc_desktop.domain import ActionStatus, Consultation, ConsultationSummary, PlanAction
from idc_desktop.domain.consultation_rules import clean_consultation
from idc_desktop.services.catalogue import ItemResolver
from idc_desktop.store.store import Store, UnitOfWork


def store_consultation(uow: UnitOfWork, case_id: int, session: Consultation, resolver: ItemResolver) -> int:
    """Insert or update a session inside a unit of work, keeping the case's roll-ups true."""
    clean_consultation(session)
    for perspective, record in session.perspectives.items():
        record.items = [resolver.resolve(item, perspective) for item in record.items]
    if session.id is None:
        uow.consultations.add(case_id, session)
    else:
        uow.consultations.save(session)
    uow.cases.refresh_rollup(case_id)
    uow.search.reindex(case_id)
    assert session.id is not None
    return session.id


class ConsultationService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def for_case(self, case_id: int) -> list[ConsultationSummary]:
        with self._store.unit() as uow:
            return uow.consultations.summaries_for_case(case_id)

    def get(self, consultation_id: int) -> Consultation:
        with self._store.unit() as uow:
            return uow.consultations.get(consultation_id)

    def all_for_case(self, case_id: int) -> list[Consultation]:
        with self._store.unit() as uow:
            return [uow.consultations.get(i) for i in uow.consultations.ids_for_case(case_id)]

    def start(self, case_id: int, held_on: date | None = None) -> Consultation:
        """A new session; a follow-up starts with the previous session's open actions to review."""
        with self._store.unit() as uow:
            uow.cases.get(case_id)  # raises a clear error when the case has gone
            session = Consultation(held_on=held_on or date.today())
            previous_ids = uow.consultations.ids_for_case(case_id)
            if previous_ids:
                previous = uow.consultations.get(previous_ids[-1])
                session.facilitator_role = previous.facilitator_role
                session.plan.actions = [
                    PlanAction(
                        text=a.text, owner_role=a.owner_role, due_on=a.due_on,
                        status=ActionStatus.OPEN, carried_from=a.id, reviewed=False,
                    )
                    for a in previous.open_actions()
                ]
            store_consultation(uow, case_id, session, ItemResolver(uow))
            return session

    def save(self, session: Consultation) -> Consultation:
        assert session.id is not None and session.case_id is not None
        with self._store.unit() as uow:
            store_consultation(uow, session.case_id, session, ItemResolver(uow))
        return session

    def delete(self, consultation_id: int) -> None:
        with self._store.unit() as uow:
            case_id = uow.consultations.delete(consultation_id)
            uow.cases.refresh_rollup(case_id)
            uow.search.reindex(case_id)
