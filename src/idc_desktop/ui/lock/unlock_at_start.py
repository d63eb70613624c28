"""Opening a protected log: the passphrase is asked for before anything of the log is shown; a
wrong one is named calmly and can be tried again; nothing is written until it is right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QWidget

from idc_desktop.domain.errors import InputError, WrongPassphraseError
from idc_desktop.ui.lock.passphrase_dialog import AskPassphraseDialog

T = TypeVar("T")


def ask_and_open(parent: QWidget, open_with: Callable[..., T]) -> T | None:
    """`open_with(key)` with the passphrase typed, until it opens the log; None when the user quits."""
    from idc_desktop.services.protection import Passphrase

    dialog = AskPassphraseDialog(parent, "The case log is protected",
                                 "This case log is protected by a passphrase. Type it to open the log.")
    dialog.setObjectName("openProtected")
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return open_with(Passphrase(dialog.text()))
        except WrongPassphraseError:
            dialog.say("That passphrase does not open the case log. Check Caps Lock and try again; "
                       "nothing has been changed.")
        except InputError as exc:
            dialog.say(str(exc))
    return None
