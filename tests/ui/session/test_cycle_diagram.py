"""The cycle diagram: its content, its arrangement round the loop, and painting at several sizes,
scales and palettes without tiny text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage

from idc_desktop.domain import Perspective
from idc_desktop.ui.session.cycle_diagram import MIN_TEXT_PX, CycleDiagram, DiagramPalette

CONTENT = {
    Perspective.A: ["dismissive", "controlling"],
    Perspective.B: ["feeling unimportant", "angry", "wanting to withdraw"],
    Perspective.C: ["demanding"],
    Perspective.D: ["wanting to take control", "insisting on the rules", "irritated", "guilty", "bored",
                    "deskilled", "hopeless", "overwhelmed"],
}


@pytest.fixture
def diagram(qtbot) -> CycleDiagram:  # noqa: ANN001
    widget = CycleDiagram()
    qtbot.addWidget(widget)
    return widget


def ink(image: QImage, background: str) -> int:
    """How many sampled pixels differ from the background."""
    back = QColor(background).rgb()
    step = max(1, min(image.width(), image.height()) // 120)
    return sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if image.pixel(x, y) != back
    )


def colours(image: QImage) -> set[int]:
    step = max(1, min(image.width(), image.height()) // 60)
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_content_round_trips_and_fills_missing_perspectives(diagram: CycleDiagram) -> None:
    assert diagram.content() == {p: [] for p in Perspective}
    diagram.set_content({Perspective.B: ["angry", "  "]})
    assert diagram.content() == {Perspective.A: [], Perspective.B: ["angry"], Perspective.C: [], Perspective.D: []}
    copy = diagram.content()
    copy[Perspective.B].append("changed outside")
    assert diagram.content()[Perspective.B] == ["angry"]
    assert "angry" in diagram.accessibleDescription()


def test_boxes_go_round_clockwise_without_overlapping(diagram: CycleDiagram) -> None:
    boxes = diagram.box_rects(800, 600)
    a, b, c, d = (boxes[p] for p in Perspective)
    assert a.center().y() < b.center().y() < c.center().y()  # A top, C bottom
    assert d.center().x() < a.center().x() < b.center().x()  # D left, B right
    rects = list(boxes.values())
    for i, first in enumerate(rects):
        for second in rects[i + 1:]:
            assert not first.intersects(second)


@pytest.mark.parametrize("size", [(320, 260), (520, 400), (900, 500), (1920, 1080), (300, 700)])
def test_paints_at_several_sizes(diagram: CycleDiagram, size: tuple[int, int]) -> None:
    diagram.set_content(CONTENT)
    diagram.resize(*size)
    image = diagram.grab().toImage()
    assert (image.width(), image.height()) == size
    assert ink(image, DiagramPalette().background) > 50
    assert len(colours(image)) > 4  # boxes of two hues, text and arrows, not a blank fill
    assert diagram.text_px() >= MIN_TEXT_PX


def test_text_grows_with_the_widget_and_never_gets_tiny(diagram: CycleDiagram) -> None:
    diagram.set_content(CONTENT)
    diagram.resize(400, 320)
    small = diagram.text_px()
    diagram.resize(1600, 1000)
    large = diagram.text_px()
    assert large > small * 2
    diagram.resize(120, 100)
    assert diagram.text_px() >= MIN_TEXT_PX
    diagram.grab()  # still paints


def test_titles_wrap_rather_than_shrink_or_clip_at_laptop_size(diagram: CycleDiagram) -> None:
    diagram.set_content(CONTENT)
    diagram.resize(480, 440)
    sizes = diagram.text_sizes()
    assert sizes.title_px >= sizes.item_px >= MIN_TEXT_PX
    font = diagram.font()
    font.setPixelSize(round(sizes.title_px))
    font.setBold(True)
    metrics = QFontMetricsF(font)
    for perspective, box in diagram.box_rects().items():
        for line in sizes.titles[perspective]:
            assert metrics.horizontalAdvance(line) <= box.width() - 12
        assert " ".join(sizes.titles[perspective]).startswith(f"{perspective.value} ·")
    diagram.resize(1920, 1080)
    assert all(len(lines) == 1 for lines in diagram.text_sizes().titles.values())


def test_projector_scale_and_palette(qtbot) -> None:  # noqa: ANN001
    palette = DiagramPalette.projector()
    big = CycleDiagram(scale=2.5, palette=palette)
    qtbot.addWidget(big)
    big.set_content(CONTENT)
    big.resize(1920, 1080)
    assert big.text_px() >= MIN_TEXT_PX * 2.5
    image = big.grab().toImage()
    assert ink(image, palette.background) > 50
    assert QColor(image.pixel(2, 2)) == QColor(palette.background)
    with pytest.raises(ValueError):
        CycleDiagram(scale=0)


def test_overflowing_boxes_fold_into_more() -> None:
    labels = [f"item {n}" for n in range(8)]
    assert CycleDiagram.lines_for(labels, 8) == (labels, False)
    assert CycleDiagram.lines_for(labels, 4) == (labels[:3] + ["+5 more"], False)
    assert CycleDiagram.lines_for([], 3) == ([CycleDiagram.EMPTY_TEXT], True)
    assert CycleDiagram.lines_for(labels, 0) == ([], False)
