"""A case: one anonymised patient the team has brought to consultation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from idc_desktop.domain.enums import CaseStatus, LifeStage, Setting


@dataclass(slots=True)
class Case:
    code: str
    specialty: str
    setting: Setting = Setting.INPATIENT
    life_stage: LifeStage = LifeStage.ADULT
    gender: str | None = None  # only when relevant to the relational pattern
    referral_reason: str = ""
    status: CaseStatus = CaseStatus.OPEN
    tags: list[str] = field(default_factory=list)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the case library: the case plus figures rolled up from its sessions."""

    id: int
    code: str
    specialty: str
    setting: Setting
    life_stage: LifeStage
    status: CaseStatus
    sessions: int
    last_session: date | None
    next_review: date | None


class CaseSort(StrEnum):
    """The library's columns a list can be ordered by (ties are broken by code)."""

    CODE = "code"
    SPECIALTY = "specialty"
    SETTING = "setting"
    LIFE_STAGE = "life_stage"
    STATUS = "status"
    SESSIONS = "sessions"
    LAST_SESSION = "last_session"
    NEXT_REVIEW = "next_review"


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the library asks for: free text plus the status and specialty filters, and an order."""

    text: str = ""
    status: CaseStatus | None = None
    specialty: str | None = None
    sort: CaseSort = CaseSort.CODE
    descending: bool = False
