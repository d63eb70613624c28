"""File › Import cases…: read the file, ask about codes already in the log, then store the cases;
reading and storing run off the GUI thread with a progress bar and Cancel (a 3,000-case file
takes many seconds), and Cancel undoes everything, as the import is one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from idc_desktop.ui.background import BackgroundTask, with_progress
from idc_desktop.ui.dialogs.import_conflicts import ask_on_conflict

if TYPE_CHECKING:
    from idc_desktop.domain.bundle import CaseBundle
    from idc_desktop.ui.shell.context import ShellContext


class ImportFlow(QObject):
    finished = Signal()  # whatever the end: stored, failed, cancelled, or Cancel at the question

    def __init__(self, ctx: ShellContext, path: Path) -> None:
        super().__init__(ctx)
        self.ctx, self.services, self.path = ctx, ctx.services, path
        self.window = ctx.host  # the parent of its questions and progress
        self.task: BackgroundTask | None = None
        self.report = None  # the ImportReport once stored (tests read it)

    def start(self) -> None:
        transfer = self.services.transfer
        self._run(lambda _progress: transfer.read(self.path), self._read, f"Reading {self.path.name}…")

    def _run(self, work, done, label: str) -> None:  # noqa: ANN001
        self.task = BackgroundTask(work, self)
        self.task.succeeded.connect(done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)
        action = self.ctx.library.import_cases
        action.setEnabled(False)  # one import at a time
        self.task.ended.connect(lambda: action.setEnabled(True))
        with_progress(self.window, self.task, label)
        self.task.start()

    def _read(self, bundles: list[CaseBundle]) -> None:
        transfer = self.services.transfer
        choice = ask_on_conflict(self.window, transfer.conflicts(bundles))
        if choice is None:
            self.finished.emit()  # Cancel: nothing imported, nothing said
            return
        self._run(lambda progress: transfer.import_bundles(bundles, choice, progress), self._stored,
                  f"Importing {len(bundles):,} cases…")

    def _stored(self, report) -> None:  # noqa: ANN001 - ImportReport
        self.report = report
        library = self.ctx.library.controller
        if library is not None:
            library.reload_specialties()
            library.refresh()
        QMessageBox.information(self.window, "Import finished", report.describe())
        self.finished.emit()

    def _cancelled(self) -> None:
        self.ctx.say("Import cancelled: nothing was imported.", 8000)
        self.finished.emit()

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self.window, "Nothing imported", f"Nothing was imported.\n\n{message}")
        self.finished.emit()
