"""The gate before anything leaves the app: nothing goes out on a reflex Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QTreeWidget

from idc_desktop.domain import Case
from idc_desktop.services import Services
from idc_desktop.ui.privacy.findings_gate import FindingsGate, acknowledge_findings
from tests.ui.dialogs import when_dialog_opens


@pytest.fixture
def findings(services: Services) -> list:
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Seen by Dr Patel, NHS 943 476 5919."))
    return services.exports.findings_for(services.exports.select(case.code, "all"), include_private=True)


def test_nothing_found_goes_ahead_without_asking(qtbot) -> None:  # noqa: ANN001
    assert acknowledge_findings(None, [], "Export") is True


def test_enter_alone_cancels(qtbot, findings: list) -> None:  # noqa: ANN001
    seen = {}

    def press_enter(gate: FindingsGate) -> None:
        rows = gate.findChild(QTreeWidget, "gateFindings")
        seen["rows"] = [rows.topLevelItem(i).text(2) for i in range(rows.topLevelItemCount())]
        seen["go_enabled"] = gate.findChild(QPushButton, "gateGoAhead").isEnabled()
        qtbot.keyClick(gate, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, press_enter, FindingsGate)
    assert acknowledge_findings(None, findings, "Export") is False
    assert "943 476 5919" in seen["rows"] and "Dr Patel" in seen["rows"]
    assert seen["go_enabled"] is False


def test_ticking_the_acknowledgement_lets_it_through(qtbot, findings: list) -> None:  # noqa: ANN001
    def acknowledge(gate: FindingsGate) -> None:
        gate.findChild(QCheckBox, "gateAcknowledge").setChecked(True)
        go = gate.findChild(QPushButton, "gateGoAhead")
        assert go.isEnabled() and go.text() == "Project anyway"
        go.click()

    when_dialog_opens(qtbot, acknowledge, FindingsGate)
    assert acknowledge_findings(None, findings, "Project") is True


def test_projecting_waits_for_the_gate(qtbot, window, services: Services) -> None:  # noqa: ANN001
    from idc_desktop.domain import Contribution, Perspective

    case = services.cases.create(Case(code="", specialty="Renal"))
    session = services.sessions.start(case.id)
    session.perspectives[Perspective.B].contributions.append(Contribution(text="She lives at SW1A 1AA"))
    session.facilitator_reflection = "Private: Dr Who upset me"  # private: never projected, so not listed
    services.sessions.save(session)
    window.ctx.sessions.open(session.id)
    listed = []

    def cancel(gate: FindingsGate) -> None:
        listed.extend(gate.table.topLevelItem(i).text(2) for i in range(gate.table.topLevelItemCount()))
        gate.reject()

    when_dialog_opens(qtbot, cancel, FindingsGate)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert listed == ["SW1A 1AA"] and window.projector is None

    def acknowledge(gate: FindingsGate) -> None:
        gate.checked.setChecked(True)
        gate.go.click()

    when_dialog_opens(qtbot, acknowledge, FindingsGate)
    window.ctx.projection.project.trigger()
    assert window.projector is not None
    window.ctx.projection.stop()


def test_enter_on_a_focused_go_ahead_goes_ahead(qtbot, findings: list) -> None:  # noqa: ANN001
    """Issue 13.13: once ticked and focused (Tab to it), Enter presses "Project anyway"."""

    def tick_tab_enter(gate: FindingsGate) -> None:
        gate.findChild(QCheckBox, "gateAcknowledge").setChecked(True)
        go = gate.findChild(QPushButton, "gateGoAhead")
        go.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(go, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, tick_tab_enter, FindingsGate)
    assert acknowledge_findings(None, findings, "Project") is True
