"""Hypothesis strategies for domain objects, for any test that needs random valid cases.

Text is already clean (as `clean_text` leaves it: no NULs, no CR, ends trimmed) and within
the limits of `domain.validation`, so a generated object is one the app could have stored.
It mixes plain ASCII, arbitrary Unicode, emoji (including joined sequences) and
right-to-left scripts.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.case import Case
from idc_desktop.domain.codes import CODE_ALPHABET, CODE_PREFIX, code_problem
from idc_desktop.domain.consultation import (
    AllianceRating,
    Attendee,
    Consultation,
    Contribution,
    PerspectiveRecord,
    Plan,
    PlanAction,
)
from idc_desktop.domain.enums import (
    ActionStatus,
    AllianceDimension,
    CaseStatus,
    LifeStage,
    Perspective,
    Setting,
)
from idc_desktop.domain.validation import (
    MAX_SHORT_TEXT,
    MAX_SPECIALTY,
    MAX_TAG,
    MAX_TAGS,
    clean_text,
)

FRAGMENTS = [
    "Staff nurse",
    "Renal",
    "feels dismissed",
    "👩‍⚕️",  # joined emoji sequence
    "🙂",
    "🏥 ward round",
    "مريض غاضب",  # Arabic
    "צוות סיעודי",  # Hebrew
    "ممرضة",
    "naïve café",
    "日本語",
    "line one\nline two",
    "\t",
    " ",
    '"quoted" \\ back',
]

_any_char = st.characters(exclude_categories=("Cs",))  # no lone surrogates: not valid UTF-8


def text(max_size: int = 400, *, min_size: int = 0) -> st.SearchStrategy[str]:
    """Clean text of at most max_size characters (at least min_size after cleaning)."""
    # Maps rather than filters: filtering clean, bounded text rejects too many draws.
    pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(_any_char, max_size=12))

    def build(parts: list[str]) -> str:
        cleaned = clean_text(clean_text("".join(parts))[:max_size])
        return cleaned if len(cleaned) >= min_size else "Renal"[: max(min_size, 5)]

    return st.lists(pieces, max_size=4).map(build)


def short_text(*, min_size: int = 0) -> st.SearchStrategy[str]:
    return text(MAX_SHORT_TEXT, min_size=min_size)


def optional_text() -> st.SearchStrategy[str | None]:
    """None, or non-empty text (the format writes "not given" as null, never as "")."""
    return st.none() | short_text(min_size=1)


def case_codes() -> st.SearchStrategy[str]:
    generated = st.text(st.sampled_from(CODE_ALPHABET), min_size=4, max_size=8).map(
        lambda s: CODE_PREFIX + s
    )
    typed = st.from_regex(r"[A-Z0-9][A-Z0-9-]{2,19}", fullmatch=True).filter(
        lambda c: code_problem(c) is None
    )
    return generated | typed


dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
ratings = st.none() | st.integers(1, 5)
ids = st.none() | st.integers(1, 10**6)


def cases() -> st.SearchStrategy[Case]:
    return st.builds(
        Case,
        code=st.just("") | case_codes(),  # "" = not yet generated
        specialty=text(MAX_SPECIALTY, min_size=1),
        setting=st.sampled_from(Setting),
        life_stage=st.sampled_from(LifeStage),
        gender=optional_text(),
        referral_reason=text(),
        status=st.sampled_from(CaseStatus),
        tags=st.lists(text(MAX_TAG, min_size=1), unique=True, max_size=min(4, MAX_TAGS)),
        id=ids,
    )


def contributions() -> st.SearchStrategy[Contribution]:
    return st.builds(
        Contribution, text=text(), role=optional_text(), salient=st.booleans(), id=ids
    )


def perspective_records() -> st.SearchStrategy[PerspectiveRecord]:
    return st.builds(
        PerspectiveRecord,
        items=st.lists(short_text(min_size=1), max_size=3),
        summary=text(),
        contributions=st.lists(contributions(), max_size=3),
    )


def plan_actions() -> st.SearchStrategy[PlanAction]:
    return st.builds(
        PlanAction,
        text=text(),
        owner_role=short_text(),
        due_on=st.none() | dates,
        status=st.sampled_from(ActionStatus),
        carried_from=ids,  # not in the format: must not disturb a round trip
        id=ids,
    )


def plans() -> st.SearchStrategy[Plan]:
    return st.builds(
        Plan,
        stance=text(),
        actions=st.lists(plan_actions(), max_size=3),
        risks=text(),
        staff_support=text(),
        patient_message=text(),
        review_on=st.none() | dates,
    )


def consultations() -> st.SearchStrategy[Consultation]:
    return st.builds(
        Consultation,
        held_on=dates,
        facilitator_role=short_text(),
        presenter_role=short_text(),
        attendees=st.lists(
            st.builds(Attendee, role=short_text(), count=st.integers(1, 999)), max_size=3
        ),
        ground_rules=st.lists(st.sampled_from(["confidential", "no-names"]), unique=True),
        question=text(),
        presentation=text(),
        clarifying=text(),
        close_notes=text(),
        perspectives=st.fixed_dictionaries({p: perspective_records() for p in Perspective}),
        cycle=text(),
        formulation=text(),
        alliance=st.fixed_dictionaries(
            {d: st.builds(AllianceRating, rating=ratings, notes=text()) for d in AllianceDimension}
        ),
        plan=plans(),
        facilitator_reflection=text(),
        current_phase=st.sampled_from(["", "frame", "perspective_a"]),
        id=ids,
        case_id=ids,
    )


def bundles(max_sessions: int = 2) -> st.SearchStrategy[CaseBundle]:
    """A case with sessions in any order (the domain keeps date order; writers sort)."""
    return st.builds(
        CaseBundle, case=cases(), sessions=st.lists(consultations(), max_size=max_sessions)
    )


def _unique_codes(items: list[CaseBundle]) -> list[CaseBundle]:
    seen: set[str] = set()
    for bundle in items:
        if bundle.case.code in seen:
            bundle.case.code = ""
        elif bundle.case.code:
            seen.add(bundle.case.code)
    return items


def bundle_lists(max_size: int = 2) -> st.SearchStrategy[list[CaseBundle]]:
    """Several bundles whose case codes are unique, as in one interchange file."""
    return st.lists(bundles(), max_size=max_size).map(_unique_codes)
