"""Writing the interchange format, version 1 (DESIGN.md): CaseBundles -> JSON text.

Every key of the spec is written, empty or not, in the order the spec lists them, so a
file is self-describing and two exports of the same data are byte-identical. Ids, carried
actions' links, ground rules and the current phase are not part of the format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.consultation import (
    AllianceRating,
    Consultation,
    Contribution,
    PerspectiveRecord,
    PlanAction,
)
from idc_desktop.domain.enums import AllianceDimension, Perspective
from idc_desktop.export.interchange_read import FORMAT_NAME, FORMAT_VERSION


def dump_document(bundles: Iterable[CaseBundle]) -> str:
    """The whole file: UTF-8 text as written (not \\u-escaped), indented, ending in a newline."""
    return json.dumps(document_to_dict(bundles), ensure_ascii=False, indent=2) + "\n"


def document_to_dict(bundles: Iterable[CaseBundle]) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "cases": [bundle_to_dict(bundle) for bundle in bundles],
    }


def bundle_to_dict(bundle: CaseBundle) -> dict[str, Any]:
    """One element of "cases"; sessions in date order (stable), as the reader returns them."""
    case = bundle.case
    return {
        "code": case.code or None,  # no code yet: the importing app generates one
        "specialty": case.specialty,
        "setting": str(case.setting),
        "life_stage": str(case.life_stage),
        "gender": case.gender or None,
        "referral_reason": case.referral_reason,
        "status": str(case.status),
        "tags": list(case.tags),
        "sessions": [_session(s) for s in sorted(bundle.sessions, key=lambda s: s.held_on)],
    }


def _session(session: Consultation) -> dict[str, Any]:
    plan = session.plan
    return {
        "held_on": session.held_on.isoformat(),
        "facilitator_role": session.facilitator_role,
        "presenter_role": session.presenter_role,
        "attendees": [{"role": a.role, "count": a.count} for a in session.attendees],
        "question": session.question,
        "notes": {
            "presentation": session.presentation,
            "clarifying": session.clarifying,
            "close": session.close_notes,
        },
        "perspectives": {
            p.value: _perspective(session.perspectives.get(p) or PerspectiveRecord())
            for p in Perspective
        },
        "cycle": session.cycle,
        "formulation": session.formulation,
        "alliance": {
            d.value: _rating(session.alliance.get(d) or AllianceRating())
            for d in AllianceDimension
        },
        "plan": {
            "stance": plan.stance,
            "actions": [_action(a) for a in plan.actions],
            "risks": plan.risks,
            "staff_support": plan.staff_support,
            "patient_message": plan.patient_message,
            "review_on": plan.review_on.isoformat() if plan.review_on else None,
        },
        "facilitator_reflection": session.facilitator_reflection,
    }


def _perspective(record: PerspectiveRecord) -> dict[str, Any]:
    return {
        "items": list(record.items),
        "summary": record.summary,
        "contributions": [_contribution(c) for c in record.contributions],
    }


def _contribution(contribution: Contribution) -> dict[str, Any]:
    return {
        "text": contribution.text,
        "role": contribution.role or None,
        "salient": contribution.salient,
    }


def _rating(rating: AllianceRating) -> dict[str, Any]:
    return {"rating": rating.rating, "notes": rating.notes}


def _action(action: PlanAction) -> dict[str, Any]:
    return {
        "text": action.text,
        "owner_role": action.owner_role,
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "status": str(action.status),
    }
