"""Full calendar dates (day, month and year) in the forms UK clinical notes use.

Only full dates are reported: a year alone ("in 2019"), a month alone ("in
April") or a month and year ("April 2019") is too coarse to identify anyone and
flagging it would bury the real warnings. Fractions (3/4), blood pressures
(142/88), scores (26/30) and version numbers (3.11.7) have no valid
day-month-year reading, or are excluded explicitly below.

All layouts form one rule of the combined digit pass (digit_pass.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.findings import Candidate

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
# Factored by first letters, behind a one-character check, because this is tried
# after every number followed by a word ("3 weeks", "98 and"): most words fail on
# their first letter instead of against twelve alternatives. Longest forms are
# tried first ("September" before "Sept" before "Sep"). Case-insensitive.
_MONTH_ALT = (
    r"(?=[ADFJMNOSadfjmnos])(?i:ja(?:n(?:uary)?)|fe(?:b(?:ruary)?)|ma(?:r(?:ch)?|y)"
    r"|ap(?:r(?:il)?)|ju(?:n(?:e)?|l(?:y)?)|au(?:g(?:ust)?)|se(?:p(?:t(?:ember)?)?)"
    r"|oc(?:t(?:ober)?)|no(?:v(?:ember)?)|de(?:c(?:ember)?))"
)

# "(?:x|)" rather than "(?:x)?" throughout: the engine runs an optional group
# through its general repeat machinery, which costs several times more per try.
# One rule, four layouts; the first digit is the anchor (see digit_pass). The
# lookbehind stops a date starting inside a word, number, decimal, time or
# another date ("F60.3", "14:30", "1/2/3/4"); the final lookahead stops one
# running on into more of the same.
_REST = rf"""
    (?<![\w/.:+-]\d)
    (?:
        # 1987-04-03 (year first)
        \d{{3}}(?P<date_isep>[/.-])(?P<date_im>\d{{1,2}})(?P=date_isep)(?P<date_id>\d{{1,2}})
      | # the other layouts start with a day of one or two digits
        (?P<date_d>\d?)
        (?:
            # 03/04/1987, 3/4/87, 3.4.87, 03-04-1987
            (?P<date_sep>[/.-])(?P<date_m>\d{{1,2}})(?P=date_sep)(?P<date_y>\d{{4}}|\d{{2}})
          | (?:st|nd|rd|th|)
            (?:
                # 3 April 1987, 3rd Apr 87, 3rd of April, 1987, 03-Apr-1987
                (?:[ \t\u00a0]+of|)(?:[ \t\u00a0]+|-)
                (?P<date_mon>{_MONTH_ALT})\.?,?(?:[ \t\u00a0]+|-)
                (?P<date_ty>\d{{4}}|\d{{2}})
              | # the "3rd 1987" of "April 3rd 1987"; the month before it is checked in _accept
                ,?[ \t\u00a0]+(?P<date_dy>\d{{4}}|\d{{2}})
            )
        )
    )
    (?!\w|[/.:-]\d|,\d)
"""
_MONTH_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<mon>{_MONTH_ALT})\.?[ \t\u00a0]+\Z")

# A two-digit "year" followed by a unit is a quantity: "on 3 March 12 units".
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:%|mg\b|mcg\b|micrograms?\b|g\b|kg\b|ml\b|mls\b|l\b|units?\b|hours?\b|hrs?\b|"
    r"h\b|mins?\b|minutes?\b|days?\b|weeks?\b|months?\b|years?\b|yrs?\b|times\b|x\b|mmol|"
    r"patients?\b|people\b|staff\b|beds?\b|percent\b)",
    re.IGNORECASE,
)
# "version 2.1.10", "section 1.6.12", "recommendation 1.2.14": dotted numbering.
_NUMBERING_WORD_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:v|ver|version|release|build|update|section|sections|para|paragraph|"
    r"chapter|clause|rule|item|standard|appendix|table|figure|fig|step|no|recommendation|"
    r"recommendations|rec|criterion|question|part|point|level)\.?[ \t]*\Z",
    re.IGNORECASE,
)
_LONGEST_NUMBERING_WORD = 20


def after_numbering_word(text: str, start: int) -> bool:
    """True when the number at ``start`` follows "version", "section" and the like."""
    window_start = max(0, start - _LONGEST_NUMBERING_WORD)
    return _NUMBERING_WORD_BEFORE.search(text, window_start, start) is not None


def is_valid_day_month(day: int, month: int, year: int, *, two_digit_year: bool = False) -> bool:
    """True when day/month exist in that year (29 February only in a leap year).

    A two-digit year is taken as leap when divisible by four: 00 may be 1900
    or 2000, and erring towards "valid" only risks one extra warning.
    """
    if not 1 <= month <= 12 or day < 1:
        return False
    if day > _DAYS_IN_MONTH[month - 1]:
        return False
    if month == 2 and day == 29:
        if two_digit_year:
            return year % 4 == 0
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return True


def _plausible_year(year: str) -> bool:
    # Two digits can be any year; four digits must look like a birth or event year.
    return len(year) == 2 or 1850 <= int(year) <= 2099


def _valid(day: int, month: int, year: str) -> bool:
    return _plausible_year(year) and is_valid_day_month(
        day, month, int(year), two_digit_year=len(year) == 2
    )


def _accept(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    end = m.end("date")
    first = text[start]
    if m["date_sep"] is not None:
        day, month, year = int(first + m["date_d"]), int(m["date_m"]), m["date_y"]
        # UK order first; the US reading counts too, since 04/23/1987 is still a date.
        if not (_valid(day, month, year) or _valid(month, day, year)):
            return
        if m["date_sep"] == "." and after_numbering_word(text, start):
            return
        yield "date", start, end
    elif m["date_isep"] is not None:
        # "1987.4.3" is more likely a section number; ISO with dots needs two-digit parts.
        if m["date_isep"] == "." and (len(m["date_im"]) != 2 or len(m["date_id"]) != 2):
            return
        if _valid(int(m["date_id"]), int(m["date_im"]), text[start : start + 4]):
            yield "date", start, end
    elif m["date_mon"] is not None:
        day, month, year = int(first + m["date_d"]), _MONTHS[m["date_mon"].lower()], m["date_ty"]
        if _valid(day, month, year) and not _quantity_after(text, end, year):
            yield "date", start, end
    else:
        before = _MONTH_BEFORE.search(text, max(0, start - 12), start)
        if before is None:
            return
        day, month, year = int(first + m["date_d"]), _MONTHS[before["mon"].lower()], m["date_dy"]
        if _valid(day, month, year) and not _quantity_after(text, end, year):
            yield "date", before.start(), end


def _quantity_after(text: str, end: int, year: str) -> bool:
    return len(year) == 2 and _UNIT_AFTER.match(text, end) is not None


RULE = DigitRule("date", "[0-9]", _REST, _accept)


def find_dates(text: str) -> Iterator[Candidate]:
    return run_digit_rules(text, (RULE,))
