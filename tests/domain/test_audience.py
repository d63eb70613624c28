"""The audience content never carries a private field, in any phase."""

from __future__ import annotations

from datetime import date

import pytest

from idc_desktop.domain import (
    AllianceRating,
    Attendee,
    Consultation,
    Contribution,
    Perspective,
    PlanAction,
)
from idc_desktop.domain.audience import audience_content
from idc_desktop.domain.enums import ActionStatus, AllianceDimension
from idc_desktop.services import shipped

SECRET = "ZZSECRETZZ"


def full_session() -> Consultation:
    s = Consultation(held_on=date(2026, 3, 4))
    s.facilitator_reflection = f"I felt irritated {SECRET}"
    s.question = "How do we stay steady?"
    s.presentation = "Misses sessions"
    s.clarifying = "Q: lives alone? A: yes"
    s.close_notes = "Feeling less alone with it"
    s.attendees = [Attendee("Staff nurse", 4)]
    for p in Perspective:
        s.perspectives[p].items = ["dismissive"] if p.family == "seen" else ["angry"]
        s.perspectives[p].contributions = [Contribution(f"{p} says", "Staff nurse", salient=True)]
        s.perspectives[p].summary = f"summary {p}"
    s.cycle = "The cycle sentence"
    s.alliance[AllianceDimension.GOALS] = AllianceRating(2, "alliance notes")
    s.plan.stance = "Calm and consistent"
    s.plan.actions = [PlanAction("Agree a plan", "Charge nurse", date(2026, 4, 1)),
                      PlanAction("Old idea", "Consultant", status=ActionStatus.DROPPED)]
    s.plan.review_on = date(2026, 5, 1)
    return s


@pytest.mark.parametrize("phase", shipped.phases(), ids=lambda p: p.key)
def test_no_private_text_in_any_phase(phase) -> None:  # noqa: ANN001
    content = audience_content(full_session(), phase, "IDC-7Q4K", "Renal", lambda k: k)
    text = content.all_text()
    assert SECRET not in text
    assert phase.guidance not in text or not phase.guidance
    assert content.header == "IDC-7Q4K · Renal"


def test_perspective_content_holds_items_and_cards() -> None:
    phase = next(p for p in shipped.phases() if p.perspective is Perspective.C)
    content = audience_content(full_session(), phase, "IDC-7Q4K", "Renal", str.upper)
    assert content.items == ("DISMISSIVE",)
    assert content.cards[0].text == "C says" and content.cards[0].salient


def test_plan_content_leaves_out_dropped_actions() -> None:
    phase = next(p for p in shipped.phases() if p.key == "plan")
    content = audience_content(full_session(), phase, "IDC-7Q4K", "Renal", str)
    assert [a.text for a in content.actions] == ["Agree a plan"]
    assert content.stance == "Calm and consistent" and content.review_on == date(2026, 5, 1)
