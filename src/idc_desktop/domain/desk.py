"""At the desk: what the lead has to act on today (Due now) and what a programme reports (the
service report). Plain values: the store fills them, the window and the PDF read them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from idc_desktop.domain.enums import Perspective


# DueReview and DueAction are not frozen: a 10k-case log can have 20k open actions, and a frozen
# dataclass pays object.__setattr__ for every field it sets (twice the page's build time).
@dataclass(slots=True)
class DueReview:
    """An open case whose latest session's review date has come, with no later session yet."""

    case_id: int
    code: str
    specialty: str
    session_id: int
    session_number: int  # the latest session, counted from 1 in date order
    held_on: date
    review_on: date
    today: date

    @property
    def overdue(self) -> bool:
        return self.review_on < self.today

    @property
    def days_late(self) -> int:
        return (self.today - self.review_on).days


@dataclass(slots=True)
class DueAction:
    """An open action of the current plan (the latest session) of an open case."""

    action_id: int
    case_id: int
    code: str
    session_id: int
    held_on: date
    text: str
    owner_role: str
    due_on: date | None
    times_carried: int  # how many follow-ups it has been carried into (0: agreed in this session)
    today: date

    @property
    def overdue(self) -> bool:
        return self.due_on is not None and self.due_on < self.today

    @property
    def carried_repeatedly(self) -> bool:
        """Carried over more than once: the team has twice found it not done."""
        return self.times_carried >= 2


class DueList(StrEnum):
    """The three lists of Due now; each is read a page at a time."""

    REVIEWS = "reviews"  # most overdue first
    ACTIONS = "actions"  # by owner role, then due date (undated last)
    CARRIED = "carried"  # the actions carried over more than once, in the same order


@dataclass(frozen=True, slots=True)
class DueCounts:
    """How many of each, across the whole log (the lists themselves come a page at a time)."""

    reviews: int = 0
    overdue_reviews: int = 0
    actions: int = 0
    overdue_actions: int = 0
    carried: int = 0

    def of(self, kind: DueList) -> int:
        return {DueList.REVIEWS: self.reviews, DueList.ACTIONS: self.actions, DueList.CARRIED: self.carried}[kind]


@dataclass(frozen=True, slots=True)
class DueNow:
    """What is due as of `today`: the counts, and the first page of each list.

    A log of 10k cases has some 20k open actions; reading and showing all of them took longer
    than the page may take to appear, so the lists come a page at a time (DeskService.due_page)."""

    today: date
    counts: DueCounts = field(default_factory=DueCounts)
    reviews: list[DueReview] = field(default_factory=list)
    actions: list[DueAction] = field(default_factory=list)
    carried: list[DueAction] = field(default_factory=list)

    def first_page(self, kind: DueList) -> list:
        return {DueList.REVIEWS: self.reviews, DueList.ACTIONS: self.actions, DueList.CARRIED: self.carried}[kind]

    def is_empty(self) -> bool:
        return not (self.counts.reviews or self.counts.actions)


class Outcome(StrEnum):
    """What became of an action agreed in a session, as the next session's review left it."""

    DONE = "done"
    CARRIED = "not done or changed (carried on)"
    DROPPED = "dropped"
    AWAITING = "awaiting review"  # a follow-up has started but the group has not spoken yet
    NO_REVIEW = "no review yet"  # no follow-up session so far


def outcome_of(status: str, later_status: str | None, later_reviewed: bool | None) -> Outcome:
    """An action's outcome from its own status and that of the action carried from it (if any).

    A follow-up carries only open actions, so an action marked done or dropped in its own
    session was settled there; one carried is judged by the follow-up's verdict."""
    if later_status is None:
        return {"done": Outcome.DONE, "dropped": Outcome.DROPPED}.get(status, Outcome.NO_REVIEW)
    if not later_reviewed:
        return Outcome.AWAITING
    return {"done": Outcome.DONE, "dropped": Outcome.DROPPED}.get(later_status, Outcome.CARRIED)


@dataclass(frozen=True, slots=True)
class Tally:
    """One line of a report table: a name and how many."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class ServiceReport:
    """A date range's activity, in counts only: no free text beyond item labels."""

    start: date
    end: date
    sessions: int
    cases: int
    new_cases: int  # cases whose first session falls in the range
    specialties: list[Tally]  # cases discussed, by specialty
    settings: list[Tally]  # cases discussed, by setting
    attendees: list[Tally]  # person-sessions by discipline
    minutes_per_session: int  # the default length of a session (sum of the phases' minutes)
    actions: list[Tally]  # actions agreed in the range, by outcome (Outcome order)
    items: dict[Perspective, list[Tally]]  # most often chosen item labels, per perspective
    top_items: list[Tally]  # most often chosen item labels, all perspectives together

    @property
    def hours(self) -> float:
        """Meeting hours, estimated: sessions held x the default session length."""
        return self.sessions * self.minutes_per_session / 60

    @property
    def person_hours(self) -> float:
        return sum(t.count for t in self.attendees) * self.minutes_per_session / 60

    @property
    def actions_agreed(self) -> int:
        return sum(t.count for t in self.actions)

    def is_empty(self) -> bool:
        return self.sessions == 0
