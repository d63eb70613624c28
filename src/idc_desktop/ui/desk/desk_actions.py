"""The desk area's actions: View › Due now (Ctrl+D) and File › Service report…. The Due now
page and reportlab load when first asked for, not at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from idc_desktop.ui.shell.actions import make_action

if TYPE_CHECKING:
    from idc_desktop.ui.desk.due_controller import DueController
    from idc_desktop.ui.shell.context import ShellContext


class DeskActions(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.due_page: DueController | None = None
        self.due = make_action(ctx.host, "&Due now", self.show_due, "Ctrl+D",
                               tip="Reviews due and overdue, open actions, actions carried over more than once")
        self.report = make_action(ctx.host, "Ser&vice report…", self.service_report,
                                  tip="Consultations, cases, attendees, hours, actions and items for a date range, "
                                      "as PDF or CSV")

    def show_due(self) -> DueController:
        if self.due_page is None:
            from idc_desktop.ui.desk.due_controller import DueController

            self.due_page = DueController(self.ctx)
        self.due_page.show()
        return self.due_page

    def service_report(self) -> None:
        from idc_desktop.ui.desk.report_controller import service_report  # reportlab loads on first use

        service_report(self.ctx)
