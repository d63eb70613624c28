"""Role pickers: an editable list of the disciplines (free text allowed), used wherever the
session records a role, and the same picker as a table cell editor."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.domain.validation import MAX_SHORT_TEXT
from idc_desktop.ui.session.text_fields import LineEdit

AnyIndex = QModelIndex | QPersistentModelIndex


def role_combo(disciplines: list[str], object_name: str = "", accessible_name: str = "",
               placeholder: str = "Role", parent: QWidget | None = None,
               guard: PrivacyGuard | None = None) -> QComboBox:
    """An editable combobox of disciplines that starts empty; typing completes from the list.

    Its line edit is the editor's LineEdit, so Ctrl+Z reaches the session's undo stack.
    """
    combo = QComboBox(parent)
    combo.setLineEdit(LineEdit(guard=guard))  # a role is typed: a name there is flagged too
    combo.lineEdit().setMaxLength(MAX_SHORT_TEXT)
    combo.lineEdit().setPlaceholderText(placeholder)
    combo.addItems(disciplines)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # free text is kept, not added to the list
    combo.setCurrentIndex(-1)
    combo.setMaxVisibleItems(15)
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    if object_name:
        combo.setObjectName(object_name)
    if accessible_name:
        combo.setAccessibleName(accessible_name)
        combo.lineEdit().setAccessibleName(accessible_name)
    return combo


class RoleDelegate(QStyledItemDelegate):
    """Edits a role cell with the disciplines list; an empty role is not written."""

    def __init__(self, disciplines: list[str], parent: QWidget | None = None, *, guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.disciplines, self.guard = disciplines, guard

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        combo = role_combo(self.disciplines, "roleEditor", "Role", parent=parent, guard=self.guard)
        combo.setFrame(False)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setEditText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.lineEdit().selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        text = editor.currentText().strip()
        if text and text != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        editor.setGeometry(option.rect)
