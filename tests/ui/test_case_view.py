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

    window.ctx.cases.show(case.id)
    model = window.case_view.model
    assert isinstance(model, SessionListModel)
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows == [
        ["1", "4 Mar 2026", "Finished", "2", "1 Apr 2026"],
        ["2", "1 Apr 2026", "In progress: Cycle and formulation", "2", ""],  # both carried over, open
    ]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Status"
    assert [p.key for p in shipped.phases()][-1] == "close"


def test_columns_fit_their_content_and_numbers_line_up(window: MainWindow, demo_services: Services) -> None:
    window.resize(1200, 700)
    case = demo_services.cases.by_code("IDC-R4T7")
    window.ctx.cases.show(case.id)
    view = window.case_view
    header = view.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(view.model.columnCount())]
    assert widths[0] < widths[1] / 2  # "#" is not as wide as the date
    assert widths[2] == max(widths)  # the status takes the spare room
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert view.model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert view.model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert view.model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_demo_sessions_read_as_finished_not_as_not_started(window: MainWindow, demo_services: Services) -> None:
    for summary in demo_services.cases.list():
        window.ctx.cases.show(summary.id)
        model = window.case_view.model
        statuses = [model.index(r, 2).data() for r in range(model.rowCount())]
        assert statuses and "Not started" not in statuses, statuses


def test_an_empty_case_keeps_its_header_at_the_top(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    window.resize(1000, 800)
    case = services.cases.create(Case(code="", specialty="Renal"))
    window.ctx.cases.show(case.id)
    qtbot.wait(20)
    view = window.case_view
    assert view.empty.isVisible() and not view.table.isVisible()
    assert view.heading.geometry().top() < 40  # not pushed down the page
    assert view.details.geometry().bottom() < 120
    assert view.empty.geometry().top() < 160
