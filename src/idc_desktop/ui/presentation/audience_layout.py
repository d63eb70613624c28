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


@dataclass(frozen=True)
class AudienceLayout:
    blocks: tuple[Block, ...]
    body_px: int
    offset: int  # how far content is scrolled up so the newest stays visible
    content_height: int

    def min_px(self) -> int:
        return min((b.px for b in self.blocks), default=self.body_px)


def font_px(base: QFont, px: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, px))
    font.setBold(bold)
    return font


def _height(font: QFont, width: int, text: str) -> int:
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), WRAP, text).height()


def _action_line(action) -> str:  # noqa: ANN001
    bits = [action.text]
    if action.owner_role:
        bits.append(action.owner_role)
    if action.due_on:
        bits.append(f"by {wording.day(action.due_on)}")
    mark = "✓ " if action.status.value == "done" else "• "
    return mark + " — ".join(bits)


def _entries(content: AudienceContent) -> list[tuple[str, str]]:
    """The content as (kind, text) in reading order, below the title and prompt."""
    entries: list[tuple[str, str]] = []
    if content.items:
        entries.append(("items", "   ".join(content.items)))
    if content.summary:
        entries.append(("text", content.summary))
    if content.text and not content.cycle_items:
        entries.append(("text", content.text))
    if content.stance:
        entries.append(("label", "Our shared stance"))
        entries.append(("text", content.stance))
    if content.actions:
        entries.append(("label", "Actions"))
        entries.extend(("action", _action_line(a)) for a in content.actions)
    if content.review_on:
        entries.append(("label", f"Review on {wording.day(content.review_on)}"))
    for card in content.cards:
        text = ("★ " if card.salient else "") + card.text + (f"  — {card.role}" if card.role else "")
        entries.append(("salient" if card.salient else "card", text))
    return entries


def layout_content(content: AudienceContent, area: QRect, screen_height: int, base: QFont,
                   reserve_bottom: int = 0) -> AudienceLayout:
    """Blocks for `content` inside `area`; `reserve_bottom` keeps room for a diagram."""
    largest, smallest = body_px(screen_height), min_body_px(screen_height)
    entries = _entries(content)
    width = area.width()
    pad = 0
    body = largest
    while True:
        title_px = round(body * TITLE_SCALE)
        gap = max(6, body // 3)
        pad = max(8, body // 3)
        blocks: list[Block] = []
        y = area.top()
        for kind, text, px, bold in (("title", content.title, title_px, True), ("prompt", content.prompt, body, False)):
            if text:
                h = _height(font_px(base, px, bold), width, text)
                blocks.append(Block(kind, text, QRect(area.left(), y, width, h), px))
                y += h + gap
        for kind, text in entries:
            inner = width - 2 * pad if kind in ("card", "salient") else width
            h = _height(font_px(base, body, kind == "label"), inner, text)
            if kind in ("card", "salient"):
                h += 2 * pad
            blocks.append(Block(kind, text, QRect(area.left(), y, width, h), body))
            y += h + gap
        used = y - area.top()
        room = area.height() - reserve_bottom
        if used <= room or body <= smallest:
            break
        body = max(smallest, int(body * SHRINK_STEP))
    # Still too long at the smallest legible size: scroll so the newest entry is in view.
    offset = max(0, used - room)
    return AudienceLayout(tuple(blocks), body, offset, used)
