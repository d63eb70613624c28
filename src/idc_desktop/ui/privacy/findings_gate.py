"""The anonymisation guard's gate: before anything leaves the app (an export, the projected
screen), list what looks like an identifier and go ahead only on an explicit acknowledgement.

Cancel is the default button, and "go ahead" stays disabled until the user ticks that they
have checked the list: pressing Enter through the dialog can never let an identifier out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # importing services loads the store's stack; the gate only reads findings
    from idc_desktop.services.findings import Located

WHY = (
    "The case log must stay anonymous: a name, number, address or date of birth could identify "
    "the patient, their family or staff. Go back and replace these with a placeholder, or mark "
    "them \u201cnot an identifier\u201d where you typed them."
)


class FindingsGate(QDialog):
    def __init__(self, findings: Sequence[Located], action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsGate")
        self.setWindowTitle(f"Check before you {action.lower()}")
        self.setAccessibleName("Possible identifiers found")
        count = len(findings)
        heading = QLabel(
            f"<b>{count} possible identifier{'s' if count != 1 else ''}</b> in what you are about to "
            f"{action.lower()}."
        )
        why = QLabel(WHY)
        why.setWordWrap(True)

        self.table = QTreeWidget(objectName="gateFindings")
        self.table.setAccessibleName("Possible identifiers")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(["Looks like", "Where", "Text"])
        for located in findings:
            item = QTreeWidgetItem([located.finding.label, f"{located.code} {located.where}", located.finding.text])
            item.setToolTip(2, located.finding.text)
            self.table.addTopLevelItem(item)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)

        self.checked = QCheckBox("I have checked: none of these identifies anyone", objectName="gateAcknowledge")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(f"{action} anyway", QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setObjectName("gateGoAhead")
        self.go.setEnabled(False)
        self.go.setAutoDefault(True)  # Enter presses it once it has the focus (and is enabled)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.checked.toggled.connect(self.go.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(why)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.checked)
        layout.addWidget(buttons)
        self.resize(760, 420)
        cancel.setFocus(Qt.FocusReason.OtherFocusReason)


def acknowledge_findings(parent: QWidget | None, findings: Sequence[Located], action: str) -> bool:
    """True to go ahead: there is nothing to report, or the user acknowledged every finding.

    `action` names what is about to happen, capitalised, e.g. "Export" or "Project".
    """
    if not findings:
        return True
    gate = FindingsGate(findings, action, parent)
    try:
        return gate.exec() == QDialog.DialogCode.Accepted
    finally:
        gate.deleteLater()
