"""The colours the app uses beyond Qt's palette roles, one set per theme.

Widgets never write a colour: a label names its tone (`set_tone(label, "error")`) and the
application style sheet built from these tokens (theme.py) colours it, so it follows a theme
switch at once; code that paints (delegates, the cycle diagram, the guard's underline) asks
`current()` when it paints. Each text token keeps 4.5:1 against the window and base colours
of its theme (7:1 in high contrast); tests/ui/test_theme_contrast.py measures them, and the
real widgets, in every theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QApplication, QWidget

TONE = "tone"  # the dynamic property the style sheet selects on: QLabel[tone="error"]


@dataclass(frozen=True, slots=True)
class Tokens:
    error: str  # a problem named inline, a due date that looks wrong
    private: str  # the private reflection's banner and dashed border
    star: str  # the star of a starred contribution, and its card's border
    salient_tint: str  # blended into the base colour behind a starred card
    underline: str  # the wavy line under a possible identifier
    field_border: str  # the outline of text fields and check boxes (3:1 or more)
    check_mark: str  # the tick drawn on a ticked box (on the highlight colour)
    banner_text: str  # "trouble while saving"
    banner_fill: str
    overrun_text: str  # the phase timer past its time
    overrun_fill: str
    diagram: dict[str, str] = field(default_factory=dict)  # the cycle diagram's DiagramPalette fields


TOKENS: dict[str, Tokens] = {
    "light": Tokens(
        error="#b3261e", private="#7a4f00", star="#8f5e00", salient_tint="#ffc940", underline="#d32f2f",
        field_border="#6e7781", check_mark="#ffffff", banner_text="#8c1d18", banner_fill="#fdecea",
        overrun_text="#ffffff", overrun_fill="#b3261e",
        diagram=dict(background="#fbfbfd", text="#16181d", muted="#4d5562", arrow="#3b4250",
                     patient_fill="#e3edfb", patient_border="#1f5fa8", staff_fill="#fcefd9", staff_border="#9a5200"),
    ),
    "dark": Tokens(
        error="#ff8a80", private="#f0b35a", star="#f0b35a", salient_tint="#ffc940", underline="#ff6b6b",
        field_border="#8b949e", check_mark="#ffffff", banner_text="#ffdad6", banner_fill="#5c1a15",
        overrun_text="#ffffff", overrun_fill="#b3261e",
        diagram=dict(background="#15181c", text="#e6e8eb", muted="#b4bcc6", arrow="#c9d1d9",
                     patient_fill="#132a47", patient_border="#79b8ff", staff_fill="#3a2605", staff_border="#f0b35a"),
    ),
    "high-contrast": Tokens(
        error="#ff9e9e", private="#ffd166", star="#ffd166", salient_tint="#ffd166", underline="#ff5c5c",
        field_border="#ffffff", check_mark="#000000", banner_text="#ffffff", banner_fill="#6b0000",
        overrun_text="#000000", overrun_fill="#ff9e9e",
        diagram=dict(background="#000000", text="#ffffff", muted="#e0e0e0", arrow="#ffffff",
                     patient_fill="#001a40", patient_border="#7fc4ff", staff_fill="#2b1a00", staff_border="#ffd166"),
    ),
}


def current() -> Tokens:
    """The tokens of the theme in use (light before any theme is applied)."""
    app = QApplication.instance()
    name = app.property("idcPalette") if app is not None else None
    return TOKENS.get(str(name), TOKENS["light"])


def set_tone(widget: QWidget, tone: str) -> None:
    """Give a widget a tone the style sheet colours ("error", "private", "hint"); "" for none."""
    widget.setProperty(TONE, tone)
    style = widget.style()
    style.unpolish(widget)  # a dynamic property is only read again on a fresh polish
    style.polish(widget)


def style_sheet(name: str) -> str:
    """Rules for the tones and for the outlines Fusion draws too faintly in dark and high contrast."""
    t = TOKENS[name]
    return f"""
*[tone="error"] {{ color: {t.error}; font-weight: 600; }}
*[tone="private"] {{ color: {t.private}; font-weight: 700; }}
*[tone="hint"] {{ color: palette(placeholder-text); }}
QFrame#privateBox {{ border: 2px dashed {t.private}; border-radius: 6px; }}
QLabel#saveBanner {{ background: {t.banner_fill}; color: {t.banner_text}; padding: 8px; font-weight: 600; }}
QLabel#phaseRemaining {{ padding: 2px 8px; }}
QLabel#phaseRemaining[tone="overrun"] {{ color: {t.overrun_text}; background: {t.overrun_fill}; border-radius: 6px;
                          padding: 2px 8px; }}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDateEdit, QAbstractSpinBox {{
    border: 1px solid {t.field_border}; border-radius: 3px; padding: 2px; background: palette(base);
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus {{
    border: 2px solid palette(highlight); padding: 1px;  /* the same outer size: focus never re-lays a form */
}}
QComboBox QLineEdit, QAbstractSpinBox QLineEdit {{ border: none; padding: 0; }}
{_indicators(":")} {{
    width: 14px; height: 14px; border: 1px solid {t.field_border}; border-radius: 2px; background: palette(base);
}}
{_indicators(":checked")} {{
    background: palette(highlight); border-color: palette(highlight); image: url({_check_image(name)});
}}
QCheckBox::indicator:disabled {{ border-color: palette(mid); }}
"""


# Only the item views that have check boxes: a rule that matches a view sends every one of its
# cells through Qt's slower style-sheet painter (the case library must stay fast).
_CHECKABLE_VIEWS = ("QCheckBox", *(f"QTreeView#itemTree_{p}" for p in "ABCD"))


def _indicators(state: str) -> str:
    suffix = "" if state == ":" else state
    return ", ".join(f"{view}::indicator{suffix}" for view in _CHECKABLE_VIEWS)


def _check_image(name: str) -> str:
    from idc_desktop.paths import resources_dir

    shade = "dark" if TOKENS[name].check_mark == "#000000" else "light"
    return (resources_dir() / "icons" / f"check-{shade}.svg").as_posix()
