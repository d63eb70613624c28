"""Phone numbers: UK national (07700 900123, (020) 7946 0018), +44 and other international forms.

A candidate is a run of digit groups that starts like a phone number (a "+"
country code, "00" international prefix, or a trunk "0" followed by an area or
mobile code); the digits are then counted, because that is what separates a
phone number from a list of results: UK numbers have 10 or 11 digits with the
trunk 0, international ones 8 to 15 including the country code (E.164).
Digit groups after a national prefix need at least three digits, so "0 1 2 3"
or "0 to 10" never qualify.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.findings import Candidate

_SEP = r"[ \t\u00a0-]?"
_STOP = r"(?![\w]|[.,:/-]\d)"

# +44 7700 900123, +44 (0)20 7946 0018, +1 (212) 555-0100, 0044 20 7946 0018.
_INTERNATIONAL_REST = rf"""
    (?: (?<=\+)(?<![\w+]\+) | (?<=0)(?<![\w+.,/:£$-]0)0(?=[1-9]) )
    (?P<phone_cc>[1-9]\d{{0,2}})
    (?:{_SEP}\(0\)|)
    (?P<phone_groups>(?:{_SEP}(?:\(\d{{1,4}}\)|\d{{1,5}})){{1,6}})
    {_STOP}
"""
# 07700 900123, 0161 496 0000, (020) 7946 0018, 01632960001.
_NATIONAL_REST = rf"""
    (?: (?<=0)(?<![\w+.,/:£$-]0)\d{{2,5}} | (?<=\()(?<![\w+]\()0\d{{2,5}}\) )
    (?:{_SEP}\d{{3,7}}){{0,3}}
    {_STOP}
"""
_NON_DIGITS = re.compile(r"\D+")


def _digits(s: str) -> str:
    return _NON_DIGITS.sub("", s)


def _accept_international(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    cc, rest = m["phone_cc"], _digits(m["phone_groups"])
    if cc == "44":
        # UK subscriber numbers are 9 or 10 digits once the trunk 0 is dropped.
        ok = 9 <= len(rest) <= 10 and not rest.startswith("0")
    else:
        ok = 8 <= len(cc) + len(rest) <= 15 and len(rest) >= 6
    if ok:
        yield "phone", start, m.end("phone_intl")


def _accept_national(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    end = m.end("phone_uk")
    digits = _digits(text[start:end])
    # 10 or 11 digits with the trunk 0; "00" would be an international prefix.
    if 10 <= len(digits) <= 11 and digits[1] != "0":
        yield "phone", start, end


RULES = (
    DigitRule("phone_intl", r"[+0]", _INTERNATIONAL_REST, _accept_international),
    DigitRule("phone_uk", r"[0(]", _NATIONAL_REST, _accept_national),
)


def find_phones(text: str) -> Iterator[Candidate]:
    return run_digit_rules(text, RULES)
