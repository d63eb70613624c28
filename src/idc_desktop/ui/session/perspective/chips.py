"""The chosen items as removable chips, in the order they were chosen, wrapping like words.

A chip takes keyboard focus: Delete or Backspace removes it, Left/Right move between chips;
its × button removes it with the mouse. Removal is only asked for (`remove_requested`);
the page edits the session, and `set_items` then shows what the session holds.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget
from idc_desktop.ui.theme_tokens import set_tone


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to a new line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


class Chip(QFrame):
    remove_requested = Signal(str)
    step_requested = Signal(object, int)  # this chip, -1 left / +1 right

    def __init__(self, key: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key, self.label = key, label
        self.setObjectName("chip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"Chosen item: {label}")
        self.setAccessibleDescription("Press Delete to remove it")
        self.setToolTip(f"{label} (Delete removes it)")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "QFrame#chip { border: 1px solid palette(mid); border-radius: 11px; background: palette(base); }"
            "QFrame#chip:focus { border: 2px solid palette(highlight); }"
        )
        text = QLabel(label)
        text.setObjectName("chipLabel")
        remove = QToolButton(text="✕")
        remove.setObjectName("chipRemove")
        remove.setAutoRaise(True)
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chip itself takes Delete
        remove.setToolTip(f"Remove {label}")
        remove.setAccessibleName(f"Remove {label}")
        remove.clicked.connect(lambda: self.remove_requested.emit(self.key))
        self.remove_button = remove
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 1, 2, 1)
        layout.setSpacing(2)
        layout.addWidget(text)
        layout.addWidget(remove)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit(self.key)
        elif key == Qt.Key.Key_Left:
            self.step_requested.emit(self, -1)
        elif key == Qt.Key.Key_Right:
            self.step_requested.emit(self, 1)
        else:
            super().keyPressEvent(event)


class ChipBar(QWidget):
    remove_requested = Signal(str)
    emptied_focus = Signal()  # the last focused chip went: the page puts the cursor elsewhere

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flow = FlowLayout(self)
        self._chips: list[Chip] = []
        self._shown: list[tuple[str, str]] = []
        self._empty = QLabel("No items chosen yet")
        self._empty.setObjectName("chipsEmpty")
        set_tone(self._empty, "hint")
        self._flow.addWidget(self._empty)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def chips(self) -> list[Chip]:
        return list(self._chips)

    def labels(self) -> list[str]:
        return [c.label for c in self._chips]

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Show (key, label) pairs; a chip that had focus hands it to its neighbour."""
        if items == self._shown:
            return
        focused = next((i for i, c in enumerate(self._chips) if c.hasFocus()), None)
        old = self._chips
        self._shown = list(items)
        self._chips = []
        for key, label in items:
            chip = Chip(key, label, self)
            chip.remove_requested.connect(self.remove_requested)
            chip.step_requested.connect(self._step)
            self._flow.addWidget(chip)
            chip.show()
            self._chips.append(chip)
        self._empty.setVisible(not items)
        if focused is not None:
            if self._chips:
                self._chips[min(focused, len(self._chips) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.emptied_focus.emit()
        for chip in old:
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.updateGeometry()

    def _step(self, chip: Chip, delta: int) -> None:
        if chip in self._chips:
            target = self._chips.index(chip) + delta
            if 0 <= target < len(self._chips):
                self._chips[target].setFocus(Qt.FocusReason.TabFocusReason)
