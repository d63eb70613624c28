"""Full UK postcodes ("M1 1AE", "sw1a1aa", "GIR 0AA").

Letter rules (Royal Mail): the first letter is never Q, V or X; the second
never I, J or Z; a letter in the third place (A9A) is one of ABCDEFGHJKPSTUW;
in the fourth (AA9A) one of ABEHMNPRVWXY; the inward code's letters are never
C, I, K, M, O or V. Honouring them cuts chance matches such as "40mg" or "8am".

Search is anchored on the inward code (a digit and two letters ending a
token), which is rare in prose, and only then looks back for an outward code;
scanning for the outward code first would try a match at every letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.findings import Candidate

_INWARD_LETTER = "ABD-HJLNP-UW-Z"
# The inward code's digit is the anchor of this rule in the combined digit pass.
_INWARD_REST = rf"(?i:[{_INWARD_LETTER}]{{2}})(?!\w)"

_FULL = re.compile(
    rf"""
    (?<!\w)
    (?:
        (?:
            [A-PR-UWYZ][0-9][0-9]?                  # A9, A99
          | [A-PR-UWYZ][A-HK-Y][0-9][0-9]?          # AA9, AA99
          | [A-PR-UWYZ][0-9][A-HJKPSTUW]            # A9A
          | [A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]  # AA9A
        )
        [ \u00a0]?[0-9][{_INWARD_LETTER}]{{2}}
      | GIR[ \u00a0]?0AA
    )
    \Z
    """,
    re.IGNORECASE | re.VERBOSE,
)
_LONGEST_OUTWARD_AND_SPACE = 5


def _consistent_case(candidate: str) -> bool:
    # "M1 1AE" and "m1 1ae" are postcodes; "B12 2nd" (vitamin B12, 2nd dose) is not.
    letters = [c for c in candidate if c.isalpha()]
    return all(c.isupper() for c in letters) or all(c.islower() for c in letters)


def _accept(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    end = m.end("postcode")
    window_start = max(0, start - _LONGEST_OUTWARD_AND_SPACE)
    # \Z with endpos ties the match to this inward code; search tries the longest
    # outward code first because it starts furthest to the left.
    full = _FULL.search(text, window_start, end)
    if full is not None and _consistent_case(full.group()):
        yield "postcode", full.start(), end


RULE = DigitRule("postcode", "[0-9]", _INWARD_REST, _accept, mid_token=True)


def find_postcodes(text: str) -> Iterator[Candidate]:
    return run_digit_rules(text, (RULE,))
