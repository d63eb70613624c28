"""Close: what helped the presenter, and the facilitator's private reflection (never projected,
never in the team handout, and marked so on screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.base import PhasePage, problem_label
from idc_desktop.ui.session.text_fields import PlainTextEdit, TextBinding
from idc_desktop.ui.theme_tokens import set_tone


class ClosePage(PhasePage):
    def __init__(self, phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(phase, doc, context, parent)
        helped_label = QLabel("What the presenter found &helpful")
        self.helped = PlainTextEdit(objectName="closeHelped", guard=context.guard)
        self.helped.setAccessibleName("What the presenter found helpful")
        helped_label.setBuddy(self.helped)
        helped_problem = problem_label()
        TextBinding(self.helped, doc, "close_notes", "What helped", helped_problem)

        private = QFrame(objectName="privateBox")
        private_layout = QVBoxLayout(private)
        banner = QLabel("PRIVATE — the facilitator's reflection. Never projected, never in the team handout.")
        banner.setObjectName("privateBanner")
        banner.setWordWrap(True)
        set_tone(banner, "private")  # colours from the theme, as is the box's dashed border
        self.reflection = PlainTextEdit(objectName="facilitatorReflection", guard=context.guard)
        self.reflection.setAccessibleName("Private facilitator reflection")
        self.reflection.setPlaceholderText("What did you notice in yourself and in the group? (private)")
        reflection_problem = problem_label()
        TextBinding(self.reflection, doc, "facilitator_reflection", "The private reflection", reflection_problem)
        private_layout.addWidget(banner)
        private_layout.addWidget(self.reflection)
        private_layout.addWidget(reflection_problem)

        self.body.addWidget(helped_label)
        self.body.addWidget(self.helped, stretch=1)
        self.body.addWidget(helped_problem)
        self.body.addWidget(private, stretch=1)

    def focus_first(self) -> None:
        self.helped.setFocus()
