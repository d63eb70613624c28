"""Cell editors for the attendees table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from idc_desktop.ui.session.frame.attendees_model import MAX_COUNT, MIN_COUNT

AnyIndex = QModelIndex | QPersistentModelIndex


class CountDelegate(QStyledItemDelegate):
    """A head count from 1 to 999."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        spin = QSpinBox(parent, objectName="countEditor")
        spin.setRange(MIN_COUNT, MAX_COUNT)
        spin.setAccessibleName("Number of people")
        spin.setFrame(False)
        return spin

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or MIN_COUNT))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        if editor.value() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        editor.setGeometry(option.rect)
