"""One pass over the text for every detector that starts at a digit, "+" or "(".

Why: Python's regex engine pays roughly the same per character for every
pattern it scans a text with, so nine separate patterns cost nine passes. Most
identifiers (NHS/CHI numbers, dates, phones, IPv4, postcodes, "47-year-old")
start at a digit, a "+" or a "(", so their patterns are combined here into one:

    [0-9+(]  (?: (?<=first) (?=(?P<rule>rest)) | )  ...  (?(rule)|...(?!))

The engine jumps from one anchor character to the next; at each, every rule is
tried as a lookahead (so rules never hide each other's matches), and the match
only succeeds, creating a Python object, when at least one rule matched. The
rule's own module then validates (checksum, calendar, letter rules) from the
groups it named. Group names must be unique across rules; re.compile enforces it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from idc_desktop.privacy.findings import Candidate


class DigitRule(NamedTuple):
    name: str  # name of the group wrapping ``rest``; unique across rules
    first: str  # regex for the anchor character this rule starts with, e.g. "[0-9]" or r"\+"
    rest: str  # pattern for what follows the anchor character (its lookbehinds see the anchor)
    # Turns a combined match into candidates. ``start`` is the anchor's offset; the rule's own
    # groups are read from the match by name.
    accept: Callable[[str, int, re.Match[str]], Iterable[Candidate]]
    # False (most rules): the anchor must not follow a letter, digit or underscore, which
    # is checked once for all such rules. True: the rule may start mid-token (a
    # postcode's inward code in "LS14AP").
    mid_token: bool = False


# ASCII classes on purpose: the engine tests them with a bitmap, about twice as
# fast as \d's Unicode lookup, and identifiers here are written in ASCII digits.
_ANCHOR = r"[0-9+(]"
_TOKEN_START = r"(?<!\w[0-9+(])"


@lru_cache(maxsize=8)
def _combined(rules: tuple[DigitRule, ...]) -> re.Pattern[str]:
    # "(?:x|)" rather than "(?:x)?": the engine runs an optional group through its
    # general repeat machinery, which made this pass twice as slow.
    def lookahead(r: DigitRule) -> str:
        return f"(?:(?<={r.first})(?=(?P<{r.name}>{r.rest}))|)"

    token_start = "".join(lookahead(r) for r in rules if not r.mid_token)
    mid_token = "".join(lookahead(r) for r in rules if r.mid_token)
    at_least_one = "(?!)"
    for r in reversed(rules):
        at_least_one = f"(?({r.name})|{at_least_one})"
    # Most digits sit inside a number ("1", "2" of "5.12"); one shared check sends them
    # straight past the token-start rules instead of failing each rule in turn.
    gated = f"(?:{_TOKEN_START}{token_start}|)" if token_start else ""
    return re.compile(_ANCHOR + gated + mid_token + at_least_one, re.VERBOSE)


def run_digit_rules(text: str, rules: Sequence[DigitRule]) -> Iterator[Candidate]:
    rules = tuple(rules)
    for m in _combined(rules).finditer(text):
        start = m.start()
        for rule in rules:
            if m.start(rule.name) != -1:
                yield from rule.accept(text, start, m)
