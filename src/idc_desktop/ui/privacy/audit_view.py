"""Tools > Privacy audit… (Ctrl+Shift+A): every possible identifier across the whole log, one
row each; Enter or a double-click opens the session at the page holding it (or the case form
for the case's own fields), where it can be replaced or marked "not an identifier"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.ui.table_model import HeadedTableModel
from idc_desktop.ui.background import BackgroundTask

if TYPE_CHECKING:
    from idc_desktop.services.findings import Located

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Looks like", "Case", "Session", "Where", "Text")


class AuditModel(HeadedTableModel):
    headers = HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Located] = []

    def set_findings(self, findings: Sequence[Located]) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self.endResetModel()

    def located(self, row: int) -> Located:
        return self._rows[row]




    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        located = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return located.describe()
        where = located.where.removeprefix(f"session {located.session_number} ") if located.session_number else located.where
        return (located.finding.label, located.code,
                "" if located.session_number is None else str(located.session_number),
                where, located.finding.text)[index.column()]


class AuditDialog(QDialog):
    """The scan of the whole log runs in the background (seconds on a large log): the dialog is
    there at once, says it is checking, and fills in when the scan is done."""

    open_requested = Signal(object)  # Located
    loaded = Signal()

    def __init__(self, load: Callable[[], list[Located]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyAudit")
        self.setWindowTitle("Privacy audit")
        self.setAccessibleName("Privacy audit")
        self.load = load
        self.model = AuditModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.proxy = proxy
        self.table = QTableView(objectName="auditTable")
        self.table.setAccessibleName("Possible identifiers in the log")
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open)
        self.summary = QLabel(objectName="auditSummary")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        refresh = QPushButton("&Refresh")
        refresh.setToolTip("Scan the whole log again (Ctrl+R)")
        buttons.addButton(refresh, QDialogButtonBox.ButtonRole.ActionRole)
        refresh.clicked.connect(lambda: self.refresh())
        QShortcut(QKeySequence("Ctrl+R"), self, self.refresh)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Everything in the log that looks like an identifier. "
                                "Enter or double-click opens it where it can be replaced."))
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(960, 560)
        self.task: BackgroundTask | None = None
        self.refresh()

    def refresh(self) -> None:
        if self.task is not None:
            return  # a scan is under way: its result comes
        self.summary.setText("Checking the whole log\u2026")
        self.task = BackgroundTask(lambda _progress: self.load(), self)
        self.task.succeeded.connect(self._show)
        self.task.failed.connect(lambda message: self.summary.setText(f"The log could not be checked: {message}"))
        self.task.ended.connect(self._ended)
        self.task.start()

    def _ended(self) -> None:
        self.task = None
        self.loaded.emit()

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        if self.task is not None:
            self.task.stop()
        super().done(result)

    def _show(self, findings: list[Located]) -> None:
        self.model.set_findings(findings)
        count = self.model.rowCount()
        self.summary.setText("Nothing in the log looks like an identifier." if count == 0
                             else f"{count} possible identifier{'s' if count != 1 else ''}.")
        if count:
            self.table.selectRow(0)
        self.table.setFocus()

    def _open(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.located(self.proxy.mapToSource(index).row()))
        self.accept()
