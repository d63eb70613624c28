"""Themes: forced ones apply as chosen; "system" is guessed cheaply before the first paint
(remembered from last time), then confirmed with Qt's colour scheme and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from idc_desktop.ui import theme
from idc_desktop.ui.main_window import MainWindow


@pytest.fixture
def app(qapp):  # noqa: ANN001, ANN201 - the application, its theme put back afterwards
    yield qapp
    theme.apply_theme(qapp, "light")


def window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_a_forced_theme_ignores_the_system(app, name: str) -> None:  # noqa: ANN001
    assert theme.apply_theme(app, name, system_dark=name != "dark") == name
    assert window_colour(app) == theme.palette_for(name).color(QPalette.ColorRole.Window).name()


def test_system_starts_as_remembered_then_follows_what_qt_says(app, settings: QSettings) -> None:  # noqa: ANN001
    settings.setValue(theme.SYSTEM_DARK_KEY, True)  # last time, the system was dark
    assert theme.remembered_system_dark(app, settings) is True
    assert theme.apply_theme(app, "system", system_dark=True) == "dark"
    actually_dark = theme.system_is_dark(app)  # the offscreen platform reports no dark scheme
    theme.confirm_system_theme(app, settings)
    expected = "dark" if actually_dark else "light"
    assert app.property("idcPalette") == expected
    assert window_colour(app) == theme.palette_for(expected).color(QPalette.ColorRole.Window).name()
    settings.sync()
    assert theme.remembered_system_dark(app, QSettings(settings.fileName(), QSettings.Format.IniFormat)) is actually_dark


def test_a_forced_theme_is_not_overridden_by_the_confirmation(app, settings: QSettings) -> None:  # noqa: ANN001
    theme.apply_theme(app, "high-contrast")
    theme.confirm_system_theme(app, settings)
    assert app.property("idcPalette") == "high-contrast"


def test_the_view_menu_switches_and_remembers(qtbot, app, settings: QSettings) -> None:  # noqa: ANN001
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.theme_actions["dark"].trigger()
    assert app.property("idcPalette") == "dark" and settings.value(theme.SETTINGS_KEY) == "dark"
    assert window.theme_actions["dark"].isChecked()
