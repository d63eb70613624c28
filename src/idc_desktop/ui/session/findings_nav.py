"""The session's possible identifiers: counted in the editor's header, and F7 (Shift+F7 back)
to go to the next one in any phase, as a spell-checker goes to the next misspelling.

The count is taken from the session as saved in the document (every field, every phase,
the private reflection too: all of it is in the log), through the guard's per-text cache, so
a keystroke re-scans only the field it changed. Going to a finding opens its phase and puts
the keyboard on the field holding it, with the finding selected (a card or an action row is
made current), where Ctrl+Shift+R or the context menu deals with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QWidget

from idc_desktop.domain import wording
from idc_desktop.domain.phases import phase_holding
from idc_desktop.privacy import Finding
from idc_desktop.services.findings import session_texts
from idc_desktop.ui.privacy.guard import utf16_index
from idc_desktop.ui.theme_tokens import set_tone

_ROW = re.compile(r"(?:contribution|action) (\d+)")  # session_texts names rows "contribution 3", "action 2"
_REFRESH_MS = 250  # after typing pauses: the header need not change on every key


@dataclass(frozen=True)
class Stop:
    """One finding and where it lives: the phase, the field (`where`, as the audit names it)."""

    phase: int
    seq: int  # the field's place in the session's order of fields
    where: str
    part: str
    text: str
    finding: Finding

    @property
    def key(self) -> tuple[int, int, int]:
        return self.phase, self.seq, self.finding.start

    @property
    def row(self) -> int | None:
        m = _ROW.search(self.where)
        return int(m.group(1)) - 1 if m else None


class FindingsNavigator(QObject):
    """Owns the header's count (`label`) and moves the editor to findings."""

    def __init__(self, editor: QWidget) -> None:  # a SessionEditor
        super().__init__(editor)
        self.editor = editor
        self.label = QLabel(objectName="sessionFindings")
        self.label.setAccessibleName("Possible identifiers in this session")
        set_tone(self.label, "error")
        self.label.hide()
        self._last: tuple[int, int, int] | None = None
        self._timer = QTimer(self, singleShot=True, interval=_REFRESH_MS, timeout=self.refresh)
        editor.doc.changed.connect(lambda _part: self._timer.start())
        editor.context.guard.changed.connect(self._timer.start)
        self.refresh()

    def stops(self) -> list[Stop]:
        guard = self.editor.context.guard
        found: list[Stop] = []
        for seq, (where, part, text) in enumerate(session_texts(self.editor.doc.session, include_private=True)):
            if not text:
                continue
            phase = phase_holding(self.editor.phases, part)
            if phase is None:
                continue
            found += [Stop(phase, seq, where, part, text, f) for f in guard.findings(text)]
        found.sort(key=lambda s: s.key)
        return found

    def refresh(self) -> None:
        count = len(self.stops())
        self.label.setVisible(count > 0)
        self.label.setText(f"{wording.count(count, 'possible identifier')} \u00b7 F7 goes to the next")
        self.label.setToolTip("Possible names, numbers, places or dates in this session: F7 goes to the next, "
                              "Shift+F7 to the one before; there, Ctrl+Shift+R replaces it.")

    def go_next(self, backwards: bool = False) -> Stop | None:
        stops = self.stops()
        if not stops:
            self.label.setText("No possible identifiers in this session")
            self.label.show()
            return None
        if backwards:
            before = [s for s in stops if self._last is None or s.key < self._last]
            stop = before[-1] if before else stops[-1]
        else:
            after = [s for s in stops if self._last is None or s.key > self._last]
            stop = after[0] if after else stops[0]
        self._last = stop.key
        self._show(stop)
        number = stops.index(stop) + 1
        self.label.setText(f"{number} of {len(stops)}: {stop.finding.label} \u201c{stop.finding.text}\u201d "
                           f"in {stop.where}")
        self.label.show()
        return stop

    def _show(self, stop: Stop) -> None:
        self.editor.go_to(stop.phase)
        page = self.editor.current_page()
        if stop.row is not None:
            view = self._row_view(page, stop)
            if view is not None and stop.row < view.model().rowCount():
                view.setCurrentIndex(view.model().index(stop.row, 0))
                view.setFocus()
                return
        fields = [*page.findChildren(QPlainTextEdit), *page.findChildren(QLineEdit)]
        for field in fields:
            guard = getattr(field, "guard", None)
            if guard is not None and guard.text() == stop.text:
                self._select(field, stop)
                return

    @staticmethod
    def _row_view(page: QWidget, stop: Stop) -> QAbstractItemView | None:
        if stop.part.endswith(".contributions"):
            name = f"contributions_{stop.part.split('.')[1]}"
        elif stop.part == "plan.actions":
            name = "planActions"
        else:
            return None
        return page.findChild(QAbstractItemView, name)

    @staticmethod
    def _select(field: QPlainTextEdit | QLineEdit, stop: Stop) -> None:
        start = utf16_index(stop.text, stop.finding.start)
        end = utf16_index(stop.text, stop.finding.end)
        field.setFocus()
        if isinstance(field, QPlainTextEdit):
            cursor = field.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            field.setTextCursor(cursor)
            field.ensureCursorVisible()
        else:
            field.setSelection(start, end - start)
