"""Tools > Privacy audit: every finding in the log, each a keypress away from its text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from idc_desktop.domain import Case, Contribution, Perspective
from idc_desktop.services import Services
from idc_desktop.ui.dialogs.term_list_dialog import TermListDialog
from idc_desktop.ui.privacy.audit_view import AuditDialog, AuditModel
from tests.ui.dialogs import when_dialog_opens


def seed(services: Services) -> tuple[Case, Case]:
    first = services.cases.create(Case(code="IDC-AAA2", specialty="Renal", referral_reason="Wife is Mrs Green"))
    second = services.cases.create(Case(code="IDC-BBB3", specialty="Oncology"))
    services.sessions.start(second.id)
    session = services.sessions.start(second.id)
    session.perspectives[Perspective.C].contributions.append(Contribution(text="He rang from 020 7946 0018"))
    services.sessions.save(session)
    return first, second


def test_the_model_passes_qtmodeltester(qtmodeltester, services: Services) -> None:  # noqa: ANN001
    seed(services)
    model = AuditModel()
    model.set_findings(services.privacy.audit(services.transfer))
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)


def test_enter_on_a_finding_opens_its_session_at_its_page(qtbot, window, services: Services) -> None:  # noqa: ANN001
    _, second = seed(services)
    rows = []

    def pick_the_phone_number(dialog: AuditDialog) -> None:
        assert dialog.summary.text() == "Checking the whole log\u2026"  # open at once; the scan runs behind
        qtbot.waitUntil(lambda: dialog.task is None)
        table = dialog.table
        texts = [table.model().index(r, 4).data() for r in range(table.model().rowCount())]
        rows.extend(texts)
        table.setCurrentIndex(table.model().index(texts.index("020 7946 0018"), 0))
        qtbot.keyClick(table, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, pick_the_phone_number, AuditDialog)
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert sorted(rows) == ["020 7946 0018", "Mrs Green"]
    editor = window.editor
    assert editor is not None and editor.doc.session.case_id == second.id
    assert editor.phases[editor.current_index].key == "perspective_c"
    assert editor.doc.session.id == services.sessions.for_case(second.id)[1].id


def test_a_watch_list_name_added_in_the_dialog_is_flagged_everywhere(qtbot, window, services: Services) -> None:  # noqa: ANN001
    def add(dialog: TermListDialog) -> None:
        qtbot.keyClicks(dialog.input, "Rowan Ward")
        qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
        dialog.reject()

    when_dialog_opens(qtbot, add, TermListDialog)
    window.tools.watch_list.trigger()
    assert services.privacy.watch_list() == ["Rowan Ward"]
    assert [f.kind for f in window.guard.findings("moved to rowan ward")] == ["watch_list"]


def test_the_watch_list_dialog_shows_what_was_marked_not_an_identifier(qtbot, window, services: Services) -> None:  # noqa: ANN001
    services.privacy.dismiss("name", "Hope")
    services.privacy.dismiss("facility", "Spring Lane Surgery")
    seen: list[list[str]] = []

    def look_and_take_one_back(dialog: TermListDialog) -> None:
        also = dialog.also_list
        seen.append([also.item(i).text() for i in range(also.count())])
        also.setFocus()
        also.setCurrentRow(0)
        qtbot.keyClick(also, Qt.Key.Key_Delete)
        seen.append([also.item(i).text() for i in range(also.count())])
        dialog.reject()

    when_dialog_opens(qtbot, look_and_take_one_back, TermListDialog)
    window.tools.watch_list.trigger()
    assert seen == [["Hope", "Spring Lane Surgery"], ["Spring Lane Surgery"]]
    assert services.privacy.dismissed() == ["Spring Lane Surgery"]
    assert "Hope" not in window.guard.config.ignored  # flagged again at once


def test_the_audit_scans_off_the_gui_thread(qtbot, window, services: Services, monkeypatch) -> None:  # noqa: ANN001
    import threading

    seed(services)
    threads: list[str] = []
    real = services.privacy.audit

    def recording(transfer):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread().name)
        return real(transfer)

    monkeypatch.setattr(services.privacy, "audit", recording)
    seen: list[str] = []

    def look(dialog: AuditDialog) -> None:
        qtbot.waitUntil(lambda: dialog.task is None)
        seen.append(dialog.summary.text())
        dialog.reject()

    when_dialog_opens(qtbot, look, AuditDialog)
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert threads == ["idc-background"] and seen == ["2 possible identifiers."]
