"""Exact ages ("aged 47", "47-year-old", "47 yo"); the log keeps life stages instead.

The whole phrase is the finding, so redaction reads naturally: "a [AGE] woman",
"a man [AGE] was admitted". Only phrases that say "age" or "year(s) old" are
reported: a bare "47 years" is far more often a duration ("47 years of
smoking") than an age.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.findings import Candidate

_MAX_AGE = 120

# "aged 47", "age 47", "Age: 47", "at the age of 47", "aged 47 years", "aged 3 months".
# The literal "ge" comes first so the engine can jump between occurrences of it;
# the lookbehinds then require "age" as a whole word.
_AGED = re.compile(
    r"""
    ge(?<=[Aa]ge)(?<!\w[Aa]ge)d?
    :?[ \t]+(?:of[ \t]+)?
    (?P<n>\d{1,3})
    (?:[ \t]*(?:years?|yrs?|months?|weeks?)(?![\w]))?
    (?![\w]|[.,]\d)
    # "aged 18-25", "aged 16 or 17", "aged 65 and over", "aged 16+" describe a group.
    (?![ \t]*(?:(?:-|\u2013|\u2014|to|or)[ \t]*\d
                |\+
                |(?:and|or)[ \t]+(?:over|above|under|older|younger|more|less)\b
                |plus\b))
    """,
    re.VERBOSE,
)

# "47-year-old", "47 year old", "47 years old", "47yr old", "47 years of age",
# "47 yo", "47yo", "47 y/o", "47 y.o.". A rule of the combined digit pass.
_YEARS_OLD_REST = r"""
    (?<![\w.,/:+-]\d)\d{0,2}
    (?:
        (?:-|[ \t]*)(?:years?|yrs?)(?:(?:-|[ \t]+)old\b|[ \t]+of[ \t]+age\b)
      | [ \t]?(?:yo\b|y/o\b|y\.o\.?(?!\w))
    )
"""
_LEADING_NUMBER = re.compile(r"\d+")


def _accept_years_old(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    number = _LEADING_NUMBER.match(text, start)
    if number is not None and int(number.group()) <= _MAX_AGE:
        yield "age", start, m.end("age_old")


RULE = DigitRule("age_old", "[0-9]", _YEARS_OLD_REST, _accept_years_old)


def find_aged(text: str) -> Iterator[Candidate]:
    """The "aged 47" forms; the "47-year-old" forms come from RULE in the digit pass."""
    for m in _AGED.finditer(text):
        if int(m["n"]) <= _MAX_AGE:
            yield "age", m.start() - 1, m.end()  # -1: the "a" of "age" sits before the anchor


def find_ages(text: str) -> Iterator[Candidate]:
    yield from find_aged(text)
    yield from run_digit_rules(text, (RULE,))
