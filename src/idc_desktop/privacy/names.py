"""Names after a title: "Mr Smith", "Dr. Anna Kowalski", "Prof O'Neill", "Mrs Smith-Jones".

A name is only recognised behind a capitalised title (Mr, Mrs, Ms, Miss, Mx,
Dr, Prof, Professor, with or without a full stop): without one, a capitalised
word is as likely a drug, a ward or the start of a sentence. Deliberately not
reported:

* a title followed by a lowercase word or a role ("the Dr on call", "Dr Registrar");
* a title followed by a single letter alone ("Mr A", "Mrs B."): the usual way
  anonymised case notes refer to people, so flagging it would punish good practice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from idc_desktop.privacy.findings import Candidate

# Case-sensitive on purpose: "MS" (multiple sclerosis) and "dr" are not titles.
# Each branch starts with its capital letter before the lookbehind, so the engine can
# skip straight to M, D and P instead of testing every position.
_TITLE = re.compile(
    r"(?:M(?<!\wM)(?:rs|r|s|iss|x)|D(?<!\wD)r|P(?<!\wP)rof(?:essor)?)\b\.?(?=[ \t\u00a0])"
)

# One word of a name: letters with inner apostrophes or hyphens (O'Neill, Smith-Jones,
# D’Souza), or an initial ("J.").
_WORD = re.compile(
    r"[ \t\u00a0]+(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)(?!\w)(?P<dot>\.(?!\w))?"
)

# Lowercase words that belong inside a surname: "Dr van der Berg", "Mr de Souza".
_PARTICLES = frozenset(
    "de da di du del della der den van von la le st bin ibn al el ap ter ten".split()
)

# Capitalised words that follow a title without being a name: roles, pronouns and
# sentence glue ("I asked the Dr. She said...").
_NOT_A_NAME = frozenset(
    """
    A An And As At But By For From He Her Hers Him His How I If In Is It Its Me My No Not Of On
    Or Our She So That The Their Them Then There These They This Those To Us Was We Were What
    When Where Which While Who Why With You Your Yes Has Had Have Will Would Could Should Can
    Said Says Asked Told Came Went Felt Thought Also Again Today Tomorrow Yesterday
    Registrar Reg Consultant Consultants Doctor Doctors Surgeon Physician Psychiatrist
    Psychologist Anaesthetist Anesthetist Resident Fellow Trainee Junior Senior Locum Bank
    Agency Duty Team Nurse Nurses Sister Matron Ward Night Day Weekend On-call Oncall Foundation
    Specialist Associate Clinical Medical Surgical Staff GP SHO SpR FY Registrars Juniors
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split()
)


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and word not in _NOT_A_NAME


# Given names and surnames rarely exceed four words; stopping there keeps a
# capitalised heading after a name ("Dr Smith Renal Handover Notes") out of the span.
_MAX_NAME_WORDS = 4


def _name_end(text: str, pos: int) -> int | None:
    """End of the name that follows a title ending at ``pos``, or None when there is none."""
    end = None
    words = 0
    substantial = False  # at least one word longer than an initial
    while words < _MAX_NAME_WORDS:
        m = _WORD.match(text, pos)
        if m is None:
            break
        word = m["word"]
        if word in _PARTICLES:
            # Keep particles ("van der") only when a capitalised surname follows them.
            nxt = m
            while nxt is not None and nxt["word"] in _PARTICLES and not nxt["dot"]:
                nxt = _WORD.match(text, nxt.end())
            if nxt is None or not _is_name_word(nxt["word"]):
                break
            pos = m.end()
            continue
        if not _is_name_word(word):
            break
        words += 1
        is_initial = len(word) == 1
        substantial = substantial or not is_initial
        pos = m.end() if is_initial and m["dot"] else m.end("word")
        end = m.end("word") if not is_initial else pos
        if m["dot"] and not is_initial:
            break  # "Mr Smith." ends the sentence and the name
    if end is None or not substantial:
        return None
    return end


def _strip_possessive(text: str, start: int, end: int) -> int:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix, start, end):
            return end - len(suffix)
    return end


def find_titled_names(text: str) -> Iterator[Candidate]:
    for m in _TITLE.finditer(text):
        end = _name_end(text, m.end())
        if end is not None:
            yield "titled_name", m.start(), _strip_possessive(text, m.start(), end)
