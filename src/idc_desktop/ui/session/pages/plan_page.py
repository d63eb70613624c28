"""Management plan: the shared stance, the actions (what, owner role, due date, status), risks
and safeguards, support for staff, what to say to the patient, and the review date. A
follow-up session shows the review of last session's actions at the top.

Warnings about dates are inline and never block: a due date before the session, or a
review date in the past, is flagged under its field and may be kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.tables.keys import chain_tab_order
from idc_desktop.ui.session.pages.base import PhasePage, problem_label, reminder_label
from idc_desktop.ui.session.plan.action_review import ActionReview
from idc_desktop.ui.session.plan.actions_editor import ActionsEditor
from idc_desktop.ui.session.plan.dates import OptionalDateEdit
from idc_desktop.ui.session.plan.warnings import review_warning
from idc_desktop.ui.session.text_fields import PlainTextEdit, TextBinding

# When the group names no review date, actions fall due and reviews come round after this.
DEFAULT_INTERVAL = timedelta(days=28)


class PlanPage(PhasePage):
    def __init__(self, phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(phase, doc, context, parent)
        self.today: Callable[[], date] = date.today  # tests may pin it
        self._loading = False

        self.review = ActionReview(doc, context.previous, self.body.parentWidget(), guard=context.guard)
        self.body.addWidget(self.review)
        self.stance = self._text("planStance", "plan.stance", "&Shared stance",
                                 "The stance the whole team can hold with the patient")
        self.actions = ActionsEditor(doc, context.disciplines, self.default_due, guard=context.guard)
        self.body.addWidget(self.actions, stretch=2)
        self.risks = self._text("planRisks", "plan.risks", "&Risks and safeguards", "Risks and safeguards")
        self.staff_support = self._text("planStaffSupport", "plan.staff_support", "Support for s&taff",
                                        "Support for staff")
        self.patient_message = self._text("planPatientMessage", "plan.patient_message",
                                          "What to say to the &patient", "What to say to the patient")

        review_label = QLabel("Revie&w date")
        self.review_on = OptionalDateEdit("No review date", self.suggested_review)
        self.review_on.setObjectName("reviewOn")
        self.review_on.setAccessibleName("Review date")
        review_label.setBuddy(self.review_on)
        self.review_on.dateChanged.connect(self._review_date_edited)
        self.no_review = QCheckBox("&No review date", objectName="noReviewDate")
        self.no_review.setAccessibleName("No review date")
        self.no_review.toggled.connect(self._no_review_toggled)
        self.review_warning = problem_label()
        self.review_warning.setObjectName("reviewOnWarning")
        review_row = QHBoxLayout()
        review_row.addWidget(review_label)
        review_row.addWidget(self.review_on)
        review_row.addWidget(self.no_review)
        review_row.addStretch(1)
        self.body.addLayout(review_row)
        self.body.addWidget(self.review_warning)
        self.body.addWidget(reminder_label())

        chain_tab_order([
            *self.review.tab_widgets(), self.stance, *self.actions.tab_widgets(), self.risks,
            self.staff_support, self.patient_message, self.review_on, self.no_review,
        ])
        self._load_review_date()

    # -- text fields --------------------------------------------------------------------------------

    def _text(self, name: str, part: str, label: str, accessible: str) -> PlainTextEdit:
        """A labelled text field bound to `part`, added to the page below what came before."""
        title = QLabel(label)
        edit = PlainTextEdit(guard=self.context.guard)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setMinimumHeight(80)
        title.setBuddy(edit)
        problem = problem_label()
        TextBinding(edit, self.doc, part, accessible, problem)
        self.body.addWidget(title)
        self.body.addWidget(edit, stretch=1)
        self.body.addWidget(problem)
        return edit

    # -- dates ----------------------------------------------------------------------------------------

    def suggested_review(self) -> date:
        held_on: date = self.doc.get("held_on")
        return held_on + DEFAULT_INTERVAL

    def default_due(self) -> date:
        """A new action falls due at the review, or four weeks after the session."""
        return self.doc.get("plan.review_on") or self.suggested_review()

    def _load_review_date(self) -> None:
        value: date | None = self.doc.get("plan.review_on")
        self._loading = True
        try:
            if self.review_on.value() != value:
                self.review_on.set_value(value)
            self.no_review.setChecked(value is None)
        finally:
            self._loading = False
        message = review_warning(value, self.doc.get("held_on"), self.today())
        self.review_warning.setText(f"⚠ {message}" if message else "")
        self.review_warning.setVisible(bool(message))

    def _review_date_edited(self) -> None:
        if self._loading:
            return
        value = self.review_on.value()
        # Stepping or typing a date is one undo step; emptying it is a step of its own.
        if value is None:
            self.doc.edit("plan.review_on", None, "No review date")
        else:
            self.doc.edit("plan.review_on", value, "Change the review date", merge=True)

    def _no_review_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            self.doc.edit("plan.review_on", None, "No review date")
        else:
            self.doc.edit("plan.review_on", self.suggested_review(), "Set a review date")

    def refresh(self, part: str) -> None:
        if part in ("plan.review_on", "held_on", "*"):
            self._load_review_date()

    def focus_first(self) -> None:
        self.stance.setFocus()
