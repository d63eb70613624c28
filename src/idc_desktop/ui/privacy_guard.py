"""The anonymisation guard as the editor's text fields see it: underline findings as the
user types, explain them, replace them with a placeholder, or mark them "not an identifier".

One guard per application holds the current scan settings (watch list, dismissed texts);
fields ask it, so a change (a new dismissal) re-underlines every open field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from idc_desktop.privacy import Finding, ScanConfig, scan


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


class PrivacyGuard(QObject):
    changed = Signal()
    _instance: PrivacyGuard | None = None

    def __init__(self) -> None:
        super().__init__()
        self.config = ScanConfig()
        self._dismiss: Callable[[str, str], None] | None = None

    @classmethod
    def instance(cls) -> PrivacyGuard:
        if cls._instance is None:
            cls._instance = PrivacyGuard()
        return cls._instance

    def configure(self, config: ScanConfig, dismiss: Callable[[str, str], None] | None) -> None:
        self.config, self._dismiss = config, dismiss
        self.changed.emit()

    def findings(self, text: str) -> list[Finding]:
        return scan(text, self.config) if text else []

    def dismiss(self, finding: Finding) -> None:
        """Never flag this text again (remembered in the log)."""
        if self._dismiss is not None:
            self._dismiss(finding.kind, finding.text)
        self.config = ScanConfig(
            watch_list=self.config.watch_list,
            record_patterns=self.config.record_patterns,
            ignored=self.config.ignored | {finding.text},
        )
        self.changed.emit()


def finding_at(findings: list[Finding], index: int) -> Finding | None:
    return next((f for f in findings if f.start <= index <= f.end), None)


class FindingsHighlighter(QSyntaxHighlighter):
    """A wavy red underline under every finding; rehighlights when the guard changes."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.format.setUnderlineColor(QColor("#d32f2f"))
        PrivacyGuard.instance().changed.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        for finding in PrivacyGuard.instance().findings(text):
            start = utf16_index(text, finding.start)
            self.setFormat(start, utf16_index(text, finding.end) - start, self.format)
