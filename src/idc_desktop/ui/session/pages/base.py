"""The frame every phase page shares: the phase's title, its prompt to the team, and the
facilitator's guidance; subclasses fill `self.body`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.theme_tokens import set_tone


class PhasePage(QWidget):
    def __init__(self, phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase, self.doc, self.context = phase, doc, context
        self.setObjectName(f"phasePage_{phase.key}")
        self.setAccessibleName(phase.title)

        title = QLabel(phase.title, objectName="phaseTitle")
        prompt = QLabel(phase.prompt, objectName="phasePrompt")
        prompt.setWordWrap(True)
        guidance = QLabel(phase.guidance, objectName="phaseGuidance")
        guidance.setWordWrap(True)
        if not phase.guidance:
            guidance.hide()  # (setVisible(True) on a widget without a parent would open it as a window)
        guidance.setToolTip("A note for the facilitator")

        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 8, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab goes field to field; the scroll area follows the focus instead of taking it.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(prompt)
        layout.addWidget(guidance)
        layout.addWidget(scroll, stretch=1)
        doc.changed.connect(self.refresh)

    def refresh(self, part: str) -> None:
        """Bring widgets that show `part` up to date; bindings handle their own parts."""

    def focus_first(self) -> None:
        """Put the cursor where the facilitator will type first in this phase."""
        self.focusNextChild()


def reminder_label() -> QLabel:
    label = QLabel("Roles only, never names; no numbers, places or dates that could identify anyone.")
    label.setObjectName("privacyReminder")
    label.setWordWrap(True)
    return label


def problem_label() -> QLabel:
    """An inline message under a field, hidden until there is a problem to name."""
    label = QLabel(objectName="fieldProblem")
    label.setWordWrap(True)
    set_tone(label, "error")  # the theme colours it (theme_tokens.py)
    label.hide()
    return label
