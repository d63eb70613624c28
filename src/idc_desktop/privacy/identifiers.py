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
from idc_desktop.privacy.literal_first import word_start

# HMRC's rules: the first letter is never D, F, I, Q, U or V, the second never D, F, I, O, Q, U
# or V; BG, GB, KN, NK, NT, TN and ZZ are never issued. QQ is HMRC's own specimen prefix
# ("QQ 12 34 56 C"), which people copy into examples, so it is flagged too.
_NI = re.compile(
    r"(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)(?<![\w][A-Z][A-Z])(?<!BG|GB|KN|NK|NT|TN|ZZ)"
    r"(?P<sep>[ \u00a0]?)\d\d(?P=sep)\d\d(?P=sep)\d\d(?P=sep)[A-D](?!\w)"
)
# Current GB registrations: two letters, two digits, space, three letters ("AB12 CDE"). The
# age identifier is 02-75 (51-75 for September issues); I, Q and Z never appear in the last three.
_VEHICLE = re.compile(r"[A-HJ-PR-Y][A-HJ-PR-Y](?<![\w][A-Z][A-Z])(?P<age>\d\d)[ \u00a0]?[A-HJ-PR-Y]{3}(?!\w)")
# "@sarah_j", "@Dave_1984": not the "@" of an email (a word character before it).
_HANDLE = re.compile(r"@(?<![\w.@]@)(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
# Record numbers behind a word that says what they are; the number itself may be any shape.
# Matched on the lower-cased text (so the cue's literal first letter lets the engine skip ahead).
_SP = r"[ \t\u00a0]*"
_NO = r"[ \t\u00a0]+(?:number|no|num|id|ref)\b"
_RECORD_CUE = re.compile(
    word_start("mrn", f"hospital{_NO}", f"hosp{_NO}", f"unit{_NO}", f"case{_SP}notes?{_NO}", f"patient{_NO}",
               f"record{_NO}", f"medical{_SP}record{_NO}", f"pas{_NO}", "ref(?:erence)?", "crn", f"k{_NO}",
               f"case{_NO}", f"client{_NO}", f"nhs{_NO}", "chi", "nhs")
    + r"(?!\w)\.?[ \t\u00a0]*[:#]?[ \t\u00a0]*"
    r"(?P<rec>(?=[a-z0-9-]*\d)[a-z]{0,3}[0-9][0-9 -]{3,13}[0-9a-z])(?![\w-])"
)
_DIGITS = re.compile(r"\d")


def find_ni_numbers(text: str) -> Iterator[Candidate]:
    for m in _NI.finditer(text):
        yield "ni_number", m.start(), m.end()


def find_vehicle_registrations(text: str) -> Iterator[Candidate]:
    for m in _VEHICLE.finditer(text):
        age = int(m["age"])
        if 2 <= age <= 75 and not 26 <= age <= 50:
            yield "vehicle_registration", m.start(), m.end()


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


def find_cued_record_numbers(text: str) -> Iterator[Candidate]:
    lowered = text.lower()
    if len(lowered) != len(text):  # offsets would not line up (a character that lower-cases to two)
        return
    for m in _RECORD_CUE.finditer(lowered):
        number = m["rec"].rstrip(" -")
        if len(_DIGITS.findall(number)) >= 5:
            yield "record_number", m.start("rec"), m.start("rec") + len(number)
