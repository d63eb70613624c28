"""The case view's timeline: cards per session, the alliance trend, calm empty states."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from idc_desktop.domain import AllianceDimension, Case
from idc_desktop.services import Services
from idc_desktop.ui.case.alliance_trend import NO_RATINGS
from idc_desktop.ui.case.timeline_view import NO_SESSIONS, ONE_SESSION, TimelineView
from idc_desktop.domain.timeline import CaseTimeline
from idc_desktop.ui.main_window import MainWindow
from tests.services.test_timeline import two_sessions


def _texts(widget) -> str:  # noqa: ANN001
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _distinct_colours(widget) -> int:  # noqa: ANN001
    image = widget.grab().toImage()
    return len({image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)})


def test_two_sessions_read_as_two_cards_and_a_trend(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    window.resize(1200, 900)
    window.show()
    qtbot.waitExposed(window)
    window.ctx.cases.show(two_sessions(services))
    timeline = window.case_view.timeline
    assert timeline.isVisible() and len(timeline.cards) == 2
    first, second = (card.body.text() for card in timeline.cards)
    assert timeline.cards[0].accessibleName() == "Session 1, 4 Mar 2026"
    assert first.startswith("The patient sees staff as dismissive")
    assert "A · Patient sees others: dismissive, critical" in first
    assert "B · Patient sees self: nothing chosen" in first
    assert "Alliance: goals weak; tasks not rated; bond none" in first
    assert "• Agree one visiting time, Charge nurse, due 20 Mar 2026: done" in first
    assert "• Write a shared care plan, Consultant: not done or changed (carried on)" in first
    assert "No cycle written in this session." in second
    assert "(carried in)" in second and "no review yet" in second
    description = timeline.trend.accessibleDescription()
    assert description.startswith("Goals: session 1 weak, session 2 good; Tasks: session 1 not rated")
    assert _distinct_colours(timeline.trend) > 3  # lines, markers and words were drawn


def test_the_private_reflection_never_shows_in_the_case_view(window: MainWindow, services: Services) -> None:
    window.ctx.cases.show(two_sessions(services))
    assert "rescue the presenter" not in _texts(window.case_view)
    assert "rescue the presenter" not in window.case_view.timeline.trend.accessibleDescription()


def test_one_session_reads_well_and_no_sessions_shows_a_sentence(window: MainWindow, services: Services) -> None:
    case = services.cases.create(Case(code="", specialty="Renal"))
    window.ctx.cases.show(case.id)
    view = window.case_view
    assert view.timeline.isHidden() and not view.empty.isHidden()
    session = services.sessions.start(case.id, held_on=date(2026, 3, 4))
    session.alliance[AllianceDimension.BOND].rating = 3
    services.sessions.save(session)
    window.ctx.cases.show(case.id)
    assert not view.timeline.isHidden() and len(view.timeline.cards) == 1
    assert view.timeline.note.text() == ONE_SESSION
    assert view.timeline.trend.accessibleDescription() == (
        "Goals: session 1 not rated; Tasks: session 1 not rated; Bond: session 1 partial.")


def test_an_empty_timeline_says_so_and_the_trend_draws_a_sentence(qtbot) -> None:  # noqa: ANN001
    view = TimelineView()
    qtbot.addWidget(view)
    view.show_timeline(CaseTimeline())
    assert view.note.text() == NO_SESSIONS and view.cards == []
    view.trend.set_timeline(CaseTimeline())
    assert view.trend.accessibleDescription() == NO_RATINGS
    view.trend.resize(500, 160)
    assert _distinct_colours(view.trend) > 1  # the sentence is painted, not an empty chart


def test_an_action_ending_in_a_full_stop_reads_without_doubled_punctuation() -> None:
    from idc_desktop.domain.timeline import ActionFate, Outcome
    from idc_desktop.ui.case.timeline_view import action_line

    fate = ActionFate("Stay calm when the plan is improvised.", "Registrar", None, Outcome.DONE, False)
    assert action_line(fate) == "• Stay calm when the plan is improvised, Registrar: done"
