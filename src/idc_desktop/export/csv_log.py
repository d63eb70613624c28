"""The case log as CSV, one row per session, for service reports.

UTF-8 with a byte-order mark so spreadsheet programs open accents and symbols correctly.
Only shared, anonymised fields: never the facilitator's private reflection.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.enums import ActionStatus, Perspective

HEADER = (
    "code", "specialty", "setting", "life_stage", "case_status", "session", "date",
    "attendees", "items_A", "items_B", "items_C", "items_D", "actions", "open_actions", "review_date",
)


def _rows(bundles: Iterable[CaseBundle], label: Callable[[str], str]) -> Iterable[list[str]]:
    for bundle in bundles:
        case = bundle.case
        for number, session in enumerate(sorted(bundle.sessions, key=lambda s: s.held_on), start=1):
            yield [
                case.code, case.specialty, case.setting.value, case.life_stage.value, case.status.value,
                str(number), session.held_on.isoformat(),
                str(sum(a.count for a in session.attendees)),
                *("; ".join(label(k) for k in session.perspectives[p].items) for p in Perspective),
                str(len(session.plan.actions)),
                str(sum(a.status is ActionStatus.OPEN for a in session.plan.actions)),
                session.plan.review_on.isoformat() if session.plan.review_on else "",
            ]


def _safe(cell: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def render_csv(bundles: Iterable[CaseBundle], label: Callable[[str], str]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in _rows(bundles, label):
        writer.writerow([_safe(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
