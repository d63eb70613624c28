"""Names without a title: "Sarah shouted", "Emily Watson phoned", "the Kowalskis", "sarah said".

The rule is a small decision per capitalised word, from the shipped lists (lexicon.py):

* a **given name that is not an ordinary word** (Sarah, Siobhan, Oluwaseun, Agnieszka) is a
  name wherever it stands, sentence start included;
* a **surname**, an **unknown** word (in no list: the names the lists never saw) or a name that
  is **also a word** (Hope, Grace, Will, Mark, Brown) is a name only with a context cue: a
  relation or role before it ("her son", "daughter", "nurse", "called", "named"), a person's
  verb after it ("said", "shouted", "phoned"), a name beside it ("Grace Kowalski"), or the
  family plural ("the Kowalskis");
* a **lower-case** word is a name only with a plain cue: "sarah said", "her son jamie", and
  only when it is a listed given name that is not an ordinary word.

The words after a name that are names too (surnames, particles: "Emily Watson", "Anna van
der Berg") join its span. Words on the safe-list (eponyms, drugs, places, roles: see
resources/privacy/safe_terms.txt) count as ordinary words, so "Addison's disease" is left
alone and "Addison said" is not. All-capital tokens are acronyms, never names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.findings import Candidate
from idc_desktop.privacy.lexicon import Lexicon, fold, lexicon

# A capitalised word: the engine skips to capitals; Latin Extended-A mixes cases, so the
# first letter is re-checked with isupper(). Inner apostrophes and hyphens (O'Neill, Smith-Jones).
_CAPITALISED = re.compile(
    r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f](?<![\w'\u2019-][A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f])"
    r"[^\W\d_]*(?:['\u2019-][^\W\d_]+)*"
)
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+(?:['\u2019-][^\W\d_]+)*)")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_PARTICLES = frozenset("de da di du del della der den van von la le bin ibn al el ap ter ten".split())

# Relations and roles whose next word is a person: "her son Jamie", "nurse Kelly", "called Mark".
_CUES = (
    "son sons daughter daughters husband wife partner boyfriend girlfriend fiance fiancee mum mom mother "
    "dad father brother sister siblings sibling grandson granddaughter grandmother grandfather grandma "
    "grandad granddad nan nana gran grandpa aunt auntie uncle niece nephew cousin carer friend neighbour "
    "stepson stepdaughter stepfather stepmother stepdad stepmum ex-husband ex-wife ex-partner baby twin "
    "nurse hca colleague physio student registrar consultant housemate flatmate lodger landlord "
    "called named"
).split()
_CUE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _CUES), key=len, reverse=True))
    + r"|known as|calls herself|calls himself|calls themselves|goes by)[ \t\u00a0]+"
)
# What people do, right after their name: "Sarah said", "Kelly on nights said" comes from a given name.
_VERBS = (
    "said says told tells asked asks shouted shouts yelled screamed phoned phones rang rings texted texts "
    "emailed wrote writes replied explained reported mentioned complained complains insisted admitted "
    "agreed refused refuses cried swore threatened laughed visited visits arrived came thinks thought "
    "felt feels wants wanted knows knew believes worried worries denied denies stormed walked hit kicked "
    "spat pushed grabbed apologised hugged whispered muttered smiled nodded shrugged"
).split()
_VERB_AFTER = re.compile(r"(?:'s|\u2019s)?[ \t\u00a0]+(?:" + "|".join(_VERBS) + r")\b")
_VERB_BEFORE_LOWER = re.compile(r"\b(" + "|".join(_VERBS) + r")\b")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w'\u2019-])([a-z][a-z'\u2019-]*)[ \t\u00a0]+\Z")
_LOWER_WORD_AT = re.compile(r"([a-z][a-z'\u2019-]*)(?![\w'\u2019-])")
# "the Kowalskis", "the Okafors": a family by its plural surname.
_THE_BEFORE = re.compile(r"(?:^|(?<=[^\w]))[Tt]he[ \t\u00a0]+\Z")
_MAX_EXTRA_WORDS = 3
_LONGEST_CUE = 24

GIVEN, SURNAME, WORD_NAME, UNKNOWN, WORD = "given", "surname", "word-name", "unknown", "word"

# Closed-class words that the name lists hold too ("So", "Said", "Can", "Else" are in the US
# baby-name files): never a name without a title, whatever follows them.
_NEVER = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here where when while who whom whose
    which what why how all any both each every either neither some such no not only own same other else
    i me my we us our you your he him his she her it its they them their one ones
    am is are was were be been being do does did done have has had having can could shall should would must
    might may will said says saw seen won ran let got get go went come came see say told
    of at by for from in into on onto off out over under up down to with without about above below
    after before again against between through during since until upon within
    yes ok okay oh ah um well just also even still very too more most much many few less least
    """.split()
)


def classify(word: str, lex: Lexicon) -> str:
    key = fold(word)
    if key in _NEVER:
        return WORD
    is_name = key in lex.given or key in lex.surnames
    if key in lex.words:
        return WORD_NAME if is_name else WORD
    if key in lex.given:
        return GIVEN
    return SURNAME if key in lex.surnames else UNKNOWN


def _strip_possessive(text: str, start: int, end: int) -> int:
    for suffix in _POSSESSIVE:
        if text.endswith(suffix, start + 1, end):
            return end - len(suffix)
    return end


def _is_capitalised(word: str) -> bool:
    # "McDonald" and "O'Neill" are capitalised; "NHS", "GP", "ICU" are acronyms.
    return word[0].isupper() and (len(word) == 1 or not word[1].isupper() or "'" in word[:3] or "\u2019" in word[:3])


def _name_like(kind: str) -> bool:
    return kind in (GIVEN, SURNAME, UNKNOWN)


def _extend(text: str, end: int, lex: Lexicon) -> int:
    """Take in the names that follow a name: "Emily Watson", "Anna van der Berg"."""
    taken = 0
    pos = end
    while taken < _MAX_EXTRA_WORDS:
        m = _NEXT_WORD.match(text, pos)
        if m is None:
            break
        word = m[1]
        if word in _PARTICLES:
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt is None or not _is_capitalised(nxt[1]):
                break
            pos = m.end()
            continue
        if len(word) < 2 or not _is_capitalised(word):
            break
        kind = classify(word, lex)
        # A name that is also a word joins only as a listed surname ("Emily Brown", not "Emily Said").
        if kind == WORD or (kind == WORD_NAME and fold(word) not in lex.surnames):
            break
        end = pos = m.end()
        taken += 1
    return end


def _cued_before(text: str, lowered: str, start: int) -> bool:
    window = max(0, start - _LONGEST_CUE)
    m = _CUE_BEFORE.search(lowered, window, start)
    return m is not None and m.end() == start


def _followed_by_name(text: str, end: int, lex: Lexicon) -> bool:
    m = _NEXT_WORD.match(text, end)
    if m is None or len(m[1]) < 2 or not _is_capitalised(m[1]):
        return False
    return _name_like(classify(m[1], lex))


def _family_plural(text: str, start: int, word: str, lex: Lexicon) -> bool:
    if not word.endswith("s") or _THE_BEFORE.search(text, max(0, start - 5), start) is None:
        return False
    key = fold(word)
    return any(k in lex.surnames and k not in lex.words for k in (key[:-1], key[:-2]))


def find_names(text: str) -> Iterator[Candidate]:
    lex = lexicon()
    lowered = text.lower()
    aligned = len(lowered) == len(text)
    covered = -1
    for m in _CAPITALISED.finditer(text):
        start, end = m.span()
        word = m.group()
        if start < covered or len(word) < 2 or not _is_capitalised(word):
            continue
        core_end = _strip_possessive(text, start, end)
        kind = classify(text[start:core_end], lex)
        if kind == WORD:
            continue
        if kind != GIVEN:
            followed = _followed_by_name(text, core_end, lex)
            cued = aligned and _cued_before(text, lowered, start)
            if not cued and _VERB_AFTER.match(text, core_end) is not None:
                # "Staff felt" is no name; "Grace said" and "Kowalski said" are.
                cued = kind != WORD_NAME or fold(word) in lex.word_names or _is_mid_sentence(text, start)
            if kind == UNKNOWN and not cued:
                # Two unknown capitalised words together read as a name only mid-sentence.
                cued = followed and _is_mid_sentence(text, start)
            elif not cued:
                cued = followed or _family_plural(text, start, word, lex)
            if not cued:
                continue
        name_end = _strip_possessive(text, start, _extend(text, core_end, lex)) if core_end == end else core_end
        covered = name_end
        yield "name", start, name_end
    if aligned:
        yield from _lower_case_names(text, lowered, lex)


def _is_mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in ",;")


def _lower_case_names(text: str, lowered: str, lex: Lexicon) -> Iterator[Candidate]:
    """"sarah said", "her son jamie": only listed given names that are not ordinary words."""

    def plainly_a_name(word: str) -> bool:
        key = fold(word)
        return key in lex.given and key not in lex.words

    for m in _VERB_BEFORE_LOWER.finditer(text):
        before = _LOWER_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and plainly_a_name(before[1]):
            yield "name", before.start(1), before.end(1)
    for m in _CUE_BEFORE.finditer(lowered):
        word = _LOWER_WORD_AT.match(text, m.end())
        if word is not None and plainly_a_name(word[1]):
            yield "name", word.start(1), word.end(1)
