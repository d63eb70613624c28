"""Frame: the date, who is here by role, the facilitator's and presenter's roles, the ground
rules agreed aloud, and the question the team brings. A follow-up session opens with the
review of last session's actions."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.frame.attendees_editor import AttendeesEditor
from idc_desktop.ui.session.frame.ground_rules import GroundRulesChecklist
from idc_desktop.ui.session.tables.keys import chain_tab_order
from idc_desktop.ui.session.tables.roles import role_combo
from idc_desktop.ui.session.pages.base import PhasePage, problem_label, reminder_label
from idc_desktop.ui.session.plan.action_review import ActionReview
from idc_desktop.ui.session.plan.dates import date_edit, to_date, to_qdate
from idc_desktop.ui.session.text_fields import PlainTextEdit, TextBinding


class FramePage(PhasePage):
    def __init__(self, phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(phase, doc, context, parent)
        self._loading = False

        self.review = ActionReview(doc, context.previous, self.body.parentWidget(), guard=context.guard)

        self.held_on = date_edit("heldOn", "Date of the session")
        self.held_on.dateChanged.connect(self._date_changed)
        held_on_label = QLabel("Session &date")
        held_on_label.setBuddy(self.held_on)

        self.attendees = AttendeesEditor(doc, context.disciplines, guard=context.guard)

        self.facilitator_role = role_combo(context.disciplines, "facilitatorRole", "Facilitator's role",
                                           "e.g. Psychiatrist", guard=context.guard)
        self.presenter_role = role_combo(context.disciplines, "presenterRole", "Presenter's role",
                                         "e.g. Staff nurse", guard=context.guard)
        roles_problem = problem_label()
        TextBinding(self.facilitator_role.lineEdit(), doc, "facilitator_role", "The facilitator's role", roles_problem)
        TextBinding(self.presenter_role.lineEdit(), doc, "presenter_role", "The presenter's role", roles_problem)
        date_row = QHBoxLayout()
        date_row.addWidget(held_on_label)
        date_row.addWidget(self.held_on)
        date_row.addStretch(1)
        facilitator_label = QLabel("Faci&litator's role")
        facilitator_label.setBuddy(self.facilitator_role)
        presenter_label = QLabel("&Presenter's role")
        presenter_label.setBuddy(self.presenter_role)

        self.ground_rules = GroundRulesChecklist(doc, context.ground_rules)

        question_label = QLabel("The &question the team brings")
        self.question = PlainTextEdit(guard=context.guard)
        self.question.setObjectName("teamQuestion")
        self.question.setAccessibleName("The question the team brings")
        self.question.setPlaceholderText("In one sentence: what does the team want to understand or change?")
        self.question.setMinimumHeight(90)
        question_label.setBuddy(self.question)
        question_problem = problem_label()
        TextBinding(self.question, doc, "question", "The question", question_problem)

        self.body.addWidget(self.review)
        self.body.addLayout(date_row)
        self.body.addWidget(self.attendees)
        who = QFormLayout()
        who.addRow(facilitator_label, self.facilitator_role)
        who.addRow(presenter_label, self.presenter_role)
        self.body.addLayout(who)
        self.body.addWidget(roles_problem)
        self.body.addWidget(self.ground_rules)
        self.body.addWidget(question_label)
        self.body.addWidget(self.question, stretch=1)
        self.body.addWidget(question_problem)
        self.body.addWidget(reminder_label())

        # The order a facilitator works in: review (follow-ups), date, who is here, roles,
        # ground rules, question.
        chain_tab_order([
            *self.review.tab_widgets(), self.held_on, *self.attendees.tab_widgets(),
            self.facilitator_role, self.presenter_role, *self.ground_rules.tab_widgets(), self.question,
        ])
        self._load_date()

    # -- session date ------------------------------------------------------------------------------

    def _load_date(self) -> None:
        self._loading = True
        try:
            self.held_on.setDate(to_qdate(self.doc.get("held_on")))
        finally:
            self._loading = False

    def _date_changed(self) -> None:
        if self._loading:
            return
        value: date | None = to_date(self.held_on.date())
        if value is not None:
            self.doc.edit("held_on", value, "Change the session date", merge=True)

    def refresh(self, part: str) -> None:
        if part in ("held_on", "*"):
            self._load_date()

    def focus_first(self) -> None:
        if self.review.has_open():
            self.review.focus_first()
        else:
            self.attendees.role.setFocus()
