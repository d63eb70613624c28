"""The case view lists a case's sessions: date, status, open actions, review date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from idc_desktop.domain import Case, PlanAction
from idc_desktop.services import Services, shipped
from idc_desktop.ui.case.session_list_model import SessionListModel
from idc_desktop.ui.main_window import MainWindow


def test_sessions_show_date_status_and_open_actions(qtbot, qtmodeltester, window: MainWindow,  # noqa: ANN001
                                                     services: Services) -> None:
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Shouts"))
    first = services.sessions.start(case.id, held_on=date(2026, 3, 4))
    first.plan.actions = [PlanAction("Agree one visiting time"), PlanAction("Write a care plan")]
    first.plan.review_on = date(2026, 4, 1)
    first.current_phase = "close"
    services.sessions.save(first)
    second = services.sessions.start(case.id, held_on=date(2026, 4, 1))
    second.current_phase = "cycle"
    services.sessions.save(second)

    window.show_case(case.id)
    model = window.case_view.model
    assert isinstance(model, SessionListModel)
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows == [
        ["1", "04 Mar 2026", "Finished", "2", "01 Apr 2026"],
        ["2", "01 Apr 2026", "In progress: Cycle and formulation", "2", ""],  # both carried over, open
    ]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Status"
    assert [p.key for p in shipped.phases()][-1] == "close"
