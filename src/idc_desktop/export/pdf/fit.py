"""Shrink-to-fit for the one-page handout.

reportlab's KeepInFrame(mode="shrink") lays its content out wider and scales it down, but a
table or drawing with fixed widths does not widen with it, so a shrunk page ends up with
narrow tables floating in wide text. `FitToFrame` instead rebuilds the content for each trial
width (the builder takes the width), so everything keeps spanning the frame, and searches for
the largest scale at which the whole lot fits the frame's height: a long plan shrinks, a short
one grows (up to `MAX_SCALE`), so the wall copy fills its page. The content is never split.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether

Builder = Callable[[float], list[Flowable]]
_STEPS = 10  # most layouts tried in the search for the scale
MAX_SCALE = 1.6  # a short plan grows to fill the page, up to about 17 pt body text
_CLOSE_ENOUGH = 0.97  # a layout filling this share of the height is taken
_HUGE = 1e9  # "as tall as it likes" while measuring


def _flat(flowables: list[Flowable]) -> list[Flowable]:
    """Groups opened into their content: on one page that is never split, keeping is moot."""
    out: list[Flowable] = []
    for flowable in flowables:
        out += _flat(list(flowable._content)) if isinstance(flowable, KeepTogether) else [flowable]
    return out


class FitToFrame(Flowable):
    def __init__(self, build: Builder) -> None:
        super().__init__()
        self._build = build
        self._scale = 1.0
        self._laid: list[tuple[Flowable, float, float, float]] = []  # flowable, width, height, gap before
        self._inner = (0.0, 0.0)

    def _layout(self, width: float) -> float:
        """Build and wrap the content at `width`; the natural height (spaces merged as a frame does)."""
        laid = []
        total = 0.0
        previous_after = 0.0
        for index, flowable in enumerate(_flat(self._build(width))):
            w, h = flowable.wrapOn(self.canv, width, _HUGE)
            gap = 0.0 if index == 0 else max(previous_after, flowable.getSpaceBefore())
            laid.append((flowable, w, h, gap))
            total += gap + h
            previous_after = flowable.getSpaceAfter()
        self._laid = laid
        self._inner = (width, total)
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        natural = self._layout(availWidth)
        self._scale = self._search(availWidth, availHeight, natural)
        self.width = availWidth
        self.height = min(availHeight, self._inner[1] * self._scale)
        return self.width, self.height

    def _search(self, width: float, height: float, natural: float) -> float:
        """The largest scale, up to `MAX_SCALE`, at which the content fits (within a few per cent).

        Scaled by s, the text gets 1/s times the width, so it takes about s times the lines and
        its drawn height goes roughly as s squared: each guess corrects by the square root of
        the miss. The guesses are kept inside the bracket of the best fit and the smallest
        miss so far (a diagram of capped height breaks the assumption), so the search always
        closes in; a handful of layouts usually settles it.
        """
        fits = natural <= height
        low, low_drawn = (1.0, natural) if fits else (0.0, 0.0)  # the largest scale known to fit
        high = MAX_SCALE * 1.001 if fits else 1.0  # the smallest known not to (or above the cap)
        scale, drawn = 1.0, natural
        for _ in range(_STEPS):
            if low >= MAX_SCALE or (low and (low_drawn >= height * _CLOSE_ENOUGH or high / low < 1.02)):
                break
            guess = scale * math.sqrt(height / drawn)
            if not low < guess < high:  # outside the bracket: halve it instead
                guess = (low + high) / 2 if low else high / 2
            scale = min(guess, MAX_SCALE)
            drawn = scale * self._layout(width / scale)
            if drawn <= height:
                low, low_drawn = scale, drawn
            else:
                high = scale
        best = low
        if best == 0.0:  # content that does not behave as assumed: step down until it fits
            best = scale
            while best > 0.05 and best * self._layout(width / best) > height:
                best *= 0.97
        if self._inner[0] != width / best:
            self._layout(width / best)  # leave the chosen layout in place for drawing
        return best

    def draw(self) -> None:
        canvas = self.canv
        inner_width, inner_height = self._inner
        canvas.saveState()
        canvas.translate(0, self.height)  # from the top down
        canvas.scale(self._scale, self._scale)
        y = 0.0
        for flowable, w, h, gap in self._laid:
            y -= gap + h
            align = getattr(flowable, "hAlign", "LEFT")
            x = (inner_width - w) / 2 if align in ("CENTER", "CENTRE") else inner_width - w if align == "RIGHT" else 0.0
            flowable.drawOn(canvas, x, y)
        canvas.restoreState()
