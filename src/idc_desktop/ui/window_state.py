"""Remember the window's size and place, and bring it back on a screen that still exists."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from idc_desktop.ui.settings import AppSettings

_MIN_VISIBLE = 120  # px of the title area that must be on some screen to be grabbable


# Room left for the window manager's title bar and borders, which are not known before the
# window is shown (and a panel or dock is already outside the available geometry).
_FRAME_ALLOWANCE = (16, 48)


def restore_geometry(window: QWidget, settings: AppSettings, default_size: tuple[int, int]) -> None:
    saved = settings.window_geometry
    if saved is None or not window.restoreGeometry(saved):
        window.resize(*fitted_size(default_size))
        centre_on_primary(window)
    ensure_on_screen(window)
    fit_on_screen(window)


def fitted_size(size: tuple[int, int], screen: QScreen | None = None) -> tuple[int, int]:
    """`size`, made smaller where the screen (1280x720, or a laptop at 150 %) is smaller."""
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return size
    area = screen.availableGeometry()
    return (min(size[0], area.width() - _FRAME_ALLOWANCE[0]), min(size[1], area.height() - _FRAME_ALLOWANCE[1]))


def fit_on_screen(window: QWidget) -> None:
    """A window larger than its screen (a saved size from a bigger monitor) shrinks to fit, so
    its menu bar and its buttons are never off the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    width, height = fitted_size((window.width(), window.height()), screen)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    left = min(max(frame.left(), area.left()), area.right() - frame.width())
    top = min(max(frame.top(), area.top()), area.bottom() - frame.height())
    if (left, top) != (frame.left(), frame.top()):
        window.move(max(left, area.left()), max(top, area.top()))


def save_geometry(window: QWidget, settings: AppSettings) -> None:
    settings.window_geometry = window.saveGeometry()


def centre_on_primary(window: QWidget) -> None:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def ensure_on_screen(window: QWidget) -> None:
    """A monitor that has gone leaves the window off every screen: move it back."""
    frame = window.frameGeometry()
    title_bar = QRect(frame.left(), frame.top(), frame.width(), 40)
    for screen in QGuiApplication.screens():
        overlap = screen.availableGeometry().intersected(title_bar)
        if overlap.width() >= min(_MIN_VISIBLE, frame.width()) and overlap.height() > 0:
            return
    primary = QGuiApplication.primaryScreen()
    if primary is not None:
        area = primary.availableGeometry()
        window.resize(min(window.width(), area.width()), min(window.height(), area.height()))
    centre_on_primary(window)
