"""Patterns across the log as a PDF (issue 14, item 3): each pattern a bar chart drawn with
reportlab's graphics (vector, so crisp at any zoom) and its table beneath. Counts, item labels,
disciplines and months only: no case codes, no free text. In the service report's look.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from idc_desktop.domain import Perspective, wording
from idc_desktop.domain.cycle import PERSPECTIVE_TITLES, RATING_WORDS
from idc_desktop.domain.patterns import RECURRING, PatternFilter, Patterns
from idc_desktop.export.pdf.desk_document import render_desk_pdf
from idc_desktop.export.pdf.fonts import REGULAR
from idc_desktop.export.pdf.styles import clean, grid_style, styles

TITLE = "Patterns across the log"
BAR = colors.HexColor("#1f5fa8")
MAX_LABEL = 44


def _esc(text: str) -> str:
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def scope(f: PatternFilter) -> str:
    dates = "All dates" if f.start is None else f"{wording.day(f.start)} to {wording.day(f.end)}"
    return " · ".join([dates, f.specialty or "all specialties", wording.term(f.setting) if f.setting else "all settings"])


def _chart(bars: list[tuple[str, float]], width: float) -> Drawing:
    """Horizontal bars, the first at the top."""
    bar_h = 14
    height = bar_h * len(bars) + 16
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = width * 0.42, 8
    chart.width, chart.height = width * 0.5, bar_h * len(bars)
    chart.data = [[value for _name, value in reversed(bars)]]
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    top = max(value for _name, value in bars)
    if all(float(value).is_integer() for _name, value in bars):  # counts: whole-number ticks
        chart.valueAxis.valueStep = max(1, math.ceil(top / 5))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [clean(n)[:MAX_LABEL] for n, _v in reversed(bars)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    drawing.add(chart)
    return drawing


def _table(headings: list[str], rows: list[list], width: float) -> Table:
    cell = styles().cell
    data = [headings] + [[Paragraph(_esc(str(v)), cell) if i == 0 else str(v) for i, v in enumerate(r)] for r in rows]
    first = width * (0.5 if len(headings) <= 3 else 0.3)
    rest = (width - first) / (len(headings) - 1)
    table = Table(data, colWidths=[first] + [rest] * (len(headings) - 1), repeatRows=1, hAlign="LEFT")
    style = grid_style()
    style.add("ALIGN", (1, 0), (-1, -1), "RIGHT")
    table.setStyle(style)
    return table


def _section(title: str, headings: list[str], rows: list[list], bars: list[tuple[str, float]], empty: str,
             width: float) -> list:
    s = styles()
    head = [Paragraph(_esc(title), s.h2)]
    if not rows:
        return [KeepTogether(head + [Paragraph(_esc(empty), s.body)])]
    return [KeepTogether(head + [_chart(bars, width), Spacer(1, 4)]), _table(headings, rows, width)]


def _story(p: Patterns, width: float) -> list:
    s = styles()
    story: list = [Paragraph(TITLE, s.title), Paragraph(_esc(scope(p.filter)), s.subtitle)]
    if p.is_empty():
        story.append(Paragraph("No sessions match this filter, so there is nothing to count.", s.body))
        return story
    story.append(Paragraph(_esc(f"{wording.count(p.sessions, 'session')} of {wording.count(p.cases, 'case')}; "
                                f"{p.sessions - p.sessions_with_items} with nothing chosen in A-D."), s.body))
    for perspective in Perspective:
        rows = [[t.name, t.count] for t in p.items[perspective]]
        story += _section(f"Chosen most often in {perspective.value}: {PERSPECTIVE_TITLES[perspective].lower()}",
                          ["Item", "Sessions"], rows, [(r[0], r[1]) for r in rows],
                          f"Nothing chosen in {perspective.value}.", width)
    rows = [[t.name, t.count] for t in p.combinations]
    story += _section("Recurring A-D combinations (the first item chosen in each)", ["Combination", "Sessions"],
                      rows, [(r[0], r[1]) for r in rows],
                      f"No combination recurs yet (it takes {RECURRING} sessions with the same first items).", width)
    rows = [[d.discipline, d.contributions, d.sessions, ", ".join(d.top_items) or "none"] for d in p.discipline_d]
    story += _section("D, what staff feel and do, by discipline",
                      ["Discipline", "D contributions", "Sessions", "D items most chosen"], rows,
                      [(r[0], r[1]) for r in rows], "No contribution in D was noted with a discipline.", width)
    rated = [a for a in p.alliance if a.rated]
    rows = [[a.dimension.value.capitalize(), a.rated, f"{a.mean:.1f}", *(a.counts.get(r, 0) for r in RATING_WORDS)]
            for a in rated]
    story += _section("Working alliance (mean rating, 1 none to 5 strong)",
                      ["Dimension", "Rated", "Mean", *RATING_WORDS.values()], rows,
                      [(a.dimension.value.capitalize(), a.mean) for a in rated], "No alliance ratings.", width)
    rows = [[t.name, t.count] for t in p.months]
    story += _section("Sessions per month", ["Month", "Sessions"], rows, [(r[0], r[1]) for r in rows],
                      "No sessions.", width)
    rows = [[t.name, t.count] for t in p.actions]
    story += _section("Actions agreed, by what their review made of them", ["At review", "Actions"], rows,
                      [(r[0], r[1]) for r in rows], "No actions were agreed.", width)
    return story


def render_patterns(patterns: Patterns, paper: str = "a4") -> bytes:
    return render_desk_pdf(TITLE, scope(patterns.filter), lambda width: _story(patterns, width), paper)
