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
from functools import lru_cache

from idc_desktop.privacy.findings import Candidate
from idc_desktop.privacy.lexicon import Lexicon, fold, lexicon

# A capitalised word: the engine skips to capitals; Latin Extended-A mixes cases, so the
# first letter is re-checked with isupper(). Inner apostrophes and hyphens (O'Neill, Smith-Jones).
_CAPITALISED = re.compile(
    r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f](?<![\w'\u2019-][A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f])"
    r"(?>[^\W\d_]*(?:['\u2019-][^\W\d_]+)*)(?![0-9])"  # "SpO2", "HbA1c": codes, never matched
)
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+(?:['\u2019-][^\W\d_]+)*)")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_PARTICLES = frozenset("de da di du del della der den van von la le bin ibn al el ap ter ten".split())

# Relations and roles whose next word is a person: "her son Jamie", "nurse Kelly", "called Mark".
_CUES = frozenset((
    "son sons daughter daughters husband wife partner boyfriend girlfriend fiance fiancee mum mom mother "
    "dad father brother sister siblings sibling grandson granddaughter grandmother grandfather grandma "
    "grandad granddad nan nana gran grandpa aunt auntie uncle niece nephew cousin carer friend neighbour "
    "stepson stepdaughter stepfather stepmother stepdad stepmum ex-husband ex-wife ex-partner baby twin "
    "nurse hca colleague physio student registrar consultant housemate flatmate lodger landlord "
    "called named"
).split())
_RELATIONS = _CUES - {"nurse", "hca", "colleague", "physio", "student", "registrar", "consultant", "called", "named"}
# Two-word cues, by their last word: "known as", "calls herself", "goes by".
_CUE_PAIRS = {"as": ("known",), "herself": ("calls",), "himself": ("calls",), "themselves": ("calls",),
              "by": ("goes",)}
# What people do, right after their name: "Sarah said" ("Kelly on nights said" comes from a given name).
_VERBS = (
    "said says told tells asked asks shouted shouts yelled screamed phoned phones rang rings texted texts "
    "emailed wrote writes replied explained reported mentioned complained complains insisted admitted "
    "agreed refused refuses cried swore threatened laughed visited visits arrived came thinks thought "
    "felt feels wants wanted knows knew believes worried worries denied denies stormed walked hit kicked "
    "spat pushed grabbed apologised hugged whispered muttered smiled nodded shrugged"
).split()
# "Kelly said", "Kelly on nights said", "Kelly from pharmacy said".
_VERB_AFTER = re.compile(
    r"(?:'s|\u2019s)?(?:[ \t\u00a0]+(?:on|from|in|at)[ \t\u00a0]+[a-z]+)?[ \t\u00a0]+(?:" + "|".join(_VERBS) + r")\b"
)
_VERB_SET = frozenset(_VERBS)
# A sentence opening in lower case with a word and a person's verb; anchored on the full stop
# (or the text's start), which the engine can skip to.
_LOWER_OPENING = re.compile(
    r"[.!?][\"'\u201d]?[ \t\n]*[\"\u201c]?(?P<w>[a-z][a-z'\u2019-]+)[ \t]+(?:" + "|".join(_VERBS) + r")\b"
)
_WORD_AT = re.compile(r"[^\W\d_]+")
_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019"
_MAX_EXTRA_WORDS = 3

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
    ive im id ill youre youve theyre weve hes shes its dont cant wont isnt wasnt didnt
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
    if key in lex.surnames:
        return SURNAME
    return WORD if key in lex.rare_words else UNKNOWN


def _is_capitalised(word: str) -> bool:
    # "McDonald" and "O'Neill" are capitalised; "NHS", "GP", "ICU" are acronyms.
    return word[0].isupper() and (len(word) == 1 or not word[1].isupper() or word[1] in "'\u2019")


@lru_cache(maxsize=32768)
def _token(word: str) -> tuple[str, int]:
    """(kind, length without a possessive) of a capitalised token; cached, since prose repeats words."""
    if len(word) < 2 or not _is_capitalised(word):
        return WORD, len(word)
    if any(ch.isupper() for ch in word[2:]) and not word.startswith(("Mc", "Mac", "O'", "O\u2019", "D'", "Fitz")):
        # "SpR", "ReSPECT", "HbA1c": clinical shorthand; the lists still know "DeShawn" (tried below).
        kind = classify(word, lexicon())
        return (kind, len(word)) if kind in (GIVEN, SURNAME) else (WORD, len(word))
    core = len(word)
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and core > len(suffix) + 1:
            core -= len(suffix)
            break
    return classify(word[:core], lexicon()), core


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


def _previous_word(lowered: str, start: int) -> tuple[str, int]:
    """The lower-case word just before ``start`` (across spaces only) and where it starts."""
    j = start
    while j > 0 and lowered[j - 1] in " \t\u00a0":
        j -= 1
    if j == start:
        return "", start
    k = j
    while k > 0 and (lowered[k - 1].isalpha() or lowered[k - 1] == "-"):
        k -= 1
    return lowered[k:j], k


def _cued_before(lowered: str, start: int) -> bool:
    word, at = _previous_word(lowered, start)
    if word in _CUES:
        return True
    firsts = _CUE_PAIRS.get(word)
    return firsts is not None and _previous_word(lowered, at)[0] in firsts


def _family_plural(lowered: str, start: int, word: str, lex: Lexicon) -> bool:
    """"the Kowalskis": a plural whose singular is a surname (and no ordinary word), after "the"."""
    if not word.endswith("s") or word.endswith(("'s", "\u2019s")) or _previous_word(lowered, start)[0] != "the":
        return False
    key = fold(word)
    return any(k in lex.surnames or k in lex.given for k in (key[:-1], key[:-2]))


def _followed_by_name(text: str, end: int, lex: Lexicon) -> bool:
    m = _NEXT_WORD.match(text, end)
    if m is None or len(m[1]) < 2 or not _is_capitalised(m[1]):
        return False
    return _name_like(classify(m[1], lex))


def find_names(text: str) -> Iterator[Candidate]:
    lex = lexicon()
    lowered = text.lower()
    aligned = len(lowered) == len(text)  # lower() never shortens; equal length keeps offsets
    covered = -1
    for m in _CAPITALISED.finditer(text):
        start = m.start()
        if start < covered:
            continue
        word = m.group()
        kind, core = _token(word)
        if kind == WORD:
            if word.endswith("s") and aligned and _family_plural(lowered, start, word, lex):
                covered = m.end()
                yield "name", start, m.end()  # "the Coopers": a family, though "coopers" is a word
            continue
        core_end = start + core
        if kind != GIVEN and not _has_cue(text, lowered if aligned else None, start, core_end, kind, word, lex):
            continue
        end = m.end()
        name_end = core_end if core_end != end else _without_possessive(text, start, _extend(text, core_end, lex))
        covered = name_end
        yield "name", start, name_end
    if aligned:
        yield from _lower_case_names(text, lowered, lex)


def _has_cue(text: str, lowered: str | None, start: int, end: int, kind: str, word: str, lex: Lexicon) -> bool:
    """Whether a surname, an unknown word or a word-name at start..end is used as a name here."""
    if lowered is not None and _cued_before(lowered, start):
        return True
    if _VERB_AFTER.match(text, end) is not None:
        # "Staff felt" is no name; "Grace said" and "Kowalski said" are.
        return kind != WORD_NAME or fold(word[: end - start]) in lex.word_names or _after_a_word(text, start)
    if kind == UNKNOWN:
        # A capitalised word in no list, in mid-sentence, is a proper noun; the safe-list holds
        # the drugs, places and services, so what is left is most often a name the lists never saw.
        # At a sentence's start it needs a name and a verb after it: "Zewad Kaleem on nights said".
        if len(word) > 2 and _is_mid_sentence(text, start, after_colon=True):
            return True
        nxt = _NEXT_WORD.match(text, end)
        return (nxt is not None and _is_capitalised(nxt[1]) and _name_like(classify(nxt[1], lex))
                and _VERB_AFTER.match(text, nxt.end()) is not None)
    return _followed_by_name(text, end, lex) or (lowered is not None and _family_plural(lowered, start, word, lex))


def _without_possessive(text: str, start: int, end: int) -> int:
    for suffix in _POSSESSIVE:
        if text.endswith(suffix, start + 1, end):
            return end - len(suffix)
    return end


def _after_a_word(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i].isalnum()


def _is_mid_sentence(text: str, start: int, after_colon: bool = False) -> bool:
    """Whether the word at ``start`` follows a word or a comma (with ``after_colon``, also a
    colon or an opening bracket: "Discussed: Meinir", "(Sowande Kolade)")."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in (",;:(" if after_colon else ",;"))


def _lower_case_names(text: str, lowered: str, lex: Lexicon) -> Iterator[Candidate]:
    """"sarah said", "her son jamie": only listed given names that are not ordinary words.

    Most texts hold none of those words at all, which one set intersection (C speed) tells;
    only the few that occur are then looked at where they stand.
    """
    present = {w.strip(_EDGE_PUNCTUATION) for w in set(text.split())}
    yield from _lower_unknown_beside_cues(text, lowered, present, lex)
    # Folded forms of the words with accents ("józef" is listed as "jozef").
    accented = {w for w in present if not w.isascii() and w[:1].islower() and fold(w) in lex.plain_given}
    for name in (present & lex.plain_given) | accented:
        pos = text.find(name)
        while pos != -1:
            end = pos + len(name)
            alone = (pos == 0 or not _in_word(text[pos - 1])) and (end == len(text) or not _in_word(text[end]))
            if alone and (_cued_before(lowered, pos) or _verb_after(lowered, end)):
                yield "name", pos, end
            pos = text.find(name, end)


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_'\u2019-"


def _verb_after(lowered: str, end: int) -> bool:
    if lowered[end:end + 1] not in (" ", "\t", "\u00a0"):
        return False
    m = _WORD_AT.match(lowered, end + 1)
    return m is not None and m.group() in _VERB_SET


def _lower_unknown_beside_cues(text: str, lowered: str, present: set[str], lex: Lexicon) -> Iterator[Candidate]:
    """"her son petre": a lower-case word in no list, right after a relation, is a name the lists
    never saw (a known word never is). Before a verb it is not: "anorexia nervosa admitted"."""

    def unknown(word: str) -> bool:
        key = fold(word)
        return (len(word) > 2 and word.isalpha() and word.islower() and key not in lex.words
                and key not in lex.rare_words and key not in _NEVER
                and key not in lex.plain_given)  # plain given names: found below

    for cue in present & _RELATIONS:
        for m in _relation_then_word(cue).finditer(lowered):
            if unknown(text[m.start("w"):m.end("w")]):
                yield "name", m.start("w"), m.end("w")
    # "gambo shouted at the porter.": a sentence typed in lower case, opening with a word in no list.
    first = _LOWER_OPENING.match("." + text[:40])  # the text's own first sentence
    if first is not None and unknown(first["w"]):
        yield "name", first.start("w") - 1, first.end("w") - 1
    for m in _LOWER_OPENING.finditer(text):
        if unknown(m["w"]):
            yield "name", m.start("w"), m.end("w")


@lru_cache(maxsize=64)
def _relation_then_word(cue: str) -> re.Pattern[str]:
    # All literal first: the engine finds each "son " in C; the lookbehind drops "person ", "reason ".
    return re.compile(rf"{re.escape(cue)} (?<![\w-]{re.escape(cue)} )(?P<w>[^\W\d_]+)(?![\w'\u2019-])")


def _occurrences(lowered: str, word: str) -> Iterator[int]:
    pos = lowered.find(word)
    while pos != -1:
        end = pos + len(word)
        if (pos == 0 or not _in_word(lowered[pos - 1])) and not _in_word_at(lowered, end):
            yield pos
        pos = lowered.find(word, end)


def _in_word_at(text: str, index: int) -> bool:
    return index < len(text) and _in_word(text[index])
