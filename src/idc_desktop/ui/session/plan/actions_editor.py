"""The plan's actions: a quick-add row (what, owner role, due date, Enter), the table, and
inline warnings under it. Nothing here blocks: an empty action is simply not added, and a
due date before the session is kept but named in a warning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.domain import ActionStatus, PlanAction
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.tables.keys import chain_tab_order, current_row, select_row, table_action
from idc_desktop.ui.session.tables.quick_add import quick_add_row, rows_table
from idc_desktop.ui.session.tables.roles import RoleDelegate, role_combo
from idc_desktop.ui.session.pages.base import problem_label
from idc_desktop.ui.session.plan.actions_model import DUE, OWNER, STATUS, TEXT, ActionsModel
from idc_desktop.ui.session.plan.dates import OptionalDateEdit, show_date
from idc_desktop.ui.session.plan.delegates import DueDateDelegate, StatusDelegate
from idc_desktop.ui.session.plan.warnings import action_warnings, quote
from idc_desktop.ui.session.text_fields import LineEdit

PART = "plan.actions"


class ActionsEditor(QWidget):
    def __init__(self, doc: SessionDocument, disciplines: list[str], default_due: Callable[[], date],
                 parent: QWidget | None = None, *, guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.doc, self.default_due = doc, default_due
        self._due_touched = False  # the facilitator picked a due date for the next action
        self._setting_due = False

        heading = QLabel("&Actions: what, who (role), by when")
        self.input = LineEdit(guard=guard)
        self.input.setObjectName("actionInput")
        self.input.setAccessibleName("New action")
        self.input.setPlaceholderText("What will be done? Enter adds it")
        heading.setBuddy(self.input)
        self.owner = role_combo(disciplines, "actionOwner", "Owner role of the new action", "Owner role", guard=guard)
        self.due = OptionalDateEdit("No due date", default_due)
        self.due.setObjectName("actionDue")
        self.due.setAccessibleName("Due date of the new action")
        self.due.dateChanged.connect(self._due_edited)
        row, self.add_button = quick_add_row(self, [(self.input, 3), (self.owner, 1), (self.due, 0)],
                                             self.add_from_inputs, name="actionAdd", accessible="Add action",
                                             tip="Add the action (Enter)")
        self.input_problem = problem_label()
        self.input_problem.setObjectName("actionInputProblem")

        self.model = ActionsModel(self)
        self.model.edited.connect(self._cell_edited)
        self.table = rows_table(self.model, name="planActions", accessible="Plan actions",
                                tip="F2 edits a cell · Delete removes the action · Ctrl+Up/Down moves it",
                                remove_text="Remove action", remove=self.remove_current)
        self.table.setWordWrap(True)
        self.table.setItemDelegateForColumn(OWNER, RoleDelegate(disciplines, self.table, guard=guard))
        self.table.setItemDelegateForColumn(DUE, DueDateDelegate(default_due, self.table))
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (OWNER, DUE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Rows as tall as their wrapped text: a long action reads in full, never "…" (a plan
        # has a few rows, so measuring each is cheap).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(160)
        key = QKeySequence
        table_action(self.table, "Move action up", [key("Ctrl+Up")], lambda: self.move_current(-1))
        table_action(self.table, "Move action down", [key("Ctrl+Down")], lambda: self.move_current(1))

        self.warning = problem_label()
        self.warning.setObjectName("actionsWarning")
        self.warning.setAccessibleName("Warnings about the actions")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.input_problem)
        layout.addWidget(self.table)
        layout.addWidget(self.warning)
        chain_tab_order(self.tab_widgets())

        doc.changed.connect(self._changed)
        self.load()
        self.reset_due()

    def tab_widgets(self) -> list[QWidget]:
        return [self.input, self.owner, self.due, self.add_button, self.table]

    # -- following the session -----------------------------------------------------------------

    def _changed(self, part: str) -> None:
        if part in (PART, "held_on", "*"):
            self.load()
        if part in ("plan.review_on", "held_on", "*") and not self._due_touched:
            self.reset_due()

    def load(self) -> None:
        held_on: date = self.doc.get("held_on")
        actions: list[PlanAction] = self.doc.get(PART)
        self.model.set_session_date(held_on)
        self.model.set_actions(actions)
        warnings = action_warnings(actions, held_on)
        self.warning.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warning.setVisible(bool(warnings))

    # -- the quick-add row ---------------------------------------------------------------------------

    def reset_due(self) -> None:
        self._setting_due = True
        try:
            self.due.set_value(self.default_due())
        finally:
            self._setting_due = False
        self._due_touched = False

    def _due_edited(self) -> None:
        if not self._setting_due:
            self._due_touched = True

    def add(self, text: str, owner_role: str = "", due_on: date | None = None) -> bool:
        text = text.strip()
        if not text:
            self._say("Type what will be done first: an empty action is not added.")
            return False
        self._say("")
        actions: list[PlanAction] = self.doc.get(PART)
        actions.append(PlanAction(text=text, owner_role=owner_role.strip(), due_on=due_on))
        self.doc.edit(PART, actions, f"Add action {quote(text)}")
        select_row(self.table, len(actions) - 1, TEXT)
        return True

    def add_from_inputs(self) -> None:
        self.due.interpretText()
        if self.add(self.input.text(), self.owner.currentText(), self.due.value()):
            self.input.clear()
            self.owner.setCurrentIndex(-1)
            self.owner.clearEditText()
            self.reset_due()
        self.input.setFocus()

    def _say(self, message: str) -> None:
        self.input_problem.setText(message)
        self.input_problem.setVisible(bool(message))

    # -- the table ------------------------------------------------------------------------------

    def remove_current(self) -> None:
        row = current_row(self.table)
        actions: list[PlanAction] = self.doc.get(PART)
        if not 0 <= row < len(actions):
            return
        removed = actions.pop(row)
        self.doc.edit(PART, actions, f"Remove action {quote(removed.text)}")
        select_row(self.table, min(row, len(actions) - 1))

    def move_current(self, step: int) -> None:
        row = current_row(self.table)
        actions: list[PlanAction] = self.doc.get(PART)
        target = row + step
        if not (0 <= row < len(actions) and 0 <= target < len(actions)):
            return
        actions[row], actions[target] = actions[target], actions[row]
        self.doc.edit(PART, actions, f"Move action {quote(actions[target].text)} {'down' if step > 0 else 'up'}")
        select_row(self.table, target)

    def _cell_edited(self, row: int, column: int, value: object) -> None:
        actions: list[PlanAction] = self.doc.get(PART)
        if not 0 <= row < len(actions):
            return
        action = actions[row]
        if column == TEXT:
            action.text = str(value)
            text = f"Edit action {quote(action.text)}"
        elif column == OWNER:
            action.owner_role = str(value)
            text = f"Owner of {quote(action.text)}: {value or 'none'}"
        elif column == DUE:
            action.due_on = value if isinstance(value, date) else None
            text = f"Due date of {quote(action.text)}: {show_date(action.due_on) or 'none'}"
        else:
            action.status = ActionStatus(value)  # type: ignore[arg-type]
            text = f"Mark {quote(action.text)} {action.status.value}"
        self.doc.edit(PART, actions, text)
