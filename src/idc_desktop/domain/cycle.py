"""The cycle phase's pure logic: drafting the dysfunctional cycle from perspectives A-D, and the
words of the working-alliance scale.

The draft is only a starting point the group then edits, so it follows one plain pattern
(see DOMAIN.md, our own wording):

    The patient experiences staff as <A> (A) and finds themselves <B> (B); staff experience
    the patient as <C> (C) and find themselves <D> (D), which the patient experiences again
    as <A> (back to A).

"finds themselves" reads well with both kinds of response item ("angry", "feeling rejected",
"wanting to withdraw", "giving in"), so B and D need no per-item grammar. A perspective with
no items simply drops its clause; the return to A is only drafted when there is both an A to
return to and a staff side that leads back to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.enums import Perspective

# "Each perspective usually gets 1-3 salient items": the draft keeps to the first three chosen.
MAX_SALIENT = 3

# Short titles for the four sides of the cycle (as in the shipped phase list).
PERSPECTIVE_TITLES: dict[Perspective, str] = {
    Perspective.A: "Patient sees others",
    Perspective.B: "Patient sees self",
    Perspective.C: "We see the patient",
    Perspective.D: "We see ourselves",
}

# The working-alliance rating scale: 1 (none) to 5 (strong); None means not rated yet.
RATING_MIN, RATING_MAX = 1, 5
RATING_WORDS: dict[int, str] = {1: "none", 2: "weak", 3: "partial", 4: "good", 5: "strong"}


def rating_word(rating: int | None) -> str:
    """The word for a rating, e.g. 5 -> "strong"; None -> "not rated"."""
    if rating is None:
        return "not rated"
    if rating not in RATING_WORDS:
        raise ValueError(f"an alliance rating is {RATING_MIN} to {RATING_MAX}, not {rating}")
    return RATING_WORDS[rating]


def join_words(words: Sequence[str]) -> str:
    """'a' / 'a and b' / 'a, b and c' (British style, no serial comma)."""
    words = [w for w in words if w]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} and {words[-1]}"


def _in_sentence(label: str) -> str:
    """A label as it reads mid-sentence: 'Wanting to flee' -> 'wanting to flee', but 'ICU staff' stays."""
    label = " ".join(label.split())
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _unique(keys: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(k for k in keys if k))


def chosen_labels(session: Consultation, label: Callable[[str], str]) -> dict[Perspective, list[str]]:
    """Every chosen item of each perspective, as labels, in the order chosen (what the diagram shows)."""
    result: dict[Perspective, list[str]] = {}
    for perspective in Perspective:
        record = session.perspectives.get(perspective)
        keys = _unique(record.items) if record is not None else []
        result[perspective] = [text for text in (_in_sentence(label(k)) for k in keys) if text]
    return result


def salient_labels(session: Consultation, label: Callable[[str], str]) -> dict[Perspective, list[str]]:
    """The few items the draft names for each perspective: its first MAX_SALIENT chosen items."""
    return {p: labels[:MAX_SALIENT] for p, labels in chosen_labels(session, label).items()}


def _half(seen_clause: str, response_clause: str, subject_seen: str, subject_response: str) -> str:
    """One side of the cycle: '<subject> <seen> and <response>' with either part optional."""
    if seen_clause and response_clause:
        return f"{subject_seen} {seen_clause} and {response_clause}"
    if seen_clause:
        return f"{subject_seen} {seen_clause}"
    if response_clause:
        return f"{subject_response} {response_clause}"
    return ""


def draft_cycle(session: Consultation, label: Callable[[str], str]) -> str:
    """A one-sentence draft of the cycle from the salient items of A, B, C and D; "" if none."""
    items = salient_labels(session, label)
    a, b, c, d = (join_words(items[p]) for p in Perspective)

    patient = _half(
        f"experiences staff as {a} (A)" if a else "",
        f"finds themselves {b} (B)" if b else "",
        "the patient",
        "the patient",
    )
    staff = _half(
        f"experience the patient as {c} (C)" if c else "",
        f"find themselves {d} (D)" if d else "",
        "staff",
        "staff",
    )
    sentence = "; ".join(part for part in (patient, staff) if part)
    if not sentence:
        return ""
    if a and staff:
        sentence += f", which the patient experiences again as {a} (back to A)"
    return sentence[0].upper() + sentence[1:] + "."


def cycle_is_edited(current: str, last_draft: str | None) -> bool:
    """Whether the cycle text holds the group's own wording (so a redraft must ask first).

    Empty text is never "edited". Text equal to the last draft (ignoring spacing at the ends)
    is not either. With no draft known (say, after a restart) any text counts as the group's.
    """
    text = current.strip()
    if not text:
        return False
    if not last_draft:
        return True
    return text != last_draft.strip()
