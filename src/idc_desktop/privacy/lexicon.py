"""The shipped word lists: given names, surnames, ordinary English words and the safe-list.

Loaded on first use, never at import: the window paints before any detector module is even
imported, and the first scan pays the ~50 ms of decompressing the lists once per process.
Where they come from, their licences and sizes: resources/privacy/SOURCES.md.

Every lookup goes through :func:`fold`, the same normalisation the lists were built with
(resources/privacy/derive_lists.py), so "Siân", "SIAN" and "sian" are one entry and "O'Neill"
matches the Census's "ONEILL".
"""

from __future__ import annotations

import gzip
import threading
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

# Letters NFKD does not split into a base letter and an accent.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d"})
_DROP = str.maketrans("", "", "'\u2019\u2018-. ")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, no accents, no apostrophes, hyphens or dots: the key every list is stored under."""
    if word.isascii():
        return word.lower().translate(_DROP)
    decomposed = unicodedata.normalize("NFKD", word.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_DROP)


@dataclass(frozen=True)
class Lexicon:
    given: frozenset[str]  # given names (US SSA baby names)
    surnames: frozenset[str]  # surnames (US Census 2010)
    words: frozenset[str]  # ordinary English words (SCOWL british-english-small) plus the safe-list
    word_names: frozenset[str]  # words that are first of all given names ("Grace", "Will")
    rare_words: frozenset[str] = frozenset()  # English words beyond the common list: known, but no name's disguise

    def is_word(self, word: str) -> bool:
        return fold(word) in self.words

    @cached_property
    def plain_given(self) -> frozenset[str]:
        """Given names that are no ordinary word: the only ones read as names in lower case."""
        return self.given - self.words


def _lists_dir() -> Path:
    from idc_desktop.paths import resources_dir  # a leaf module: stdlib and domain only

    return resources_dir() / "privacy"


def _read_gz(path: Path) -> frozenset[str]:
    return frozenset(gzip.decompress(path.read_bytes()).decode("utf-8").split("\n"))


def read_safe_terms(path: Path) -> frozenset[str]:
    """A hand-kept list (safe_terms.txt, word_names.txt): words separated by white space, '#' starts
    a comment."""
    terms: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        terms.update(fold(w) for w in line.split())
    return frozenset(terms)


_lock = threading.Lock()
_loaded: Lexicon | None = None


def lexicon() -> Lexicon:
    """The lists, loaded once per process (thread-safe: a background warm-up may race the first scan)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                where = _lists_dir()
                words = (_read_gz(where / "english_words.txt.gz") | read_safe_terms(where / "safe_terms.txt")) \
                    - read_safe_terms(where / "given_not_words.txt")
                _loaded = Lexicon(_read_gz(where / "given_names.txt.gz"), _read_gz(where / "surnames.txt.gz"),
                                  words, read_safe_terms(where / "word_names.txt"), _read_gz(where / "rare_words.txt.gz"))
    return _loaded
