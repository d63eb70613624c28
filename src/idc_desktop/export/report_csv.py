"""The service report as CSV: one row per figure (section, name, count), for a spreadsheet.

UTF-8 with a byte-order mark, like the CSV log; counts and item labels only, no case text.
"""

from __future__ import annotations

import csv
import io

from idc_desktop.domain import Perspective, wording
from idc_desktop.domain.desk import ServiceReport
from idc_desktop.export.csv_log import _safe

HEADER = ("section", "name", "count")
PERSPECTIVE_NAMES = {
    Perspective.A: "how the patient experiences others",
    Perspective.B: "how the patient experiences themselves",
    Perspective.C: "how others experience the patient",
    Perspective.D: "how others experience themselves",
}


def period(report: ServiceReport) -> str:
    return f"{wording.day(report.start)} to {wording.day(report.end)}"


def counting_note(report: ServiceReport) -> str:
    """How hours are counted, said wherever they are printed: the log records no meeting's length."""
    return (f"Hours are estimated: each session held counts as {report.minutes_per_session} minutes, the sum of "
            "the phases' default minutes (the log does not record how long a meeting ran); staff time is "
            "that length times the person-sessions.")


def _rows(report: ServiceReport):  # noqa: ANN202
    yield ("period", "from", report.start.isoformat())
    yield ("period", "to", report.end.isoformat())
    yield ("totals", "consultations held", report.sessions)
    yield ("totals", "cases discussed", report.cases)
    yield ("totals", "new cases", report.new_cases)
    yield ("totals", "minutes per session (default length)", report.minutes_per_session)
    yield ("totals", "meeting hours (estimated)", f"{report.hours:.1f}")
    yield ("totals", "staff person-hours (estimated)", f"{report.person_hours:.1f}")
    yield ("totals", "actions agreed", report.actions_agreed)
    for section, tallies in (("specialty", report.specialties), ("setting", report.settings),
                             ("attendees (person-sessions)", report.attendees),
                             ("actions by status at review", report.actions), ("item (all perspectives)", report.top_items)):
        for t in tallies:
            yield (section, t.name, t.count)
    for p in Perspective:
        for t in report.items[p]:
            yield (f"item ({p.value})", t.name, t.count)


def render_report_csv(report: ServiceReport) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for section, name, count in _rows(report):
        writer.writerow([_safe(section), _safe(str(name)), str(count)])
    return buffer.getvalue().encode("utf-8-sig")
