"""The Tools area: the lead's pick lists (item catalogue, disciplines) and the anonymisation
guard's side for the lead (watch list, privacy audit). Owns the four actions; each dialog's
module loads when first used, not at start-up, and none runs before a log is attached."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMenu

from idc_desktop.ui.shell.actions import make_action

if TYPE_CHECKING:
    from idc_desktop.ui.shell.context import ShellContext


class ToolsController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        host, attached = ctx.host, self._attached_only
        self.catalogue = make_action(host, "&Catalogue…", attached(self._catalogue), "Ctrl+Shift+K",
                                     name="openCatalogue",
                                     tip="Add, rename, hide or show the items perspectives are described with")
        self.disciplines = make_action(host, "&Disciplines…", attached(self._disciplines), name="openDisciplines",
                                       tip="The roles offered wherever a session records one")
        self.watch_list = make_action(host, "&Watch list…", attached(self._watch_list), name="openWatchList",
                                      tip="Local names the anonymisation guard always flags")
        self.audit = make_action(host, "Privacy &audit…", attached(self._audit), "Ctrl+Shift+A",
                                 name="openPrivacyAudit", tip="Every possible identifier across the whole log")

    def fill(self, menu: QMenu) -> None:
        menu.addActions([self.catalogue, self.disciplines])
        menu.addSeparator()
        menu.addActions([self.watch_list, self.audit])

    def _attached_only(self, run: Callable[[], None]) -> Callable[[], None]:
        return lambda: None if self.ctx.services is None else run()

    def _run_dialog(self, dialog: QDialog) -> QDialog:
        dialog.exec()
        dialog.deleteLater()
        return dialog

    def _catalogue(self) -> None:
        from idc_desktop.ui.dialogs.catalogue_dialog import CatalogueDialog

        catalogue = self.ctx.services.catalogue
        dialog = self._run_dialog(CatalogueDialog(catalogue, self.ctx.host))
        editor = self.ctx.sessions.editor
        if dialog.changed and editor is not None:  # an open session relabels its items
            editor.reload_catalogue(catalogue.items(include_hidden=True))

    def _disciplines(self) -> None:
        from idc_desktop.ui.dialogs.disciplines_dialog import DisciplinesDialog

        self._run_dialog(DisciplinesDialog(self.ctx.services.vocabulary, self.ctx.host))

    def _watch_list(self) -> None:
        from idc_desktop.ui.privacy.privacy_tools import watch_list_dialog

        self._run_dialog(watch_list_dialog(self.ctx))

    def _audit(self) -> None:
        from idc_desktop.ui.privacy.privacy_tools import show_audit

        show_audit(self.ctx)
