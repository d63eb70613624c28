"""Field rules for what a user types; the services enforce them before anything is stored."""

from __future__ import annotations

from idc_desktop.domain.case import Case
from idc_desktop.domain.codes import code_problem, normalise_code
from idc_desktop.domain.errors import ValidationError

MAX_SPECIALTY = 80
MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 100_000
MAX_TAG = 40
MAX_TAGS = 20


def clean_text(value: str | None) -> str:
    """Plain text as stored: no NULs, Windows newlines made Unix, ends trimmed."""
    if value is None:
        return ""
    return value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()


def check_length(field: str, label: str, value: str, limit: int) -> None:
    if len(value) > limit:
        raise ValidationError(
            field, f"{label} is too long: {len(value):,} characters, the limit is {limit:,}."
        )


def clean_case(case: Case) -> Case:
    """Return the case with its fields trimmed, or raise ValidationError naming the field."""
    case.code = normalise_code(case.code)
    problem = code_problem(case.code)
    if problem:
        raise ValidationError("code", problem)
    case.specialty = clean_text(case.specialty)
    if not case.specialty:
        raise ValidationError("specialty", "The specialty is empty: choose or type one.")
    check_length("specialty", "The specialty", case.specialty, MAX_SPECIALTY)
    case.referral_reason = clean_text(case.referral_reason)
    check_length("referral_reason", "The referral reason", case.referral_reason, MAX_LONG_TEXT)
    case.gender = clean_text(case.gender) or None
    if case.gender is not None:
        check_length("gender", "Gender", case.gender, MAX_SHORT_TEXT)
    tags: list[str] = []
    for tag in case.tags:
        tag = clean_text(tag)
        if tag and tag not in tags:
            check_length("tags", f"The tag {tag[:20]!r}", tag, MAX_TAG)
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError("tags", f"Too many tags: {len(tags)}, the limit is {MAX_TAGS}.")
    case.tags = tags
    return case
