"""Fixtures for editor tests: a real case and session in a real store, and an editor on it."""

from __future__ import annotations

import pytest

from idc_desktop.domain import Case
from idc_desktop.services import Services
from idc_desktop.ui.session.opening import open_editor


@pytest.fixture
def case_id(services: Services) -> int:
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Shouts at nurses"))
    assert case.id is not None
    return case.id


@pytest.fixture
def session_id(services: Services, case_id: int) -> int:
    session = services.sessions.start(case_id)
    assert session.id is not None
    return session.id


@pytest.fixture
def editor(qtbot, services: Services, session_id: int):  # noqa: ANN001, ANN201
    widget = open_editor(services, session_id)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
