"""Remember the window's size and place, and bring it back on a screen that still exists."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

_KEY = "mainWindow/geometry"
_MIN_VISIBLE = 120  # px of the title area that must be on some screen to be grabbable


def restore_geometry(window: QWidget, settings: QSettings, default_size: tuple[int, int]) -> None:
    saved = settings.value(_KEY)
    if saved is None or not window.restoreGeometry(saved):
        window.resize(*default_size)
        centre_on_primary(window)
    ensure_on_screen(window)


def save_geometry(window: QWidget, settings: QSettings) -> None:
    settings.setValue(_KEY, window.saveGeometry())


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
