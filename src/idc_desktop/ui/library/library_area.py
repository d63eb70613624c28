"""The library area: the home page and the case actions (New, Edit, Close or Reopen, Delete,
Find, New session, Import). It owns the actions; the table's querying and the case forms are
the `LibraryController`'s, made once a log is attached."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from idc_desktop.ui.shell.actions import make_action

if TYPE_CHECKING:
    from idc_desktop.domain import CaseSummary
    from idc_desktop.ui.importing import ImportFlow
    from idc_desktop.ui.library.library_controller import LibraryController
    from idc_desktop.ui.library.library_view import LibraryView
    from idc_desktop.ui.shell.context import ShellContext


class LibraryArea(QObject):
    selection_changed = Signal(object)  # CaseSummary | None

    def __init__(self, ctx: ShellContext, view: LibraryView) -> None:
        super().__init__(ctx)
        self.ctx, self.view = ctx, view
        self.controller: LibraryController | None = None
        self.import_flow: ImportFlow | None = None
        host, attached = ctx.host, self._attached_only
        self.new_case = make_action(host, "&New case…", attached(lambda c: c.new_case()),
                                    QKeySequence.StandardKey.New, icon_name="new_case", enabled=False)
        self.edit = make_action(host, "&Edit case…", attached(lambda c: c.edit_case()), "Ctrl+Shift+E",
                                icon_name="edit")
        self.close_case = make_action(host, "&Close case", attached(lambda c: c.toggle_closed()), "Ctrl+Shift+W",
                                      icon_name="close_case")
        self.delete = make_action(host, "&Delete case…", attached(lambda c: c.delete_case()),
                                  QKeySequence.StandardKey.Delete, icon_name="delete")
        self.find = make_action(host, "&Find", self.focus_search, QKeySequence.StandardKey.Find, icon_name="search")
        self.new_session = make_action(host, "New &session", self._new_session_for_selected, "Ctrl+Shift+N",
                                       icon_name="new_session")
        self.import_cases = make_action(host, "&Import cases…", self.choose_and_import, "Ctrl+I", enabled=False)
        # New session belongs to the library page (a session's editor has its own keys), and Delete
        # to the table: it must not fire while typing in the search box.
        self._only_within(self.new_session, view)
        self._only_within(self.delete, view.table)
        self.update(None)
        ctx.attached.connect(self._attach)

    def _only_within(self, action, widget) -> None:  # noqa: ANN001
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ctx.host.removeAction(action)
        widget.addAction(action)

    def _attached_only(self, run: Callable[[LibraryController], object]) -> Callable[[], None]:
        return lambda: None if self.controller is None else run(self.controller)

    def _attach(self) -> None:
        from idc_desktop.ui.library.library_controller import LibraryController  # after the first paint

        ctx = self.ctx
        if self.controller is None:
            self.controller = LibraryController(self.view, ctx.services, ctx.host, ctx.guard)
            self.controller.message.connect(lambda text: ctx.say(text, 5000))
            self.controller.selection_changed.connect(self.update)
            self.controller.case_activated.connect(lambda case_id: ctx.cases.show(case_id))
        else:  # a restore swapped the log
            self.controller.services = ctx.services
            self.controller.reload_specialties()
        self.new_case.setEnabled(True)
        self.import_cases.setEnabled(True)
        self.update(self.controller.selected())

    def preview(self, first_look: tuple[int, list[CaseSummary]] | None) -> None:
        """The log's first page, read before the store is open (store/first_look.py), so the cases
        show at once; the controller replaces it with the store's rows, in the same order, on attach."""
        if first_look is None or self.controller is not None:
            return
        count, rows = first_look
        if not rows:
            return  # an empty log's welcome needs the store: it says where the log lives
        self.view.model.set_source(count, lambda offset, limit: rows[offset:offset + limit])
        self.view.count_label.setText(f"{count:,} case{'s' if count != 1 else ''}")
        self.view.show_hint(None)

    def selected(self) -> CaseSummary | None:
        return self.controller.selected() if self.controller is not None else None

    def update(self, summary: CaseSummary | None) -> None:
        """The case actions follow the selection; Close becomes Reopen on a closed case."""
        from idc_desktop.ui.icons import icon

        has_case = summary is not None
        for action in (self.edit, self.close_case, self.delete, self.new_session):
            action.setEnabled(has_case)
        closed = has_case and summary.status.value == "closed"
        self.close_case.setText("&Reopen case" if closed else "&Close case")
        self.close_case.setIcon(icon("reopen" if closed else "close_case"))
        self.selection_changed.emit(summary)

    # --- the page ----------------------------------------------------------------
    def show(self) -> None:
        if not self.ctx.sessions.leave():
            return
        self.ctx.show_page(self.view)
        if self.controller is not None:
            self.controller.refresh()
        self.view.table.setFocus()

    def focus_search(self) -> None:
        if self.ctx.current_page() is not self.view:
            self.show()
        self.view.search.setFocus()
        self.view.search.selectAll()

    def _new_session_for_selected(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.ctx.sessions.start(summary.id)

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.ctx.host, "Import cases", "",
                                              "IDC Desktop cases (*.json);;All files (*)")
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        if self.ctx.services is None or self.controller is None:
            return
        from idc_desktop.ui.importing import ImportFlow  # reading and storing run in the background

        self.import_flow = ImportFlow(self.ctx, path)
        self.import_flow.start()
