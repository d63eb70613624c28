"""The passphrase dialogs: asking for it (opening a protected log, confirming a change) and
choosing one (protecting, changing), with a strength hint and the plain warning. Lay out only."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from idc_desktop import APP_TITLE
from idc_desktop.ui.theme_tokens import set_tone

FORGOTTEN = ("A forgotten passphrase cannot be recovered: there is no reset, and nobody (not even the "
             "app's makers or your IT department) can open the log or its backups without it. Keep it safe.")
MIN_LENGTH = 8


def _secret(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible)
    return field


class AskPassphraseDialog(QDialog):
    """One passphrase, typed; a wrong one is named calmly and the dialog stays for another try."""

    def __init__(self, parent: QWidget | None, title: str, text: str, accept_text: str = "&Open") -> None:
        super().__init__(parent)
        self.setObjectName("askPassphrase")
        self.setMinimumWidth(440)  # the message reads in a few lines, not a column
        self.setWindowTitle(f"{title} — {APP_TITLE}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, wordWrap=True))
        self.passphrase = _secret("passphraseField", "Passphrase")
        layout.addWidget(self.passphrase)
        self.problem = QLabel("", objectName="passphraseProblem", wordWrap=True)
        set_tone(self.problem, "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def text(self) -> str:
        return self.passphrase.text()

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class ChoosePassphraseDialog(QDialog):
    """A new passphrase, typed twice; the current one first when changing."""

    def __init__(self, parent: QWidget | None, needs_current: bool, hint) -> None:  # noqa: ANN001 - text -> hint
        super().__init__(parent)
        self.setObjectName("choosePassphrase")
        self.setMinimumWidth(460)
        self.setWindowTitle(f"{'Change passphrase' if needs_current else 'Protect with a passphrase'} — {APP_TITLE}")
        self._hint = hint
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The case log, its journal and every backup will be encrypted with this passphrase. "
                                "Exported PDF, JSON and CSV files stay plain files.", wordWrap=True))
        form = QFormLayout()
        self.current = _secret("currentPassphrase", "Current passphrase")
        if needs_current:
            form.addRow("&Current passphrase:", self.current)
        self.new = _secret("newPassphrase", "New passphrase")
        self.again = _secret("againPassphrase", "New passphrase again")
        form.addRow("&New passphrase:", self.new)
        form.addRow("&Again:", self.again)
        layout.addLayout(form)
        self.strength = QLabel("", objectName="passphraseStrength", wordWrap=True)
        layout.addWidget(self.strength)
        warning = QLabel(FORGOTTEN, objectName="passphraseWarning", wordWrap=True)
        set_tone(warning, "error")  # the one thing to read before choosing
        layout.addWidget(warning)
        self.problem = QLabel("", objectName="passphraseProblem", wordWrap=True)
        set_tone(self.problem, "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton("&Protect" if not needs_current else "&Change", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.new, self.again):
            field.textChanged.connect(self._check)
        self._check()
        (self.current if needs_current else self.new).setFocus()

    def _check(self) -> None:
        new, again = self.new.text(), self.again.text()
        self.strength.setText(self._hint(new) if new else f"Use at least {MIN_LENGTH} characters; a few unrelated "
                              "words are strong and easy to remember.")
        ready = len(new) >= MIN_LENGTH and new == again
        self.ok.setEnabled(ready)
        self.ok.setDefault(ready)
        if again and new != again:
            self.say("The two new passphrases differ.")
        else:
            self.problem.hide()

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()
