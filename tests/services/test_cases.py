"""The case library's use cases, on a real SQLite file, without Qt."""

from __future__ import annotations

import re

import pytest

from idc_desktop.domain import (
    Case,
    CaseFilter,
    CaseStatus,
    Consultation,
    Contribution,
    LifeStage,
    Perspective,
    Setting,
)
from idc_desktop.domain.errors import DuplicateCodeError, ValidationError
from idc_desktop.services import Services


def make_case(services: Services, **fields) -> Case:  # noqa: ANN003
    fields.setdefault("code", "")
    fields.setdefault("specialty", "Renal")
    return services.cases.create(Case(**fields))


def codes(services: Services, **flt) -> list[str]:  # noqa: ANN003
    return [s.code for s in services.cases.list(CaseFilter(**flt))]


def test_created_case_gets_a_random_code_and_reads_back(services: Services) -> None:
    case = make_case(services, setting=Setting.COMMUNITY, life_stage=LifeStage.OLDER_ADULT,
                     referral_reason="  Repeated complaints about the district nurses.  ", tags=["complaints", " ", "complaints"])
    assert re.fullmatch(r"IDC-[2-9A-HJ-NP-Z]{4}", case.code)
    again = services.cases.get(case.id)
    assert again.referral_reason == "Repeated complaints about the district nurses."
    assert again.setting is Setting.COMMUNITY and again.life_stage is LifeStage.OLDER_ADULT
    assert again.tags == ["complaints"]


def test_codes_are_unique_and_random(services: Services) -> None:
    made = {make_case(services).code for _ in range(40)}
    assert len(made) == 40


def test_typed_code_is_normalised_and_duplicates_refused(services: Services) -> None:
    make_case(services, code=" idc-ab12 ")
    assert codes(services) == ["IDC-AB12"]
    with pytest.raises(DuplicateCodeError, match="IDC-AB12 already exists"):
        make_case(services, code="IDC-AB12")
    assert len(codes(services)) == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"specialty": "   "}, "specialty", "specialty is empty"),
        ({"specialty": "x" * 81}, "specialty", "too long"),
        ({"code": "IDC 12"}, "code", "capital letters"),
        ({"code": "H1234567"}, "code", "record number"),
        ({"referral_reason": "y" * 100_001}, "referral_reason", "too long"),
    ],
)
def test_bad_fields_are_refused_naming_the_field(services: Services, fields: dict, field: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        make_case(services, **fields)
    assert caught.value.field == field
    assert services.cases.count() == 0


def test_update_close_reopen_delete(services: Services) -> None:
    case = make_case(services, referral_reason="first")
    case.referral_reason = "second"
    case.specialty = "Diabetes"
    services.cases.update(case)
    assert services.cases.get(case.id).specialty == "Diabetes"
    services.cases.set_status(case.id, CaseStatus.CLOSED)
    assert codes(services, status=CaseStatus.CLOSED) == [case.code]
    assert codes(services, status=CaseStatus.OPEN) == []
    services.cases.set_status(case.id, CaseStatus.OPEN)
    assert codes(services, status=CaseStatus.OPEN) == [case.code]
    services.sessions.start(case.id)
    services.cases.delete(case.id)
    assert services.cases.count() == 0
    with services.store.unit() as uow:  # sessions went with the case
        assert uow.consultations.ids_for_case(case.id) == []


def test_search_is_prefix_case_and_accent_insensitive(services: Services) -> None:
    renal = make_case(services, referral_reason="Shouts at nurses during HAEMODIALYSIS; refuses the café food")
    diabetes = make_case(services, specialty="Diabetes", referral_reason="Readmitted with ketoacidosis")
    assert codes(services, text="haemodial") == [renal.code]
    assert codes(services, text="cafe") == [renal.code]
    assert codes(services, text="CAFÉ shouts") == [renal.code]
    assert codes(services, text="keto") == [diabetes.code]
    assert codes(services, text="diabetes") == [diabetes.code]
    assert codes(services, text='"unbalanced (quote*') == []
    assert codes(services, text="***") == []
    assert sorted(codes(services, text="")) == sorted([renal.code, diabetes.code])


def test_search_covers_session_text_and_follows_edits(services: Services) -> None:
    case = make_case(services)
    session = services.sessions.start(case.id)
    assert codes(services, text="splitting") == []
    session.perspectives[Perspective.D].contributions.append(Contribution("The team is splitting"))
    session.facilitator_reflection = "privatenoteword"
    services.sessions.save(session)
    assert codes(services, text="splitting") == [case.code]
    # The private reflection is never searchable (it may not surface anywhere).
    assert codes(services, text="privatenoteword") == []


def test_filters_combine_with_search(services: Services) -> None:
    a = make_case(services, specialty="Renal", referral_reason="missed sessions")
    make_case(services, specialty="Diabetes", referral_reason="missed clinics")
    assert codes(services, text="missed", specialty="Renal") == [a.code]
    assert "Renal" in services.vocabulary.specialties()


def test_rollups_follow_sessions(services: Services) -> None:
    from datetime import date

    case = make_case(services)
    first = services.sessions.start(case.id, held_on=date(2026, 3, 4))
    first.plan.review_on = date(2026, 5, 1)
    services.sessions.save(first)
    second = services.sessions.start(case.id, held_on=date(2026, 5, 2))
    second.plan.review_on = date(2026, 7, 1)
    services.sessions.save(second)
    [summary] = services.cases.list()
    assert (summary.sessions, summary.last_session, summary.next_review) == (2, date(2026, 5, 2), date(2026, 7, 1))
    services.sessions.delete(second.id)
    [summary] = services.cases.list()
    assert (summary.sessions, summary.next_review) == (1, date(2026, 5, 1))


def test_demo_seeds_three_cases_once(demo_services: Services) -> None:
    from idc_desktop.services import seed_demo

    summaries = demo_services.cases.list()
    assert len(summaries) == 3
    assert len({s.specialty for s in summaries}) == 3
    assert sum(s.sessions for s in summaries) >= 4
    assert seed_demo(demo_services) == 0
    assert demo_services.cases.count() == 3
    for s in summaries:  # the demo's sessions read back whole
        for consultation in demo_services.sessions.all_for_case(s.id):
            assert isinstance(consultation, Consultation)
            assert all(record.items for record in consultation.perspectives.values())
