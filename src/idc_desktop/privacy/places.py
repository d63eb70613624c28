"""Places that point at a patient: named hospitals and practices, wards and beds, street addresses.

* **Facilities**: capitalised words before Hospital, Infirmary, Hospice, Health Centre, Medical
  Centre, Surgery, Practice or Clinic ("St Thomas' Hospital", "Riverside Surgery"). A service
  ("General Surgery", "Memory Clinic", "a District General Hospital") is not a place: when every
  word before the suffix is a specialty or a generic word it is left alone.
* **Wards, bays, beds, side rooms** with a number or letter code ("Ward 23B", "bay 3 bed 2",
  "side room 4") and wards by name ("Rowan Ward"). "the ward", "a side room" stay unflagged.
* **Street addresses**: a house or flat number, capitalised street words and a street suffix
  ("12 Acacia Avenue"), then the town when a comma and a capitalised word follow ("..., Leeds").
  Distinctive suffixes (Street, Road, Avenue, Lane, Crescent, Terrace, Drive) count without a
  number: "lives on Acacia Avenue".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.findings import Candidate
from idc_desktop.privacy.digit_pass import DigitRule
from idc_desktop.privacy.lexicon import fold
from idc_desktop.privacy.literal_first import word_start

# A capitalised word of any tradition: "O'Brien", "McNamee", "Žukauskas", "Ó Haodha" ("Ó" alone).
_CAP_WORD = r"(?:St\.?|[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][^\W\d_]*(?:['\u2019-][^\W\d_]*)*)"
_SP = "[ \\t\\u00a0]+"
_FACILITY = re.compile(word_start(
    "Hospitals?", "Infirmary", "Hospice", f"Health{_SP}Cent(?:re|er)", f"Medical{_SP}(?:Cent(?:re|er)|Practice)",
    "Surgery", "Practice", "Clinic", f"Care{_SP}Home", f"Nursing{_SP}Home",
) + r"(?!\w)")
_WORDS_BEFORE = re.compile(rf"(?:{_CAP_WORD}[ \t\u00a0]+(?:(?:of|the|and|&)[ \t\u00a0]+)?){{1,5}}\Z")
_WORD = re.compile(r"[A-Za-z]+")

# Words that name a kind of service, not a place: "General Surgery", "Memory Clinic",
# "District General Hospital", "Children's Hospital".
_GENERIC = frozenset(
    """
    the a an our their his her this that general district teaching university community acute local
    regional private nhs royal psychiatric mental health day cottage children childrens maternity
    women womens eye dental specialist major trauma cancer heart chest renal kidney vascular cardiac
    cardiothoracic thoracic plastic plastics orthopaedic orthopedic breast colorectal paediatric pediatric
    neuro neurosurgery maxillofacial oral upper lower gi bariatric hepatobiliary transplant urology
    urological gynaecology ent minor emergency elective keyhole laparoscopic robotic open weight loss
    cosmetic memory pain diabetes diabetic foot fracture falls sexual gum antenatal fertility ivf
    outpatient outpatients walk-in walk in virtual nurse-led nurse led pre-assessment assessment
    anticoagulation warfarin dialysis haemodialysis peritoneal respiratory asthma copd heart failure
    stroke tia epilepsy headache movement disorders liver hepatology gastro endoscopy ophthalmology
    dermatology skin allergy rheumatology lupus hiv sti gender identity addiction addictions alcohol
    drug drugs substance misuse eating disorder disorders perinatal early intervention psychosis
    crisis home treatment rapid access one-stop one stop lymphoedema continence stoma wound tissue
    viability palliative oncology haematology urgent primary secondary tertiary care same out of hours
    gp gps family practice dental dentist nursing residential independent
    """.split()
)

# "Ward 7", "bay 3", "bed 12", "side room 4", "Ward 23B": a rule of the combined digit pass.
# The keyword is checked by fixed-width lookbehinds (each sees the anchor digit), so the many
# numbers that follow no such word fail inside the regex engine, never reaching Python.
_WARD_WORDS = ("ward", "bay", "bed", "cubicle", "room", "pod")
_WARD_BEFORE = "|".join(
    f"(?<={kw}{gap}[0-9])"
    for word in _WARD_WORDS
    for kw in (f"[{word[0].upper()}{word[0]}]{word[1:]}", word.upper())
    for gap in ("[ ]", "")
)
# Every keyword ends in d, y, e or m: one class test turns most numbers away before the rest.
_WARD_GATE = "(?:(?<=[dDyYeEmM][ ][0-9])|(?<=[dDyYeEmM][0-9]))"
_WARD_REST = rf"{_WARD_GATE}(?:{_WARD_BEFORE})(?:[0-9]{{1,2}}|)[A-Za-z]?(?![\w/.:,-]?\d)(?!\w)"
_WARD_WORD_BEFORE = re.compile(r"(?<![\w-])[a-z]+[ ]?\Z")


def _accept_ward(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    window = text[max(0, start - 14):start].lower()
    word = _WARD_WORD_BEFORE.search(window)
    if word is None:  # the keyword was the end of a longer word ("Broadbed 4")
        return
    if word.group().split()[0] == "room" and not window[:word.start()].endswith(("side ", "side")):
        return  # only a side room: "room 12" alone is as often a meeting room
    begin = start - (len(window) - word.start())
    if word.group().startswith("room"):
        begin = text.rindex("side", 0, begin)  # "side room 4", "side-room 4", "sideroom 4"
    yield "ward", begin, m.end("ward_no")


WARD_RULE = DigitRule("ward_no", "[0-9]", _WARD_REST, _accept_ward)
# "Rowan Ward", "Amber Ward": a capitalised name before "Ward".
_NAMED_WARD = re.compile(r"Ward(?!\w)")
_WARD_NAME_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+(?:['\u2019]s)?[ \t\u00a0]+){1,2}\Z")
_NOT_A_WARD_NAME = frozenset("the a an on to of our his her their this that every each any same new old the "
                             "general surgical medical acute elderly care night day main short stay".split())

_STREET_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Way|Place|Pl|Court|Ct|Gardens|Gdns"
    r"|Terrace|Tce|Grove|Square|Sq|Hill|Row|Walk|Mews|Park|View|Rise|Green|Vale|Parade|Wynd|Gate|Boulevard)"
)
_STREET = re.compile(word_start(
    "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Close", "Drive", "Dr", "Crescent", "Cres", "Way",
    "Place", "Pl", "Court", "Ct", "Gardens", "Gdns", "Terrace", "Tce", "Grove", "Square", "Sq", "Hill", "Row",
    "Walk", "Mews", "Park", "View", "Rise", "Green", "Vale", "Parade", "Wynd", "Gate", "Boulevard",
) + r"(?!\w)\.?")
# Suffixes that make a street without a house number: "lives on Acacia Avenue".
_DISTINCTIVE = frozenset("Street Road Avenue Lane Crescent Terrace Drive Gardens Mews Boulevard".split())
# Backward from the suffix: the street's capitalised words, then (optionally) the number.
_STREET_WORDS_BEFORE = re.compile(r"(?<![\w-])((?:[A-Z][a-z]+(?:['\u2019]s)?[ \t\u00a0]+){1,3})\Z")
_NUMBER_BEFORE = re.compile(
    r"(?<![\w/.,:-])(?:(?i:flat|apartment|apt)[ \t\u00a0]+\d{1,4}[A-Za-z]?,?[ \t\u00a0]+)?"
    r"\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?[ \t\u00a0]+\Z"
)
_TOWN_AFTER = re.compile(r",[ \t\u00a0]*[A-Z][a-z]+(?:[ \t\u00a0-][A-Z][a-z]+)?(?!\w)")
_NOT_STREET_WORDS = frozenset("the a an on to of in at our his her their this that and or but no".split())
_LONGEST_NAME_BEFORE = 80


def find_facilities(text: str) -> Iterator[Candidate]:
    for m in _FACILITY.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - _LONGEST_NAME_BEFORE), m.start())
        if before is None:
            continue
        words = [w.rstrip("'\u2019").removesuffix("'s").removesuffix("\u2019s") for w in before.group().split()]
        # Leading articles and glue are not part of the name ("the Royal Infirmary").
        start = before.start()
        while words and words[0].lower() in ("the", "a", "an", "our", "his", "her", "their", "this", "that"):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:m.start()]) - len(text[start:m.start()].lstrip())
            words = words[1:]
        if not words or all(fold(w) in _GENERIC for w in words):
            continue
        yield "facility", start, m.end()


def find_named_wards(text: str) -> Iterator[Candidate]:
    """ "Rowan Ward"; the numbered ones come from WARD_RULE in the digit pass."""
    for m in _NAMED_WARD.finditer(text):
        before = _WARD_NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        first = before.group().split()[0]
        if first.lower() in _NOT_A_WARD_NAME or fold(first) in _GENERIC:
            continue
        yield "ward", before.start(), m.end()


def find_addresses(text: str) -> Iterator[Candidate]:
    for m in _STREET.finditer(text):
        words = _STREET_WORDS_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if words is None:
            continue
        names = words[1].split()
        if names[0].lower() in _NOT_STREET_WORDS:
            continue
        number = _NUMBER_BEFORE.search(text, max(0, words.start() - 24), words.start())
        if number is not None:
            yield "address", number.start(), _with_town(text, m.end())
        elif m.group().rstrip(".") in _DISTINCTIVE:
            yield "address", words.start(), _with_town(text, m.end())


def _with_town(text: str, end: int) -> int:
    town = _TOWN_AFTER.match(text, end)
    return town.end() if town is not None else end
