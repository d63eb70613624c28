"""NHS and CHI numbers: ten digits carrying a modulus-11 check digit.

Rule for telling them apart (both schemes use the same check digit):

* the ten digits must pass the modulus-11 check, or nothing is reported
  (a failed check is a count, a phone fragment or a typo, and reporting it
  would teach users to ignore the warnings);
* if the first six digits form a valid DDMMYY date it is a **CHI number**
  (Scotland, whose numbers start with the date of birth);
* otherwise it is an **NHS number**.

This never mislabels a real number: England and Wales issue NHS numbers from
400 000 000x-499 999 999x and 600 000 000x-799 999 999x, Northern Ireland from
320 000 000x-399 999 999x, and none of those can begin with a day of 01-31.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.dates import is_valid_day_month
from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.findings import Candidate

# Ten digits written 3-3-4 with one consistent separator (space, no-break space
# as pasted from word processors, or dash) or run
# together, or 6-4 (how CHI numbers are often written: date, then four digits).
# The lookbehind (after the first digit, see digit_pass) rejects the middle of a
# longer number, a decimal, a phone number's tail or a path; a colon or dash counts as
# a boundary after a word ("Ref:396 401 7574", "NHS-9434765919") but not after a digit
# (a time, a range).
_REST = r"""
    (?<![\w+/.,\u00a3$]\d)(?<!\d[:-]\d)
    (?:
        \d\d(?P<nhs_sep>[ \u00a0-]?)\d{3}(?P=nhs_sep)\d{4}
      | \d{5}[ \u00a0-]\d{4}
    )
    (?![\w/]|[.,:/-]\d)
"""

_WEIGHTS = tuple(range(10, 1, -1))  # 10, 9, ..., 2 for digits 1-9


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit for nine digits, or None when none exists (remainder gives 10)."""
    total = sum(int(d) * w for d, w in zip(first_nine, _WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def is_valid_nhs_number(digits: str) -> bool:
    """True when ``digits`` is exactly ten ASCII digits with a correct check digit."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


def has_chi_date_prefix(digits: str) -> bool:
    """True when the first six digits read as a real DDMMYY date."""
    day, month, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    return is_valid_day_month(day, month, yy, two_digit_year=True)


def classify_ten_digits(digits: str) -> str | None:
    """'chi_number', 'nhs_number' or None for ten digits; see the module docstring for the rule."""
    if not is_valid_nhs_number(digits):
        return None
    return "chi_number" if has_chi_date_prefix(digits) else "nhs_number"


def _accept(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    end = m.end("nhs")
    raw = text[start:end]
    kind = classify_ten_digits(raw.replace(" ", "").replace("\u00a0", "").replace("-", ""))
    if kind is None:
        return
    # The 6-4 layout is a CHI habit; an NHS number written that way is too
    # unusual to report (more likely two unrelated numbers side by side).
    if kind == "nhs_number" and len(raw) == 11:
        return
    yield kind, start, end


RULE = DigitRule("nhs", "[0-9]", _REST, _accept)


def find_health_numbers(text: str) -> Iterator[Candidate]:
    return run_digit_rules(text, (RULE,))
