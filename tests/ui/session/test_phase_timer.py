"""The phase timer with a fake clock: countdown, pause, +1 minute, overrun, session total."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from idc_desktop.ui.session.phase_timer import PhaseTimer


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_countdown_pause_extend_and_overrun(qtbot) -> None:  # noqa: ANN001
    clock = FakeClock()
    timer = PhaseTimer(clock=clock)
    qtbot.addWidget(timer)
    remaining = timer.findChild(QLabel, "phaseRemaining")
    timer.enter_phase("frame", 2)
    clock.now += 30
    timer.update_display()
    assert remaining.text() == "01:30"

    timer.toggle_pause()
    clock.now += 600  # paused time does not count
    timer.update_display()
    assert remaining.text() == "01:30 (paused)"
    timer.toggle_pause()

    clock.now += 100
    timer.update_display()
    assert remaining.text() == "+00:10 over"
    assert remaining.property("tone") == "overrun"  # the theme colours it
    timer.add_minute()
    assert remaining.text() == "00:50"
    assert timer.findChild(QLabel, "sessionTotal").text() == "Session 02:10"


def test_revisiting_a_phase_keeps_its_time(qtbot) -> None:  # noqa: ANN001
    clock = FakeClock()
    timer = PhaseTimer(clock=clock)
    qtbot.addWidget(timer)
    timer.enter_phase("presentation", 10)
    clock.now += 120
    timer.enter_phase("clarifying", 5)
    clock.now += 60
    timer.enter_phase("presentation", 10)
    assert timer.remaining() == 480
    assert timer.findChild(QLabel, "sessionTotal").text() == "Session 03:00"


def test_f9_pauses_and_f8_adds_a_minute_from_anywhere_in_the_editor(qtbot, editor) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    editor.window().activateWindow()
    qtbot.waitUntil(editor.window().isActiveWindow)
    timer = editor.timer
    before = timer.remaining()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    assert timer.paused and timer.pause_button.text() == "Resume"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert timer.remaining() >= before + 59
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    assert not timer.paused


def test_an_old_session_opens_with_its_clocks_waiting_until_the_first_edit(qtbot, services) -> None:  # noqa: ANN001
    """Issue 13.8: opening a session held months ago does not start its clocks."""
    from datetime import date, timedelta

    from idc_desktop.domain import Case
    from idc_desktop.ui.session.opening import open_editor

    case = services.cases.create(Case(code="", specialty="Renal"))
    old = services.sessions.start(case.id, held_on=date.today() - timedelta(days=120))
    editor = open_editor(services, old.id)
    qtbot.addWidget(editor)
    timer = editor.timer
    assert timer.waiting and "(not started)" in timer.remaining_label.text()
    assert timer.total.elapsed(timer._now()) == 0
    editor.next_phase()  # reading through it is not an edit
    assert timer.waiting
    editor.doc.edit("question", "What do we do now?", "Question")
    assert not timer.waiting and timer.pause_button.text() == "Pause"


def test_f9_starts_a_waiting_clock_and_todays_session_starts_at_once(qtbot, services) -> None:  # noqa: ANN001
    from datetime import date, timedelta

    from idc_desktop.domain import Case
    from idc_desktop.ui.session.opening import open_editor

    case = services.cases.create(Case(code="", specialty="Renal"))
    old = services.sessions.start(case.id, held_on=date.today() - timedelta(days=30))
    editor = open_editor(services, old.id)
    qtbot.addWidget(editor)
    editor.timer.toggle_pause()  # F9
    assert not editor.timer.waiting and not editor.timer.paused
    today = services.sessions.start(case.id)
    fresh = open_editor(services, today.id)
    qtbot.addWidget(fresh)
    assert not fresh.timer.waiting
