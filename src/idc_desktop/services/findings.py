"""Identifier findings across a case: every free-text field, named so a person can find it.

Catalogue items are checked too: a lead can name a custom item anything (an import adds
whatever string it finds), so the text an export writes for each item (its label in a PDF or
the CSV, its name in JSON) is scanned like any other free text. `ItemText` says, per export,
what that text is for a key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.enums import Perspective
from idc_desktop.privacy import Finding, ScanConfig, scan


@dataclass(frozen=True)
class Located:
    """A finding with where it is: the case code, the session number, the field."""

    code: str
    where: str
    part: str | None  # the session part (domain/parts.py) when it is in a session
    session_number: int | None
    finding: Finding

    def describe(self) -> str:
        return f"{self.code} {self.where}: {self.finding.label} \u201c{self.finding.text}\u201d"


def session_texts(session: Consultation, include_private: bool) -> Iterator[tuple[str, str, str]]:
    """(where, part, text) for each free-text field of a session."""
    simple = (
        ("facilitator role", "facilitator_role"), ("presenter role", "presenter_role"),
        ("question", "question"), ("presentation", "presentation"), ("clarifying questions", "clarifying"),
        ("what helped", "close_notes"), ("cycle", "cycle"), ("formulation", "formulation"),
    )
    for where, part in simple:
        yield where, part, getattr(session, part)
    for i, attendee in enumerate(session.attendees, start=1):
        yield f"attendee {i}", "attendees", attendee.role
    for p in Perspective:
        record = session.perspectives[p]
        yield f"perspective {p.value} summary", f"perspective.{p.value}.summary", record.summary
        for i, c in enumerate(record.contributions, start=1):
            yield f"perspective {p.value} contribution {i}", f"perspective.{p.value}.contributions", c.text
            yield f"perspective {p.value} contribution {i} role", f"perspective.{p.value}.contributions", c.role or ""
    for dimension, rating in session.alliance.items():
        yield f"alliance {dimension.value} notes", f"alliance.{dimension.value}", rating.notes
    plan = session.plan
    for where, part in (("stance", "stance"), ("risks", "risks"), ("staff support", "staff_support"),
                        ("what to say to the patient", "patient_message")):
        yield where, f"plan.{part}", getattr(plan, part)
    for i, action in enumerate(plan.actions, start=1):
        yield f"action {i}", "plan.actions", action.text
        yield f"action {i} owner", "plan.actions", action.owner_role
    if include_private:
        yield "private reflection", "facilitator_reflection", session.facilitator_reflection


# What an export writes for an item key (its label, or its interchange name); None: items not checked.
ItemText = Callable[[str], str]


def item_texts(session: Consultation, item_text: ItemText) -> Iterator[tuple[str, str, str]]:
    """(where, part, text) for each item of each perspective, as the export writes it."""
    for p in Perspective:
        for i, key in enumerate(session.perspectives[p].items, start=1):
            yield f"perspective {p.value} item {i}", f"perspective.{p.value}.items", item_text(key)


def _cached(config: ScanConfig | None) -> Callable[[str], tuple[Finding, ...]]:
    """scan() remembering each text: the same few item labels recur in every session."""
    seen: dict[str, tuple[Finding, ...]] = {}

    def scan_once(text: str) -> tuple[Finding, ...]:
        if text not in seen:
            seen[text] = tuple(scan(text, config))
        return seen[text]

    return scan_once


def bundle_findings(bundle: CaseBundle, config: ScanConfig | None = None, include_private: bool = True,
                    sessions: Iterable[int] | None = None, item_text: ItemText | None = None) -> list[Located]:
    """Findings in a case's own fields and in the chosen sessions (numbers from 1; all when None)."""
    case = bundle.case
    found: list[Located] = []
    case_fields = (("specialty", case.specialty), ("referral reason", case.referral_reason),
                   ("gender", case.gender or ""), *((f"tag {t}", t) for t in case.tags))
    for where, text in case_fields:
        found += [Located(case.code, where, None, None, f) for f in scan(text, config) if text]
    wanted = set(sessions) if sessions is not None else None
    for number, session in enumerate(bundle.sessions, start=1):
        if wanted is None or number in wanted:
            found += session_findings(case.code, session, config, include_private, number, item_text)
    return found


def session_findings(code: str, session: Consultation, config: ScanConfig | None, include_private: bool,
                     number: int | None = None, item_text: ItemText | None = None) -> list[Located]:
    """Findings in one session's fields (`number` counts the case's sessions from 1, if known),
    and in its items' texts when `item_text` says what they are."""
    prefix = f"session {number} " if number is not None else ""
    found = [
        Located(code, f"{prefix}{where}", part, number, f)
        for where, part, text in session_texts(session, include_private) if text
        for f in scan(text, config)
    ]
    if item_text is not None:
        scan_once = _cached(config)
        found += [
            Located(code, f"{prefix}{where}", part, number, f)
            for where, part, text in item_texts(session, item_text) if text
            for f in scan_once(text)
        ]
    return found
