"""No near-empty pages: where a page would hold only a line or two (the review date alone at the
end of a summary, the close of a session in a case history), start it earlier.

The document is laid out once while `RecordingDocTemplate` notes where each of the story's own
flowables ended up (page and height). A page filled to less than `MIN_FILL` of the frame takes
over the tail of the page before it: `breaks_for` picks the latest section start (a heading's
conditional break, or the kept-together cycle) on that page whose move leaves both pages at
least `MIN_FILL` full, and the story is laid out again with a page break there. Most documents
need no second pass; a page that cannot be balanced (nothing movable before it) is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, KeepTogether

MIN_FILL = 0.3  # a page holds at least this share of its frame (a quarter, with room to spare)
_INDEX = "_idc_story_index"  # attribute naming a flowable's place in the story


@dataclass(frozen=True, slots=True)
class Placed:
    page: int
    index: int | None  # position in the story, None for a piece split off a flowable
    bottom: float  # the frame's y after the flowable (points from the page's foot)


def mark(story: Sequence[Flowable]) -> frozenset[int]:
    """Tag each flowable with its index; the indices before which a page may break."""
    starts = set()
    for index, flowable in enumerate(story):
        target = flowable
        if isinstance(flowable, KeepTogether) and flowable._content:
            target = flowable._content[0]  # the group is split into its content, which is drawn
            starts.add(index)
        elif isinstance(flowable, CondPageBreak):
            starts.add(index)
        setattr(target, _INDEX, index)
    return frozenset(starts)


class RecordingDocTemplate(BaseDocTemplate):
    """A doc template that remembers where each flowable was placed."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.placed: list[Placed] = []

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        frame = getattr(self, "frame", None)
        if frame is not None:
            self.placed.append(Placed(self.page, getattr(flowable, _INDEX, None), frame._y))


def breaks_for(placed: Sequence[Placed], starts: frozenset[int], top: float, height: float) -> list[int]:
    """Story indices before which to break so that no page is filled under `MIN_FILL`."""
    by_page: dict[int, list[Placed]] = {}
    for item in placed:
        by_page.setdefault(item.page, []).append(item)
    bottom = {page: min(p.bottom for p in items) for page, items in by_page.items()}
    wanted = MIN_FILL * height
    breaks = []
    for page in sorted(by_page):
        fill = top - bottom[page]
        if fill >= wanted or page - 1 not in by_page:
            continue
        previous = by_page[page - 1]
        best = None
        for position, item in enumerate(previous[1:], start=1):
            if item.index not in starts:
                continue
            start_y = previous[position - 1].bottom  # where this section begins
            moved = start_y - bottom[page - 1]
            if top - start_y >= wanted and fill + moved >= wanted:
                best = item.index  # keep looking: the latest start that works moves the least
        if best is not None:
            breaks.append(best)
    return breaks
