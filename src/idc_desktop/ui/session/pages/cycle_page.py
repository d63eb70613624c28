"""Cycle and formulation: the dysfunctional cycle as a sentence the group edits (drafted from the
items of A-D on request) beside a live diagram of it, a hypothesis linking it to the patient's
history, and the team's rating of the working alliance.

Keyboard: Ctrl+Shift+D (or Alt+D) drafts the cycle; Alt+Y goes to the cycle text, Alt+P to
the hypothesis, Alt+G / Alt+T / Alt+B to the alliance ratings. A draft never overwrites the
group's own wording without asking.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain.cycle import chosen_labels, cycle_is_edited, draft_cycle
from idc_desktop.domain.enums import AllianceDimension
from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.alliance_editor import AllianceEditor
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.cycle_diagram import CycleDiagram
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.base import PhasePage, problem_label, reminder_label
from idc_desktop.ui.session.text_fields import PlainTextEdit, TextBinding

DRAFT_KEY = "Ctrl+Shift+D"
# Below this page width the diagram goes under the sentence rather than beside it.
SIDE_BY_SIDE_MIN_WIDTH = 860


class CyclePage(PhasePage):
    def __init__(self, phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(phase, doc, context, parent)
        # The last draft put in the cycle text; it tells a redraft whether the group has
        # edited since. Not persisted: after a restart any text counts as the group's own.
        self.last_draft: str | None = None

        # The cycle sentence, with its draft button.
        cycle_label = QLabel("C&ycle: what goes round between the patient and us")
        self.cycle_text = PlainTextEdit(guard=context.guard)
        self.cycle_text.setObjectName("cycleText")
        self.cycle_text.setAccessibleName("Cycle")
        self.cycle_text.setPlaceholderText(
            f"Press {DRAFT_KEY} to draft the cycle from the items of A–D, then edit it together."
        )
        self.cycle_text.setMinimumHeight(120)
        cycle_label.setBuddy(self.cycle_text)
        cycle_problem = problem_label()
        TextBinding(self.cycle_text, doc, "cycle", "The cycle", cycle_problem)

        self.draft_button = QPushButton("&Draft from A–D", objectName="draftCycle")
        self.draft_button.setToolTip(f"Draft the cycle from the items chosen in A–D ({DRAFT_KEY})")
        self.draft_button.setAutoDefault(False)
        self.draft_button.clicked.connect(self.draft)
        self.draft_hint = QLabel(objectName="cycleDraftHint")
        self.draft_hint.setWordWrap(True)
        draft_row = QHBoxLayout()
        draft_row.addWidget(self.draft_button)
        draft_row.addWidget(self.draft_hint, stretch=1)

        sentence = QVBoxLayout()
        sentence.addWidget(cycle_label)
        sentence.addWidget(self.cycle_text, stretch=1)
        sentence.addLayout(draft_row)
        sentence.addWidget(cycle_problem)

        self.diagram = CycleDiagram()
        self.diagram.setMinimumSize(320, 260)
        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top.addLayout(sentence, stretch=1)
        self.top.addWidget(self.diagram, stretch=1)

        # The hypothesis.
        formulation_label = QLabel("Hy&pothesis: how the cycle links to the patient's history")
        self.formulation_text = PlainTextEdit(guard=context.guard)
        self.formulation_text.setObjectName("formulationText")
        self.formulation_text.setAccessibleName("Hypothesis: how the cycle links to the patient's history")
        self.formulation_text.setPlaceholderText("Tentative, and in general terms: it might be that…")
        self.formulation_text.setMinimumHeight(90)
        formulation_label.setBuddy(self.formulation_text)
        formulation_problem = problem_label()
        TextBinding(self.formulation_text, doc, "formulation", "The hypothesis", formulation_problem)

        # The working alliance.
        self.alliance = AllianceEditor(doc, guard=context.guard)
        alliance_box = QGroupBox("Working alliance")
        alliance_layout = QVBoxLayout(alliance_box)
        alliance_layout.addWidget(self.alliance)

        self.body.addLayout(self.top, stretch=3)
        self.body.addWidget(formulation_label)
        self.body.addWidget(self.formulation_text, stretch=1)
        self.body.addWidget(formulation_problem)
        self.body.addWidget(alliance_box)
        self.body.addWidget(reminder_label())

        QWidget.setTabOrder(self.cycle_text, self.draft_button)
        QWidget.setTabOrder(self.draft_button, self.formulation_text)
        QWidget.setTabOrder(self.formulation_text, self.alliance.ratings[AllianceDimension.GOALS])

        self.act_draft = QAction("Draft the cycle from A–D", self)
        self.act_draft.setShortcut(QKeySequence(DRAFT_KEY))
        self.act_draft.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_draft.triggered.connect(self.draft)
        self.addAction(self.act_draft)

        self._update_diagram()

    # --- the diagram ---------------------------------------------------------------
    def refresh(self, part: str) -> None:
        if part == "*" or part.startswith("perspective."):
            self._update_diagram()

    def reload_catalogue(self) -> None:
        self._update_diagram()  # items may have new labels

    def _update_diagram(self) -> None:
        self.diagram.set_content(chosen_labels(self.doc.session, self.context.label))

    # --- drafting ------------------------------------------------------------------------
    def draft(self) -> bool:
        """Put a fresh draft in the cycle text, asking first if the group has edited it.

        Returns whether the text was replaced. The replacement is one undoable edit.
        """
        new = draft_cycle(self.doc.session, self.context.label)
        current = self.doc.get("cycle") or ""
        if not new:
            self._hint("Nothing to draft yet: choose items in perspectives A–D first.")
            return False
        if current == new:
            self.last_draft = new
            self._hint("The cycle already matches the items of A–D.")
            return False
        if cycle_is_edited(current, self.last_draft) and not self.confirm_replace():
            self._hint("Kept the group's wording.")
            return False
        self.last_draft = new
        self.doc.edit("cycle", new, "Draft the cycle from A–D")
        self._hint("Drafted from A–D: edit it together. Ctrl+Z undoes the draft.")
        self.cycle_text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.cycle_text.moveCursor(QTextCursor.MoveOperation.End)
        return True

    def confirm_replace(self) -> bool:
        """Ask before a draft replaces the group's own wording; keeping it is the default."""
        box = QMessageBox(self)
        box.setObjectName("replaceCycleQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Replace the cycle?")
        box.setText("The group has edited the cycle. Replace it with a new draft from A–D?")
        box.setInformativeText("Keep our wording leaves the text as it is. A replacement can be undone with Ctrl+Z.")
        replace = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("replaceCycle")
        keep = box.addButton("Keep our wording", QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepCycle")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        answer = box.clickedButton() is replace
        box.deleteLater()
        return answer

    def _hint(self, text: str) -> None:
        self.draft_hint.setText(text)

    # --- layout and focus -------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.top.direction() != direction:
            self.top.setDirection(direction)
        # Stacked, the diagram gets its own band of height in proportion to the width.
        self.diagram.setMinimumHeight(260 if wide else max(260, min(480, int(event.size().width() * 0.6))))

    def focus_first(self) -> None:
        self.cycle_text.setFocus()
