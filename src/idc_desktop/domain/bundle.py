"""A case together with its sessions: the unit of import, export and demo seeding."""

from __future__ import annotations

from dataclasses import dataclass, field

from idc_desktop.domain.case import Case
from idc_desktop.domain.consultation import Consultation


@dataclass(slots=True)
class CaseBundle:
    case: Case
    sessions: list[Consultation] = field(default_factory=list)  # in date order
