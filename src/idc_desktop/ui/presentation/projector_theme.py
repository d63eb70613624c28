"""The projector theme: calm, very high contrast (WCAG AAA, >= 7:1 for every text colour on
its background), and type sized from the screen height so it reads from the back of a room."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

# Body text at least 1/22 of the screen height (about 48 px on 1080p), never below 1/30
# (36 px on 1080p) even when a long list has to shrink.
BODY_FRACTION = 1 / 22
MIN_BODY_FRACTION = 1 / 30
TITLE_SCALE = 1.35


@dataclass(frozen=True)
class ProjectorPalette:
    background: str = "#0f1419"
    text: str = "#f4f4ef"
    muted: str = "#c9d1d9"  # prompts and roles: still AAA on the background
    accent: str = "#ffd166"  # salient contributions and the phase title
    card: str = "#1c232b"
    salient_card: str = "#2e2810"
    overrun_text: str = "#ffffff"
    overrun_background: str = "#9b1c1c"

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (foreground, background) combination the audience view paints text with."""
        return {
            "text on background": (self.text, self.background),
            "muted on background": (self.muted, self.background),
            "accent on background": (self.accent, self.background),
            "text on card": (self.text, self.card),
            "muted on card": (self.muted, self.card),
            "text on salient card": (self.text, self.salient_card),
            "accent on salient card": (self.accent, self.salient_card),
            "muted on salient card": (self.muted, self.salient_card),
            "overrun timer": (self.overrun_text, self.overrun_background),
        }


PALETTE = ProjectorPalette()


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    c = QColor(colour)
    r, g, b = (_linear(v) for v in (c.redF(), c.greenF(), c.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def body_px(screen_height: int) -> int:
    return max(1, round(screen_height * BODY_FRACTION))


def min_body_px(screen_height: int) -> int:
    return max(1, round(screen_height * MIN_BODY_FRACTION))
