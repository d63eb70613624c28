"""What each kind of team PDF prints, as data the anonymisation gate can check.

`as_printed` returns copies of a case and its sessions with every free-text field that this
kind of PDF leaves out made empty: scanning those copies lists the findings in the file about
to be written, and nothing else (a name in the presentation does not hold back a plan
handout, which never prints it). `tests/export/test_pdf_printed.py` plants a marker in every
field and checks, for each kind, that a field is blanked here exactly when the PDF omits it.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence

from idc_desktop.domain.case import Case
from idc_desktop.domain.consultation import Consultation
from idc_desktop.domain.enums import ActionStatus
from idc_desktop.export.pdf.document import Variant


def as_printed(case: Case, sessions: Sequence[Consultation], variant: Variant) -> tuple[Case, list[Consultation]]:
    variant = Variant(variant)
    history = variant is Variant.HISTORY
    printed_case = dataclasses.replace(
        case,
        gender=None,  # no team PDF prints it
        referral_reason=case.referral_reason if history else "",
        tags=list(case.tags) if history else [],
    )
    return printed_case, [_session(s, variant) for s in sessions]


def _session(session: Consultation, variant: Variant) -> Consultation:
    out = copy.deepcopy(session)
    out.facilitator_reflection = ""  # never in a team PDF
    if variant is not Variant.HISTORY:
        out.presentation = out.clarifying = ""
    if variant is not Variant.HANDOUT:
        return out
    # The wall copy: the cycle and the plan (without dropped actions), nothing else.
    out.facilitator_role = out.presenter_role = out.question = out.formulation = out.close_notes = ""
    for attendee in out.attendees:
        attendee.role = ""
    for record in out.perspectives.values():
        record.summary = ""  # the items stay: the diagram and a drafted cycle show them
        for contribution in record.contributions:
            contribution.text, contribution.role = "", None
    for rating in out.alliance.values():
        rating.notes = ""
    for action in out.plan.actions:
        if action.status is ActionStatus.DROPPED:
            action.text = action.owner_role = ""
    return out
