"""What a locked window shows: an opaque cover over every window of the app, and the unlock
panel (a modal dialog, so it takes the keys even over another dialog). Lays out only; the
lock controller decides."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from idc_desktop import APP_TITLE
from idc_desktop.ui.theme_tokens import set_tone


class LockCover(QWidget):
    """Covers its window whole (menus and toolbar included) and follows its size."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("lockCover")
        self.setAccessibleName("Locked")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        label = QLabel(f"{APP_TITLE} is locked", objectName="lockTitle")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # In the upper part: the unlock panel sits in the middle and would hide a centred title.
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addStretch(3)
        host.installEventFilter(self)
        self.setGeometry(host.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.ChildAdded):
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False


class UnlockDialog(QDialog):
    """The unlock panel: the passphrase for a protected log, or a deliberate press of Unlock."""

    unlock_requested = Signal(str)  # what was typed ("" for an unprotected log)

    def __init__(self, parent: QWidget, protected: bool) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(f"{APP_TITLE} is locked")
        self.setModal(True)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        if protected:
            text = "The case log is locked. Type its passphrase to go on where you left off."
        else:
            text = "The window is locked. Press Unlock to go on where you left off (nothing was lost)."
        layout.addWidget(QLabel(text, wordWrap=True))
        self.passphrase = QLineEdit(objectName="unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setVisible(protected)
        layout.addWidget(self.passphrase)
        self.problem = QLabel("", objectName="unlockProblem", wordWrap=True)
        set_tone(self.problem, "error")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.unlock = buttons.addButton("&Unlock", QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock.setObjectName("unlockButton")
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(lambda: self.unlock_requested.emit(self.passphrase.text()))
        layout.addWidget(buttons)
        (self.passphrase if protected else self.unlock).setFocus()

    def say_wrong(self) -> None:
        self.problem.setText("That is not the passphrase. Check Caps Lock and try again.")
        self.problem.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def reject(self) -> None:  # Esc must not unlock, nor leave a locked window without its panel
        pass

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        event.ignore()
