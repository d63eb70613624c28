"""The library's listing in the store: every column's order, slices and counts, on a real file."""

from __future__ import annotations

from datetime import date

import pytest

from idc_desktop.domain import (
    Case,
    CaseFilter,
    CaseSort,
    CaseStatus,
    LifeStage,
    Plan,
    Setting,
)
from idc_desktop.services import Services

SPECIALTIES = ("renal", "Cardiology", "Oncology", "Diabetes")


@pytest.fixture
def listed(services: Services) -> Services:
    """Twelve cases with varied fields; some have sessions, so the date columns have gaps."""
    for i in range(12):
        case = services.cases.create(Case(
            code=f"IDC-{'ABCDEFGHJKLM'[i]}{i % 3 + 2}{i % 4 + 5}{i % 2 + 7}",
            specialty=SPECIALTIES[i % 4],
            setting=list(Setting)[i % len(Setting)],
            life_stage=list(LifeStage)[i % len(LifeStage)],
            referral_reason="missed dialysis" if i % 2 else "anger at the ward",
        ))
        if i % 5 == 0:
            services.cases.set_status(case.id, CaseStatus.CLOSED)
        for n in range(i % 3):
            session = services.sessions.start(case.id, held_on=date(2026, 1 + i % 9, 1 + n))
            session.plan = Plan(review_on=date(2026, 10, 1 + (i * 7) % 28))
            services.sessions.save(session)
    return services


def _key(sort: CaseSort):  # noqa: ANN202
    """The order the library promises, written out in Python to check the store against."""
    return {
        CaseSort.CODE: lambda s: s.code,
        CaseSort.SPECIALTY: lambda s: s.specialty.lower(),
        CaseSort.SETTING: lambda s: s.setting.value,
        CaseSort.LIFE_STAGE: lambda s: s.life_stage.value,
        CaseSort.STATUS: lambda s: s.status.value,
        CaseSort.SESSIONS: lambda s: s.sessions,
        CaseSort.LAST_SESSION: lambda s: s.last_session,
        CaseSort.NEXT_REVIEW: lambda s: s.next_review,
    }[sort]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(CaseSort))
def test_every_column_sorts_in_the_store_with_ties_by_code(listed: Services, sort: CaseSort, descending: bool) -> None:
    rows = listed.cases.list(CaseFilter(sort=sort, descending=descending))
    key = _key(sort)
    dated = [s for s in rows if key(s) is not None]
    undated = [s for s in rows if key(s) is None]
    # Cases without the date come last whichever way the column is sorted.
    assert rows == dated + undated
    expected = sorted(dated, key=lambda s: (key(s), s.code), reverse=descending)
    assert [s.code for s in dated] == [s.code for s in expected]
    assert [s.code for s in undated] == sorted((s.code for s in undated), reverse=descending)


@pytest.mark.parametrize("flt", [
    CaseFilter(), CaseFilter(text="dial"), CaseFilter(status=CaseStatus.OPEN, sort=CaseSort.NEXT_REVIEW),
    CaseFilter(text="ward", specialty="Oncology"), CaseFilter(text="nothing-matches-this"), CaseFilter(text="!!"),
])
def test_pages_counts_and_positions_agree_with_the_full_list(listed: Services, flt: CaseFilter) -> None:
    full = listed.cases.list(flt)
    assert listed.cases.matching(flt) == len(full)
    pages = [listed.cases.page(flt, offset, 5) for offset in range(0, 15, 5)]
    assert [s for page in pages for s in page] == full
    for index, summary in enumerate(full):
        assert listed.cases.position(flt, summary.id) == index
    hidden = [s for s in listed.cases.list() if s not in full]
    for summary in hidden:
        assert listed.cases.position(flt, summary.id) is None
