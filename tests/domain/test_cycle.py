"""Drafting the dysfunctional cycle from A-D: full, partial and empty sessions, list joining,
labels through a lookup, and telling the group's wording from a draft."""

from __future__ import annotations

from datetime import date

import pytest

from idc_desktop.domain import Consultation, Perspective
from idc_desktop.domain.cycle import (
    MAX_SALIENT,
    chosen_labels,
    cycle_is_edited,
    draft_cycle,
    join_words,
    rating_word,
    salient_labels,
)

LABELS = {
    "dismissive": "dismissive",
    "controlling": "controlling",
    "feeling_unimportant": "feeling unimportant",
    "angry": "angry",
    "demanding": "demanding",
    "attacking": "hostile",
    "wanting_to_withdraw": "wanting to withdraw",
    "keeping_short": "keeping visits short",
}


def label(key: str) -> str:
    return LABELS.get(key, key.replace("_", " "))


def session(**items: list[str]) -> Consultation:
    s = Consultation(held_on=date(2026, 3, 4))
    for key, chosen in items.items():
        s.perspectives[Perspective(key)].items = list(chosen)
    return s


FULL = dict(
    A=["dismissive", "controlling"],
    B=["feeling_unimportant", "angry"],
    C=["demanding", "attacking"],
    D=["wanting_to_withdraw", "keeping_short"],
)


def test_full_session_drafts_the_whole_loop() -> None:
    assert draft_cycle(session(**FULL), label) == (
        "The patient experiences staff as dismissive and controlling (A) and finds themselves "
        "feeling unimportant and angry (B); staff experience the patient as demanding and hostile (C) "
        "and find themselves wanting to withdraw and keeping visits short (D), which the patient "
        "experiences again as dismissive and controlling (back to A)."
    )


def test_empty_session_drafts_nothing() -> None:
    assert draft_cycle(session(), label) == ""


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (dict(A=["dismissive"]), "The patient experiences staff as dismissive (A)."),
        (dict(B=["angry"]), "The patient finds themselves angry (B)."),
        (dict(C=["demanding"]), "Staff experience the patient as demanding (C)."),
        (dict(D=["wanting_to_withdraw"]), "Staff find themselves wanting to withdraw (D)."),
        (
            dict(A=["dismissive"], D=["wanting_to_withdraw"]),
            "The patient experiences staff as dismissive (A); staff find themselves wanting to withdraw (D), "
            "which the patient experiences again as dismissive (back to A).",
        ),
        (
            dict(B=["angry"], C=["demanding"]),
            "The patient finds themselves angry (B); staff experience the patient as demanding (C).",
        ),
        (
            # No A: nothing to go back to, so no return clause.
            dict(B=["angry"], C=["demanding"], D=["wanting_to_withdraw"]),
            "The patient finds themselves angry (B); staff experience the patient as demanding (C) "
            "and find themselves wanting to withdraw (D).",
        ),
        (
            # No staff side: the loop cannot be closed yet.
            dict(A=["dismissive"], B=["angry"]),
            "The patient experiences staff as dismissive (A) and finds themselves angry (B).",
        ),
    ],
)
def test_partial_sessions_still_read_well(items: dict[str, list[str]], expected: str) -> None:
    assert draft_cycle(session(**items), label) == expected


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a and b"),
        (["a", "b", "c"], "a, b and c"),
        (["a", "", "c"], "a and c"),
    ],
)
def test_join_words(words: list[str], joined: str) -> None:
    assert join_words(words) == joined


def test_at_most_three_salient_items_per_perspective() -> None:
    s = session(A=["dismissive", "controlling", "critical", "cold", "rejecting"])
    assert MAX_SALIENT == 3
    assert salient_labels(s, label)[Perspective.A] == ["dismissive", "controlling", "critical"]
    assert draft_cycle(s, label) == "The patient experiences staff as dismissive, controlling and critical (A)."
    # The diagram shows every chosen item, in order.
    assert chosen_labels(s, label)[Perspective.A] == ["dismissive", "controlling", "critical", "cold", "rejecting"]


def test_labels_come_from_the_lookup_and_read_mid_sentence() -> None:
    lookup = {"x1": "Wanting to flee", "x2": "ICU-style vigilance", "y": "  on   guard "}
    s = session(C=["x1", "x2"], D=["y"])
    assert draft_cycle(s, lookup.__getitem__) == (
        "Staff experience the patient as wanting to flee and ICU-style vigilance (C) and find themselves on guard (D)."
    )


def test_repeated_keys_and_blank_labels_are_skipped() -> None:
    s = session(A=["dismissive", "dismissive", "blank"])
    assert draft_cycle(s, lambda k: "" if k == "blank" else label(k)) == (
        "The patient experiences staff as dismissive (A)."
    )


def test_cycle_is_edited() -> None:
    draft = "The patient experiences staff as dismissive (A)."
    assert not cycle_is_edited("", draft)
    assert not cycle_is_edited("   \n", None)
    assert not cycle_is_edited(draft, draft)
    assert not cycle_is_edited(draft + "\n", draft)
    assert cycle_is_edited(draft + " Again and again.", draft)
    assert cycle_is_edited("Our own words", "")
    assert cycle_is_edited("Our own words", None)  # no draft known: any text is the group's


def test_rating_words() -> None:
    assert rating_word(None) == "not rated"
    assert rating_word(1) == "none" and rating_word(5) == "strong"
    with pytest.raises(ValueError):
        rating_word(6)
