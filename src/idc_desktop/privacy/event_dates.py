"""Dates of events without a year, and dates of birth written as bare digits.

"on 4 March", "4th of March", "March 4th", "Sunday 23rd", "Tuesday the 4th of May", "DOB 300636".
A day and a month pin down an admission, an incident or a birthday as surely as a full date
does among the few people a team knows. Relative phrases ("last week", "in March", "over the
summer") name no day and are never flagged; full dates with a year stay in dates.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.dates import _MONTH_ALT, _MONTHS, _UNIT_AFTER, is_valid_day_month
from idc_desktop.privacy.findings import Candidate
from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.literal_first import word_start

_SP = r"[ \t\u00a0]+"
_ORDINAL = r"(?:st|nd|rd|th)"
# "4 March", "4th March", "4th of March", "04-Mar": a rule of the combined digit pass, anchored
# on the day's first digit.
_DAY_MONTH_REST = (
    rf"(?<![/.:,+\u00a3$-]\d)\d?(?P<dm_ord>{_ORDINAL}|)(?:{_SP}of|)(?:{_SP}|-)(?P<dm_mon>{_MONTH_ALT})\.?(?!\w)"
)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
                "Oct", "Nov", "Dec")
# "March 4th", "May 23": a capitalised month, then the day (a following year makes it a full date).
_MONTH_DAY = re.compile(
    word_start(*_MONTH_NAMES) + rf"\.?{_SP}(?:the{_SP})?(?P<day>[0-3]?[0-9])(?P<ord>{_ORDINAL}|)(?![\w:./-]|,?[ \t]*\d)"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
             "Mon", "Tues", "Tue", "Wed", "Thurs", "Thu", "Fri", "Sat", "Sun")
# "Sunday 23rd", "Sunday the 23rd", "Tuesday 4th March": a weekday and a day of the month.
_WEEKDAY_DAY = re.compile(
    word_start(*_WEEKDAYS) + rf"\.?,?{_SP}(?P<the>the{_SP})?(?P<day>[0-3]?[0-9])(?P<ord>{_ORDINAL}|)"
    rf"(?:(?:{_SP}of|)(?:{_SP})(?P<mon>{_MONTH_ALT})\.?)?(?![\w:./-]|[ \t]*%)"
)
# "DOB 300636", "d.o.b. 30061936", "born 300636": six or eight digits that are a date, after a cue.
_DOB_REST = r"(?:\d{5}|\d{7})(?!\d)"
_DOB_CUE = re.compile(r"(?<![a-z])(?:dob|d\.o\.b|date[ ]+of[ ]+birth|born(?:[ ]+on)?|birth[ ]?date)\.?[ \t\u00a0]*[:-]?[ \t\u00a0]*\Z")


def _day_ok(day: int, month: int | None) -> bool:
    if month is None:
        return 1 <= day <= 31
    return is_valid_day_month(day, month, 2000)  # leap year: "29 February" is a day that exists


def _without_full_stop(text: str, end: int, month: str) -> int:
    # "4 Mar." keeps the abbreviation's dot; "on 4 March." ends the sentence.
    if text.endswith(".", 0, end) and month.lower() in _FULL_MONTHS:
        return end - 1
    return end


_FULL_MONTHS = frozenset(m.lower() for m in ("January February March April May June July August September "
                                             "October November December").split())


def _accept_day_month(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    end = _without_full_stop(text, m.end("day_month"), m["dm_mon"])
    day = int(text[start:m.start("dm_ord")])
    if _day_ok(day, _MONTHS[m["dm_mon"].lower()]) and (m["dm_ord"] or _UNIT_AFTER.match(text, end) is None):
        yield "day_month", start, end


def _accept_dob(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    end = m.end("dob")
    digits = text[start:end]
    if _DOB_CUE.search(text[max(0, start - 20):start].lower()) is None:
        return
    if is_valid_day_month(int(digits[:2]), int(digits[2:4]), int(digits[4:]), two_digit_year=len(digits) == 6):
        yield "date", start, end


RULES = (
    DigitRule("day_month", "[0-9]", _DAY_MONTH_REST, _accept_day_month),
    DigitRule("dob", "[0-9]", _DOB_REST, _accept_dob),
)


def find_event_dates(text: str) -> Iterator[Candidate]:
    """The forms that start with a word ("March 4th", "Sunday 23rd"); RULES run in the digit pass."""
    for m in _MONTH_DAY.finditer(text):
        month = _MONTHS[text[m.start():m.start() + 3].lower()]
        # "May 3" needs the capital: "may" alone is the verb, and the pattern is case-sensitive.
        if _day_ok(int(m["day"]), month) and (_UNIT_AFTER.match(text, m.end()) is None or m["ord"]):
            yield "day_month", m.start(), m.end()
    for m in _WEEKDAY_DAY.finditer(text):
        # "Sunday 23rd" and "Sunday the 23rd" name a date; "Sunday 3 patients" does not.
        if not (m["ord"] or m["the"] or m["mon"]):
            continue
        month = _MONTHS[m["mon"].lower()] if m["mon"] else None
        if _day_ok(int(m["day"]), month):
            yield "day_month", m.start(), _without_full_stop(text, m.end(), m["mon"]) if m["mon"] else m.end()


def find_all_event_dates(text: str) -> Iterator[Candidate]:
    yield from run_digit_rules(text, RULES)
    yield from find_event_dates(text)
