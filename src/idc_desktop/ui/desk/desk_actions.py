"""The desk area's actions: View › Due now (Ctrl+D), View › Patterns across the log
(Ctrl+Shift+P) and File › Service report…. The pages and reportlab load when first asked
for, not at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from idc_desktop.ui.shell.actions import make_action

if TYPE_CHECKING:
    from idc_desktop.ui.desk.due_controller import DueController
    from idc_desktop.ui.desk.patterns_controller import PatternsController
    from idc_desktop.ui.desk.patterns_controller import PatternsController
    from idc_desktop.ui.shell.context import ShellContext


class DeskActions(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.due_page: DueController | None = None
        self.patterns_page: PatternsController | None = None
        self.due = make_action(ctx.host, "&Due now", self.show_due, "Ctrl+D",
                               tip="Reviews due and overdue, open actions, actions carried over more than once")
        self.patterns = make_action(ctx.host, "P&atterns across the log", self.show_patterns, "Ctrl+Shift+P",
                                    tip="Items, combinations, alliance and actions that recur")
        self.report = make_action(ctx.host, "Ser&vice report…", self.service_report,
                                  tip="Consultations, cases, attendees, hours, actions and items for a date range, "
                                      "as PDF or CSV")

    def show_due(self) -> DueController:
        if self.due_page is None:
            from idc_desktop.ui.desk.due_controller import DueController

            self.due_page = DueController(self.ctx)
        self.due_page.show()
        return self.due_page

    def show_patterns(self) -> PatternsController:
        if self.patterns_page is None:
            from idc_desktop.ui.desk.patterns_controller import PatternsController

            self.patterns_page = PatternsController(self.ctx)
        self.patterns_page.show()
        return self.patterns_page

    def service_report(self) -> None:
        from idc_desktop.ui.desk.report_controller import service_report  # reportlab loads on first use

        service_report(self.ctx)
