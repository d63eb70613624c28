"""The phase navigator (`phaseNavigator`): where the group is, and which phases hold something."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from idc_desktop.domain import Consultation
from idc_desktop.domain.phases import PhaseDefinition, phase_is_filled

FILLED_MARK = "✓"


class PhaseNavigator(QListWidget):
    def __init__(self, phases: tuple[PhaseDefinition, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseNavigator")
        self.setAccessibleName("Phases")
        self.phases = phases
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for phase in phases:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, phase.key)
            item.setToolTip(phase.prompt)
            self.addItem(item)
        self._filled = [False] * len(phases)
        self._render()

    def needed_width(self) -> int:
        """Wide enough for the longest phase ("Cycle and formulation   10 min") never to be cut."""
        metrics = self.fontMetrics()
        text = max((self.item(i).text() for i in range(self.count())), key=metrics.horizontalAdvance, default="")
        scrollbar = self.verticalScrollBar().sizeHint().width()
        return metrics.horizontalAdvance(text) + scrollbar + 2 * self.frameWidth() + 28

    def update_filled(self, session: Consultation) -> None:
        filled = [phase_is_filled(p, session) for p in self.phases]
        if filled != self._filled:
            self._filled = filled
            self._render()

    def is_filled(self, index: int) -> bool:
        return self._filled[index]

    def _render(self) -> None:
        for index, phase in enumerate(self.phases):
            mark = FILLED_MARK if self._filled[index] else " "
            item = self.item(index)
            item.setText(f"{mark}  {phase.short_title}   {phase.minutes} min")
            state = "filled" if self._filled[index] else "empty"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{phase.title}, {phase.minutes} minutes, {state}")
