"""The actions table model: Qt's model tester, the smallest change on every update, and the
warning helpers it shares with the page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from idc_desktop.domain import ActionStatus, PlanAction
from idc_desktop.ui.session.plan.actions_model import DUE, STATUS, TEXT, ActionsModel
from idc_desktop.ui.session.plan.warnings import action_warnings, review_warning

HELD_ON = date(2026, 3, 4)


def sample() -> list[PlanAction]:
    return [
        PlanAction("Agree one script", "Charge nurse", date(2026, 4, 1)),
        PlanAction("Call the GP", "Staff nurse", date(2026, 3, 1), carried_from=7),
        PlanAction("Stop the extra visits", "", None, ActionStatus.DROPPED),
        PlanAction("Referral to psychology", "Consultant", date(2026, 2, 1), ActionStatus.DONE),
    ]


def test_actions_model_passes_the_model_tester(qtmodeltester) -> None:  # noqa: ANN001
    model = ActionsModel()
    model.set_session_date(HELD_ON)
    model.set_actions(sample())
    qtmodeltester.check(model)
    model.set_actions(sample()[1:3])
    qtmodeltester.check(model)
    model.set_actions([])
    qtmodeltester.check(model)


def test_an_update_reports_only_the_rows_that_changed(qtbot) -> None:  # noqa: ANN001
    model = ActionsModel()
    model.set_actions(sample())
    changed: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    edited = sample()
    edited[2].status = ActionStatus.OPEN
    model.set_actions(edited)
    assert changed == [(2, 2)] and inserted == []
    model.set_actions([*edited, PlanAction("New")])
    assert inserted == [(4, 4)]


def test_display_flags_early_open_actions_only(qtbot) -> None:  # noqa: ANN001
    model = ActionsModel()
    model.set_session_date(HELD_ON)
    model.set_actions(sample())
    assert model.index(1, DUE).data(Qt.ItemDataRole.ForegroundRole) is not None  # open, due before the session
    assert model.index(3, DUE).data(Qt.ItemDataRole.ForegroundRole) is None  # done: settled
    assert model.index(2, DUE).data() == "—"
    assert model.index(2, STATUS).data() == "Dropped"
    assert "carried over" in model.index(1, TEXT).data(Qt.ItemDataRole.AccessibleTextRole)


def test_edits_come_back_as_a_signal_and_never_change_the_rows(qtbot) -> None:  # noqa: ANN001
    model = ActionsModel()
    model.set_actions(sample())
    with qtbot.waitSignal(model.edited) as blocker:
        assert model.setData(model.index(0, DUE), None)
    assert blocker.args == [0, DUE, None]
    assert model.action(0).due_on == date(2026, 4, 1)  # the page stores it; the model mirrors


def test_warning_texts() -> None:
    warnings = action_warnings(sample(), HELD_ON)
    assert warnings == [
        "Due date 1 Mar 2026 is before the session (4 Mar 2026) for “Call the GP”. "
        "It was carried over from last session: set a new date if it stays open."
    ]
    assert review_warning(None, HELD_ON, HELD_ON) == ""
    assert review_warning(date(2026, 3, 3), HELD_ON, HELD_ON) == "Review date 3 Mar 2026 is before the session (4 Mar 2026)."
    assert review_warning(date(2026, 3, 10), HELD_ON, date(2026, 3, 20)) == (
        "Review date 10 Mar 2026 is in the past (today is 20 Mar 2026)."
    )
    assert review_warning(date(2026, 4, 1), HELD_ON, date(2026, 3, 20)) == ""
