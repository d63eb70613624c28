"""The anonymisation guard as text fields see it: underline findings as the user types,
explain them on hover, replace one with its placeholder, mark it "not an identifier", or
teach the guard to always flag a word it missed (the log's watch list).

The main window owns one guard, configured from the open log (watch list, dismissed texts),
and passes it to whatever shows text: fields ask it, so a change (a new dismissal, a new
watch-list name) re-underlines every open field.
Scanning 100 KB takes a few milliseconds and results are cached per text, so typing is
never held up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QInputMethodEvent,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QToolTip

from idc_desktop.domain.errors import IdcError
from idc_desktop.privacy import Finding, ScanConfig, kind_info, scan
from idc_desktop.ui import theme_tokens

REPLACE_KEY = QKeySequence("Ctrl+Shift+R")
LONGEST_WATCHED = 80  # an "always flag" longer than this is a sentence, not a name


class GuardLists(Protocol):
    """Where the open log keeps what the guard is taught (the privacy service)."""

    def config(self) -> ScanConfig: ...
    def dismiss(self, kind: str, text: str) -> None: ...
    def watch(self, term: str) -> str: ...


def utf16_index(text: str, index: int) -> int:
    """Qt counts UTF-16 units; Python counts code points (they differ after an emoji)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def python_index(text: str, utf16: int) -> int:
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def explain(finding: Finding) -> str:
    info = kind_info(finding.kind)
    return (f"Looks like: {info.label} \u201c{finding.text}\u201d\n{info.why}\n"
            f"Right-click (or Ctrl+Shift+R) to replace it with {info.placeholder}.")


class PrivacyGuard(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = ScanConfig()
        self._dismiss: Callable[[str, str], None] | None = None
        self._log: GuardLists | None = None
        self._scan = lru_cache(maxsize=512)(self._scan_uncached)

    def configure(self, config: ScanConfig, dismiss: Callable[[str, str], None] | None,
                  log: GuardLists | None = None) -> None:
        """Use these settings; `dismiss(kind, text)` remembers a "not an identifier"."""
        self.config, self._dismiss, self._log = config, dismiss, log
        self._scan.cache_clear()
        self.changed.emit()

    def use_log(self, log: GuardLists) -> None:
        """Take the open log's watch list and dismissals, and remember in it what the user teaches."""
        self.configure(log.config(), log.dismiss, log)

    def _scan_uncached(self, text: str) -> tuple[Finding, ...]:
        return tuple(scan(text, self.config))

    def findings(self, text: str) -> tuple[Finding, ...]:
        return self._scan(text) if text.strip() else ()

    def dismiss(self, finding: Finding) -> None:
        """Never flag this text again (remembered in the log when one is open)."""
        if self._log is not None:
            self._log.dismiss(finding.kind, finding.text)
            self.use_log(self._log)  # it may have left the watch list too
            return
        if self._dismiss is not None:
            self._dismiss(finding.kind, finding.text)
        self.configure(
            ScanConfig(watch_list=self.config.watch_list, record_patterns=self.config.record_patterns,
                       ignored=self.config.ignored | {finding.text}),
            self._dismiss,
        )

    def always_flag(self, text: str) -> str:
        """Put `text` on the open log's watch list; raises IdcError saying why it cannot."""
        if self._log is None:
            raise IdcError("No log is open, so there is no watch list to add to.")
        term = self._log.watch(text)
        self.use_log(self._log)
        return term


def finding_at(findings: tuple[Finding, ...], index: int) -> Finding | None:
    return next((f for f in findings if f.start <= index <= f.end), None)


class FindingsHighlighter(QSyntaxHighlighter):
    """A wavy red underline under every finding; rehighlights when the guard changes."""

    def __init__(self, document: QTextDocument, guard: PrivacyGuard) -> None:
        super().__init__(document)
        self.guard = guard
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.format.setUnderlineColor(QColor(theme_tokens.current().underline))
        guard.changed.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        for finding in self.guard.findings(text):
            start = utf16_index(text, finding.start)
            self.setFormat(start, utf16_index(text, finding.end) - start, self.format)


class FieldGuard(QObject):
    """Puts the guard on one text field: underline, tooltip, context-menu actions."""

    about_to_replace = Signal()  # a replacement is an edit of its own, not part of the typing

    def __init__(self, field: QPlainTextEdit | QLineEdit, guard: PrivacyGuard) -> None:
        super().__init__(field)
        self.field = field
        self.guard = guard
        if isinstance(field, QPlainTextEdit):
            self.highlighter = FindingsHighlighter(field.document(), guard)
            field.viewport().installEventFilter(self)
        else:
            self.highlighter = None
            field.textChanged.connect(self._underline_line)
            guard.changed.connect(self._underline_line)
            field.installEventFilter(self)

    # --- reading ---------------------------------------------------------------
    def text(self) -> str:
        f = self.field
        return f.toPlainText() if isinstance(f, QPlainTextEdit) else f.text()

    def findings(self) -> tuple[Finding, ...]:
        return self.guard.findings(self.text())

    def index_at(self, pos: QPoint) -> int:
        f = self.field
        if isinstance(f, QPlainTextEdit):
            return python_index(self.text(), f.cursorForPosition(pos).position())
        return python_index(self.text(), f.cursorPositionAt(pos))

    def cursor_index(self) -> int:
        f = self.field
        qt_index = f.textCursor().position() if isinstance(f, QPlainTextEdit) else f.cursorPosition()
        return python_index(self.text(), qt_index)

    def finding_near(self, index: int | None = None) -> Finding | None:
        """The finding under `index` (default: the cursor), else the first one in the field."""
        findings = self.findings()
        here = finding_at(findings, self.cursor_index() if index is None else index)
        return here or (findings[0] if findings else None)

    # --- acting ------------------------------------------------------------------
    def replace(self, finding: Finding) -> None:
        """Swap the finding for its placeholder as an ordinary edit (so Ctrl+Z brings it back)."""
        placeholder = kind_info(finding.kind).placeholder
        self.about_to_replace.emit()
        text = self.text()
        start, end = utf16_index(text, finding.start), utf16_index(text, finding.end)
        f = self.field
        if isinstance(f, QPlainTextEdit):
            cursor = f.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(placeholder)
        else:
            f.setSelection(start, end - start)
            f.insert(placeholder)

    def replace_near_cursor(self) -> bool:
        finding = self.finding_near()
        if finding is not None:
            self.replace(finding)
        return finding is not None

    def selected_text(self) -> str:
        f = self.field
        text = f.textCursor().selectedText() if isinstance(f, QPlainTextEdit) else f.selectedText()
        return text.strip()

    def add_actions(self, menu: QMenu, index: int | None) -> None:
        """Put the guard's actions at the top of a context menu: for a finding, "Replace with …",
        "not an identifier" and "always flag"; for selected words it did not flag, "always flag"."""
        finding = self.finding_near(index)
        selected = self.selected_text()
        actions: list = []
        if finding is not None:
            replace = menu.addAction(f"Replace \u201c{finding.text}\u201d with {kind_info(finding.kind).placeholder}")
            replace.setObjectName("replaceFinding")
            replace.triggered.connect(lambda: self.replace(finding))
            dismiss = menu.addAction(f"\u201c{finding.text}\u201d is not an identifier")
            dismiss.setObjectName("dismissFinding")
            dismiss.triggered.connect(lambda: self.guard.dismiss(finding))
            actions += [replace, dismiss]
        # Selected words (one line, name-sized) are what the user means; else the finding, unless
        # it is on the watch list already.
        if selected and "\u2029" not in selected and len(selected) <= LONGEST_WATCHED:
            to_watch = selected
        elif finding is not None and finding.kind != "watch_list":
            to_watch = finding.text
        else:
            to_watch = ""
        if to_watch:
            watch = menu.addAction(f"Always flag \u201c{to_watch}\u201d (add to the watch list)")
            watch.setObjectName("watchFinding")
            watch.triggered.connect(lambda: self.always_flag(to_watch))
            actions.append(watch)
        if not actions:
            return
        first = next((a for a in menu.actions() if a not in actions), None)
        if first is not None:
            for action in actions:
                menu.removeAction(action)
            menu.insertActions(first, actions)
            menu.insertSeparator(first)

    def always_flag(self, text: str) -> None:
        """Add to the log's watch list; a refusal is said where the user is looking."""
        try:
            term = self.guard.always_flag(text)
        except IdcError as exc:
            QToolTip.showText(self.field.mapToGlobal(self.field.rect().center()), str(exc), self.field)
            return
        QToolTip.showText(self.field.mapToGlobal(self.field.rect().center()),
                          f"\u201c{term}\u201d will always be flagged in this log (Tools \u203a Watch list).",
                          self.field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ToolTip:
            finding = finding_at(self.findings(), self.index_at(event.pos()))
            if finding is not None:
                QToolTip.showText(event.globalPos(), explain(finding), self.field)
                return True
        elif event.type() == QEvent.Type.ContextMenu:
            self.context_menu(event).popup(event.globalPos())
            return True
        return False

    def context_menu(self, event: QContextMenuEvent) -> QMenu:
        """The field's own menu, with the guard's actions on top when there is a finding."""
        menu = self.field.createStandardContextMenu()
        by_mouse = event.reason() == QContextMenuEvent.Reason.Mouse
        self.add_actions(menu, self.index_at(event.pos()) if by_mouse else None)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    # --- one-line fields: no highlighter, so formats go in as input-method attributes ---
    def _underline_line(self, *_: object) -> None:
        f = self.field
        text = f.text()
        cursor = f.cursorPosition()
        attributes = []
        for finding in self.findings():
            start = utf16_index(text, finding.start)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(theme_tokens.current().underline))
            attributes.append(QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, start - cursor,
                utf16_index(text, finding.end) - start, fmt,
            ))
        f.setToolTip("\n\n".join(explain(x) for x in self.findings()))
        QCoreApplication.sendEvent(f, QInputMethodEvent("", attributes))


def add_guard(field: QPlainTextEdit | QLineEdit, guard: PrivacyGuard) -> FieldGuard:
    """Guard a field with `guard`: underlines, explanations, a context menu; Ctrl+Shift+R
    replaces the finding at the cursor (or the first in the field)."""
    field_guard = FieldGuard(field, guard)
    shortcut = QShortcut(REPLACE_KEY, field, field_guard.replace_near_cursor)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    return field_guard
