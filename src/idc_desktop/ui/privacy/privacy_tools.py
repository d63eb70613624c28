"""Tools > Watch list… and Tools > Privacy audit…: the lead's side of the anonymisation guard.

Opening a finding from the audit goes where it can be fixed: the session at the page that
holds the field, or the case form for the case's own fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.dialogs.term_list_dialog import RemovableList, TermList, TermListDialog

if TYPE_CHECKING:
    from idc_desktop.services.findings import Located
    from idc_desktop.ui.shell.context import ShellContext


def _reconfigure(ctx: ShellContext) -> None:
    ctx.guard.use_log(ctx.services.privacy)


def watch_list_dialog(ctx: ShellContext) -> TermListDialog:
    privacy = ctx.services.privacy

    def add(text: str) -> str:
        term = privacy.watch(text)
        _reconfigure(ctx)  # open fields underline the new name at once
        return term

    def remove(text: str) -> None:
        privacy.unwatch(text)
        _reconfigure(ctx)

    def undismiss(text: str) -> None:
        privacy.undismiss(text)
        _reconfigure(ctx)

    return TermListDialog(TermList(
        terms=privacy.watch_list, add=add, remove=remove, name="watch-list name", title="Watch list",
        object_prefix="watch",
        intro="Local names the guard should always flag: hospitals, wards, GP practices, members of staff. "
              "Below them, what was marked \u201cnot an identifier\u201d. Both are kept in this log only; "
              "a flag's right-click menu adds to either.",
    ), ctx.host, also=RemovableList(
        terms=privacy.dismissed, remove=undismiss, label="Never &flagged (marked \u201cnot an identifier\u201d)",
        empty="Nothing marked yet", object_name="dismissedList",
    ))


def open_finding(ctx: ShellContext, located: Located) -> None:
    """Show a finding where it can be fixed."""
    services = ctx.services
    case = services.cases.by_code(located.code)
    if case is None:
        return
    if located.session_number is None:
        ctx.cases.show(case.id)
        library = ctx.library.controller
        if library is not None:
            library.select_case(case.id)
            library.edit_case()
        return
    from idc_desktop.domain.phases import phase_holding

    sessions = services.sessions.for_case(case.id)
    if not 0 < located.session_number <= len(sessions):
        return
    ctx.sessions.open(sessions[located.session_number - 1].id)
    editor = ctx.sessions.editor
    if editor is not None and located.part is not None:
        index = phase_holding(editor.phases, located.part)
        if index is not None:
            editor.go_to(index)


def show_audit(ctx: ShellContext) -> None:
    from idc_desktop.ui.privacy.audit_view import AuditDialog

    services = ctx.services
    if services is None:
        return
    try:
        dialog = AuditDialog(lambda: services.privacy.audit(services.transfer), ctx.host)
    except IdcError as exc:
        ctx.say(str(exc), 8000)
        return
    chosen: list[Located] = []
    dialog.open_requested.connect(chosen.append)
    dialog.exec()
    dialog.deleteLater()
    if chosen:
        open_finding(ctx, chosen[0])
