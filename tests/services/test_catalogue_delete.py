"""Deleting catalogue items: only unused ones, through the real store (issue 18, item 6)."""

from __future__ import annotations

import pytest

from idc_desktop.domain import Case, Perspective
from idc_desktop.domain.errors import ValidationError
from idc_desktop.services import Services


def test_an_unused_item_is_deleted_and_can_be_put_back(services: Services) -> None:
    item = services.catalogue.add("Keeps a diary of our mistakes", "seen")
    deleted = services.catalogue.delete(item.key)
    assert item.key not in {i.key for i in services.catalogue.items()}
    services.catalogue.restore(deleted)
    assert {i.key: i for i in services.catalogue.items()}[item.key] == item


def test_an_item_chosen_in_a_session_is_refused_with_the_reason(services: Services) -> None:
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Shouts"))
    for _ in range(2):
        session = services.sessions.start(case.id)
        session.perspectives[Perspective.C].items = ["demanding"]
        services.sessions.save(session)
    with pytest.raises(ValidationError, match="chosen in 2 session perspectives.*hide it instead"):
        services.catalogue.delete("demanding")
    assert "demanding" in {i.key for i in services.catalogue.items()}
