"""The case library's table model: one row per case summary, read-only, sortable by type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from idc_desktop.domain import CaseStatus, CaseSummary

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _date_text(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else ""


# (header, display text, sort key): dates sort as ISO strings, counts as numbers.
COLUMNS = (
    ("Code", lambda s: s.code, lambda s: s.code),
    ("Specialty", lambda s: s.specialty, lambda s: s.specialty.casefold()),
    ("Setting", lambda s: s.setting.value.capitalize(), lambda s: s.setting.value),
    ("Life stage", lambda s: s.life_stage.value.capitalize(), lambda s: s.life_stage.value),
    ("Status", lambda s: s.status.value.capitalize(), lambda s: s.status.value),
    ("Sessions", lambda s: str(s.sessions), lambda s: s.sessions),
    ("Last session", lambda s: _date_text(s.last_session), lambda s: s.last_session.isoformat() if s.last_session else ""),
    ("Next review", lambda s: _date_text(s.next_review), lambda s: s.next_review.isoformat() if s.next_review else "9999"),
)
SESSIONS_COLUMN = 5
NEXT_REVIEW_COLUMN = 7


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self.today = date.today()

    def set_rows(self, rows: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.today = date.today()
        self.endResetModel()

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        return next((i for i, s in enumerate(self._rows) if s.id == case_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column][1](summary)
        if role == SORT_ROLE:
            return COLUMNS[column][2](summary)
        if role == ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole and column == NEXT_REVIEW_COLUMN and self._review_due(summary):
            return "Review due: the review date has come."
        if role == Qt.ItemDataRole.FontRole and column == NEXT_REVIEW_COLUMN and self._review_due(summary):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SESSIONS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _review_due(self, summary: CaseSummary) -> bool:
        return (
            summary.status is CaseStatus.OPEN
            and summary.next_review is not None
            and summary.next_review <= self.today
        )
