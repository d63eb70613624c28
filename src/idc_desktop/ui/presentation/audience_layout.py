"""Lay out what the room sees: blocks of text sized from the screen height, shrinking for long
content down to the legible minimum, then anchored so the newest contribution stays in view."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from idc_desktop.domain.audience import AudienceContent
from idc_desktop.ui.presentation.projector_theme import TITLE_SCALE, body_px, min_body_px
from idc_desktop.domain import wording

WRAP = int(Qt.TextFlag.TextWordWrap)
SHRINK_STEP = 0.92


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "prompt", "items", "card", "salient", "text", "action", "label"
    text: str
    rect: QRect
    px: int  # font pixel size
    pinned: bool = False  # stays in place; the rest flows (and scrolls) beneath


@dataclass(frozen=True)
class AudienceLayout:
    blocks: tuple[Block, ...]
    body_px: int
    offset: int  # how far the flowing part is scrolled up so the newest stays visible
    content_height: int
    flow_top: int = 0  # where the flowing part starts (below the pinned head)

    def min_px(self) -> int:
        return min((b.px for b in self.blocks), default=self.body_px)


def font_px(base: QFont, px: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, px))
    font.setBold(bold)
    return font


def _height(font: QFont, width: int, text: str) -> int:
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), WRAP, text).height()


def _action_line(action, content: AudienceContent) -> str:  # noqa: ANN001
    bits = [action.text]
    if action.owner_role:
        bits.append(action.owner_role)
    if action.due_on:
        due = f"by {wording.day(action.due_on)}"
        if action.status.value != "done" and content.is_past(action.due_on):
            due += " (date passed)"  # in words, not only a colour: readable from the back, and in grey
        bits.append(due)
    mark = "✓ " if action.status.value == "done" else "• "
    return mark + " — ".join(bits)


def _card_text(card) -> str:  # noqa: ANN001
    return ("★ " if card.salient else "") + card.text + (f"  — {card.role}" if card.role else "")


# Pinned: the phase's bearings (what we are asked, what we chose, what we starred). The rest flows.
Entry = tuple[str, str, bool]  # kind, text, pinned


def _entries(content: AudienceContent) -> list[Entry]:
    """The content as (kind, text, pinned) in reading order, below the title and prompt."""
    entries: list[Entry] = []
    if content.items:
        entries.append(("items", "   ".join(content.items), True))
    if content.summary:
        entries.append(("text", content.summary, True))
    if content.rules:
        entries.append(("label", "Our ground rules", False))
        entries.extend(("text", rule, False) for rule in content.rules)
    if content.text:  # in the cycle phase: the sentence, above the diagram
        entries.append(("text", content.text, False))
    if content.stance:
        entries.append(("label", "Our shared stance", False))
        entries.append(("text", content.stance, False))
    if content.actions:
        entries.append(("label", "Actions", False))
        entries.extend(("action", _action_line(a, content), False) for a in content.actions)
    if content.review_on:
        entries.append(("label", f"Review on {wording.day(content.review_on)}", False))
    # In the order given: starred ones are pinned in the head, the others flow beneath.
    entries.extend(("salient" if c.salient else "card", _card_text(c), c.salient) for c in content.cards)
    return entries


# The pinned head may take at most this share of the room: starred cards beyond it (the
# oldest first) join the flowing part, so the newest contributions always have space.
PINNED_SHARE = 0.6


def _measure(kind: str, text: str, px: int, pad: int, width: int, base: QFont) -> int:
    inner = width - 2 * pad if kind in ("card", "salient") else width
    bold = kind in ("title", "label", "items")
    h = _height(font_px(base, px, bold), inner, text)
    return h + 2 * pad if kind in ("card", "salient") else h


def layout_content(content: AudienceContent, area: QRect, screen_height: int, base: QFont,
                   reserve_bottom: int = 0) -> AudienceLayout:
    """Blocks for `content` inside `area`; `reserve_bottom` keeps room for a diagram.

    The title, prompt, chosen items and starred cards are pinned at the top; everything else
    flows beneath them. Type shrinks for long content down to the legible minimum; after
    that the flowing part scrolls so that its newest entry stays in view.
    """
    largest, smallest = body_px(screen_height), min_body_px(screen_height)
    entries = [("title", content.title, True), ("prompt", content.prompt, True), *_entries(content)]
    entries = [e for e in entries if e[1]]
    width = area.width()
    room = area.height() - reserve_bottom
    body = largest
    while True:
        title_px = round(body * TITLE_SCALE)
        gap = max(6, body // 3)
        pad = max(8, body // 3)
        sized = [(kind, text, pinned, title_px if kind == "title" else body) for kind, text, pinned in entries]
        heights = [_measure(kind, text, px, pad, width, base) + gap for kind, text, _p, px in sized]
        used = sum(heights)
        if used <= room or body <= smallest:
            break
        body = max(smallest, int(body * SHRINK_STEP))
    # Starred cards beyond the pinned share join the flow, oldest first.
    pinned_flags = [pinned for _k, _t, pinned, _px in sized]
    head = sum(h for h, pinned in zip(heights, pinned_flags) if pinned)
    starred = [i for i, (kind, *_r) in enumerate(sized) if kind == "salient"]
    while head > room * PINNED_SHARE and starred:
        i = starred.pop(0)
        pinned_flags[i] = False
        head -= heights[i]
    blocks: list[Block] = []
    y = area.top()
    for i, (kind, text, _pinned, px) in enumerate(sized):  # the head first...
        if pinned_flags[i]:
            blocks.append(Block(kind, text, QRect(area.left(), y, width, heights[i] - gap), px, pinned=True))
            y += heights[i]
    flow_top = y
    for i, (kind, text, _pinned, px) in enumerate(sized):  # ...then the rest, in their order
        if not pinned_flags[i]:
            blocks.append(Block(kind, text, QRect(area.left(), y, width, heights[i] - gap), px))
            y += heights[i]
    flow_room = area.top() + room - flow_top
    offset = max(0, (y - flow_top) - flow_room)
    return AudienceLayout(tuple(blocks), body, offset, used, flow_top)

