"""Closed vocabularies of the domain; their values are what the store and JSON hold."""

from enum import StrEnum


class Setting(StrEnum):
    INPATIENT = "inpatient"
    OUTPATIENT = "outpatient"
    COMMUNITY = "community"
    OTHER = "other"


class LifeStage(StrEnum):
    """Life stages stand in for ages, which the log may never hold."""

    CHILD = "child"
    ADOLESCENT = "adolescent"
    YOUNG_ADULT = "young adult"
    ADULT = "adult"
    OLDER_ADULT = "older adult"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Perspective(StrEnum):
    """The four interpersonal perspectives, keyed as in DOMAIN.md."""

    A = "A"  # how the patient experiences others
    B = "B"  # how the patient experiences themselves in response
    C = "C"  # how others experience the patient
    D = "D"  # how others experience themselves in response

    @property
    def family(self) -> str:
        """A and C describe how someone is seen; B and D a stance in response."""
        return "seen" if self in (Perspective.A, Perspective.C) else "response"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class AllianceDimension(StrEnum):
    GOALS = "goals"
    TASKS = "tasks"
    BOND = "bond"
