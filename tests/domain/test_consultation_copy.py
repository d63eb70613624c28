"""The session's small dataclasses copy themselves (fast, for undo snapshots and autosave):
every field must survive a deep copy, and nothing mutable may be shared."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

from idc_desktop.domain import (
    ActionStatus,
    AllianceDimension,
    AllianceRating,
    Attendee,
    Consultation,
    Contribution,
    Perspective,
    PerspectiveRecord,
    Plan,
    PlanAction,
)


def _full_session() -> Consultation:
    """A session where every field holds something other than its default."""
    session = Consultation(held_on=date(2026, 3, 4), facilitator_role="Psychiatrist", presenter_role="Staff nurse",
                           attendees=[Attendee("Staff nurse", 3)], ground_rules=["confidential"], question="Q",
                           presentation="P", clarifying="C", close_notes="N", cycle="Y", formulation="F",
                           facilitator_reflection="R", current_phase="plan", id=7, case_id=2)
    session.perspectives[Perspective.A] = PerspectiveRecord(
        items=["dismissive"], summary="S", contributions=[Contribution("said", "Doctor", True, 11)])
    session.alliance[AllianceDimension.BOND] = AllianceRating(2, "thin")
    session.plan = Plan(stance="calm", actions=[PlanAction("call", "Nurse", date(2026, 4, 1), ActionStatus.DONE, 3, 12, False)],
                        risks="r", staff_support="s", patient_message="m", review_on=date(2026, 5, 1))
    return session


def _assert_all_fields_non_default(obj: object) -> None:
    for f in dataclasses.fields(obj):
        default = f.default if f.default is not dataclasses.MISSING else (
            f.default_factory() if f.default_factory is not dataclasses.MISSING else object())
        assert getattr(obj, f.name) != default, f"{type(obj).__name__}.{f.name} is left at its default in the test"


def test_every_field_of_every_part_survives_a_deep_copy() -> None:
    session = _full_session()
    parts = [session.attendees[0], session.perspectives[Perspective.A],
             session.perspectives[Perspective.A].contributions[0], session.alliance[AllianceDimension.BOND],
             session.plan, session.plan.actions[0]]
    for part in parts:
        _assert_all_fields_non_default(part)  # so a field added later without copying it fails here
        copied = copy.deepcopy(part)
        assert copied == part and copied is not part
    assert copy.deepcopy(session) == session


def test_copies_share_nothing_mutable() -> None:
    session = _full_session()
    copied = copy.deepcopy(session)
    copied.perspectives[Perspective.A].items.append("hostile")
    copied.perspectives[Perspective.A].contributions[0].text = "changed"
    copied.plan.actions[0].text = "changed"
    copied.attendees[0].count = 9
    assert session == _full_session()


def test_the_copy_memo_maps_each_child_to_its_copy() -> None:
    """The autosaver relies on this to hand new ids back to the live session."""
    session = _full_session()
    memo: dict = {}
    copied = copy.deepcopy(session, memo)
    assert memo[id(session.plan.actions[0])] is copied.plan.actions[0]
    contribution = session.perspectives[Perspective.A].contributions[0]
    assert memo[id(contribution)] is copied.perspectives[Perspective.A].contributions[0]
