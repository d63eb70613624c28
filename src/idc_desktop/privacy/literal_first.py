"""Patterns shaped so Python's regex engine can skip ahead to where a match may start.

The engine looks at the first thing a pattern must match: a literal, or an alternation whose
every branch opens with a literal, lets it jump from one candidate letter to the next (a
C-speed scan); a pattern that opens with a lookbehind, a flag group or a repeat is instead
tried at every position, which on 100 KB costs milliseconds per pattern.
"""

from __future__ import annotations


def word_start(*branches: str) -> str:
    """An alternation of ``branches``, each opening with its own first (literal) letter and
    then checking that this letter starts a word. Branch tails may be regex."""
    return "(?:" + "|".join(f"{b[0]}(?<![\\w-]{b[0]}){b[1:]}" for b in branches) + ")"
