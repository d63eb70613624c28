"""The findings gate of a PDF checks what that PDF prints: `as_printed` blanks a field exactly
when the PDF leaves it out (a marker in every field, read back from the rendered file)."""

from __future__ import annotations

import itertools
import re

import pytest

from idc_desktop.domain.consultation import Attendee, Contribution, PlanAction
from idc_desktop.domain.enums import ActionStatus, AllianceDimension, Perspective
from idc_desktop.export.pdf import Variant, render_pdf
from idc_desktop.export.pdf.printed import as_printed
from idc_desktop.services.findings import session_texts

from tests.export.test_pdf import full_session, label, synthetic_case, text_of

MARKER = re.compile(r"Mk\d{3}q")


def marked_session():  # noqa: ANN201
    """A session whose every free-text field holds its own marker word (Mk001q, Mk002q...)."""
    numbers = itertools.count(1)

    def mark() -> str:
        return f"Mk{next(numbers):03d}q"

    session = full_session()
    for name in ("facilitator_role", "presenter_role", "question", "presentation", "clarifying", "close_notes",
                 "cycle", "formulation", "facilitator_reflection"):
        setattr(session, name, f"{mark()} text")
    session.attendees = [Attendee(mark(), 2), Attendee(mark(), 1)]
    for p in Perspective:
        record = session.perspectives[p]
        record.summary = f"{mark()} summary"
        record.contributions = [Contribution(mark(), mark(), salient=True), Contribution(mark(), mark())]
    for d in AllianceDimension:
        session.alliance[d].notes = mark()
    plan = session.plan
    plan.stance, plan.risks, plan.staff_support, plan.patient_message = mark(), mark(), mark(), mark()
    plan.actions = [PlanAction(mark(), mark(), None, status) for status in ActionStatus]
    return session


def markers(texts) -> set[str]:  # noqa: ANN001
    return {m for _, _, text in texts for m in MARKER.findall(text)}


@pytest.mark.parametrize("variant", list(Variant))
def test_the_gate_checks_exactly_the_fields_the_pdf_prints(variant: Variant) -> None:
    session = marked_session()
    every = markers(session_texts(session, include_private=True))
    assert len(every) > 40
    case = synthetic_case()
    case.referral_reason, case.tags, case.gender = "Mk900q reason", ["Mk901q"], "Mk902q"

    printed_case, [printed] = as_printed(case, [session], variant)
    checked = markers(session_texts(printed, include_private=False))
    checked |= set(MARKER.findall(" ".join([printed_case.referral_reason, printed_case.gender or "", *printed_case.tags])))
    in_pdf = set(MARKER.findall(text_of(render_pdf(case, [session], variant, label))))

    assert checked == in_pdf  # nothing printed goes unchecked, nothing unprinted is reported
    assert markers([("", "", session.facilitator_reflection)]).isdisjoint(in_pdf)
    assert session.presentation.startswith("Mk")  # the copies, never the session itself, are blanked


def test_the_handout_leaves_most_fields_out_and_the_history_keeps_the_narrative() -> None:
    session = marked_session()
    by_variant = {v: markers(session_texts(as_printed(synthetic_case(), [session], v)[1][0], False)) for v in Variant}
    assert by_variant[Variant.HANDOUT] < by_variant[Variant.SUMMARY] < by_variant[Variant.HISTORY]
    presentation = MARKER.findall(session.presentation)[0]
    assert presentation in by_variant[Variant.HISTORY] and presentation not in by_variant[Variant.SUMMARY]
