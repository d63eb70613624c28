"""The projected view: contrast, type size from the back of the room, newest kept in view, blanking."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from idc_desktop.domain import Consultation, Contribution, Perspective
from idc_desktop.domain.audience import audience_content
from idc_desktop.services import shipped
from idc_desktop.ui.presentation.audience_view import AudienceView
from idc_desktop.ui.presentation.projector_theme import PALETTE, contrast_ratio
from idc_desktop.ui.presentation.screens import ASK, choose_screen


def perspective_phase(p: Perspective = Perspective.D):  # noqa: ANN201
    return next(ph for ph in shipped.phases() if ph.perspective is p)


def content_with(cards: int):  # noqa: ANN201
    session = Consultation(held_on=date(2026, 3, 4))
    session.perspectives[Perspective.D].items = ["feeling_protective"]
    session.perspectives[Perspective.D].contributions = [
        Contribution(f"Contribution number {i}: we find ourselves keeping visits short", "Staff nurse", i % 3 == 0)
        for i in range(cards)
    ]
    return audience_content(session, perspective_phase(), "IDC-7Q4K", "Renal", lambda k: k.replace("_", " "))


@pytest.fixture
def view(qtbot) -> AudienceView:  # noqa: ANN001
    widget = AudienceView()
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)  # a 1080p projector
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("pair", list(PALETTE.text_pairs()))
def test_every_text_colour_meets_aaa_contrast(pair: str) -> None:
    foreground, background = PALETTE.text_pairs()[pair]
    assert contrast_ratio(foreground, background) >= 7.0


def test_contrast_formula_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_short_content_uses_full_body_size(view: AudienceView) -> None:
    view.set_content(content_with(3))
    view.grab()
    layout = view.layout_result
    assert layout.body_px >= 48  # 1/22 of 1080
    assert layout.offset == 0
    title = next(b for b in layout.blocks if b.kind == "title")
    assert title.px > layout.body_px


def visible(block, layout, area) -> bool:  # noqa: ANN001
    """Whether a block is wholly on screen once the flowing part is scrolled."""
    shift = 0 if block.pinned else layout.offset
    top, bottom = block.rect.top() - shift, block.rect.bottom() - shift
    return top >= (area.top() if block.pinned else layout.flow_top) and bottom <= area.bottom()


def test_long_content_shrinks_no_lower_than_36px_and_keeps_newest_in_view(view: AudienceView) -> None:
    view.set_content(content_with(100))
    view.grab()
    layout = view.layout_result
    assert layout.min_px() >= 36
    assert layout.offset > 0  # scrolled...
    area = view._content_area()
    cards = [b for b in layout.blocks if b.kind in ("card", "salient")]
    for number in (99, 98):  # the newest starred and the newest unstarred
        newest = next(b for b in cards if f"number {number}:" in b.text)
        assert visible(newest, layout, area), number  # ...so the newest are visible


def test_the_room_keeps_its_bearings_with_15_contributions(view: AudienceView) -> None:
    """Issue 13.7: the phase, its prompt, the chosen items and the starred cards stay in place;
    the rest flows beneath them, newest in view, at a size readable from the back."""
    view.set_content(content_with(15))
    view.grab()
    layout = view.layout_result
    area = view._content_area()
    assert layout.offset > 0  # there is more than fits: something must scroll
    for kind in ("title", "prompt", "items"):
        block = next(b for b in layout.blocks if b.kind == kind)
        assert block.pinned and visible(block, layout, area), kind
    starred = [b for b in layout.blocks if b.kind == "salient"]
    assert starred and all(b.pinned and visible(b, layout, area) for b in starred)
    newest = next(b for b in layout.blocks if "number 14:" in b.text)
    assert not newest.pinned and visible(newest, layout, area)
    assert layout.min_px() >= 36
    # And the picture agrees: the title's words are painted at the top of the screen.
    image = view.grab().toImage()
    title = next(b for b in layout.blocks if b.kind == "title")
    row = title.rect.center().y()
    assert any(image.pixelColor(x, row).name() != PALETTE.background for x in range(title.rect.left(), 600))


def test_b_blanks_and_restores(qtbot, view: AudienceView) -> None:  # noqa: ANN001
    view.set_content(content_with(2))
    assert "number 1" in view.rendered_text()
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert view.blank and view.rendered_text() == ""
    image = view.grab().toImage()
    assert image.pixelColor(960, 540).name() == "#000000"
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert not view.blank and "number 1" in view.rendered_text()


class FakeScreen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_screen_choice() -> None:
    laptop, projector, tv = FakeScreen("laptop"), FakeScreen("projector"), FakeScreen("tv")
    assert choose_screen([laptop], laptop, None) is None
    assert choose_screen([laptop, projector], laptop, None) is projector
    assert choose_screen([laptop, projector, tv], laptop, None) == ASK
    assert choose_screen([laptop, projector, tv], laptop, "tv") is tv
    assert choose_screen([laptop, projector, tv], laptop, "gone") == ASK
