"""UI fixtures: a real main window on a real store, driven with qtbot."""

from __future__ import annotations

from pathlib import Path

import pytest

from idc_desktop.services import Services
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.settings import AppSettings


@pytest.fixture
def settings(data_dir: Path) -> AppSettings:
    return AppSettings.in_folder(data_dir)


@pytest.fixture
def window(qtbot, services: Services, settings: AppSettings) -> MainWindow:  # noqa: ANN001
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.attach(services)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def demo_window(qtbot, demo_services: Services, settings: AppSettings) -> MainWindow:  # noqa: ANN001
    win = MainWindow(settings, demo=True)
    qtbot.addWidget(win)
    win.attach(demo_services)
    win.show()
    qtbot.waitExposed(win)
    return win



@pytest.fixture(autouse=True)
def theme_left_as_found(qapp):  # noqa: ANN001, ANN201
    """A test that applies a theme leaves the application's look as it found it: a theme is
    app-wide, and one left behind changed what later tests measured (column widths)."""
    style, sheet, palette, font = qapp.style().name(), qapp.styleSheet(), qapp.palette(), qapp.font()
    names = qapp.property("idcTheme"), qapp.property("idcPalette")
    yield
    if qapp.styleSheet() != sheet or qapp.style().name() != style:
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.setFont(font)
        qapp.setProperty("idcTheme", names[0])
        qapp.setProperty("idcPalette", names[1])


@pytest.fixture(autouse=True)
def every_awaited_dialog_opened():  # noqa: ANN201
    """A test that schedules an answer to a dialog fails if that dialog never opened."""
    from tests.ui.dialogs import unanswered

    yield
    left = unanswered()
    assert not left, f"awaited but never opened: {left}"
