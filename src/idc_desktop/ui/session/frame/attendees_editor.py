"""Attendees by role: a quick-add row (role, count, Enter), the table, and the head count.

Adding a role already listed adds to its count, so "two more staff nurses" is just
"Staff nurse", 2, Enter. Every change is one undoable edit of the session's "attendees".
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.domain import Attendee
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.frame.attendees_model import COUNT, MAX_COUNT, MIN_COUNT, ROLE, AttendeesModel, people
from idc_desktop.ui.session.frame.delegates import CountDelegate
from idc_desktop.ui.session.tables.keys import chain_tab_order, current_row, select_row
from idc_desktop.ui.session.tables.quick_add import quick_add_row, rows_table
from idc_desktop.ui.session.tables.roles import RoleDelegate, role_combo
from idc_desktop.ui.session.pages.base import problem_label

PART = "attendees"


class AttendeesEditor(QWidget):
    def __init__(self, doc: SessionDocument, disciplines: list[str], parent: QWidget | None = None, *,
                 guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.doc = doc

        heading = QLabel("Who is here, by &role")
        self.role = role_combo(disciplines, "attendeeRole", "Attendee role to add", "Role, e.g. Staff nurse",
                               guard=guard)
        heading.setBuddy(self.role)
        self.count = QSpinBox(objectName="attendeeCount")
        self.count.setRange(MIN_COUNT, MAX_COUNT)
        self.count.setAccessibleName("How many in this role")
        self.count.setToolTip("How many in this role; Enter adds them")
        row, self.add_button = quick_add_row(self, [(self.role, 1), (self.count, 0)], self.add_from_inputs,
                                             name="attendeeAdd", accessible="Add attendees",
                                             tip="Add the role and count (Enter)")

        self.model = AttendeesModel(self)
        self.model.edited.connect(self._cell_edited)
        self.table = rows_table(self.model, name="attendeesTable", accessible="Attendees by role",
                                tip="F2 edits a cell; Delete removes the row", remove_text="Remove attendee",
                                remove=self.remove_current)
        self.table.setItemDelegateForColumn(ROLE, RoleDelegate(disciplines, self.table, guard=guard))
        self.table.setItemDelegateForColumn(COUNT, CountDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(260)

        self.total = QLabel(objectName="attendeesTotal")
        self.total.setAccessibleName("Total attendees")
        self.problem = problem_label()
        self.problem.setObjectName("attendeesProblem")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.table)
        layout.addWidget(self.total)
        chain_tab_order(self.tab_widgets())

        doc.changed.connect(self._changed)
        self.load()

    def tab_widgets(self) -> list[QWidget]:
        return [self.role, self.count, self.add_button, self.table]

    # -- following the session -----------------------------------------------------------------

    def _changed(self, part: str) -> None:
        if part in (PART, "*"):
            self.load()

    def load(self) -> None:
        self.model.set_attendees(self.doc.get(PART))
        n = self.model.total()
        self.total.setText(people(n) if self.model.rowCount() else "No one recorded yet")

    # -- edits ------------------------------------------------------------------------------------

    def add(self, role: str, count: int) -> None:
        """Add `count` people in `role`; a role already listed (ignoring case) adds to its count."""
        role, count = role.strip(), max(MIN_COUNT, min(count, MAX_COUNT))
        if not role:
            self._say("Type or choose a role first, then press Enter.")
            return
        attendees: list[Attendee] = self.doc.get(PART)
        row = next((i for i, a in enumerate(attendees) if a.role.casefold() == role.casefold()), None)
        if row is None:
            attendees.append(Attendee(role=role, count=count))
            row, text = len(attendees) - 1, f"Add {people(count)}: {role}"
            self._say("")
        else:
            existing = attendees[row]
            wanted = existing.count + count
            existing.count = min(wanted, MAX_COUNT)
            text = f"Add {people(count)} to {existing.role}"
            self._say(f"{existing.role} is at most {MAX_COUNT}." if wanted > MAX_COUNT else "")
        self.doc.edit(PART, attendees, text)
        select_row(self.table, row, ROLE)

    def add_from_inputs(self) -> None:
        self.count.interpretText()
        before = self.doc.revision
        self.add(self.role.currentText(), self.count.value())
        if self.doc.revision != before:
            self.role.setCurrentIndex(-1)
            self.role.clearEditText()
            self.count.setValue(MIN_COUNT)
        self.role.setFocus()

    def remove_current(self) -> None:
        row = current_row(self.table)
        attendees: list[Attendee] = self.doc.get(PART)
        if not 0 <= row < len(attendees):
            return
        removed = attendees.pop(row)
        self.doc.edit(PART, attendees, f"Remove {removed.role}")
        select_row(self.table, min(row, len(attendees) - 1))

    def _cell_edited(self, row: int, column: int, value: object) -> None:
        attendees: list[Attendee] = self.doc.get(PART)
        if not 0 <= row < len(attendees):
            return
        if column == ROLE:
            attendees[row].role = str(value)
            text = f"Rename role to {value}"
        else:
            attendees[row].count = int(value)  # type: ignore[call-overload]
            text = f"{attendees[row].role}: {people(int(value))}"  # type: ignore[call-overload]
        self.doc.edit(PART, attendees, text)

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
