"""Which phase's page edits a part: the audit view opens a finding where it can be fixed."""

from __future__ import annotations

import pytest

from idc_desktop.domain.phases import phase_holding
from idc_desktop.services import shipped


@pytest.mark.parametrize(("part", "key"), [
    ("question", "frame"), ("attendees", "frame"), ("presentation", "presentation"),
    ("clarifying", "clarifying"), ("perspective.C.contributions", "perspective_c"),
    ("perspective.A.summary", "perspective_a"), ("cycle", "cycle"), ("alliance.bond", "cycle"),
    ("plan.actions", "plan"), ("plan.risks", "plan"), ("close_notes", "close"),
    ("facilitator_reflection", "close"),
])
def test_each_part_opens_on_its_own_page(part: str, key: str) -> None:
    phases = shipped.phases()
    assert phases[phase_holding(phases, part)].key == key


def test_an_unknown_part_has_no_page() -> None:
    assert phase_holding(shipped.phases(), "nothing") is None
