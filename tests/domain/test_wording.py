"""One way to say dates, vocabularies and counts (domain/wording.py)."""

from __future__ import annotations

from datetime import date, datetime

from idc_desktop.domain import wording
from idc_desktop.domain.enums import ActionStatus, CaseStatus, LifeStage, Setting


def test_dates_are_said_one_way_whatever_the_locale() -> None:
    assert wording.day(date(2026, 7, 1)) == "1 Jul 2026"  # no leading zero, short English month
    assert wording.day(date(2026, 12, 24)) == "24 Dec 2026"
    assert wording.day(None) == "—" and wording.day(None, "not set") == "not set"
    assert wording.moment(datetime(2026, 3, 4, 9, 5)) == "4 Mar 2026 09:05"


def test_vocabulary_values_read_as_words() -> None:
    assert wording.term(Setting.INPATIENT) == "Inpatient"
    assert wording.term(LifeStage.YOUNG_ADULT) == "Young adult"
    assert wording.term(CaseStatus.OPEN) == "Open"
    assert wording.term(ActionStatus.DROPPED) == "Dropped"
    assert wording.term(None) == "—"


def test_counts_take_the_plural_they_need() -> None:
    assert wording.count(1, "case") == "1 case"
    assert wording.count(2, "session") == "2 sessions"
    assert wording.count(0, "finding") == "0 findings"
    assert wording.count(3, "custom item") == "3 custom items"
    assert wording.count(2, "possible identifier") == "2 possible identifiers"
    assert wording.count(2, "entry") == "2 entries" and wording.count(2, "day") == "2 days"
