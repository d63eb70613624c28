"""The guide (F1): its pages on the left, the page on the right. It lays out and shows; the
help controller decides which page to open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QTextBrowser, QVBoxLayout, QWidget

from idc_desktop.ui.help.topics import Topic, markdown


class HelpDialog(QDialog):
    """Non-modal: the guide can stay open beside the session while the facilitator types."""

    def __init__(self, topics: list[Topic], generated: dict[str, Callable[[], str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpGuide")
        self.setWindowTitle("IDC Desktop guide")
        self.setModal(False)
        self._topics = topics
        self._generated = generated  # topic key -> HTML built when the page is shown

        self.contents = QListWidget(objectName="helpContents")
        self.contents.setAccessibleName("Pages of the guide")
        self.contents.addItems([t.title for t in topics])
        self.contents.setFixedWidth(320)
        self.contents.setWordWrap(True)  # "B: How the patient experiences themselves" in full
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page = QTextBrowser(objectName="helpPage")
        self.page.setAccessibleName("Guide page")
        self.page.setOpenLinks(False)  # nothing here links outside the app
        font = self.page.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # a page to read, not a form
        self.page.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.page, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, stretch=1)
        layout.addWidget(buttons)
        self.resize(980, 700)
        self.contents.currentRowChanged.connect(self._show)

    def keys(self) -> list[str]:
        return [t.key for t in self._topics]

    def open_at(self, key: str) -> None:
        keys = self.keys()
        row = keys.index(key) if key in keys else 0
        if self.contents.currentRow() == row:
            self._show(row)
        self.contents.setCurrentRow(row)
        self.show()
        self.raise_()
        self.activateWindow()
        self.contents.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_key(self) -> str:
        return self._topics[self.contents.currentRow()].key

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._topics):
            return
        key = self._topics[row].key
        if key in self._generated:
            self.page.setHtml(self._generated[key]())
        else:
            self.page.setMarkdown(markdown(key))
