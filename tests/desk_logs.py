"""Logs for the Due now tests: many cases with reviews due and open actions, made quickly."""

from __future__ import annotations

from datetime import date, timedelta

from idc_desktop.domain import Case, Consultation, PlanAction
from idc_desktop.services import Services
from idc_desktop.services.catalogue import ItemResolver
from idc_desktop.services.consultations import store_consultation

TODAY = date(2026, 6, 10)  # every review and action of `many_due` has come by then


def many_due(services: Services, cases: int) -> None:
    """`cases` cases with a review due and three open actions each, made fast (one unit)."""
    roles = ["Consultant", "staff nurse", "Charge nurse", "Ärztin"]  # mixed case, one beyond ASCII
    with services.desk._store.unit() as uow:
        for n in range(cases):
            case_id = uow.cases.add(Case(code=f"IDC-{n:04d}", specialty="Renal"))
            session = Consultation(held_on=date(2026, 1, 1) + timedelta(days=n % 90))
            session.plan.review_on = date(2026, 4, 1) + timedelta(days=n % 60)
            session.plan.actions = [
                PlanAction(f"Action {n}.{k}", roles[(n + k) % len(roles)],
                           None if (n + k) % 7 == 0 else date(2026, 5, 1) + timedelta(days=(n * k) % 40))
                for k in range(3)]
            store_consultation(uow, case_id, session, ItemResolver(uow))
