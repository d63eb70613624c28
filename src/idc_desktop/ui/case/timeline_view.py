"""The case view's timeline: the alliance trend, then one card per session (issue 14, item 2).

Lays out a `CaseTimeline` only (the case view's caller fetches it through
`DeskService.case_timeline`). Each card is plain, selectable text: the cycle sentence, the
items chosen in A-D, the alliance ratings in words and what became of each action at review.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from idc_desktop.domain import wording
from idc_desktop.domain.cycle import PERSPECTIVE_TITLES, rating_word
from idc_desktop.domain.enums import AllianceDimension, Perspective
from idc_desktop.domain.timeline import ActionFate, CaseTimeline, TimelineEntry
from idc_desktop.ui.case.alliance_trend import AllianceTrend

NO_SESSIONS = "No sessions yet, so no timeline: it fills in as sessions are held."
ONE_SESSION = "One session so far: the trend and what became of its actions grow with each follow-up."
NO_CYCLE = "No cycle written in this session."
NOTHING_CHOSEN = "nothing chosen"


def action_line(action: ActionFate) -> str:
    bits = [action.owner_role or "no owner"]
    if action.due_on is not None:
        bits.append(f"due {wording.day(action.due_on)}")
    carried = " (carried in)" if action.carried_in else ""
    text = action.text.rstrip(" .,;:")  # "…improvised." would read "improvised., Registrar"
    return f"• {text}{carried}, {', '.join(bits)}: {action.outcome.value}"


def entry_text(entry: TimelineEntry) -> str:
    """A session's card as plain text (also what a screen reader reads)."""
    lines = [entry.cycle or NO_CYCLE, ""]
    for p in Perspective:
        lines.append(f"{p.value} · {PERSPECTIVE_TITLES[p]}: {', '.join(entry.items[p]) or NOTHING_CHOSEN}")
    lines.append("Alliance: " + "; ".join(f"{d.value} {rating_word(entry.alliance[d])}" for d in AllianceDimension))
    if entry.actions:
        lines += ["", "Actions and what became of them at review:"] + [action_line(a) for a in entry.actions]
    else:
        lines += ["", "No actions agreed."]
    return "\n".join(lines)


class TimelineCard(QFrame):
    def __init__(self, entry: TimelineEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"timelineSession{entry.number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = f"Session {entry.number}, {wording.day(entry.held_on)}"
        self.setAccessibleName(title)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel(entry_text(entry))
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)


class TimelineView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTimeline")
        self.setAccessibleName("Timeline of this case")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and Page keys scroll it
        self.heading = QLabel("Across sessions", objectName="timelineHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.note = QLabel(objectName="timelineNote")
        self.note.setWordWrap(True)
        self.trend = AllianceTrend()
        self.cards: list[TimelineCard] = []
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        for widget in (self.heading, self.note, self.trend):
            self._layout.addWidget(widget)
        self._layout.addStretch(1)
        self.setWidget(self._content)

    def show_timeline(self, timeline: CaseTimeline) -> None:
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        count = len(timeline.entries)
        self.note.setText(NO_SESSIONS if count == 0 else ONE_SESSION if count == 1 else
                          f"{wording.count(count, 'session')}, the latest last.")
        self.trend.set_timeline(timeline)
        self.trend.setVisible(count > 0)
        for entry in timeline.entries:
            card = TimelineCard(entry, self._content)
            self._layout.insertWidget(self._layout.count() - 1, card)  # before the stretch
            self.cards.append(card)
