"""Saving a session updates its children in place: ids stay, so links to them hold."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from idc_desktop.domain import ActionStatus, Case, Contribution, Perspective, PlanAction
from idc_desktop.paths import store_path
from idc_desktop.services import Services


def _case(services: Services) -> int:
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Misses dialysis"))
    assert case.id is not None
    return case.id


def test_carried_actions_keep_their_link_when_the_earlier_session_is_saved_again(services: Services) -> None:
    case_id = _case(services)
    first = services.sessions.start(case_id, held_on=date(2026, 3, 4))
    first.plan.actions = [PlanAction("Agree one visiting time", "Charge nurse", date(2026, 4, 1)),
                          PlanAction("Write the care plan", "Consultant")]
    services.sessions.save(first)
    first_ids = [a.id for a in first.plan.actions]
    assert all(first_ids)

    second = services.sessions.start(case_id, held_on=date(2026, 4, 1))
    assert [a.carried_from for a in second.plan.actions] == first_ids

    # The lead goes back to the first session and edits it: text, order, a new action.
    first = services.sessions.get(first.id)
    first.plan.actions[0].text = "Agree one visiting time with the patient"
    first.plan.actions.reverse()
    first.plan.actions.append(PlanAction("Offer a debrief", "Psychologist"))
    first.question = "Why does he shout at us?"
    services.sessions.save(first)

    again = services.sessions.get(first.id)
    assert sorted(a.id for a in again.plan.actions[:2]) == sorted(first_ids)
    assert again.plan.actions[1].text == "Agree one visiting time with the patient"
    assert again.plan.actions[2].id not in first_ids
    assert [a.carried_from for a in services.sessions.get(second.id).plan.actions] == first_ids


def test_removed_children_are_deleted_and_kept_ones_keep_their_ids(services: Services, data_dir: Path) -> None:
    session = services.sessions.start(_case(services))
    record = session.perspectives[Perspective.D]
    record.contributions = [Contribution("I avoid the bay"), Contribution("I want to rescue him", "Nurse")]
    record.items = ["guilty", "angry"]
    services.sessions.save(session)
    kept = record.contributions[1].id
    assert kept is not None

    record.contributions = [record.contributions[1], Contribution("We are split", salient=True)]
    record.items = ["angry"]
    services.sessions.save(session)

    stored = services.sessions.get(session.id).perspectives[Perspective.D]
    assert [c.text for c in stored.contributions] == ["I want to rescue him", "We are split"]
    assert stored.contributions[0].id == kept and stored.items == ["angry"]
    with sqlite3.connect(store_path(data_dir)) as db:
        (count,) = db.execute("SELECT count(*) FROM contributions WHERE consultation_id = ?", (session.id,)).fetchone()
    assert count == 2


def test_a_copied_child_with_a_foreign_id_becomes_a_new_row(services: Services) -> None:
    case_id = _case(services)
    first = services.sessions.start(case_id, held_on=date(2026, 3, 4))
    first.plan.actions = [PlanAction("Call the GP")]
    services.sessions.save(first)
    second = services.sessions.start(case_id, held_on=date(2026, 4, 1))
    foreign = first.plan.actions[0]
    second.plan.actions.append(PlanAction(foreign.text, status=ActionStatus.OPEN, id=foreign.id))
    services.sessions.save(second)
    assert services.sessions.get(first.id).plan.actions[0].text == "Call the GP"  # untouched
    assert len({a.id for a in services.sessions.get(second.id).plan.actions}) == 2
