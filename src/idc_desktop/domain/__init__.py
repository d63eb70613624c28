"""Plain dataclasses and enums of the domain: no Qt, no SQLAlchemy."""

from idc_desktop.domain.case import Case, CaseFilter, CaseSort, CaseSummary
from idc_desktop.domain.consultation import (
    AllianceRating,
    Attendee,
    Consultation,
    ConsultationSummary,
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

__all__ = [
    "ActionStatus",
    "AllianceDimension",
    "AllianceRating",
    "Attendee",
    "Case",
    "CaseFilter",
    "CaseSort",
    "CaseStatus",
    "CaseSummary",
    "Consultation",
    "ConsultationSummary",
    "Contribution",
    "LifeStage",
    "Perspective",
    "PerspectiveRecord",
    "Plan",
    "PlanAction",
    "Setting",
]
