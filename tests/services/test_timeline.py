"""A case across its sessions, through the services on a real store (issue 14, item 2)."""

from __future__ import annotations

from datetime import date

import pytest

from idc_desktop.domain import ActionStatus, AllianceDimension, Case, Perspective, PlanAction
from idc_desktop.domain.desk import Outcome
from idc_desktop.domain.errors import IdcError
from idc_desktop.services import Services

REFLECTION = "Private: I felt pulled to rescue the presenter"


def _case(services: Services) -> int:
    return services.cases.create(Case(code="", specialty="Renal")).id


def two_sessions(services: Services) -> int:
    case_id = _case(services)
    first = services.sessions.start(case_id, held_on=date(2026, 3, 4))
    first.perspectives[Perspective.A].items = ["dismissive", "critical"]
    first.perspectives[Perspective.D].items = ["wanting_to_rescue"]
    first.cycle = "The patient sees staff as dismissive; staff keep visits short."
    first.alliance[AllianceDimension.GOALS].rating = 2
    first.alliance[AllianceDimension.BOND].rating = 1
    first.plan.actions = [PlanAction("Agree one visiting time", "Charge nurse", date(2026, 3, 20)),
                          PlanAction("Write a shared care plan", "Consultant")]
    first.facilitator_reflection = REFLECTION
    services.sessions.save(first)
    second = services.sessions.start(case_id, held_on=date(2026, 4, 1))  # carries both, awaiting review
    visiting, care_plan = second.plan.actions
    visiting.status, visiting.reviewed = ActionStatus.DONE, True
    care_plan.reviewed = True  # reviewed and left open: not done, carried on
    second.alliance[AllianceDimension.GOALS].rating = 4
    second.alliance[AllianceDimension.TASKS].rating = 3
    services.sessions.save(second)
    return case_id


def test_each_session_reads_its_cycle_items_alliance_and_action_fates(services: Services) -> None:
    timeline = services.desk.case_timeline(two_sessions(services))
    first, second = timeline.entries
    assert (first.number, first.held_on, second.number) == (1, date(2026, 3, 4), 2)
    assert first.cycle.startswith("The patient sees staff as dismissive")
    assert first.items[Perspective.A] == ["dismissive", "critical"]
    assert first.items[Perspective.D] == ["wanting to rescue"]  # labels, not keys
    assert first.items[Perspective.B] == [] and not second.has_items()
    assert [(a.text, a.outcome, a.carried_in) for a in first.actions] == [
        ("Agree one visiting time", Outcome.DONE, False),
        ("Write a shared care plan", Outcome.CARRIED, False)]
    assert [(a.outcome, a.carried_in) for a in second.actions] == [(Outcome.DONE, True), (Outcome.NO_REVIEW, True)]
    assert timeline.trend(AllianceDimension.GOALS) == [2, 4]
    assert timeline.trend(AllianceDimension.TASKS) == [None, 3]
    assert timeline.has_ratings()


def test_the_private_reflection_is_not_in_the_timeline(services: Services) -> None:
    timeline = services.desk.case_timeline(two_sessions(services))
    assert "rescue the presenter" not in repr(timeline)


def test_a_follow_up_not_yet_reviewed_reads_as_awaiting_review(services: Services) -> None:
    case_id = _case(services)
    first = services.sessions.start(case_id, held_on=date(2026, 3, 4))
    first.plan.actions = [PlanAction("Agree one visiting time")]
    services.sessions.save(first)
    services.sessions.start(case_id, held_on=date(2026, 4, 1))
    [entry, _] = services.desk.case_timeline(case_id).entries
    assert [a.outcome for a in entry.actions] == [Outcome.AWAITING]


def test_a_case_with_no_sessions_or_nothing_rated_is_an_empty_calm_timeline(services: Services) -> None:
    case_id = _case(services)
    assert services.desk.case_timeline(case_id).is_empty()
    services.sessions.start(case_id, held_on=date(2026, 3, 4))
    timeline = services.desk.case_timeline(case_id)
    assert len(timeline.entries) == 1 and not timeline.has_ratings() and not timeline.entries[0].has_items()


def test_a_case_that_has_gone_is_a_clear_error(services: Services) -> None:
    with pytest.raises(IdcError):
        services.desk.case_timeline(987654)
