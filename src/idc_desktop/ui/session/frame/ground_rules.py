"""The ground rules as a checklist the facilitator ticks as the group agrees each one aloud.

The session keeps the keys of the rules acknowledged ("ground_rules"); keys of rules no
longer shipped are kept as they were, so an old session never loses what it recorded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.tables.keys import chain_tab_order

PART = "ground_rules"


class _RuleText(QLabel):
    """The rule's words, wrapped; clicking them ticks the box like a checkbox label would."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        super().mouseReleaseEvent(event)


class GroundRulesChecklist(QWidget):
    def __init__(self, doc: SessionDocument, rules: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.rules = doc, rules
        self.boxes: dict[str, QCheckBox] = {}
        self._loading = False

        heading = QLabel("Ground rules, agreed aloud")
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (key, text) in enumerate(rules):
            box = QCheckBox(objectName=f"groundRule_{key}")
            box.setAccessibleName(text)
            box.toggled.connect(self._ticked)
            self.boxes[key] = box
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_RuleText(text, box), row, 1)
        self.all_button = QPushButton("All ac&knowledged", objectName="allAcknowledged")
        self.all_button.setAccessibleName("All ground rules acknowledged")
        self.all_button.setToolTip("Tick every ground rule at once")
        self.all_button.clicked.connect(self.acknowledge_all)
        self.status = QLabel(objectName="groundRulesStatus")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(grid)
        buttons = QGridLayout()
        buttons.addWidget(self.all_button, 0, 0)
        buttons.addWidget(self.status, 0, 1)
        buttons.setColumnStretch(1, 1)
        layout.addLayout(buttons)

        chain_tab_order(self.tab_widgets())
        doc.changed.connect(self._changed)
        self.load()

    def tab_widgets(self) -> list[QWidget]:
        return [*self.boxes.values(), self.all_button]

    def _changed(self, part: str) -> None:
        if part in (PART, "*"):
            self.load()

    def load(self) -> None:
        acknowledged = set(self.doc.get(PART))
        self._loading = True
        try:
            for key, box in self.boxes.items():
                box.setChecked(key in acknowledged)
        finally:
            self._loading = False
        done = sum(key in acknowledged for key in self.boxes)
        self.status.setText(f"{done} of {len(self.boxes)} acknowledged")
        self.all_button.setEnabled(done < len(self.boxes))

    def _keys(self, ticked: set[str]) -> list[str]:
        known = set(self.boxes)
        kept = [k for k in self.doc.get(PART) if k not in known]
        return kept + [key for key, _ in self.rules if key in ticked]

    def _ticked(self, _checked: bool) -> None:
        if self._loading:
            return
        box = self.sender()
        ticked = {key for key, b in self.boxes.items() if b.isChecked()}
        rule = next((text for key, text in self.rules if self.boxes[key] is box), "")
        verb = "Acknowledge" if isinstance(box, QCheckBox) and box.isChecked() else "Un-tick"
        self.doc.edit(PART, self._keys(ticked), f"{verb} ground rule: {rule[:40]}")

    def acknowledge_all(self) -> None:
        self.doc.edit(PART, self._keys(set(self.boxes)), "Acknowledge all ground rules")
        # The button disables itself once all are ticked: keep the cursor in the checklist.
        if not self.all_button.isEnabled() and self.boxes:
            list(self.boxes.values())[-1].setFocus()
