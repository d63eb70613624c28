"""The service report as a PDF: what a reflective-practice programme sends its trust for a date
range. Counts and item labels only (no case text), in the team PDF's look and embedded font.
"""

from __future__ import annotations


from reportlab.platypus import KeepTogether, Paragraph, Table

from idc_desktop.domain import Perspective, wording
from idc_desktop.domain.desk import ServiceReport, Tally
from idc_desktop.export.pdf.desk_document import render_desk_pdf
from idc_desktop.export.pdf.styles import (
    clean,
    facts_style,
    grid_style,
    styles,
)
from idc_desktop.export.report_csv import PERSPECTIVE_NAMES, counting_note, period

TITLE = "Service report"


def _esc(text: str) -> str:
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _share(n: int, total: int) -> str:
    return f"{round(100 * n / total)} %" if total else "—"


def _table(heading: tuple[str, str], rows: list[Tally], width: float, total: int | None = None) -> Table:
    data = [[heading[0], heading[1]] + (["Share"] if total is not None else [])]
    for t in rows:
        data.append([Paragraph(_esc(t.name), styles().cell), str(t.count)]
                    + ([_share(t.count, total)] if total is not None else []))
    widths = [width * 0.6, width * 0.2] + ([width * 0.2] if total is not None else [])
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = grid_style()
    style.add("ALIGN", (1, 0), (-1, -1), "RIGHT")
    table.setStyle(style)
    return table


def _section(title: str, intro: str | None, rows: list[Tally], heading: tuple[str, str], width: float,
             total: int | None = None, empty: str = "None in this range.") -> list:
    s = styles()
    head = [Paragraph(title, s.h2)] + ([Paragraph(intro, s.muted)] if intro else [])
    if not rows:
        return [KeepTogether(head + [Paragraph(empty, s.body)])]
    return [KeepTogether(head + [_table(heading, rows, width, total)])]


def _story(report: ServiceReport, width: float) -> list:
    s = styles()
    story: list = [Paragraph(TITLE, s.title), Paragraph(_esc(period(report)), s.subtitle)]
    if report.is_empty():
        story.append(Paragraph("No consultations were held in this range, so there is nothing to count. "
                               "Choose a wider range, or check the dates of the sessions in the log.", s.body))
        return story
    follow_ups = report.cases - report.new_cases
    facts = [
        ["Consultations held", str(report.sessions), "Cases discussed", str(report.cases)],
        ["Meeting hours (estimated)", f"{report.hours:.1f}", "New cases / followed up",
         f"{report.new_cases} / {follow_ups}"],
        ["Staff time (person-hours)", f"{report.person_hours:.1f}", "Actions agreed", str(report.actions_agreed)],
    ]
    table = Table(facts, colWidths=[width * 0.32, width * 0.16, width * 0.32, width * 0.2], hAlign="LEFT")
    table.setStyle(facts_style())
    story += [table, Paragraph(_esc(counting_note(report)), s.muted)]
    story += _section("Specialties", "Cases discussed in the range, by specialty.", report.specialties,
                      ("Specialty", "Cases"), width, report.cases)
    story += _section("Settings", None, [Tally(wording.term(t.name), t.count) for t in report.settings],
                      ("Setting", "Cases"), width, report.cases)
    people = sum(t.count for t in report.attendees)
    story += _section("Attendees by discipline",
                      f"Person-sessions: each attendee counted once per session ({people} in all).",
                      report.attendees, ("Discipline", "Person-sessions"), width, people,
                      empty="No attendees were recorded for these sessions.")
    story += _section("Actions agreed and their status at review",
                      "Actions agreed in the range (not those carried in from earlier sessions), by what the "
                      "next session's review made of them.",
                      [Tally(wording.term(t.name), t.count) for t in report.actions], ("Status at review", "Actions"),
                      width, report.actions_agreed, empty="No actions were agreed in these sessions.")
    story += _section("Most frequent items", "The items the teams chose most often, all four perspectives together.",
                      report.top_items, ("Item", "Times chosen"), width,
                      empty="No items were chosen in these sessions.")
    for p in Perspective:
        story += _section(f"{p.value}: {PERSPECTIVE_NAMES[p]}", None, report.items[p], ("Item", "Times chosen"),
                          width, empty="No items chosen.")
    return story


def render_report(report: ServiceReport, paper: str = "a4") -> bytes:
    return render_desk_pdf(TITLE, period(report), lambda width: _story(report, width), paper)
