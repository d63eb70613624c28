"""Contrast in every theme, measured on the real widgets as painted: the library, the case view,
every phase page of a demo session and the catalogue dialog, in light, dark and high contrast.

Text needs 4.5:1 (7:1 in high contrast): each visible label's and button's own pixels are cut
from a grab of the whole window, and the ink that stands out most from the commonest colour
(its background) is measured. Outlines of check boxes and text fields need 3:1 against what
surrounds them. Colours painted by hand (tokens) are checked against the backgrounds they are
painted on.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from idc_desktop.services import Services
from idc_desktop.ui import theme
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.session.cycle_diagram import CycleDiagram
from idc_desktop.ui.theme_tokens import TOKENS

THEMES = ["light", "dark", "high-contrast"]
TEXT_MIN = {"light": 4.5, "dark": 4.5, "high-contrast": 7.0}
OUTLINE_MIN = 3.0


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def pixels(image: QImage, rect: QRect) -> list[int]:
    rect = rect.intersected(image.rect())
    return [image.pixel(x, y) for y in range(rect.top(), rect.bottom() + 1) for x in range(rect.left(), rect.right() + 1)]


def ink_contrast(image: QImage, rect: QRect) -> float:
    """The contrast of the most distinct colour in `rect` against the commonest one."""
    found = pixels(image, rect)
    if not found:
        return 99.0
    background = QColor.fromRgb(Counter(found).most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(p), background) for p in set(found))


def in_window(widget: QWidget, window: QWidget, rect: QRect | None = None) -> QRect:
    rect = rect or widget.rect()
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty() and widget.width() > 4 and widget.height() > 4


def text_problems(window: QWidget, where: str, minimum: float) -> list[str]:
    image = window.grab().toImage()
    problems = []
    for widget in window.findChildren(QWidget):
        if not shown(widget) or (not widget.isEnabled() and not isinstance(widget, QLabel)):
            continue  # disabled controls are exempt (WCAG 1.4.3); a label is text to read, never exempt
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            rect = widget.contentsRect()
        elif isinstance(widget, QAbstractButton) and widget.text().strip() and not isinstance(widget, QCheckBox):
            rect = widget.rect().adjusted(3, 3, -3, -3)
        elif isinstance(widget, QCheckBox) and widget.text().strip():
            option = QStyleOptionButton()
            option.initFrom(widget)
            option.text = widget.text()
            rect = widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, widget)
        else:
            continue
        ratio = ink_contrast(image, in_window(widget, window, rect))
        if ratio < minimum:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{where}: {name} {widget.text()[:40]!r} {ratio:.2f}:1")
    return problems


def outline_problems(window: QWidget, where: str) -> list[str]:
    """Unticked check boxes and text fields must show their outline against the window."""
    image = window.grab().toImage()
    window_colour = window.palette().color(QPalette.ColorRole.Window)
    problems = []
    for box in window.findChildren(QCheckBox):
        if shown(box) and box.isEnabled() and not box.isChecked():
            option = QStyleOptionButton()
            option.initFrom(box)
            rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
            ratio = max(contrast(QColor.fromRgb(p), window_colour) for p in pixels(image, in_window(box, window, rect)))
            if ratio < OUTLINE_MIN:
                problems.append(f"{where}: check box {box.objectName()} outline {ratio:.2f}:1")
    fields = [w for w in window.findChildren(QWidget) if isinstance(w, (QLineEdit, QAbstractSpinBox))]
    for field in fields:
        inner = field.parentWidget() is not None and field.parentWidget().inherits("QComboBox") | field.parentWidget().inherits("QAbstractSpinBox")
        if shown(field) and field.isEnabled() and not inner:
            edge = in_window(field, window, QRect(QPoint(0, field.height() // 2), field.rect().bottomLeft()))
            edge = QRect(edge.left(), edge.top(), 2, 1)  # the left edge, halfway down
            ratio = max(contrast(QColor.fromRgb(p), window_colour) for p in pixels(image, edge))
            if ratio < OUTLINE_MIN:
                problems.append(f"{where}: field {field.objectName()} border {ratio:.2f}:1")
    return problems


@pytest.fixture
def themed(qapp):  # noqa: ANN001, ANN201 - its look is put back by tests/ui/conftest.py
    return qapp


def walk(qtbot, window: MainWindow, services: Services):  # noqa: ANN001, ANN201
    """Each screen of the app in turn: (name, the top-level widget to grab)."""
    case = services.cases.by_code("IDC-9HWM")
    yield "library", window
    window.ctx.cases.show(case.id)
    yield "case view", window
    session = services.sessions.for_case(case.id)[-1]
    window.ctx.sessions.open(session.id)
    editor = window.editor
    for index, phase in enumerate(editor.phases):
        editor.go_to(index)
        qtbot.wait(20)
        yield f"phase {phase.key}", window


@pytest.mark.parametrize("name", THEMES)
def test_text_and_outlines_are_readable_in_every_theme(qtbot, themed, demo_window: MainWindow,  # noqa: ANN001
                                                       demo_services: Services, name: str) -> None:
    demo_window.set_theme(name)
    demo_window.resize(1280, 800)
    problems: list[str] = []
    for where, top in walk(qtbot, demo_window, demo_services):
        qtbot.wait(10)
        problems += text_problems(top, where, TEXT_MIN[name])
        problems += outline_problems(top, where)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", THEMES)
def test_the_cycle_diagram_follows_the_theme(qtbot, themed, name: str) -> None:  # noqa: ANN001
    theme.apply_theme(themed, name)
    diagram = CycleDiagram()
    qtbot.addWidget(diagram)
    colours = diagram.palette_colours()
    window = theme.palette_for(name).color(QPalette.ColorRole.Window)
    background = QColor(colours.background)
    assert abs(luminance(background) - luminance(window)) < 0.1  # no white panel in a dark theme
    for fill in (colours.patient_fill, colours.staff_fill):
        assert contrast(QColor(colours.text), QColor(fill)) >= TEXT_MIN[name]
        assert contrast(QColor(colours.muted), QColor(fill)) >= TEXT_MIN[name]
    assert contrast(QColor(colours.arrow), background) >= OUTLINE_MIN


@pytest.mark.parametrize("name", THEMES)
def test_painted_colours_are_readable_where_they_are_painted(name: str) -> None:
    palette = theme.palette_for(name)
    window, base = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)
    tokens = TOKENS[name]
    for text in (tokens.error, tokens.private, palette.color(QPalette.ColorRole.PlaceholderText).name()):
        for background in (window, base):
            assert contrast(QColor(text), background) >= TEXT_MIN[name], (text, background.name())
    assert contrast(QColor(tokens.banner_text), QColor(tokens.banner_fill)) >= TEXT_MIN[name]
    assert contrast(QColor(tokens.overrun_text), QColor(tokens.overrun_fill)) >= TEXT_MIN[name]
    assert contrast(QColor(tokens.star), base) >= OUTLINE_MIN
    assert contrast(QColor(tokens.field_border), window) >= OUTLINE_MIN
    assert contrast(QColor(tokens.check_mark), palette.color(QPalette.ColorRole.Highlight)) >= OUTLINE_MIN


def test_no_widget_writes_its_own_colour() -> None:
    """Colours come from the theme: no hex colour in the UI code outside the theme modules
    (the projector's own dark palette and the diagram's projector colours excepted)."""
    import re
    from pathlib import Path

    import idc_desktop.ui as ui

    allowed = {"theme.py", "theme_tokens.py", "projector_theme.py", "cycle_diagram.py", "audience_view.py"}
    offenders = []
    for path in Path(ui.__file__).parent.rglob("*.py"):
        if path.name not in allowed and re.search(r"#[0-9a-fA-F]{6}\b", path.read_text(encoding="utf-8")):
            offenders.append(str(path))
    assert not offenders, offenders
    assert QApplication  # (imported for the fixtures' application)
