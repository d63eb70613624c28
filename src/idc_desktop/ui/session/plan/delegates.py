"""Cell editors for the actions table: due date (may be emptied with Delete) and status.
The owner column uses the frame's RoleDelegate; the text column Qt's own line edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from idc_desktop.domain import ActionStatus
from idc_desktop.ui.session.plan.actions_model import STATUS_LABELS
from idc_desktop.ui.session.plan.dates import OptionalDateEdit, to_date

AnyIndex = QModelIndex | QPersistentModelIndex


class DueDateDelegate(QStyledItemDelegate):
    """A date with a calendar popup; Delete leaves the action with no due date."""

    def __init__(self, fallback: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fallback = fallback

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        edit = OptionalDateEdit("No due date", self.fallback, parent)
        edit.setObjectName("dueEditor")
        edit.setAccessibleName("Due date")
        edit.setFrame(False)
        return edit

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, OptionalDateEdit)
        editor.set_value(to_date(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, OptionalDateEdit)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        editor.setGeometry(option.rect)


class StatusDelegate(QStyledItemDelegate):
    """Open, done or dropped; arrows or the first letter choose, Enter keeps."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent, objectName="statusEditor")
        combo.setAccessibleName("Status")
        for status, label in STATUS_LABELS.items():
            combo.addItem(label, status.value)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, ActionStatus(value).value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        editor.setGeometry(option.rect)
