"""The case library's table model: one row per case, read-only, fetched a page at a time.

A search over 100,000 cases may match tens of thousands; building a Python object for each
would cost far more than the search. So the model is told only how many rows there are and
how to fetch a slice (`set_source`), and asks for a page of rows when the view first shows
one. Sorting is done by the store: clicking a heading asks the controller (`sort_requested`)
to query again in the new order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from idc_desktop.ui.table_model import HeadedTableModel
from idc_desktop.domain import CaseSort, CaseStatus, CaseSummary
from idc_desktop.domain import wording

ID_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 100

_Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], list[CaseSummary]]  # (offset, limit) -> rows in order


def _date_text(value: date | None) -> str:
    return wording.day(value, "") if value else ""


# (header, display text, the store's sort key)
COLUMNS = (
    ("Code", lambda s: s.code, CaseSort.CODE),
    ("Specialty", lambda s: s.specialty, CaseSort.SPECIALTY),
    ("Setting", lambda s: wording.term(s.setting), CaseSort.SETTING),
    ("Life stage", lambda s: wording.term(s.life_stage), CaseSort.LIFE_STAGE),
    ("Status", lambda s: wording.term(s.status), CaseSort.STATUS),
    ("Sessions", lambda s: str(s.sessions), CaseSort.SESSIONS),
    ("Last session", lambda s: _date_text(s.last_session), CaseSort.LAST_SESSION),
    ("Next review", lambda s: _date_text(s.next_review), CaseSort.NEXT_REVIEW),
)
SESSIONS_COLUMN = 5
NEXT_REVIEW_COLUMN = 7
OVERDUE, DUE_TODAY = "overdue", "due today"
REVIEW_TIPS = {OVERDUE: "Review overdue: the review date has passed with no follow-up session (Ctrl+D: Due now).",
               DUE_TODAY: "Review due today (Ctrl+D: Due now)."}


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, ID_ROLE,
})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _no_rows(offset: int, limit: int) -> list[CaseSummary]:
    return []


class CaseTableModel(HeadedTableModel):
    headers = tuple(c[0] for c in COLUMNS)

    def row_count(self) -> int:
        return self._count

    sort_requested = Signal(object, bool)  # CaseSort, descending

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._count = 0
        self._fetch: Fetch = _no_rows
        self._pages: dict[int, list[CaseSummary]] = {}
        self.today = date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_source(self, count: int, fetch: Fetch) -> None:
        """Show `count` rows, fetched on demand through `fetch(offset, limit)`."""
        self.beginResetModel()
        self._count, self._fetch, self._pages = count, fetch, {}
        self.today = date.today()
        self.endResetModel()

    def set_rows(self, rows: list[CaseSummary]) -> None:
        """Show rows already in hand (small lists, tests)."""
        self.set_source(len(rows), lambda offset, limit: rows[offset:offset + limit])

    def summary(self, row: int) -> CaseSummary | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._fetch(number * PAGE_SIZE, PAGE_SIZE)
        # A page can come back short when cases were deleted since the count was taken.
        return page[offset] if offset < len(page) else None

    def row_of(self, case_id: int) -> int | None:
        """The row of a case among the pages fetched so far (the ones the user has seen)."""
        for number, page in self._pages.items():
            for offset, summary in enumerate(page):
                if summary.id == case_id:
                    return number * PAGE_SIZE + offset
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column][2], order == Qt.SortOrder.DescendingOrder)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # The view asks for a dozen roles per cell on every paint: answer the unused ones first.
        if role not in _ROLES or not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == SESSIONS_COLUMN else None
        summary = self.summary(index.row())
        if summary is None:
            return None
        if role == ID_ROLE:
            return summary.id
        mark = self.review_mark(summary) if column == NEXT_REVIEW_COLUMN else ""
        if role == Qt.ItemDataRole.DisplayRole:
            text = COLUMNS[column][1](summary)
            return f"{text} · {mark}" if mark else text
        if not mark:
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return REVIEW_TIPS[mark]

    def review_mark(self, summary: CaseSummary) -> str:
        """"overdue" or "due today" for an open case whose review date has come, else ""; said in
        words in the Next review column (bold too), so the mark is never weight alone."""
        review = summary.next_review
        if summary.status is not CaseStatus.OPEN or review is None or review > self.today:
            return ""
        return OVERDUE if review < self.today else DUE_TODAY
