"""Create or edit a case: a form with pick lists; problems shown inline, nothing typed lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QMessageBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain import Case, LifeStage, Setting
from idc_desktop.domain.errors import IdcError, ValidationError
from idc_desktop.ui.dialogs.ask import ask
from idc_desktop.ui.privacy.guard import PrivacyGuard, add_guard
from idc_desktop.ui.theme_tokens import set_tone
from idc_desktop.domain import wording

REMINDER = (
    "Keep it anonymous: no names, record numbers, places or dates of birth. "
    "Rare diagnoses and distinctive events can identify someone when combined."
)


class CaseForm(QDialog):
    def __init__(
        self,
        case: Case,
        specialties: list[str],
        save: Callable[[Case], Case],
        suggest_code: Callable[[], str],
        parent: QWidget | None = None,
        guard: PrivacyGuard | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseForm")
        self.guard = guard or PrivacyGuard()  # the window's, configured from the log
        self._case = case
        self._save = save
        self._suggest_code = suggest_code
        self.saved: Case | None = None
        self._accepted_findings: frozenset[tuple[str, str]] = frozenset()  # asked about once already
        self.setWindowTitle(f"Edit case {case.code}" if case.id else "New case")
        self.setMinimumWidth(560)

        self.code = QLineEdit(case.code, objectName="codeField")
        self.code.setAccessibleName("Case code")
        self.code.setToolTip("A random code; never derive it from patient details.")
        new_code = QPushButton("New random code")
        new_code.clicked.connect(lambda: self.code.setText(self._suggest_code()))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, stretch=1)
        code_row.addWidget(new_code)

        self.specialty = QComboBox(objectName="specialtyField")
        self.specialty.setEditable(True)
        self.specialty.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.specialty.addItems(specialties)
        self.specialty.setCurrentText(case.specialty)
        self.specialty.setAccessibleName("Specialty")

        self.setting = self._enum_combo("settingField", "Setting", Setting, case.setting)
        self.life_stage = self._enum_combo("lifeStageField", "Life stage", LifeStage, case.life_stage)

        self.gender = QLineEdit(case.gender or "", objectName="genderField")
        self.gender.setPlaceholderText("Only if relevant to the relational pattern")
        self.gender.setAccessibleName("Gender")

        self.referral = QPlainTextEdit(case.referral_reason, objectName="referralField")
        self.referral.setPlaceholderText("Why the team asked for a consultation, in general terms")
        self.referral.setAccessibleName("Referral reason")
        self.referral.setTabChangesFocus(True)
        self.referral.setFixedHeight(110)

        self.tags = QLineEdit(", ".join(case.tags), objectName="tagsField")
        self.tags.setPlaceholderText("Comma-separated, e.g. missed sessions, team split")
        self.tags.setAccessibleName("Tags")
        for field in (self.gender, self.referral, self.tags):
            add_guard(field, self.guard)  # identifiers underlined here too: the case fields are in every export

        reminder = QLabel(REMINDER)
        reminder.setWordWrap(True)
        reminder.setObjectName("privacyReminder")

        self.error = QLabel(objectName="formError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        set_tone(self.error, "error")
        self.error.hide()

        form = QFormLayout()
        code_label = QLabel("&Code")  # a label of its own, with a buddy: else "&" shows literally
        code_label.setBuddy(self.code)
        form.addRow(code_label, code_row)
        form.addRow("S&pecialty", self.specialty)
        form.addRow("&Setting", self.setting)
        form.addRow("&Life stage", self.life_stage)
        form.addRow("&Gender", self.gender)
        form.addRow("&Referral reason", self.referral)
        form.addRow("&Tags", self.tags)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        # The dialog grows when a problem is named, rather than squeezing the rows above it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(reminder)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fields = {
            "code": self.code, "specialty": self.specialty, "gender": self.gender,
            "referral_reason": self.referral, "tags": self.tags,
        }
        (self.specialty if case.id is None else self.referral).setFocus()

    @staticmethod
    def _enum_combo(name: str, label: str, enum: type, current: object) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setAccessibleName(label)
        for member in enum:
            combo.addItem(wording.term(member), member)
        combo.setCurrentIndex(combo.findData(current))
        return combo

    def case_from_fields(self) -> Case:
        return Case(
            id=self._case.id,
            code=self.code.text(),
            specialty=self.specialty.currentText(),
            # Qt hands enum data back as plain strings.
            setting=Setting(self.setting.currentData()),
            life_stage=LifeStage(self.life_stage.currentData()),
            gender=self.gender.text() or None,
            referral_reason=self.referral.toPlainText(),
            status=self._case.status,
            tags=[t for t in self.tags.text().split(",")],
        )

    def findings(self) -> list[tuple[str, str]]:
        """(field label, text) of each possible identifier in the case's free-text fields."""
        guard = self.guard
        fields = (("Specialty", self.specialty.currentText()), ("Gender", self.gender.text()),
                  ("Referral reason", self.referral.toPlainText()), ("Tags", self.tags.text()))
        return [(label, f.text) for label, text in fields for f in guard.findings(text)]

    def _saving_despite_findings(self) -> bool:
        """Asks once (Cancel by default) before a case with possible identifiers is saved."""
        found = self.findings()
        if not found or frozenset(found) <= self._accepted_findings:
            return True
        listed = "\n".join(f"\u2022 {label}: \u201c{text}\u201d" for label, text in found[:8])
        more = f"\n\u2026 and {len(found) - 8} more" if len(found) > 8 else ""
        text = (f"{wording.count(len(found), 'possible identifier')} in this case:\n{listed}{more}\n\n"
                "The case log must stay anonymous. Replace them (right-click, or Ctrl+Shift+R in the "
                "field), or save anyway if none identifies anyone.")
        if ask(self, "caseFindingsQuestion", self.windowTitle(), text, ["Save &anyway"],
               icon=QMessageBox.Icon.Warning) is None:
            return False
        self._accepted_findings = frozenset(found)
        return True

    def accept(self) -> None:
        if not self._saving_despite_findings():
            return  # back to the form, everything typed still there
        try:
            self.saved = self._save(self.case_from_fields())
        except IdcError as exc:
            # Stay open with everything typed still there, and point at the field.
            self.error.setText(str(exc))
            self.error.show()
            # Grow to fit the message: squeezed, the rows above it would clip ("Tags" cut in half).
            self.layout().activate()
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            widget = self._fields.get(exc.field) if isinstance(exc, ValidationError) else None
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
