"""The desk theme: calm, readable, and the system's own style underneath."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

_STYLE = """
QLineEdit#caseSearch { padding: 6px 8px; font-size: 11pt; }
QLabel#emptyHint { font-size: 14pt; color: palette(mid); padding: 40px; }
QLabel#privacyReminder { color: palette(dark); font-style: italic; }
QTableView#caseTable { font-size: 10.5pt; }
QTableView#caseTable::item { padding: 4px 6px; }
"""


def apply_theme(app: QApplication) -> None:
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setStyleSheet(_STYLE)
