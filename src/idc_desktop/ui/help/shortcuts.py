"""Help › Keyboard shortcuts, generated from the actions themselves, never a hand-kept copy.

The window's menus give their actions' keys; the areas whose actions exist only while they
are open (the case view, the session editor, the room's view) declare their keys in one
table each, which builds their actions too, so the list and the keys cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from idc_desktop.ui.case.case_view import CASE_VIEW_KEYS
from idc_desktop.ui.presentation.audience_view import ROOM_KEYS
from idc_desktop.ui.privacy.guard import REPLACE_KEY
from idc_desktop.ui.session.editor import EDITOR_KEYS
from idc_desktop.ui.session.pages.perspective_page import KEYS_HINT


@dataclass(frozen=True)
class KeyRow:
    area: str
    what: str
    keys: str


def _native(keys: Iterable[QKeySequence]) -> str:
    # dict: each key once, in order (Redo is Ctrl+Shift+Z twice over, by name and by standard key).
    texts = dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys if not k.isEmpty())
    return " or ".join(texts)


def _label(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_rows(menu: QMenu, area: str) -> Iterable[KeyRow]:
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_rows(action.menu(), area)
        elif action.shortcuts():
            yield KeyRow(area, _label(action), _native(action.shortcuts()))


def shortcut_rows(window: QMainWindow) -> list[KeyRow]:
    rows: list[KeyRow] = []
    for top in window.menuBar().actions():
        if top.menu() is not None:
            rows += _menu_rows(top.menu(), _label(top))
    rows += [KeyRow("Case view", what, _native(QKeySequence(k) for k in keys)) for what, keys, _ in CASE_VIEW_KEYS]
    rows += [KeyRow("Session editor", what, _native(QKeySequence(k) for k in keys)) for what, keys, _ in EDITOR_KEYS]
    rows.append(KeyRow("Any text field", "Replace a possible identifier with a placeholder", _native([REPLACE_KEY])))
    # The perspective page's hint, as the page shows it under the input ("Enter adds", "F2 edit").
    rows += [KeyRow("Contributions (A-D)", "", part.strip()) for part in KEYS_HINT.split("\u00b7") if part.strip()]
    rows += [KeyRow("The room's view", what, _native([QKeySequence(key)])) for key, (what, _) in ROOM_KEYS.items()]
    return rows


def shortcuts_html(rows: list[KeyRow]) -> str:
    """One table, so the keys line up down the page; each area starts with its heading."""
    parts = ["<h1>Keyboard shortcuts</h1><table cellpadding='4'>"]
    area = None
    for row in rows:
        if row.area != area:
            area = row.area
            parts.append(f"<tr><td colspan='2'><h3>{escape(area)}</h3></td></tr>")
        parts.append(f"<tr><td><b>{escape(row.keys)}</b></td><td>{escape(row.what)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)
