"""Similar past cases, through the services on a real store (issue 14, item 4)."""

from __future__ import annotations

from datetime import date

from idc_desktop.domain import ActionStatus, Case, Perspective, PlanAction
from idc_desktop.services import Services


def _case(services: Services, specialty: str, held_on: date, items: dict[str, list[str]], cycle: str = "",
          actions: tuple[str, ...] = ()) -> int:
    case_id = services.cases.create(Case(code="", specialty=specialty)).id
    session = services.sessions.start(case_id, held_on=held_on)
    for p, keys in items.items():
        session.perspectives[Perspective(p)].items = list(keys)
    session.cycle = cycle
    session.plan.actions = [PlanAction(text) for text in actions]
    services.sessions.save(session)
    return case_id


def _mine(services: Services) -> tuple[int, dict[Perspective, list[str]]]:
    case_id = services.cases.create(Case(code="", specialty="Renal")).id
    services.sessions.start(case_id, held_on=date(2026, 6, 1))
    return case_id, {Perspective.A: ["dismissive", "idealising"], Perspective.D: ["guilty"]}


def test_the_closest_pattern_comes_first_with_its_cycle_and_actions_done(services: Services) -> None:
    close = _case(services, "Oncology", date(2026, 1, 5), {"A": ["dismissive", "idealising"], "D": ["guilty"]},
                  "They see us as dismissive; we feel guilty.", ("Agree one visiting time", "Write a care plan"))
    follow = services.sessions.start(close, held_on=date(2026, 2, 1))  # the review: one done, one carried on
    follow.plan.actions[0].status, follow.plan.actions[0].reviewed = ActionStatus.DONE, True
    follow.plan.actions[1].reviewed = True
    services.sessions.save(follow)
    partial = _case(services, "Renal", date(2026, 3, 5), {"A": ["dismissive"]})
    _case(services, "Renal", date(2026, 3, 5), {"B": ["angry"]})  # nothing shared: not listed
    mine, items = _mine(services)
    found = services.desk.similar_cases(mine, "Renal", items)
    assert [s.case_id for s in found] == [close, partial]
    best = found[0]
    assert best.shared == ["A: dismissive", "A: idealising", "D: guilty"]
    assert best.cycle == "They see us as dismissive; we feel guilty."
    assert best.done == ["Agree one visiting time"] and best.not_done == 1
    assert best.held_on == date(2026, 1, 5) and best.score > found[1].score


def test_a_rarer_shared_item_weighs_more_and_specialty_breaks_a_tie(services: Services) -> None:
    common = [_case(services, "Surgery", date(2026, 1, d), {"C": ["attacking"]}) for d in range(1, 5)]
    rare = _case(services, "Surgery", date(2026, 1, 9), {"A": ["idealising"]})
    same_specialty = _case(services, "Renal", date(2025, 1, 9), {"A": ["idealising"]})
    mine = services.cases.create(Case(code="", specialty="Renal")).id
    found = services.desk.similar_cases(mine, "Renal", {Perspective.A: ["idealising"], Perspective.C: ["attacking"]})
    assert [s.case_id for s in found[:2]] == [same_specialty, rare]  # equal scores: Renal first, though older
    assert {s.case_id for s in found[2:]} <= set(common)
    assert found[1].score > found[2].score  # idealising is rarer in this log than attacking


def test_nothing_chosen_lists_nothing_and_the_case_itself_is_never_listed(services: Services) -> None:
    mine, items = _mine(services)
    assert services.desk.similar_cases(mine, "Renal", {p: [] for p in Perspective}) == []
    session = services.sessions.start(mine, held_on=date(2026, 7, 1))
    session.perspectives[Perspective.A].items = ["dismissive", "idealising"]
    services.sessions.save(session)
    assert services.desk.similar_cases(mine, "Renal", items) == []
