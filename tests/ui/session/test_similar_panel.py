"""Similar past cases in the session editor: F6, off the typing path, laptop only, read-only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from idc_desktop.domain import ActionStatus, Case, Perspective, PlanAction
from idc_desktop.services import Services
from idc_desktop.ui.help.shortcuts import shortcut_rows
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.session.similar_panel import CHOOSE, NONE_FOUND, PastCaseDialog

PAST_CYCLE = "They see us as dismissive; we feel guilty and keep away."


def _past_case(services: Services) -> str:
    case = services.cases.create(Case(code="", specialty="Oncology"))
    session = services.sessions.start(case.id, held_on=date(2026, 1, 5))
    session.perspectives[Perspective.A].items = ["dismissive"]
    session.perspectives[Perspective.D].items = ["guilty"]
    session.cycle = PAST_CYCLE
    session.plan.actions = [PlanAction("Agree one visiting time")]
    services.sessions.save(session)
    follow = services.sessions.start(case.id, held_on=date(2026, 2, 1))
    follow.plan.actions[0].status, follow.plan.actions[0].reviewed = ActionStatus.DONE, True
    services.sessions.save(follow)
    return case.code


def _editor(window: MainWindow, services: Services):  # noqa: ANN202
    case = services.cases.create(Case(code="", specialty="Renal"))
    session = services.sessions.start(case.id)
    window.ctx.sessions.open(session.id)
    return window.editor


def test_f6_shows_past_cases_that_share_the_items_chosen(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    code = _past_case(services)
    editor = _editor(window, services)
    panel = editor.similar
    assert panel is not None and panel.isHidden()
    qtbot.keyClick(editor, Qt.Key.Key_F6)
    assert panel.isVisible()
    qtbot.waitUntil(lambda: panel.status.text() == CHOOSE)
    editor.doc.edit("perspective.A.items", ["dismissive"], "Choose dismissive")
    # The search waits for a pause, so choosing (or typing) never waits for it.
    assert panel.timer.isActive() and panel.list.count() == 0
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)
    text = panel.list.item(0).text()
    assert text.startswith(f"{code} · Oncology · 5 Jan 2026")
    assert "Shares A: dismissive" in text and f"Cycle: {PAST_CYCLE}" in text
    assert "Done at review: Agree one visiting time" in text
    editor.doc.edit("perspective.A.items", ["idealising"], "Choose idealising")
    qtbot.waitUntil(lambda: panel.status.text() == NONE_FOUND, timeout=5000)
    assert panel.list.count() == 0
    qtbot.keyClick(editor, Qt.Key.Key_F6)
    assert panel.isHidden()


def test_opening_a_past_case_is_read_only(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    _past_case(services)
    editor = _editor(window, services)
    editor.toggle_similar()
    editor.doc.edit("perspective.D.items", ["guilty"], "Choose guilty")
    panel = editor.similar
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)
    panel.list.itemActivated.emit(panel.list.item(0))
    dialog = panel.dialog
    assert isinstance(dialog, PastCaseDialog) and dialog.isVisible()
    assert "(read-only)" in dialog.windowTitle() and len(dialog.timeline.cards) == 2
    assert not dialog.findChildren(QLineEdit) and not dialog.findChildren(QTextEdit)
    assert not dialog.findChildren(QPlainTextEdit)
    dialog.reject()


def test_the_room_never_sees_the_panel(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    _past_case(services)
    editor = _editor(window, services)
    editor.go_to(3)  # perspective A
    editor.toggle_similar()
    editor.doc.edit("perspective.A.items", ["dismissive"], "Choose dismissive")
    qtbot.waitUntil(lambda: editor.similar.list.count() == 1, timeout=5000)
    window.ctx.projection.start()
    assert window.projector is not None
    room = window.projector.view.rendered_text()
    assert "Oncology" not in room and PAST_CYCLE not in room and "Similar past cases" not in room
    assert editor.similar.window() is window  # it lives in the laptop's window only
    window.ctx.projection.stop()


def test_f6_is_listed_in_the_keyboard_shortcuts(window: MainWindow) -> None:
    rows = {(r.what, r.keys) for r in shortcut_rows(window)}
    assert ("Show or hide similar past cases (this screen only)", "F6") in rows
    assert [r.what for r in shortcut_rows(window) if "F6" in r.keys.split(" or ")] == [
        "Show or hide similar past cases (this screen only)"]
