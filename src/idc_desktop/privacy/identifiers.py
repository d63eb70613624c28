"""Codes that name one person: National Insurance numbers, vehicle registrations, social-media
handles, and record numbers announced by a context word ("MRN 12345678", "hospital no: 1234567").

The lead's own record formats (config.record_patterns) still run in records.py; the context
rule here catches the numbers no format describes, because the word before says what they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.findings import Candidate
from idc_desktop.privacy.lexicon import fold, lexicon
from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules

# HMRC's rules: the first letter is never D, F, I, Q, U or V, the second never D, F, I, O, Q, U
# or V; BG, GB, KN, NK, NT, TN and ZZ are never issued. QQ is HMRC's own specimen prefix
# ("QQ 12 34 56 C"), which people copy into examples, so it is flagged too.
# Rules of the combined digit pass (digit_pass.py), anchored on the first digit; the letters
# before it are checked in accept.
# The gate (the anchor right after a capital, or a capital and a space) turns away most digits at once.
_NI_REST = r"(?:(?<=[A-Z][0-9])|(?<=[A-Z][ ][0-9]))\d(?P<ni_sep>[ \u00a0]?)\d\d(?P=ni_sep)\d\d(?P=ni_sep)[A-D](?!\w)"
_NI_PREFIX = re.compile(r"(?<!\w)(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)[ \u00a0]?\Z")
_NEVER_ISSUED = frozenset(("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))

# Current GB registrations: two letters, the two-digit age identifier, three letters ("AB12 CDE").
# Ages run 02-26 (March issues, 2002-2026) and 51-76 (September, 2001-2026); a few years ahead
# are allowed too. I, Q and Z never appear in the letters.
_PLATE_REST = r"(?<=[A-Z][0-9])\d[ \u00a0]?[A-HJ-PR-Y]{3}(?!\w)"
_PLATE_PREFIX = re.compile(r"(?<!\w)[A-HJ-PR-Y]{2}\Z")

# Record numbers behind a word that says what they are; the number itself may be any shape, but
# holds five digits or more (so the digit pass only calls accept on long numbers).
_RECORD_REST = r"(?=(?:[ \u00a0-]?\d){4})[0-9 \u00a0-]{3,13}[0-9](?![\w-])"
_RECORD_CUE = re.compile(
    r"(?<![a-z])(?:mrn|hospital[ ]+(?:number|no|num|id)|hosp[ ]+no|unit[ ]+(?:number|no)|case[ ]*notes?[ ]+(?:number|no)"
    r"|patient[ ]+(?:id|number|no|ref)|(?:medical[ ]+)?record[ ]+(?:number|no)|pas[ ]+(?:number|no|id)"
    r"|ref(?:erence)?(?:[ ]+(?:number|no))?|crn|k[ ]+(?:number|no)|case[ ]+(?:number|no)|client[ ]+(?:number|no|id)"
    r"|nhs(?:[ ]+(?:number|no))?|chi(?:[ ]+(?:number|no))?)\.?[ \t\u00a0]*[:#]?[ \t\u00a0]*\Z"
)
_LONGEST_CUE = 32

# "@sarah_j", "@Dave_1984": not the "@" of an email (a word character before it).
_HANDLE = re.compile(r"@(?<![\w.@]@)(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")


def _accept_ni(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    prefix = _NI_PREFIX.search(text, max(0, start - 3), start)
    if prefix is not None and text[prefix.start():prefix.start() + 2] not in _NEVER_ISSUED:
        yield "ni_number", prefix.start(), m.end("ni")


def _accept_plate(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    prefix = _PLATE_PREFIX.search(text, max(0, start - 2), start)
    age = int(text[start:start + 2])
    if prefix is not None and (2 <= age <= 29 or 51 <= age <= 79):
        yield "vehicle_registration", prefix.start(), m.end("plate")


def _accept_record(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    window = max(0, start - _LONGEST_CUE)
    if _RECORD_CUE.search(text[window:start].lower()) is not None:
        yield "record_number", start, m.end("cued_record")


RULES = (
    DigitRule("ni", "[0-9]", _NI_REST, _accept_ni, mid_token=True),
    DigitRule("plate", "[0-9]", _PLATE_REST, _accept_plate, mid_token=True),
    DigitRule("cued_record", "[0-9]", _RECORD_REST, _accept_record),
)


def find_handles(text: str) -> Iterator[Candidate]:
    words = None
    for m in _HANDLE.finditer(text):
        handle = m["h"]
        # "@home", "@ward": an "at" in a note, not an account; a handle has a digit, an underscore or a name.
        if not any(ch.isdigit() or ch == "_" for ch in handle):
            words = words or lexicon().words
            if fold(handle) in words:
                continue
        yield "handle", m.start(), m.end()


def find_identifiers(text: str) -> Iterator[Candidate]:
    """NI numbers, plates and cued record numbers alone (the scanner runs RULES in its shared pass)."""
    yield from run_digit_rules(text, RULES)
    yield from find_handles(text)
