"""The case area: a case's page with its sessions (made when first shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.domain.errors import IdcError

if TYPE_CHECKING:
    from idc_desktop.ui.case.case_view import CaseView
    from idc_desktop.ui.shell.context import ShellContext


class CaseController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.view: CaseView | None = None

    def _made_view(self) -> CaseView:
        if self.view is None:
            from idc_desktop.services import shipped
            from idc_desktop.ui.case.case_view import CaseView

            ctx = self.ctx
            self.view = CaseView({p.key: p.title for p in shipped.phases()})
            self.view.back_requested.connect(lambda: ctx.library.show())
            self.view.new_session_requested.connect(lambda: ctx.sessions.start(self.view.case.id))
            self.view.open_session_requested.connect(lambda session_id: ctx.sessions.open(session_id))
            ctx.pages.addWidget(self.view)  # in the window before it is filled: it puts the focus on its table
        return self.view

    def show(self, case_id: int) -> None:
        ctx = self.ctx
        if ctx.services is None or not ctx.sessions.leave():
            return
        try:
            case = ctx.services.cases.get(case_id)
            sessions = ctx.services.sessions.for_case(case_id)
            timeline = ctx.services.desk.case_timeline(case_id)
        except IdcError as exc:
            QMessageBox.warning(ctx.host, APP_TITLE, str(exc))
            return
        view = self._made_view()
        view.show_case(case, sessions)
        view.show_timeline(timeline)
        ctx.show_page(view)

    def on_screen(self) -> CaseView | None:
        """The case page, if it is shown with a case."""
        view = self.view
        return view if view is not None and self.ctx.current_page() is view and view.case is not None else None
