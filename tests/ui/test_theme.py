"""Themes: forced ones apply as chosen; "system" is guessed cheaply before the first paint
(remembered from last time), then confirmed with Qt's colour scheme and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from idc_desktop.ui import theme
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.settings import AppSettings


@pytest.fixture
def app(qapp):  # noqa: ANN001, ANN201 - its look is put back by tests/ui/conftest.py
    return qapp


def window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_a_forced_theme_ignores_the_system(app, name: str) -> None:  # noqa: ANN001
    assert theme.apply_theme(app, name, system_dark=name != "dark") == name
    assert window_colour(app) == theme.palette_for(name).color(QPalette.ColorRole.Window).name()


@pytest.mark.parametrize("os_says_dark", [True, False])
def test_system_starts_as_remembered_then_follows_what_the_os_says(
    app, settings: AppSettings, os_says_dark: bool, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    settings.system_was_dark = True  # last time, the system was dark
    assert theme.remembered_system_dark(app, settings) is True
    assert theme.apply_theme(app, "system", system_dark=True) == "dark"
    monkeypatch.setattr(theme, "reported_dark", lambda _app: os_says_dark)  # the platform's answer
    theme.confirm_system_theme(app, settings)
    expected = "dark" if os_says_dark else "light"
    assert app.property("idcPalette") == expected
    assert window_colour(app) == theme.palette_for(expected).color(QPalette.ColorRole.Window).name()
    settings.sync()
    reread = AppSettings(settings.fileName())
    assert theme.remembered_system_dark(app, reread) is os_says_dark


def test_a_platform_that_reports_no_scheme_keeps_the_guess(app, settings: AppSettings) -> None:  # noqa: ANN001
    assert theme.reported_dark(app) is None  # Qt's offscreen platform reports none
    theme.apply_theme(app, "system", system_dark=True)
    theme.confirm_system_theme(app, settings)
    assert app.property("idcPalette") == "dark" and settings.system_was_dark is None


def test_a_first_run_guesses_from_the_platform_palette(app, settings: AppSettings) -> None:  # noqa: ANN001
    app.setPalette(theme.palette_for("dark"))
    assert theme.remembered_system_dark(app, settings) is True
    app.setPalette(theme.palette_for("light"))
    assert theme.remembered_system_dark(app, settings) is False


def test_a_forced_theme_is_not_overridden_by_the_confirmation(app, settings: AppSettings) -> None:  # noqa: ANN001
    theme.apply_theme(app, "high-contrast")
    theme.confirm_system_theme(app, settings)
    assert app.property("idcPalette") == "high-contrast"


def test_the_view_menu_switches_and_remembers(qtbot, app, settings: AppSettings) -> None:  # noqa: ANN001
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.theme_actions["dark"].trigger()
    assert app.property("idcPalette") == "dark" and settings.theme == "dark"
    assert window.theme_actions["dark"].isChecked()
