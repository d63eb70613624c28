"""Plain dataclasses and enums of the domain: no Qt, no SQLAlchemy.

The names below are loaded on first use: importing one small module of the package (say
`domain.errors`, which the GUI needs before its first paint) must not build every dataclass.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_HOME = {
    **dict.fromkeys(("Case", "CaseFilter", "CaseSort", "CaseSummary"), "case"),
    **dict.fromkeys(
        ("AllianceRating", "Attendee", "Consultation", "ConsultationSummary", "Contribution",
         "PerspectiveRecord", "Plan", "PlanAction"),
        "consultation",
    ),
    **dict.fromkeys(
        ("ActionStatus", "AllianceDimension", "CaseStatus", "LifeStage", "Perspective", "Setting"), "enums"
    ),
}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> object:
    if name in _HOME:
        value = getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
        globals()[name] = value  # once loaded, a plain attribute
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
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
