"""The sections of the team PDF, each a list of flowables built from the gated views.

Everything long is splittable: paragraphs split between lines, tables between rows (and inside
a row, for an action longer than a page), so a 5,000-word formulation or sixty actions simply
flow on. Headings only ask to stay with the first thing that follows them; the one group kept
together is the cycle (its heading, diagram and sentence), which still splits if taller than a
page. All text goes through `para`, which prints it literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from idc_desktop.domain import wording
from idc_desktop.domain.cycle import RATING_MAX, rating_word
from idc_desktop.domain.enums import ActionStatus
from idc_desktop.export.pdf.content import ActionView, CaseView, PerspectiveView, SessionView
from idc_desktop.export.pdf.cycle_drawing import CycleDiagram
from idc_desktop.export.pdf.fonts import REGULAR
from idc_desktop.export.pdf.styles import (
    ACCENT,
    BODY_LEADING,
    CELL_PAD_X,
    FACTS_PAD_RIGHT,
    clean,
    facts_style,
    grid_style,
    label_column,
    long_date,
    para,
    short_date,
    styles,
)

NOT_RECORDED = "Not recorded."
STAR = "★"
STAR_KEY = "★ starred by the group as most telling (listed first); • every other contribution."


def _text(text: str, style_name: str = "body") -> Paragraph:
    """A paragraph of user text, or a quiet "Not recorded." when there is none."""
    st = styles()
    if not clean(text):
        return para(NOT_RECORDED, st.muted)
    return para(text, getattr(st, style_name))


# Room a heading needs below it (about three lines) so it is never left alone at a page foot.
# A conditional page break costs nothing to lay out, where keepWithNext would lay out the
# heading's whole next flowable twice (a measurable share of the export time).
_ROOM_BELOW = 3 * BODY_LEADING
_TABLE_ROOM = 70  # a table's header row and its first row or two
_SUBHEAD_ROOM = 26 + _ROOM_BELOW  # a sub-heading and the start of its text


def heading(title: str, level: str = "h2", room: float = _ROOM_BELOW) -> list[Flowable]:
    """A heading that starts a new page rather than end one, if less than `room` follows."""
    style = getattr(styles(), level)
    return [CondPageBreak(style.spaceBefore + style.leading + style.spaceAfter + room), para(title, style)]


def _section(title: str, text: str, level: str = "h2") -> list[Flowable]:
    return [*heading(title, level), _text(text)]


def _cell(text: str, width: float, style: ParagraphStyle | None = None) -> str | Paragraph:
    """A table cell: short one-line text stays a plain string (no parsing, no wrapping: much
    cheaper, and most cells are short); anything longer is a Paragraph that wraps."""
    style = style or styles().cell
    text = clean(text)
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return para(text, style)


def session_label(view: SessionView) -> str:
    return f"Session {view.number} of {view.count}" if view.count else f"Session {view.number}"


def _facts(pairs: Sequence[tuple[str, str]], width: float, wide: Sequence[tuple[str, str]] = ()) -> Table:
    """Label/value pairs two to a row, then the `wide` pairs across the full width."""
    label_w = 25 * mm
    value_w = width / 2 - label_w
    room = value_w - FACTS_PAD_RIGHT
    rows: list[list[Flowable | str]] = []
    spans: list[tuple] = []
    for i in range(0, len(pairs), 2):
        row: list[Flowable | str] = []
        for label, value in pairs[i : i + 2]:
            row += [label, _cell(clean(value) or "—", room)]
        rows.append(row + [""] * (4 - len(row)))
    for label, value in wide:
        spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append([label, _cell(clean(value) or "—", width - label_w - FACTS_PAD_RIGHT), "", ""])
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT", splitInRow=1)
    table.setStyle(facts_style())
    if spans:
        table.setStyle(spans)
    return table


def _attendees(view: SessionView) -> str:
    if not view.attendees:
        return ""
    listed = ", ".join(f"{clean(role) or 'unspecified role'} × {count}" for role, count in view.attendees)
    return f"{listed} ({view.attendee_total} in total)"


def session_header(case: CaseView, view: SessionView, title: str, width: float) -> list[Flowable]:
    """Title, 'code · Session n of m · date', and the frame of the meeting."""
    st = styles()
    label = session_label(view)
    parts = (clean(case.code), "" if title == label else label, long_date(view.held_on))
    subtitle = " · ".join(part for part in parts if part)
    facts = [
        ("Specialty", case.specialty),
        ("Setting", case.setting),
        ("Life stage", case.life_stage),
        ("Date", long_date(view.held_on)),
        ("Facilitator", view.facilitator_role),
        ("Presenter", view.presenter_role),
    ]
    return [
        para(title, st.title),
        para(subtitle, st.subtitle),
        _facts(facts, width, wide=[("Attendees", _attendees(view))]),
    ]


def question(view: SessionView) -> list[Flowable]:
    return _section("The team’s question", view.question)


def narrative(view: SessionView) -> list[Flowable]:
    """The presentation and clarifying questions: the case history keeps them, the summary does not."""
    return _section("The presentation", view.presentation) + _section("Clarifying questions", view.clarifying)


def _perspective(view: PerspectiveView) -> list[Flowable]:
    # No inline markup (colour or bold runs) in these paragraphs: a paragraph in one style takes
    # reportlab's fast path, about twice as fast to lay out as one with mixed runs.
    st = styles()
    out: list[Flowable] = heading(f"{view.key.value} · {view.heading}", "h3")
    if not (view.items or view.summary.strip() or view.contributions):
        return [*out, para("Nothing recorded.", st.muted)]
    if view.items:
        out.append(para(" · ".join(clean(item) for item in view.items), st.items))
    if view.summary.strip():
        out.append(para(view.summary, st.body))
    for contribution in view.contributions:
        role = f" — {clean(contribution.role)}" if contribution.role.strip() else ""
        out.append(para(clean(contribution.text) + role, st.bullet, bullet=STAR if contribution.starred else "•"))
    return out


def perspectives(view: SessionView) -> list[Flowable]:
    out: list[Flowable] = heading("The four perspectives", room=_SUBHEAD_ROOM)
    if any(c.starred for p in view.perspectives for c in p.contributions):
        out.append(para(STAR_KEY, styles().muted))
    for perspective in view.perspectives:
        out += _perspective(perspective)
    return out


def cycle(view: SessionView, width: float, title: str = "The cycle", level: str = "h2") -> list[Flowable]:
    st = styles()
    drawing = CycleDiagram(view.cycle_items(), width)
    drawing.hAlign = "CENTER"
    kept: list[Flowable] = [para(title, getattr(st, level)), drawing, Spacer(1, 8)]
    if view.cycle:
        kept.append(para(view.cycle, st.body))
        if view.cycle_drafted:
            kept.append(para("Drafted from the chosen items.", st.muted))
    else:
        kept.append(para(NOT_RECORDED, st.muted))
    # The sentence reads the diagram: heading, drawing and sentence move to a new page together
    # (KeepTogether still splits a group taller than a page, so a very long sentence flows on).
    return [KeepTogether(kept)]


def formulation(view: SessionView) -> list[Flowable]:
    return _section("Formulation", view.formulation)


def _dots(rating: int | None) -> str:
    filled = rating or 0
    return "●" * filled + "○" * (RATING_MAX - filled)


def alliance(view: SessionView, width: float) -> list[Flowable]:
    widths = [18 * mm, 19 * mm, 25 * mm]
    notes_w = width - sum(widths)
    rows: list[list[Flowable | str]] = [["", "Rating", "", "Notes"]]
    for item in view.alliance:
        rated = item.rating is not None and 1 <= item.rating <= RATING_MAX
        rating = item.rating if rated else None
        score = f"{rating} / {RATING_MAX} · {rating_word(rating)}" if rated else rating_word(None)
        notes = _cell(item.notes, notes_w - 2 * CELL_PAD_X) if item.notes.strip() else "—"
        rows.append([wording.term(item.dimension), _dots(rating), score, notes])
    table = Table(rows, colWidths=[*widths, notes_w], repeatRows=1, hAlign="LEFT", splitInRow=1, spaceAfter=6)
    table.setStyle(grid_style())
    table.setStyle([
        *label_column(0),
        ("SPAN", (1, 0), (2, 0)),
        ("FONTSIZE", (1, 1), (1, -1), 11),
        ("TEXTCOLOR", (1, 1), (1, -1), ACCENT),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
    ])
    return [*heading("Working alliance", room=_TABLE_ROOM), table]


def actions_table(actions: Sequence[ActionView], width: float) -> Flowable:
    """Action, owner role, due date, status; the header row repeats on every page it spans."""
    st = styles()
    if not actions:
        return para("No actions recorded.", st.muted)
    owner_w, due_w, status_w = 32 * mm, 26 * mm, 19 * mm
    action_w = width - owner_w - due_w - status_w
    rows: list[list[Flowable | str]] = [["Action", "Owner", "Due", "Status"]]
    for action in actions:
        rows.append([
            _cell(action.text, action_w - 2 * CELL_PAD_X),
            _cell(action.owner_role or "—", owner_w - 2 * CELL_PAD_X),
            short_date(action.due_on),
            wording.term(action.status),
        ])
    table = Table(
        rows, colWidths=[action_w, owner_w, due_w, status_w], repeatRows=1, hAlign="LEFT", splitInRow=1, spaceAfter=6,
    )
    table.setStyle(grid_style())
    return table


def plan(view: SessionView, width: float) -> list[Flowable]:
    st = styles()
    p = view.plan
    return [
        *heading("Management plan", room=_SUBHEAD_ROOM),
        *_section("Shared stance", p.stance, "h3"),
        *heading("Actions", "h3", room=_TABLE_ROOM),
        actions_table(p.actions, width),
        *_section("Risks and safeguards", p.risks, "h3"),
        *_section("Support for staff", p.staff_support, "h3"),
        *_section("What to say to the patient", p.patient_message, "h3"),
        *heading("Review date", "h3", room=BODY_LEADING),
        para(long_date(p.review_on), st.body if p.review_on else st.muted),
    ]


def close(view: SessionView) -> list[Flowable]:
    return _section("What helped", view.close_notes)


def session_body(
    case: CaseView, view: SessionView, title: str, width: float, *, with_narrative: bool,
) -> list[Flowable]:
    """A whole session, in the order the team met it."""
    story = session_header(case, view, title, width) + question(view)
    if with_narrative:
        story += narrative(view)
    story += perspectives(view)
    story += cycle(view, width)
    story += formulation(view)
    story += alliance(view, width)
    story += plan(view, width)
    story += close(view)
    return story


def _side_by_side(sections_: Sequence[tuple[str, str]], width: float) -> Table:
    """Short texts in columns, each under its own heading (the handout's last third)."""
    st = styles()
    column = width / len(sections_)
    cells = [[para(title, st.h3), _text(text)] for title, text in sections_]
    table = Table([cells], colWidths=[column] * len(sections_), hAlign="LEFT")
    table.setStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR),  # a table sets its cells' font even for paragraphs: not Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ])
    return table


def handout(case: CaseView, view: SessionView, width: float) -> list[Flowable]:
    """The one-page wall version: the cycle and the plan, nothing else. Compact headings and the
    three short texts side by side, so that a typical plan needs little shrinking (the demo
    plans print at about 90 %)."""
    st = styles()
    p = view.plan
    parts = (clean(case.code), clean(case.specialty), f"agreed {long_date(view.held_on)}")
    subtitle = " · ".join(part for part in parts if part)
    shown = [a for a in p.actions if a.status is not ActionStatus.DROPPED]
    return [
        para("Our plan", st.title),
        para(subtitle, st.subtitle),
        para(f"Next review: {long_date(p.review_on)}", st.items if p.review_on else st.muted),
        *cycle(view, width, "The pattern we are in", level="h3"),
        *_section("Our shared stance", p.stance, "h3"),
        *heading("What we will do", "h3", room=_TABLE_ROOM),
        actions_table(shown, width),
        Spacer(1, 10),
        _side_by_side(
            [("What to say to the patient", p.patient_message), ("Risks and safeguards", p.risks),
             ("Support for staff", p.staff_support)],
            width,
        ),
    ]


def case_overview(case: CaseView, views: Sequence[SessionView], width: float) -> list[Flowable]:
    """The first page of a case history: the case, then its sessions at a glance."""
    st = styles()
    facts = [
        ("Specialty", case.specialty),
        ("Setting", case.setting),
        ("Life stage", case.life_stage),
        ("Status", case.status),
    ]
    story: list[Flowable] = [
        para("Case history", st.title),
        para(f"{clean(case.code)} · {wording.count(len(views), 'session')}", st.subtitle),
        _facts(facts, width, wide=[("Tags", ", ".join(clean(t) for t in case.tags))]),
        *_section("Referral reason", case.referral_reason),
        *heading("Sessions", room=_TABLE_ROOM),
    ]
    if not views:
        story.append(para("No sessions yet.", st.muted))
        return story
    rows: list[list[str]] = [["Session", "Date", "Review date", "Open actions"]]
    for view in views:
        open_count = sum(1 for a in view.plan.actions if a.status is ActionStatus.OPEN)
        rows.append([str(view.number), short_date(view.held_on), short_date(view.plan.review_on),
                     f"{open_count} of {len(view.plan.actions)}"])
    column = width / 4
    table = Table(rows, colWidths=[column] * 4, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    story.append(table)
    return story
