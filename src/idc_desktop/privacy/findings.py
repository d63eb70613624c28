"""What a detector reports: the Finding value and the words the UI shows for each kind.

The kind metadata lives here, beside the dataclass, so a label, a placeholder
and a tooltip can never drift apart from the list of kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


# What detectors yield before the scanner turns survivors into Findings: (kind, start, end).
Candidate = tuple[str, int, int]


class KindInfo(NamedTuple):
    label: str
    placeholder: str
    why: str


# Order matters only for readability; ranking between overlapping findings is in scanner.py.
_KIND_INFO: dict[str, KindInfo] = {
    "nhs_number": KindInfo(
        "NHS number",
        "[NHS NUMBER]",
        "An NHS number points to exactly one patient.",
    ),
    "chi_number": KindInfo(
        "CHI number",
        "[CHI NUMBER]",
        "A CHI number points to one patient in Scotland and starts with their date of birth.",
    ),
    "record_number": KindInfo(
        "Record number",
        "[RECORD NUMBER]",
        "A hospital or record number leads straight to the patient's notes.",
    ),
    "postcode": KindInfo(
        "Postcode",
        "[POSTCODE]",
        "A full postcode narrows an address down to a few households.",
    ),
    "phone": KindInfo(
        "Phone number",
        "[PHONE]",
        "A phone number reaches one person or household.",
    ),
    "email": KindInfo(
        "Email address",
        "[EMAIL]",
        "An email address usually names its owner.",
    ),
    "url": KindInfo(
        "Web address",
        "[WEB ADDRESS]",
        "A web address can lead to a person's profile, service or record.",
    ),
    "ip_address": KindInfo(
        "IP address",
        "[IP ADDRESS]",
        "An IP address can be traced to a device or household.",
    ),
    "date": KindInfo(
        "Full date",
        "[DATE]",
        "Dates of birth, admission or incidents can single someone out; "
        "the log keeps only meeting and review dates.",
    ),
    "age": KindInfo(
        "Exact age",
        "[AGE]",
        "An exact age helps identify someone; use a life stage such as 'older adult'.",
    ),
    "titled_name": KindInfo(
        "Name",
        "[NAME]",
        "Names of patients, relatives and staff never go in the log; use roles instead.",
    ),
    "name": KindInfo(
        "Name",
        "[NAME]",
        "Names of patients, relatives and staff never go in the log; use roles instead "
        "('her son', 'the staff nurse').",
    ),
    "facility": KindInfo(
        "Named hospital or practice",
        "[HOSPITAL]",
        "A named hospital, practice or care home, with the rest of a case, can point to one patient; "
        "say 'a district general hospital' or 'the GP'.",
    ),
    "ward": KindInfo(
        "Ward, bay or bed",
        "[WARD]",
        "A named or numbered ward, bay or bed places the patient exactly; say 'the ward' instead.",
    ),
    "address": KindInfo(
        "Street address",
        "[ADDRESS]",
        "A street address leads to one household.",
    ),
    "ni_number": KindInfo(
        "National Insurance number",
        "[NI NUMBER]",
        "A National Insurance number belongs to exactly one person.",
    ),
    "vehicle_registration": KindInfo(
        "Vehicle registration",
        "[VEHICLE REG]",
        "A number plate leads to its keeper.",
    ),
    "handle": KindInfo(
        "Social-media handle",
        "[HANDLE]",
        "A social-media handle leads straight to a person's profile.",
    ),
    "day_month": KindInfo(
        "Date of an event",
        "[DATE]",
        "A day and month (even without a year) pins down an admission, an incident or a birthday; "
        "say 'last week' or 'in the spring' instead.",
    ),
    "watch_list": KindInfo(
        "Watch-list name",
        "[PLACE]",
        "This name is on the team's watch list (a hospital, ward, practice or member of staff).",
    ),
}

KINDS: tuple[str, ...] = tuple(_KIND_INFO)


def kind_info(kind: str) -> KindInfo:
    """Label, placeholder and tooltip for a kind; KeyError names an unknown kind."""
    return _KIND_INFO[kind]


@dataclass(frozen=True, slots=True)
class Finding:
    """One stretch of text that looks like an identifier.

    ``start``/``end`` are Python ``str`` indices into the scanned text (code
    points, not bytes or UTF-16 units), so ``text == source[start:end]``.
    """

    kind: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        # Fail early on a typo'd kind rather than showing a blank tooltip later.
        if self.kind not in _KIND_INFO:
            raise ValueError(f"unknown finding kind: {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span: {self.start}..{self.end}")

    @property
    def label(self) -> str:
        return _KIND_INFO[self.kind].label

    @property
    def placeholder(self) -> str:
        return _KIND_INFO[self.kind].placeholder

    @property
    def why(self) -> str:
        return _KIND_INFO[self.kind].why
