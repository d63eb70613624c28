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
def every_awaited_dialog_opened():  # noqa: ANN201
    """A test that schedules an answer to a dialog fails if that dialog never opened."""
    from tests.ui.dialogs import unanswered

    yield
    left = unanswered()
    assert not left, f"awaited but never opened: {left}"
