"""File › Protect with passphrase…, Change passphrase…, Remove protection…; the offer made once on
a first run. The log is closed for the change (done in the background, after a checked backup,
safe against a kill: services/protection.py) and reopened with whichever passphrase opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.lock.passphrase_dialog import AskPassphraseDialog, ChoosePassphraseDialog

if TYPE_CHECKING:
    from idc_desktop.services.protection import Passphrase
    from idc_desktop.ui.shell.context import ShellContext


class ProtectionController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        window = self.window = ctx.host  # the parent of its dialogs
        self.protect_action = QAction("&Protect with passphrase…", window, objectName="protectLog")
        self.change_action = QAction("C&hange passphrase…", window, objectName="changePassphrase")
        self.remove_action = QAction("&Remove protection…", window, objectName="removeProtection")
        self.protect_action.triggered.connect(self.protect)
        self.change_action.triggered.connect(self.change)
        self.remove_action.triggered.connect(self.remove)
        self.actions = [self.protect_action, self.change_action, self.remove_action]
        ctx.attached.connect(self.update)
        self.update()

    @property
    def key(self) -> Passphrase | None:
        services = self.ctx.services
        return services.store.key if services is not None else None

    def update(self) -> None:
        attached = self.ctx.services is not None
        self.protect_action.setEnabled(attached and self.key is None)
        self.change_action.setEnabled(attached and self.key is not None)
        self.remove_action.setEnabled(attached and self.key is not None)

    # --- the three changes ----------------------------------------------------------------
    def protect(self) -> bool:
        from idc_desktop.services.protection import strength_hint

        dialog = ChoosePassphraseDialog(self.window, False, strength_hint)
        new = self._chosen(dialog)
        return new is not None and self._apply(None, new)

    def change(self) -> bool:
        from idc_desktop.services.protection import strength_hint

        dialog = ChoosePassphraseDialog(self.window, True, strength_hint)
        new = self._chosen(dialog, check_current=True)
        return new is not None and self._apply(self.key, new)

    def remove(self) -> bool:
        dialog = AskPassphraseDialog(self.window, "Remove protection",
                                     "The case log and its backups will be written again as plain files, which "
                                     "anyone with the laptop can read. Type the passphrase to go ahead.",
                                     "&Remove protection")
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._is_current(dialog.text()):
                return self._apply(self.key, None)
            dialog.say("That is not the passphrase of this log.")
        return False

    def _chosen(self, dialog: ChoosePassphraseDialog, check_current: bool = False) -> Passphrase | None:
        from idc_desktop.services.protection import Passphrase

        while dialog.exec() == QDialog.DialogCode.Accepted:
            if check_current and not self._is_current(dialog.current.text()):
                dialog.say("The current passphrase is not right.")
                continue
            try:
                return Passphrase(dialog.new.text())
            except IdcError as exc:
                dialog.say(str(exc))
        return None

    def _is_current(self, typed: str) -> bool:
        import hmac

        key = self.key
        return key is not None and hmac.compare_digest(typed.encode("utf-8"), key.reveal().encode("utf-8"))

    def _apply(self, old: Passphrase | None, new: Passphrase | None) -> bool:
        """Close the log, change its key in the background, reopen it with the key that opens it."""
        from idc_desktop.services import open_services
        from idc_desktop.services.protection import change_passphrase, opening_key
        from idc_desktop.ui.background import run_and_wait

        ctx, w = self.ctx, self.window
        if ctx.services is None or not ctx.sessions.leave():
            return False
        ctx.backups.finish_running()  # a rolling backup still copying the log ends first
        data_dir = ctx.services.store.data_dir
        ctx.services.close()
        done = False
        try:
            kept = run_and_wait(w, "Encrypting the case log and its backups…" if new else "Decrypting the case log…",
                                lambda progress: change_passphrase(data_dir, old, new, progress))
            done = True
        except IdcError as exc:
            QMessageBox.warning(w, APP_TITLE, str(exc))
        ctx.attach(open_services(data_dir, lock_held=True, key=opening_key(data_dir, old, new)))
        ctx.library.show()
        if done:
            state = "protected by the passphrase" if new else "no longer protected"
            ctx.say(f"The case log and its backups are {state}. The log as it was is kept, "
                                      f"checked, in {kept.name}.", 15000)
        return done

    # --- once, on a first run --------------------------------------------------------------
    def offer_once(self) -> None:
        settings = self.ctx.settings
        if settings.protection_offered or self.key is not None:
            return
        settings.protection_offered = True
        box = QMessageBox(QMessageBox.Icon.Question, APP_TITLE,
                          "Protect the case log with a passphrase? If the laptop is lost, the log, its journal and "
                          "its backups cannot be read without it. You can do this later from the File menu.",
                          parent=self.window)
        box.setObjectName("offerProtection")
        protect = box.addButton("&Protect with passphrase…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Not now", QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(lambda _result: self.protect() if box.clickedButton() is protect else None)
        box.open()  # not blocking: the window is usable at once
