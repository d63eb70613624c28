"""A case's sessions as a table: number, date, status (where it was left, or finished once it
reached the last phase), open actions, review date."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from idc_desktop.ui.table_model import HeadedTableModel
from idc_desktop.domain import ConsultationSummary, wording

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("#", "Date", "Status", "Open actions", "Review")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER, DATE, STATUS, OPEN_ACTIONS, REVIEW = range(len(HEADERS))
NUMERIC = (NUMBER, OPEN_ACTIONS)


class SessionListModel(HeadedTableModel):
    headers = HEADERS

    def __init__(self, phase_titles: dict[str, str], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[ConsultationSummary] = []
        self._phase_titles = phase_titles
        self._last_phase = list(phase_titles)[-1] if phase_titles else None

    def set_rows(self, rows: list[ConsultationSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def summary(self, row: int) -> ConsultationSummary:
        return self._rows[row]

    def status(self, s: ConsultationSummary) -> str:
        if s.current_phase == self._last_phase:
            return "Finished"
        title = self._phase_titles.get(s.current_phase)
        if title:
            return f"In progress: {title}"
        # No phase recorded: the editor never had it open. A session that came whole from a
        # file (an import, the demo) holds its plan already: it is a record, not a blank.
        return "Finished" if s.open_actions or s.review_on else "Not started"




    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # figures line up
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            str(s.number),
            wording.day(s.held_on),
            self.status(s),
            str(s.open_actions),
            wording.day(s.review_on, ""),
        )[index.column()]
