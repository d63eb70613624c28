"""Writing the interchange format, version 1 (docs/INTERCHANGE.md): CaseBundles -> JSON text.

Every key of the spec is written, empty or not, in the order the spec lists them, so a
file is self-describing and two exports of the same data are byte-identical. Ids, carried
actions' links, ground rules and the current phase are not part of the format.

Items are written as `item_name` says: the service gives a shipped item's key and a custom
item's label (a custom key is random, `custom_1a2b3c4d`, and means nothing to another log;
the reader matches labels as well as keys).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
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


ItemName = Callable[[str], str]


def _as_is(key: str) -> str:
    return key


def dump_document(bundles: Iterable[CaseBundle], item_name: ItemName = _as_is) -> str:
    """The whole file: UTF-8 text as written (not \\u-escaped), indented, ending in a newline."""
    return json.dumps(document_to_dict(bundles, item_name), ensure_ascii=False, indent=2) + "\n"


def document_to_dict(bundles: Iterable[CaseBundle], item_name: ItemName = _as_is) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "cases": [bundle_to_dict(bundle, item_name) for bundle in bundles],
    }


def bundle_to_dict(bundle: CaseBundle, item_name: ItemName = _as_is) -> dict[str, Any]:
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
        "sessions": [_session(s, item_name) for s in sorted(bundle.sessions, key=lambda s: s.held_on)],
    }


def _session(session: Consultation, item_name: ItemName) -> dict[str, Any]:
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
            p.value: _perspective(session.perspectives.get(p) or PerspectiveRecord(), item_name)
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


def _perspective(record: PerspectiveRecord, item_name: ItemName) -> dict[str, Any]:
    return {
        "items": [item_name(key) for key in record.items],
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
