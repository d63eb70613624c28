"""Patterns across the log, through the services on a real store (issue 14, item 3)."""

from __future__ import annotations

from datetime import date

import pytest

from idc_desktop.domain import ActionStatus, AllianceDimension, Case, Perspective, PlanAction
from idc_desktop.domain.consultation import Contribution
from idc_desktop.domain.enums import Setting
from idc_desktop.domain.errors import InputError
from idc_desktop.domain.patterns import PatternFilter
from idc_desktop.services import Services

LEADS = {"A": ["dismissive", "critical"], "B": ["angry"], "C": ["demanding"], "D": ["avoidant", "guilty"]}


def _session(services: Services, case_id: int, held_on: date, items: dict[str, list[str]] | None = None,
             goals: int | None = None, actions: int = 0, voices: tuple[str, ...] = ()):  # noqa: ANN202
    session = services.sessions.start(case_id, held_on=held_on)
    for p, keys in (items or {}).items():
        session.perspectives[Perspective(p)].items = list(keys)
    for role in voices:
        session.perspectives[Perspective.D].contributions.append(Contribution("We keep visits short", role))
    session.alliance[AllianceDimension.GOALS].rating = goals
    session.plan.actions += [PlanAction(f"Action {n}", "Charge nurse") for n in range(actions)]
    return services.sessions.save(session)


def small_log(services: Services) -> tuple[int, int]:
    renal = services.cases.create(Case(code="", specialty="Renal", setting=Setting.INPATIENT)).id
    onc = services.cases.create(Case(code="", specialty="Oncology", setting=Setting.OUTPATIENT)).id
    _session(services, renal, date(2026, 1, 5), LEADS, goals=2, actions=2, voices=("Staff nurse", "Staff nurse"))
    follow = services.sessions.start(renal, held_on=date(2026, 2, 9))  # reviews the two actions
    first, second = follow.plan.actions
    first.status, first.reviewed = ActionStatus.DONE, True
    second.status, second.reviewed = ActionStatus.DROPPED, True
    follow.perspectives[Perspective.A].items = ["dismissive"]
    follow.perspectives[Perspective.B].items = ["angry"]
    follow.perspectives[Perspective.C].items = ["demanding"]
    follow.perspectives[Perspective.D].items = ["avoidant"]
    follow.alliance[AllianceDimension.GOALS].rating = 4
    services.sessions.save(follow)
    _session(services, onc, date(2026, 2, 20), {"A": ["dismissive"], "D": ["guilty"]}, goals=4, actions=1,
             voices=("Consultant",))
    _session(services, onc, date(2026, 3, 2))  # nothing chosen
    return renal, onc


def test_the_whole_log_counts_items_combinations_disciplines_alliance_months_and_actions(services: Services) -> None:
    small_log(services)
    p = services.desk.patterns(PatternFilter())
    assert (p.sessions, p.cases, p.sessions_with_items) == (4, 2, 3)
    assert [(t.name, t.count) for t in p.items[Perspective.A]] == [("dismissive", 3), ("critical", 1)]
    assert [(t.name, t.count) for t in p.items[Perspective.D]] == [("avoidant", 2), ("guilty", 2)]
    assert [(t.name, t.count) for t in p.combinations] == [("A: dismissive · B: angry · C: demanding · D: avoidant", 2)]
    assert [(d.discipline, d.contributions, d.sessions, d.top_items) for d in p.discipline_d] == [
        ("Staff nurse", 2, 1, ["avoidant", "guilty"]), ("Consultant", 1, 1, ["guilty"])]
    goals = p.alliance[0]
    assert goals.dimension is AllianceDimension.GOALS and goals.counts == {2: 1, 4: 2}
    assert goals.rated == 3 and goals.mean == pytest.approx(10 / 3)
    assert p.alliance[2].rated == 0 and p.alliance[2].mean is None
    assert [(t.name, t.count) for t in p.months] == [("2026-01", 1), ("2026-02", 2), ("2026-03", 1)]
    assert {t.name: t.count for t in p.actions} == {"done": 1, "dropped": 1, "awaiting review": 1}
    assert p.actions_done_share == pytest.approx(0.5)


def test_filters_keep_only_their_sessions(services: Services) -> None:
    small_log(services)
    renal = services.desk.patterns(PatternFilter(specialty="Renal"))
    assert (renal.sessions, renal.cases) == (2, 1) and [d.discipline for d in renal.discipline_d] == ["Staff nurse"]
    outpatient = services.desk.patterns(PatternFilter(setting="outpatient"))
    assert outpatient.sessions == 2 and outpatient.combinations == []
    february = services.desk.patterns(PatternFilter(date(2026, 2, 1), date(2026, 2, 28)))
    assert february.sessions == 2 and [t.name for t in february.months] == ["2026-02"]
    assert {t.name: t.count for t in february.actions} == {"awaiting review": 1}  # carried ones are not new


def test_an_empty_log_a_future_range_and_nothing_chosen_are_empty_not_errors(services: Services) -> None:
    assert services.desk.patterns(PatternFilter()).is_empty()
    small_log(services)
    future = services.desk.patterns(PatternFilter(date(2030, 1, 1), date(2030, 12, 31)))
    assert future.is_empty() and future.items[Perspective.A] == [] and future.months == []
    march = services.desk.patterns(PatternFilter(date(2026, 3, 1), date(2026, 3, 31)))
    assert march.sessions == 1 and march.sessions_with_items == 0 and march.items[Perspective.A] == []


def test_a_range_that_ends_before_it_starts_is_refused_in_words(services: Services) -> None:
    with pytest.raises(InputError, match="ends .* before it starts"):
        services.desk.patterns(PatternFilter(date(2026, 5, 1), date(2026, 4, 1)))


def test_specialties_and_settings_for_the_filter_lists(services: Services) -> None:
    small_log(services)
    specialties, settings = services.desk.specialties_and_settings()
    assert specialties == ["Oncology", "Renal"] and settings == ["inpatient", "outpatient"]


def test_the_patterns_pdf_prints_each_pattern_and_no_case_text(services: Services) -> None:
    from tests.services.test_service_report import _pdf_text

    small_log(services)
    patterns = services.desk.patterns(PatternFilter(specialty="Renal"))
    pdf = services.desk.patterns_pdf(patterns)
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf)
    assert "Patterns across the log" in text and "All dates · Renal · all settings" in text
    assert "Chosen most often in A" in text and "dismissive" in text
    assert "Recurring A-D combinations" in text and "Staff nurse" in text and "Sessions per month" in text
    assert "We keep visits short" not in text  # contributions' words never print
    assert "IDC-" not in text  # nor case codes
    empty = _pdf_text(services.desk.patterns_pdf(services.desk.patterns(PatternFilter(specialty="Surgery"))))
    assert "No sessions match this filter, so there is nothing to count." in empty


def test_the_patterns_gate_scans_disciplines_and_item_labels(services: Services) -> None:
    small_log(services)
    session = services.sessions.start(services.cases.create(Case(code="", specialty="Renal")).id,
                                      held_on=date(2026, 3, 9))
    session.perspectives[Perspective.D].contributions.append(Contribution("We felt pushed", "Dr Okafor's team"))
    services.sessions.save(session)
    found = services.desk.patterns_findings(services.desk.patterns(PatternFilter()))
    assert any(f.where == "discipline" for f in found), found
