"""Hospital and other record numbers, in the formats the lead configures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from idc_desktop.privacy.findings import Candidate

_TOKEN_CHAR = re.compile(r"[A-Za-z0-9]")


@lru_cache(maxsize=16)
def compile_record_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Compile the lead's patterns once per distinct setting; ValueError names a bad one.

    Each pattern must match a whole token, so a closing "no letter or digit
    follows" check is added here. The matching check before the token is done
    by the caller rather than as a leading lookbehind: a pattern that starts
    with a character class lets the engine skip ahead quickly, a lookbehind
    would make it try every position.
    """
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(rf"(?:{pattern})(?![A-Za-z0-9])"))
        except re.error as exc:
            raise ValueError(f"invalid record number pattern {pattern!r}: {exc}") from None
    return tuple(compiled)


def find_record_numbers(text: str, patterns: tuple[str, ...]) -> Iterator[Candidate]:
    for regex in compile_record_patterns(patterns):
        pos = 0
        while (m := regex.search(text, pos)) is not None:
            start, end = m.span()
            if end == start:  # a pattern that can match nothing would loop forever
                pos = start + 1
                continue
            if start > 0 and _TOKEN_CHAR.match(text, start - 1):
                pos = start + 1  # inside a longer token; look further on
                continue
            yield "record_number", start, end
            pos = end
