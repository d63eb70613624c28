"""Due now, through the services on a real store: reviews due, open actions, repeated carries."""

from __future__ import annotations

from datetime import date

from idc_desktop.domain import ActionStatus, Attendee, Case, CaseStatus, PlanAction
from idc_desktop.domain.desk import DueList
from idc_desktop.services import Services
from idc_desktop.store.desk_repo import PAGE
from tests.desk_logs import TODAY, many_due



def _case(services: Services, specialty: str = "Renal") -> int:
    case = services.cases.create(Case(code="", specialty=specialty))
    assert case.id is not None
    return case.id


def _session(services: Services, case_id: int, held_on: date, review_on: date | None,
             actions: list[PlanAction] | None = None):  # noqa: ANN202
    session = services.sessions.start(case_id, held_on=held_on)
    session.plan.review_on = review_on
    session.attendees = [Attendee("Staff nurse", 3), Attendee("Consultant", 1)]
    session.plan.actions += actions or []
    return services.sessions.save(session)


def test_an_empty_log_has_nothing_due(services: Services) -> None:
    due = services.desk.due_now(TODAY)
    assert due.is_empty() and due.reviews == [] and due.actions == [] and due.carried == []
    assert due.counts.reviews == due.counts.actions == due.counts.carried == 0


def test_reviews_due_and_overdue_on_open_cases_with_no_later_session(services: Services) -> None:
    overdue = _case(services)
    _session(services, overdue, date(2026, 4, 1), date(2026, 5, 1))
    due_today = _case(services)
    _session(services, due_today, date(2026, 5, 1), TODAY)
    not_yet = _case(services)
    _session(services, not_yet, date(2026, 5, 1), date(2026, 7, 1))
    followed_up = _case(services)  # the review came, and the follow-up has been held
    _session(services, followed_up, date(2026, 3, 1), date(2026, 4, 1))
    _session(services, followed_up, date(2026, 4, 1), None)
    closed = _case(services)
    _session(services, closed, date(2026, 3, 1), date(2026, 4, 1))
    services.cases.set_status(closed, CaseStatus.CLOSED)

    reviews = services.desk.due_now(TODAY).reviews
    assert [r.case_id for r in reviews] == [overdue, due_today]  # most overdue first
    first, second = reviews
    assert first.overdue and first.days_late == 40 and first.review_on == date(2026, 5, 1)
    assert not second.overdue and second.days_late == 0
    assert first.session_number == 1 and first.held_on == date(2026, 4, 1)


def test_the_review_of_the_latest_session_counts_not_an_earlier_one(services: Services) -> None:
    case_id = _case(services)
    _session(services, case_id, date(2026, 1, 1), date(2026, 2, 1))
    latest = _session(services, case_id, date(2026, 2, 1), date(2026, 5, 20))
    [review] = services.desk.due_now(TODAY).reviews
    assert review.session_id == latest.id and review.session_number == 2


def test_open_actions_of_current_plans_by_owner_then_due_date(services: Services) -> None:
    case_id = _case(services)
    session = _session(services, case_id, date(2026, 5, 1), date(2026, 7, 1), [
        PlanAction("Write the care plan", "Consultant", date(2026, 7, 1)),
        PlanAction("Agree one visiting time", "Charge nurse", date(2026, 6, 1)),
        PlanAction("Offer a debrief", "Charge nurse", None),
        PlanAction("Ring the GP", "Charge nurse", date(2026, 6, 20)),
        PlanAction("Already done", "Consultant", date(2026, 5, 2), ActionStatus.DONE),
        PlanAction("No longer needed", "Consultant", None, ActionStatus.DROPPED),
    ])
    closed = _case(services)
    _session(services, closed, date(2026, 5, 1), None, [PlanAction("On a closed case", "Consultant")])
    services.cases.set_status(closed, CaseStatus.CLOSED)

    actions = services.desk.due_now(TODAY).actions
    assert [(a.owner_role, a.text) for a in actions] == [
        ("Charge nurse", "Agree one visiting time"), ("Charge nurse", "Ring the GP"),
        ("Charge nurse", "Offer a debrief"), ("Consultant", "Write the care plan"),
    ]
    assert [a.overdue for a in actions] == [True, False, False, False]
    assert {a.session_id for a in actions} == {session.id}
    assert all(a.times_carried == 0 for a in actions)


def test_carried_actions_count_their_carries_and_old_sessions_do_not_double_count(services: Services) -> None:
    case_id = _case(services)
    _session(services, case_id, date(2026, 1, 5), date(2026, 2, 1), [
        PlanAction("Agree one visiting time", "Charge nurse", date(2026, 2, 1)),
        PlanAction("Write the care plan", "Consultant", date(2026, 2, 1)),
    ])
    second = services.sessions.start(case_id, held_on=date(2026, 2, 2))
    assert len(second.plan.actions) == 2
    second.plan.actions[1].status = ActionStatus.DONE  # the care plan was written
    second.plan.actions[1].reviewed = second.plan.actions[0].reviewed = True
    second.plan.actions.append(PlanAction("Offer a debrief", "Psychologist", date(2026, 3, 1)))
    second.plan.review_on = date(2026, 3, 1)
    services.sessions.save(second)
    third = services.sessions.start(case_id, held_on=date(2026, 3, 2))
    third.plan.review_on = date(2026, 6, 1)
    services.sessions.save(third)

    due = services.desk.due_now(TODAY)
    by_text = {a.text: a for a in due.actions}
    assert sorted(by_text) == ["Agree one visiting time", "Offer a debrief"]  # the third session's, once each
    assert by_text["Agree one visiting time"].times_carried == 2
    assert by_text["Offer a debrief"].times_carried == 1
    assert [a.text for a in due.carried] == ["Agree one visiting time"]
    assert all(a.session_id == third.id for a in due.actions)
    assert [r.session_id for r in due.reviews] == [third.id]


def test_demo_log_has_its_overdue_reviews(demo_services: Services) -> None:
    due = demo_services.desk.due_now(date(2026, 12, 2))
    assert {r.code for r in due.reviews} == {"IDC-R4T7", "IDC-9HWM"}  # IDC-K2PX is closed
    assert all(r.overdue for r in due.reviews)
    assert due.actions and all(a.code in {"IDC-R4T7", "IDC-9HWM"} for a in due.actions)


def test_two_sessions_on_one_day_the_later_made_is_the_current_plan(services: Services) -> None:
    case_id = _case(services)
    _session(services, case_id, date(2026, 5, 1), date(2026, 5, 10),
             [PlanAction(text="First plan's action", owner_role="Staff nurse")])
    second = _session(services, case_id, date(2026, 5, 1), date(2026, 5, 20),
                      [PlanAction(text="Second plan's action", owner_role="Consultant")])
    due = services.desk.due_now(TODAY)
    [review] = due.reviews
    assert review.session_id == second.id and review.review_on == date(2026, 5, 20)
    assert {a.session_id for a in due.actions} == {second.id}
    assert "Second plan's action" in [a.text for a in due.actions]


def test_the_counts_cover_the_whole_log(services: Services) -> None:
    test_carried_actions_count_their_carries_and_old_sessions_do_not_double_count(services)
    late = _case(services)
    _session(services, late, date(2026, 4, 1), date(2026, 5, 1), [PlanAction("Late", "Consultant", date(2026, 5, 1))])
    counts = services.desk.due_now(TODAY).counts
    assert (counts.reviews, counts.overdue_reviews) == (2, 2)
    assert (counts.actions, counts.overdue_actions, counts.carried) == (3, 3, 1)


def _read_all(services: Services, kind: DueList) -> list:
    due = services.desk.due_now(TODAY)
    rows = list(due.first_page(kind))
    while len(rows) < due.counts.of(kind):
        last = rows[-1]
        page = services.desk.due_page(kind, TODAY, last)
        assert page, f"{kind}: {len(rows)} of {due.counts.of(kind)} read, then an empty page"
        rows += page
    return rows


def test_long_lists_come_a_page_at_a_time_in_order_with_nothing_missed_or_twice(services: Services) -> None:
    many_due(services, 250)  # 250 reviews and 750 actions: more than one page each
    due = services.desk.due_now(TODAY)
    assert len(due.reviews) == PAGE and len(due.actions) == PAGE
    assert due.counts.reviews == 250 and due.counts.actions == 750

    reviews = _read_all(services, DueList.REVIEWS)
    assert len({r.case_id for r in reviews}) == len(reviews) == 250
    assert [(r.review_on, r.code) for r in reviews] == sorted((r.review_on, r.code) for r in reviews)

    actions = _read_all(services, DueList.ACTIONS)
    assert len({a.action_id for a in actions}) == len(actions) == 750
    # By owner role (as SQLite folds case: ASCII only), then due date with undated last.
    key = [(a.owner_role.lower() if a.owner_role.isascii() else a.owner_role, a.due_on is None,
            a.due_on or date.max) for a in actions]
    assert key == sorted(key)
    assert any(a.due_on is None for a in actions)  # the undated were there to be put last


def test_times_carried_follows_a_deleted_session(services: Services) -> None:
    """Deleting the middle session ends the chain there: the action is carried once, not twice."""
    test_carried_actions_count_their_carries_and_old_sessions_do_not_double_count(services)
    case_id = services.cases.list()[0].id
    first, second, third = services.sessions.for_case(case_id)
    services.sessions.delete(second.id)
    due = services.desk.due_now(TODAY)
    by_text = {a.text: a for a in due.actions}
    assert by_text["Agree one visiting time"].times_carried == 0  # its link led to the deleted session
    assert due.carried == [] and due.counts.carried == 0


def test_an_action_carried_twice_from_one_session_counts_once_with_the_latest_review(services: Services) -> None:
    """A follow-up re-dated before the session it followed, then another started: both carry
    the first session's action. The patterns and the report count it once, as the latest
    session's review left it (done)."""
    from idc_desktop.domain.desk import Outcome
    from idc_desktop.domain.patterns import PatternFilter

    case_id = _case(services)
    _session(services, case_id, date(2026, 3, 1), None, [PlanAction("Agree one visiting time", "Charge nurse")])
    second = services.sessions.start(case_id, held_on=date(2026, 4, 1))
    second.held_on = date(2026, 2, 1)  # re-dated before the first: the first is the latest again
    services.sessions.save(second)
    third = services.sessions.start(case_id, held_on=date(2026, 5, 1))
    assert [a.carried_from for a in second.plan.actions] == [a.carried_from for a in third.plan.actions]
    third.plan.actions[0].status, third.plan.actions[0].reviewed = ActionStatus.DONE, True
    services.sessions.save(third)

    agreed_in_first = PatternFilter(start=date(2026, 3, 1), end=date(2026, 3, 1))
    assert [(t.name, t.count) for t in services.desk.patterns(agreed_in_first).actions] == [(Outcome.DONE.value, 1)]
    report = services.desk.report(date(2026, 3, 1), date(2026, 3, 1))
    assert [(t.name, t.count) for t in report.actions] == [(Outcome.DONE.value, 1)]
