"""App-wide keyboard rules: focused fields scroll into view; the gate's 'anyway' answers Enter."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from idc_desktop.domain import Case
from idc_desktop.domain.phases import PhaseKind
from idc_desktop.services import Services
from idc_desktop.ui.main_window import MainWindow


def test_a_field_focused_out_of_sight_is_scrolled_into_view(qtbot, window: MainWindow,  # noqa: ANN001
                                                            services: Services) -> None:
    """Issue 13.13: Alt+A on the plan page focused a field scrolled out of sight."""
    case = services.cases.create(Case(code="", specialty="Renal"))
    window.ctx.sessions.open(services.sessions.start(case.id).id)
    window.resize(1100, 520)
    editor = window.editor
    plan = next(i for i, p in enumerate(editor.phases) if p.kind is PhaseKind.PLAN)
    editor.go_to(plan)
    page = editor.current_page()
    QApplication.processEvents()
    last = page.scroll.widget().findChildren(QPlainTextEdit)[-1]
    viewport = page.scroll.viewport()

    def on_screen() -> bool:
        top = last.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + 20 <= viewport.height()

    assert not on_screen()  # the page is longer than the window: this field starts out of sight
    last.setFocus(Qt.FocusReason.ShortcutFocusReason)  # as Alt+letter does
    QApplication.processEvents()
    assert on_screen()
