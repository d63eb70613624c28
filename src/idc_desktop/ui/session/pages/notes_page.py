"""Presentation and clarifying questions: one large text per phase, as the presenter speaks."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.base import PhasePage, problem_label, reminder_label
from idc_desktop.ui.session.text_fields import PlainTextEdit, TextBinding


class NotesPage(PhasePage):
    def __init__(self, phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(phase, doc, context, parent)
        assert phase.notes_attribute is not None, f"phase {phase.key} has no notes field"
        self.text = PlainTextEdit(objectName=f"{phase.key}Text", guard=context.guard)
        self.text.setAccessibleName(phase.title)
        self.text.setPlaceholderText(phase.prompt)
        problem = problem_label()
        TextBinding(self.text, doc, phase.notes_attribute, phase.title, problem)
        self.body.addWidget(self.text, stretch=1)
        self.body.addWidget(problem)
        self.body.addWidget(reminder_label())

    def focus_first(self) -> None:
        self.text.setFocus()
