"""The lead's watch list: hospitals, wards, GP practices and staff names.

Terms are matched case-insensitively, as whole words, wherever they occur.
They are compiled into one regular expression shaped like a trie ("St
Mary's" and "St Martin's" share "St Ma"), so a list of hundreds of names costs
one pass over the text with a single branch tried at each letter, instead of
one attempt per term.

Case: the trie holds lowercase terms and is matched against ``text.lower()``
rather than with re.IGNORECASE, because an IGNORECASE pattern cannot tell the
engine which first letters to skip to and so is tried at every position
(several times slower). Lowercasing keeps offsets unless some character
lowercases to two (Turkish dotted capital I); then the IGNORECASE twin is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from idc_desktop.privacy.findings import Candidate

_WORD_CHAR = re.compile(r"\w")
_END = ""  # trie key marking "a term ends here"
_APOSTROPHES = "'\u2019"
_MAX_TERM_LENGTH = 200


def _atom(ch: str) -> str:
    if ch == " ":
        return r"\s+"  # "Ward  7" or a line break inside a name still matches
    if ch in _APOSTROPHES:
        return "['\u2019]"  # typed and typographic apostrophes are the same name
    return re.escape(ch)


def _key(ch: str) -> str:
    # Lowercase merges "St" and "st" into one branch; a character whose lowercase
    # form is longer (Turkish dotted I) keeps its own form, IGNORECASE covers it.
    if ch in _APOSTROPHES:
        return "'"
    low = ch.lower()
    return low if len(low) == 1 else ch


def _node_regex(node: dict) -> str:
    branches = [_atom(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Where a term may also end here, the longer continuation is tried first:
    # the longest term wins, and backtracking gives the shorter one when the
    # longer one is not followed by a word boundary. ("(?:x|)" is a cheaper
    # spelling of "(?:x)?" for the regex engine.)
    return f"(?:{body}|)" if _END in node else body


@lru_cache(maxsize=16)
def compile_watch_list(terms: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(pattern for lowercased text, IGNORECASE twin for the original text), or None if empty."""
    trie: dict = {}
    for term in terms:
        words = term.split()
        # A term with no letter or digit ("-", "...") would match all over the text.
        if not words or not any(ch.isalnum() for ch in term):
            continue
        if len(term) > _MAX_TERM_LENGTH:  # the trie is built recursively, one level a character
            raise ValueError(
                f"watch-list term longer than {_MAX_TERM_LENGTH} characters: {term[:40]!r}..."
            )
        node = trie
        for ch in " ".join(words):
            node = node.setdefault(_key(ch), {})
        node[_END] = {}
    if not trie:
        return None
    source = _node_regex(trie) + r"(?!\w)"
    return re.compile(source), re.compile(source, re.IGNORECASE)


def find_watch_list_terms(text: str, terms: tuple[str, ...]) -> Iterator[Candidate]:
    compiled = compile_watch_list(terms)
    if compiled is None:
        return
    lowered = text.lower()
    if len(lowered) == len(text):  # lower() never shortens, so equal length means aligned offsets
        regex, haystack = compiled[0], lowered
    else:
        regex, haystack = compiled[1], text
    pos = 0
    while (m := regex.search(haystack, pos)) is not None:
        start, end = m.span()
        # The word boundary before the term is checked here, not in the regex,
        # so the engine can still skip to the terms' first letters.
        if start > 0 and _WORD_CHAR.match(text, start - 1):
            pos = start + 1
            continue
        yield "watch_list", start, end
        pos = end
