"""Due now: fills the page from `DeskService.due_now` and opens where each row is acted on.

A review due opens its case (where Ctrl+Shift+N starts the follow-up, which brings the open
actions to review); an action opens its session at the plan page. The window gives the page a
place among its pages and a key (View › Due now, Ctrl+D); everything else is here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.domain import wording
from idc_desktop.domain.desk import DueAction, DueList, DueNow, DueReview
from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.desk.due_models import ROW_ROLE
from idc_desktop.ui.desk.due_view import DueView

if TYPE_CHECKING:
    from idc_desktop.ui.shell.context import ShellContext

PLAN_PHASE = "plan"


def summary_text(due: DueNow) -> str:
    if due.is_empty():
        return f"As of {wording.day(due.today)}, nothing is due: no reviews have come and no actions are open."
    n = due.counts
    parts = [f"{wording.count(n.reviews, 'review')} due ({n.overdue_reviews} overdue)",
             f"{wording.count(n.actions, 'open action')} ({n.overdue_actions} overdue)",
             f"{wording.count(n.carried, 'action')} carried over more than once"]
    return f"As of {wording.day(due.today)}: " + "; ".join(parts) + "."


Reader = Callable[[DueList, date, DueReview | DueAction], Sequence[DueReview | DueAction]]


def fill(view: DueView, due: DueNow, read_on: Reader | None = None) -> None:
    """Put what is due on the page: the counts, and each list's first page, the rest read
    by `read_on` (DeskService.due_page) as its table scrolls (the benchmark times this with the query)."""
    view.summary.setText(summary_text(due))
    for section, kind, noun in ((view.reviews, DueList.REVIEWS, "case"), (view.actions, DueList.ACTIONS, "action"),
                                (view.carried, DueList.CARRIED, "action")):
        more = None if read_on is None else partial(read_on, kind, due.today)
        section.show_rows(due.first_page(kind), wording.count(due.counts.of(kind), noun), due.counts.of(kind), more)


class DueController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.view = DueView()
        self.view.back_requested.connect(lambda: ctx.library.show())
        for section in self.view.sections():
            section.table.activated.connect(self._activated)
        self.due: DueNow | None = None

    def show(self) -> None:
        """Leave what is open (saving it), refresh the lists and bring the page forward."""
        ctx = self.ctx
        if ctx.services is None or not ctx.sessions.leave():
            return
        try:
            self.due = ctx.services.desk.due_now()
        except IdcError as exc:
            QMessageBox.warning(ctx.host, APP_TITLE, str(exc))
            return
        fill(self.view, self.due, self._read_on)
        ctx.show_page(self.view)
        self.view.focus_first()

    def _read_on(self, kind: DueList, today: date, after: DueReview | DueAction) -> Sequence[DueReview | DueAction]:
        """The next page of a list as its table scrolls; if the log cannot be read, nothing (the
        list stops where it is) and the reason, said once the view has finished scrolling: a
        box opened inside the view's own fetch would let it ask again beneath the box."""
        services = self.ctx.services
        if services is None:
            return []
        try:
            return services.desk.due_page(kind, today, after)
        except IdcError as exc:
            message = f"The rest of the list could not be read: {exc}"
            QTimer.singleShot(0, lambda: QMessageBox.warning(self.ctx.host, APP_TITLE, message))
            return []

    def _activated(self, index: QModelIndex) -> None:
        self.open_row(index.data(ROW_ROLE))

    def open_row(self, row: DueReview | DueAction | None) -> None:
        if isinstance(row, DueReview):
            self.ctx.cases.show(row.case_id)
            if self.ctx.cases.view is not None:
                self.ctx.cases.view.table.selectRow(row.session_number - 1)
        elif isinstance(row, DueAction):
            self.open_plan(row.session_id)

    def open_plan(self, session_id: int) -> None:
        sessions = self.ctx.sessions
        sessions.open(session_id)
        editor = sessions.editor
        if editor is None or editor.doc.session.id != session_id:
            return  # the session could not be opened (the window said why)
        keys = [p.key for p in editor.phases]
        if PLAN_PHASE in keys:
            editor.go_to(keys.index(PLAN_PHASE))
            editor.current_page().focus_first()
