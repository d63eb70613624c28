"""File > Back up now… and File > Restore from backup…, and the rolling daily backup taken
while the app runs (a minute after start, then hourly for an app left open overnight).

The rolling backup copies the whole log and runs a full integrity check on the copy: seconds
on a large log, so it runs in a worker thread (its own sqlite3 connections), never holding up
the facilitator's typing; a restore or quitting waits for it to finish. Restoring goes through
services/restoring.py and then tells every area that the log was swapped."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from idc_desktop.domain import wording
from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.background import BackgroundTask
from idc_desktop.ui.shell.actions import make_action

if TYPE_CHECKING:
    from idc_desktop.ui.shell.context import ShellContext

FIRST_BACKUP_MS = 60_000
EVERY_MS = 3_600_000
OTHER_FILE = "Another file…"


class BackupActions(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.window = ctx.host  # the parent of its dialogs
        self.back_up = make_action(ctx.host, "&Back up now…", self.back_up_now, enabled=False,
                                   tip="A checked copy of the case log, to a file you choose")
        self.restore = make_action(ctx.host, "&Restore from backup…", self.choose_and_restore, enabled=False,
                                   tip="Replace the case log with a backup (the current log is backed up first)")
        self.timer = QTimer(self, interval=EVERY_MS, timeout=self.daily)
        self.running: BackgroundTask | None = None
        ctx.attached.connect(self._attached)

    def _attached(self) -> None:
        if self.timer.isActive():
            return  # a restore swapped the log: the schedule goes on
        for action in (self.back_up, self.restore):
            action.setEnabled(True)
        QTimer.singleShot(FIRST_BACKUP_MS, self.daily)  # not during start-up: it costs a moment
        self.timer.start()

    def daily(self) -> BackgroundTask | None:
        """Start today's rolling backup in the background (unless one is running); the task, to follow."""
        services = self.ctx.services
        if services is None or self.running is not None:
            return None
        backups = services.backups
        task = BackgroundTask(lambda _progress: backups.daily(), self)
        task.failed.connect(lambda message: self.ctx.say(
            f"Today's automatic backup could not be taken: {message}", 15000))
        task.ended.connect(self._ended)
        self.running = task
        return task.start()

    def _ended(self) -> None:
        self.running = None

    def finish_running(self, timeout_s: float = 30.0) -> None:
        """Before a restore replaces the log, or the app quits: let a backup in progress end."""
        if self.running is not None:
            self.running.wait(timeout_s)

    def back_up_now(self, target: Path | None = None) -> Path | None:
        services = self.ctx.services
        if services is None:
            return None
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self.window, "Back up the case log",
                                                  str(Path.home() / default_backup_name(date.today())),
                                                  "Case log backups (*.sqlite3)")
            if not name:
                return None
            target = Path(name)
        try:
            path = services.backups.back_up_now(target)
        except (IdcError, OSError) as exc:
            QMessageBox.warning(self.window, "Backup failed", f"The backup was not written.\n\n{exc}")
            return None
        self.ctx.say(f"Backed up and checked: {path}", 8000)
        return path

    def choose_and_restore(self) -> bool:
        self.finish_running()
        services = self.ctx.services
        if services is None:
            return False
        backups = services.backups.list()
        labels = []
        for info in backups:
            cases = services.backups.case_count(info.path)
            shown = "? cases" if cases is None else wording.count(cases, "case")
            labels.append(f"{wording.moment(info.taken)} · {info.label} · {shown} · {info.size // 1024:,} KB")
        choice, ok = QInputDialog.getItem(self.window, "Restore from backup", "Backups, newest first:",
                                          [*labels, OTHER_FILE], 0, False)
        if not ok:
            return False
        if choice == OTHER_FILE:
            name, _ = QFileDialog.getOpenFileName(self.window, "Restore from backup", str(Path.home()),
                                                  "Case log backups (*.sqlite3);;All files (*)")
            if not name:
                return False
            path = Path(name)
        else:
            path = backups[labels.index(choice)].path
        return confirm_restore(self.window, path) and self.restore_from(path)

    def restore_from(self, backup: Path) -> bool:
        """Swap the log for a backup: the session is left (saved) and the store closed while it is
        replaced, then a log is opened again and every area shown it."""
        ctx = self.ctx
        if ctx.services is None or not ctx.sessions.leave():
            return False
        from idc_desktop.services.restoring import restore_while_open

        self.finish_running()  # a rolling backup still copying the log ends first
        restored = restore_while_open(ctx.services, backup)
        ctx.attach(restored.services)
        ctx.library.show()
        if not restored.done:
            QMessageBox.warning(self.window, "Nothing restored", f"The case log is unchanged.\n\n{restored.problem}")
            return False
        kept = f" The log as it was is kept in {restored.kept.name}." if restored.kept else ""
        ctx.say(f"Restored {backup.name}.{kept}", 15000)
        return True


def default_backup_name(today: date) -> str:
    """A name that says when (ISO, as file names sort): a second backup does not offer the first's name."""
    return f"idc-desktop-backup-{today.isoformat()}.sqlite3"


def confirm_restore(parent: QWidget, path: Path) -> bool:
    """Ask before the swap; the button says what it does, and Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, "Restore from backup",
                      f"Replace the case log with the backup {path.name}?\n\n"
                      "The current log is backed up first, so this can be undone by restoring that copy.",
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("confirmRestore")
    restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is restore
