"""Field rules for a session: plain text, sane lengths, ratings 1-5, positive counts."""

from __future__ import annotations

from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.errors import ValidationError
from idc_desktop.domain.validation import MAX_LONG_TEXT, MAX_SHORT_TEXT, check_length, clean_text

_SHORT_FIELDS = ("facilitator_role", "presenter_role")
_LONG_FIELDS = ("question", "presentation", "clarifying", "close_notes", "cycle", "formulation",
                "facilitator_reflection")
_PLAN_FIELDS = ("stance", "risks", "staff_support", "patient_message")


def _clean(owner: object, name: str, limit: int) -> None:
    value = clean_text(getattr(owner, name))
    check_length(name, name.replace("_", " ").capitalize(), value, limit)
    setattr(owner, name, value)


def clean_consultation(session: Consultation) -> Consultation:
    for name in _SHORT_FIELDS:
        _clean(session, name, MAX_SHORT_TEXT)
    for name in _LONG_FIELDS:
        _clean(session, name, MAX_LONG_TEXT)
    for name in _PLAN_FIELDS:
        _clean(session.plan, name, MAX_LONG_TEXT)
    for attendee in session.attendees:
        _clean(attendee, "role", MAX_SHORT_TEXT)
        if attendee.count < 1:
            raise ValidationError("attendees", f"The count for {attendee.role or 'a role'} must be at least 1.")
    session.attendees = [a for a in session.attendees if a.role]
    for record in session.perspectives.values():
        _clean(record, "summary", MAX_LONG_TEXT)
        for contribution in record.contributions:
            _clean(contribution, "text", MAX_LONG_TEXT)
            contribution.role = clean_text(contribution.role) or None
        record.contributions = [c for c in record.contributions if c.text]
    for dimension, rating in session.alliance.items():
        _clean(rating, "notes", MAX_LONG_TEXT)
        if rating.rating is not None and not 1 <= rating.rating <= 5:
            raise ValidationError(
                "alliance", f"The {dimension.value} rating must be from 1 (none) to 5 (strong), not {rating.rating}."
            )
    for action in session.plan.actions:
        _clean(action, "text", MAX_LONG_TEXT)
        _clean(action, "owner_role", MAX_SHORT_TEXT)
    return session
