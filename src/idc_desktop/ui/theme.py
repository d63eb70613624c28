"""Themes for the whole app: follow the system's light or dark setting (the default), or force
light, dark or high contrast. The choice is remembered; icons are mid-grey strokes that read
on every background."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from idc_desktop.ui.settings import DEFAULT_THEME, AppSettings
from idc_desktop.ui.theme_tokens import style_sheet

THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark", "high-contrast": "High contrast"}

_STYLE = """
QLineEdit#caseSearch { padding: 6px 8px; font-size: 11pt; }
QLabel#emptyHint, QLabel#openingHint { font-size: 14pt; color: palette(placeholder-text); padding: 40px; }
QLabel#openingHint { qproperty-alignment: AlignCenter; }
QLabel#privacyReminder { color: palette(placeholder-text); font-style: italic; }
QLabel#phaseTitle { font-size: 18pt; font-weight: 700; }
QLabel#phasePrompt { font-size: 13pt; }
QLabel#phaseGuidance { color: palette(placeholder-text); font-style: italic; }
QListWidget#phaseNavigator { font-size: 11pt; }
QListWidget#phaseNavigator::item { padding: 6px 4px; }
QLabel#sessionHeading { font-size: 12pt; font-weight: 600; }
"""

# role -> colour for each forced theme
_PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        QPalette.ColorRole.Window: "#f3f4f6", QPalette.ColorRole.WindowText: "#1f2328",
        QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f0f3f6",
        QPalette.ColorRole.Text: "#1f2328", QPalette.ColorRole.Button: "#e8eaed",
        QPalette.ColorRole.ButtonText: "#1f2328", QPalette.ColorRole.Highlight: "#2f5fb3",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2328", QPalette.ColorRole.PlaceholderText: "#59636e",
        QPalette.ColorRole.Link: "#1a56b8", QPalette.ColorRole.Mid: "#b0b7bf",
    },
    "dark": {
        QPalette.ColorRole.Window: "#1e2227", QPalette.ColorRole.WindowText: "#e6e8eb",
        QPalette.ColorRole.Base: "#15181c", QPalette.ColorRole.AlternateBase: "#1b1f24",
        QPalette.ColorRole.Text: "#e6e8eb", QPalette.ColorRole.Button: "#2a2f36",
        QPalette.ColorRole.ButtonText: "#e6e8eb", QPalette.ColorRole.Highlight: "#4f7fd1",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2a2f36",
        QPalette.ColorRole.ToolTipText: "#e6e8eb", QPalette.ColorRole.PlaceholderText: "#a3acb6",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#48505a",
    },
    "high-contrast": {
        QPalette.ColorRole.Window: "#000000", QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#000000", QPalette.ColorRole.AlternateBase: "#101010",
        QPalette.ColorRole.Text: "#ffffff", QPalette.ColorRole.Button: "#000000",
        QPalette.ColorRole.ButtonText: "#ffffff", QPalette.ColorRole.Highlight: "#ffff00",
        QPalette.ColorRole.HighlightedText: "#000000", QPalette.ColorRole.ToolTipBase: "#000000",
        QPalette.ColorRole.ToolTipText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#e0e0e0",
        QPalette.ColorRole.Link: "#00ffff", QPalette.ColorRole.Mid: "#ffffff",
    },
}
_DISABLED_TEXT = {"light": "#8c959f", "dark": "#6e7681", "high-contrast": "#9a9a9a"}


def reported_dark(app: QApplication) -> bool | None:
    """Whether the OS says it is in dark mode; None where the platform does not say."""
    from PySide6.QtCore import Qt  # not at start-up: see remembered_system_dark

    scheme = app.styleHints().colorScheme()
    return None if scheme == Qt.ColorScheme.Unknown else scheme == Qt.ColorScheme.Dark


def system_is_dark(app: QApplication) -> bool:
    return bool(reported_dark(app))


def remembered_system_dark(app: QApplication, settings: AppSettings) -> bool:
    """How "system" resolved last time (the OS seldom switches between two launches), or on
    a first run what the platform's palette suggests. Asking Qt for the colour scheme returns
    a `Qt.ColorScheme`, and the first use of the `Qt` namespace costs ~30 ms that the first
    paint would wait for (main_window.py); `confirm_system_theme` asks once it has painted."""
    value = settings.system_was_dark
    if value is None:
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return value


def confirm_system_theme(app: QApplication, settings: AppSettings) -> None:
    """After the first paint: the real colour scheme, remembered, and applied if the guess was
    wrong. A platform that reports no scheme keeps the guess (its palette is all there is)."""
    dark = reported_dark(app)
    if dark is None:
        return
    settings.system_was_dark = dark
    if app.property("idcTheme") == "system" and app.property("idcPalette") != ("dark" if dark else "light"):
        apply_theme(app, "system", system_dark=dark)


def resolved(name: str, app: QApplication, system_dark: bool | None = None) -> str:
    if name == "system":
        return "dark" if (system_is_dark(app) if system_dark is None else system_dark) else "light"
    return name if name in _PALETTES else "light"


def palette_for(name: str) -> QPalette:
    palette = QPalette()
    for role, colour in _PALETTES[name].items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT[name]))
    return palette


def apply_theme(app: QApplication, name: str = DEFAULT_THEME, system_dark: bool | None = None) -> str:
    """Apply a theme by name; returns the palette actually used ("system" resolves to light or
    dark: by `system_dark` when given, else by asking Qt)."""
    used = resolved(name, app, system_dark)  # before Fusion replaces the platform's palette
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyle("Fusion")  # the same look on every OS, and it honours our palettes fully
    app.setPalette(palette_for(used))
    app.setStyleSheet(_STYLE + style_sheet(used))  # the theme's tokens: tones, outlines, check boxes
    app.setProperty("idcTheme", name)
    app.setProperty("idcPalette", used)
    return used


def follow_system_changes(app: QApplication) -> None:
    """When the theme is "system", re-apply as the OS switches between light and dark."""
    def changed(_scheme: object) -> None:
        if app.property("idcTheme") == "system":
            apply_theme(app, "system")

    app.styleHints().colorSchemeChanged.connect(changed)
