"""Patterns across the log (issue 14, item 3): what recurs, for a date range, specialty and setting.

Plain values: the store counts, `DeskService.patterns` names the items, the page (and any
later PDF) reads them. Counts only, and item labels, disciplines, specialties and months: no
case codes and no free text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from idc_desktop.domain.desk import Outcome, Tally
from idc_desktop.domain.enums import AllianceDimension, Perspective

TOP_PER_PERSPECTIVE = 8
TOP_COMBINATIONS = 10
RECURRING = 2  # a combination "recurs" when at least this many sessions share it


@dataclass(frozen=True, slots=True)
class PatternFilter:
    start: date | None = None
    end: date | None = None
    specialty: str | None = None  # None: every specialty
    setting: str | None = None  # a Setting value, or None: every setting

    def problem(self) -> str | None:
        """Why the filter cannot be used, in words; None when it can."""
        if self.start and self.end and self.end < self.start:
            return f"The range ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()})."
        return None


@dataclass(frozen=True, slots=True)
class DisciplineD:
    """What one discipline voiced in perspective D (what staff feel and do)."""

    discipline: str
    contributions: int  # D contributions attributed to the discipline
    sessions: int  # sessions in which it spoke in D
    top_items: list[str]  # the D items most often chosen in those sessions


@dataclass(frozen=True, slots=True)
class AllianceSpread:
    dimension: AllianceDimension
    counts: dict[int, int]  # rating 1..5 -> sessions

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        return sum(r * n for r, n in self.counts.items()) / self.rated if self.rated else None


@dataclass(frozen=True, slots=True)
class Patterns:
    filter: PatternFilter
    sessions: int
    cases: int
    items: dict[Perspective, list[Tally]]  # most often chosen labels per perspective
    combinations: list[Tally]  # "A label · B label · C label · D label", recurring ones only
    discipline_d: list[DisciplineD]
    alliance: list[AllianceSpread]  # goals, tasks, bond
    months: list[Tally]  # "2026-03" -> sessions held that month, in date order
    actions: list[Tally]  # actions agreed, by what their review made of them (Outcome order)
    sessions_with_items: int = 0
    notes: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return self.sessions == 0

    @property
    def actions_done_share(self) -> float | None:
        """Of the actions a review has settled, the share that were done."""
        counts = {t.name: t.count for t in self.actions}
        reviewed = sum(counts.get(o.value, 0) for o in (Outcome.DONE, Outcome.DROPPED, Outcome.CARRIED))
        return counts.get(Outcome.DONE.value, 0) / reviewed if reviewed else None


def combination_name(labels: dict[Perspective, str]) -> str:
    return " · ".join(f"{p.value}: {labels[p]}" for p in Perspective)
