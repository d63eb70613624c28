"""One way to say things to a person: dates, the closed vocabularies, counts.

The window, the team PDF and the command line's text output all say a date as "1 Jul 2026"
(unambiguous on both sides of the Atlantic, whatever the machine's locale), a setting or a
status as a word with a capital ("Inpatient", "Young adult", "Open"), and a count with the
plural it needs ("1 case", "2 sessions"). Machine output keeps the raw forms: ISO dates and
enum values in `--json`, interchange files and the CSV log.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

NO_DATE = "—"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Words whose plural is not the word plus "s".
_IRREGULAR = {"identifier": "identifiers", "entry": "entries", "this": "these", "is": "are", "was": "were",
              "has": "have", "person": "people", "copy": "copies"}


def day(value: date | None, missing: str = NO_DATE) -> str:
    """1 Jul 2026 (no leading zero, English month, any locale); `missing` when there is none."""
    if value is None:
        return missing
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def moment(value: datetime) -> str:
    """1 Jul 2026 14:05: a time stamp (backups)."""
    return f"{day(value.date())} {value:%H:%M}"


def term(value: StrEnum | str | None) -> str:
    """A closed-vocabulary value as a word: 'young adult' -> 'Young adult', None -> '—'."""
    if value is None:
        return NO_DATE
    text = str(value.value if isinstance(value, StrEnum) else value)
    return text[:1].upper() + text[1:]


def plural(word: str, count: int) -> str:
    """The word as `count` needs it: plural("case", 2) -> "cases"."""
    if count == 1:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def count(number: int, word: str) -> str:
    """'1 case', '2 sessions', '0 findings'; a phrase keeps its last word plural: '3 custom items'."""
    head, _, last = word.rpartition(" ")
    phrase = f"{head} {plural(last, number)}" if head else plural(word, number)
    return f"{number} {phrase}"
