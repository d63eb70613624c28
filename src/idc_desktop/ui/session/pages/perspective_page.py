"""Perspectives A, B, C and D: one page class, parameterised by the phase's perspective.

Left, the item picker for the perspective's family (how someone is seen, for A and C; one's
own stance in response, for B and D). Right, the chosen items as chips, the team's
contributions as cards, the input the facilitator types into as people speak, and a
one-line summary.

Everything the page changes goes through `PerspectiveEdits` (one undoable edit each), and
everything it shows comes back through `doc.changed`, so undo and redo are followed the
same way as typing.

Keys in the contribution input: Enter adds the card (Ctrl+Enter adds it starred), keeping
the role for the next one; Up (input empty) goes to the last card. The card keys are listed
in perspective/contribution_list.py, the picker's in perspective/item_picker.py.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.base import PhasePage, problem_label, reminder_label
from idc_desktop.ui.session.perspective.chips import ChipBar
from idc_desktop.ui.session.perspective.contribution_list import ContributionList
from idc_desktop.ui.session.perspective.contributions_model import ContributionsModel
from idc_desktop.ui.session.perspective.edits import PerspectiveEdits
from idc_desktop.ui.session.perspective.item_picker import ItemPicker
from idc_desktop.ui.session.text_fields import LineEdit, TextBinding
from idc_desktop.ui.theme_tokens import set_tone

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
KEYS_HINT = (
    "Enter adds · Ctrl+Enter adds starred · ↑ to the cards — on a card: F2 edit · S star · "
    "R role · Ctrl+↑/↓ move · Del delete · Esc back here"
)


class PerspectivePage(PhasePage):
    def __init__(self, phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        assert phase.perspective is not None, f"phase {phase.key} has no perspective"
        super().__init__(phase, doc, context, parent)
        self.perspective = phase.perspective
        self.edits = PerspectiveEdits(doc, context, self.perspective)
        tag = self.perspective.value
        family = self.perspective.family
        family_title = context.family_titles.get(family, family)

        # Left: the item picker.
        self.picker = ItemPicker(tag, family_title, can_create=context.add_item is not None)
        self.picker.toggle_requested.connect(self.edits.toggle_item)
        self.picker.create_requested.connect(self._add_custom_item)
        self.picker.long_entry.connect(self._long_entry)
        self.picker.leave_requested.connect(self.focus_first)

        # Right: chips, cards, input, summary.
        chips_heading = QLabel("Chosen items")
        self.chips = ChipBar()
        self.chips.setObjectName(f"chosenItems_{tag}")
        self.chips.setAccessibleName(f"Chosen items for perspective {tag}")
        self.chips.remove_requested.connect(self.edits.remove_item)
        self.chips.emptied_focus.connect(lambda: self.picker.filter.setFocus(Qt.FocusReason.OtherFocusReason))

        cards_heading = QLabel("Co&ntributions")
        self.model = ContributionsModel(self)
        self.model.text_edited.connect(self._edit_text)
        self.cards = ContributionList(guard=context.guard)
        self.cards.setObjectName(f"contributions_{tag}")
        self.cards.setAccessibleName(f"Contributions for perspective {tag}")
        self.cards.setAccessibleDescription("F2 edit, S star, R role, Control+Up or Down move, Delete remove, Escape back to typing")
        self.cards.setModel(self.model)
        cards_heading.setBuddy(self.cards)
        self.cards.star_requested.connect(self.edits.toggle_star)
        self.cards.role_requested.connect(self.change_role)
        self.cards.move_requested.connect(self._move)
        self.cards.delete_requested.connect(self._delete)
        self.cards.leave_requested.connect(self.focus_first)
        self.cards_problem = problem_label()

        self.input = LineEdit(objectName="contributionInput", guard=context.guard)
        self.input.setAccessibleName(f"New contribution for perspective {tag}")
        self.input.setPlaceholderText("Type what was said, Enter to add it")
        self.input.installEventFilter(self)
        self.role = QComboBox(objectName=f"contributionRole_{tag}")
        self.role.setEditable(True)
        self.role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.role.addItems(["", *context.disciplines])
        self.role.setCurrentIndex(0)
        self.role.setAccessibleName("Role of who said it (optional)")
        self.role.lineEdit().setPlaceholderText("Role (optional)")
        self.role.lineEdit().returnPressed.connect(lambda: self.input.setFocus(Qt.FocusReason.OtherFocusReason))
        self.role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.role.setMinimumContentsLength(14)
        role_label = QLabel("&Role")
        role_label.setBuddy(self.role)
        self.salient = QCheckBox("★ S&tarred", objectName=f"contributionSalient_{tag}")
        self.salient.setAccessibleName("Add the next contribution starred")
        self.salient.setToolTip("Star the next contribution (or add it with Ctrl+Enter)")
        self.input_problem = problem_label()
        keys = QLabel(KEYS_HINT, objectName=f"contributionKeys_{tag}")
        keys.setWordWrap(True)
        set_tone(keys, "hint")  # readable: a disabled label falls below 4.5:1

        summary_label = QLabel("&Summary in one line")
        self.summary = LineEdit(objectName=f"summary_{tag}", guard=context.guard)
        self.summary.setAccessibleName(f"Summary of perspective {tag} in one line")
        self.summary.setPlaceholderText("The pattern in a few words")
        summary_label.setBuddy(self.summary)
        summary_problem = problem_label()
        TextBinding(self.summary, doc, self.edits.summary_part, "Summary", summary_problem)

        # The input has a row of its own, so it keeps the whole width however narrow the page
        # (projecting on one laptop screen leaves the editor a few hundred pixels).
        self.input.setMinimumWidth(240)
        input_row = QVBoxLayout()
        input_row.addWidget(self.input)
        options = QHBoxLayout()
        options.addWidget(role_label)
        options.addWidget(self.role)
        options.addWidget(self.salient)
        options.addStretch(1)
        input_row.addLayout(options)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(chips_heading)
        right.addWidget(self.chips)
        right.addWidget(cards_heading)
        right.addWidget(self.cards, stretch=1)
        right.addWidget(self.cards_problem)
        right.addLayout(input_row)
        right.addWidget(self.input_problem)
        right.addWidget(keys)
        right.addWidget(reminder_label())
        right.addWidget(summary_label)
        right.addWidget(self.summary)
        right.addWidget(summary_problem)
        right_widget = QWidget()
        right_widget.setLayout(right)

        # The picker takes about a third of the width, the cards the rest.
        for widget, stretch in ((self.picker, 35), (right_widget, 65)):
            policy = widget.sizePolicy()
            policy.setHorizontalStretch(stretch)
            policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
            widget.setSizePolicy(policy)
        columns = QHBoxLayout()
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self.picker, stretch=35)
        columns.addWidget(right_widget, stretch=65)
        self.body.addLayout(columns, stretch=1)

        self._role_dialog: QInputDialog | None = None
        self._catalogue_size = len(context.catalogue)
        self.picker.set_catalogue(context.catalogue, context.clusters, family)
        self._load_items()
        self.model.set_contributions(self.edits.contributions())

    # -- following the session ---------------------------------------------------------------

    def refresh(self, part: str) -> None:
        if part in (self.edits.items_part, "*"):
            self._load_items()
        if part in (self.edits.contributions_part, "*"):
            self.model.set_contributions(self.edits.contributions())

    def _load_items(self) -> None:
        keys = self.edits.items()
        self.picker.set_chosen(keys)
        self.chips.set_items([(key, self.context.label(key)) for key in keys])
        chain = [self.picker.tree, *self.chips.chips(), self.cards]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def reload_catalogue(self) -> None:
        """After the lead renames, hides or adds items: offer and label them afresh."""
        self._catalogue_size = len(self.context.catalogue)
        self.picker.set_catalogue(self.context.catalogue, self.context.clusters, self.perspective.family)
        self._load_items()  # chips are relabelled: a new label is a new chip

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        # An item added on another perspective's page (the context is shared) shows here too.
        if len(self.context.catalogue) != self._catalogue_size:
            self.reload_catalogue()
        super().showEvent(event)

    def focus_first(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- items -------------------------------------------------------------------------------

    def _add_custom_item(self, label: str) -> None:
        known = len(self.context.catalogue)
        problem = self.edits.add_custom_item(label)
        if len(self.context.catalogue) != known:
            self.reload_catalogue()
        self.picker.hint.setText(problem)

    def _long_entry(self, text: str) -> None:
        """A sentence typed in the item filter: most likely a contribution. Ask, contribution first."""
        box = QMessageBox(QMessageBox.Icon.Question, "A contribution or a new item?",
                          f"\u201c{text}\u201d matches no item. Add it as a contribution, or make it a new "
                          "item in the catalogue?", QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("longEntryQuestion")
        as_card = box.addButton("Add as a &contribution", QMessageBox.ButtonRole.AcceptRole)
        as_item = box.addButton("Make it a new &item", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(as_card)
        box.exec()
        chosen = box.clickedButton()
        box.deleteLater()
        if chosen is as_card:
            self.picker.filter.clear()
            self.input.setText(text)
            self.add_contribution()
            self.focus_first()
        elif chosen is as_item:
            self.picker.filter.clear()
            self._add_custom_item(text)

    # -- contributions -----------------------------------------------------------------------

    def add_contribution(self, starred: bool = False) -> None:
        """Enter in the input: add the card, clear the input, keep the role and the cursor."""
        text = self.input.text()
        if not text.strip():
            return
        problem = self.edits.add_contribution(text, self.role.currentText(), starred or self.salient.isChecked())
        self._show(self.input_problem, problem)
        if problem:
            return
        self.input.clear()
        self.salient.setChecked(False)
        last = self.model.index(self.model.rowCount() - 1)
        self.cards.setCurrentIndex(last)
        self.cards.scrollTo(last)

    def focus_last_card(self) -> None:
        rows = self.model.rowCount()
        if rows:
            self.cards.setCurrentIndex(self.model.index(rows - 1))
            self.cards.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edit_text(self, row: int, text: str) -> None:
        self._show(self.cards_problem, self.edits.edit_text(row, text))

    def _move(self, row: int, delta: int) -> None:
        target = self.edits.move(row, delta)
        if target is not None:
            self.cards.setCurrentIndex(self.model.index(target))

    def _delete(self, row: int) -> None:
        self.edits.delete(row)
        rows = self.model.rowCount()
        if rows:
            self.cards.setCurrentIndex(self.model.index(min(row, rows - 1)))
        else:
            self.focus_first()

    def change_role(self, row: int) -> None:
        """R on a card: a small dialog with the disciplines to pick from or type (empty for none)."""
        if not 0 <= row < self.model.rowCount():
            return
        current = self.model.contribution(row)
        dialog = QInputDialog(self)
        dialog.setObjectName("contributionRoleDialog")
        dialog.setWindowTitle("Role")
        dialog.setLabelText(f"Who said “{current.text[:60]}”? Choose or type a role; leave empty for none.")
        dialog.setComboBoxItems(["", *self.context.disciplines])
        dialog.setComboBoxEditable(True)
        dialog.setTextValue(current.role or "")
        target = current

        def chosen(role: str) -> None:
            # The card may have moved while the dialog was open: find it again.
            rows = self.model.contributions()
            if row < len(rows) and rows[row] == target:
                self.edits.set_role(row, role)
            elif target in rows:
                self.edits.set_role(rows.index(target), role)

        dialog.textValueSelected.connect(chosen)
        dialog.finished.connect(lambda _result: self.cards.setFocus(Qt.FocusReason.OtherFocusReason))
        dialog.finished.connect(dialog.deleteLater)
        self._role_dialog = dialog
        dialog.open()

    @staticmethod
    def _show(label: QLabel, problem: str) -> None:
        label.setText(problem)
        label.setVisible(bool(problem))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.input and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key in _ENTER:
                self.add_contribution(starred=bool(mods & Qt.KeyboardModifier.ControlModifier))
                return True
            if key == Qt.Key.Key_Up and not mods and not self.input.text():
                self.focus_last_card()
                return True
        return super().eventFilter(watched, event)
