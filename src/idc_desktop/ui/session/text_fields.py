"""Text widgets for the editor: plain text only, Ctrl+Z/Ctrl+Shift+Z left to the editor's
undo stack (so one undo history covers typing and every other edit), and the anonymisation
guard (passed in: the window's) on every field that holds the team's words (underlines,
explanations, replacement)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from idc_desktop.domain.validation import MAX_LONG_TEXT, MAX_SHORT_TEXT
from idc_desktop.ui.privacy.guard import PrivacyGuard, add_guard
from idc_desktop.ui.session.document import SessionDocument

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _is_undo_key(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and any(event.matches(k) for k in _UNDO_KEYS)


class PlainTextEdit(QPlainTextEdit):
    """Pasted rich text arrives as plain text; Tab moves on rather than typing a tab."""

    def __init__(self, parent: QWidget | None = None, *, guard: PrivacyGuard | None = None, **kwargs: object) -> None:
        super().__init__(parent, **kwargs)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.guard = add_guard(self, guard) if guard is not None else None

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        self.insertPlainText(source.text())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()  # let the editor's Undo/Redo actions have it
            return False
        return super().event(event)


class LineEdit(QLineEdit):
    def __init__(self, *args: object, guard: PrivacyGuard | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.guard = add_guard(self, guard) if guard is not None else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            event.ignore()
            return False
        return super().event(event)


class TextBinding(QObject):
    """Keeps a text widget and one part of the session in step, both ways."""

    too_long = Signal(str)

    def __init__(
        self,
        widget: PlainTextEdit | LineEdit,
        doc: SessionDocument,
        part: str,
        label: str,
        problem: QLabel | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget, self.doc, self.part, self.label = widget, doc, part, label
        self.problem = problem
        self.limit = MAX_SHORT_TEXT if isinstance(widget, QLineEdit) else MAX_LONG_TEXT
        self._updating = False
        self._separate_next = False
        if getattr(widget, "guard", None) is not None:
            widget.guard.about_to_replace.connect(self._separate)
        widget.textChanged.connect(self._typed)
        doc.changed.connect(self._changed)
        self.load()

    def _text(self) -> str:
        w = self.widget
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def _typed(self, *_: object) -> None:
        if self._updating:
            return
        text = self._text()
        if len(text) > self.limit:
            # Keep what was typed on screen; store nothing past the limit, and say so.
            self._show_problem(
                f"{self.label} is too long: {len(text):,} characters, the limit is {self.limit:,}. "
                "Shorten it to save the change."
            )
            return
        self._show_problem("")
        merge, self._separate_next = not self._separate_next, False
        self.doc.edit(self.part, text, f"Edit {self.label.lower()}", merge=merge)

    def _separate(self) -> None:
        """The next change (a placeholder replacing an identifier) gets its own undo step."""
        self._separate_next = True

    def _show_problem(self, message: str) -> None:
        if self.problem is not None:
            self.problem.setText(message)
            self.problem.setVisible(bool(message))
        if message:
            self.too_long.emit(message)

    def _changed(self, part: str) -> None:
        if part in (self.part, "*"):
            self.load()

    def load(self) -> None:
        value = self.doc.get(self.part) or ""
        if value == self._text():
            return
        self._updating = True
        try:
            w = self.widget
            if isinstance(w, QPlainTextEdit):
                cursor = w.textCursor()
                position = cursor.position()
                w.setPlainText(value)
                cursor.setPosition(min(position, len(value)))
                w.setTextCursor(cursor)
            else:
                position = w.cursorPosition()
                w.setText(value)
                w.setCursorPosition(min(position, len(value)))
        finally:
            self._updating = False
