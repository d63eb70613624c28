"""The plan's actions table gives Owner, Due and Status room for what they hold: never
"Char…" or "3…" however narrow the window, the action text wrapping in what is left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from idc_desktop.services import Services
from idc_desktop.ui import theme
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.session.plan.actions_model import DUE, OWNER, STATUS, TEXT


def _text_room(table: QTableView, row: int, column: int) -> int:
    """The width the style leaves for a cell's text, after its own margins and any decoration."""
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    option.rect = table.visualRect(index)
    return table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table).width()


@pytest.mark.parametrize("name", ["unthemed", "light", "dark", "high-contrast"])
def test_owner_due_and_status_are_never_cut_short(qtbot, qapp, demo_window: MainWindow,  # noqa: ANN001
                                                  demo_services: Services, name: str) -> None:
    if name != "unthemed":  # as the app runs: Fusion and the theme's style sheet
        theme.apply_theme(qapp, name)
    case = demo_services.cases.by_code("IDC-9HWM")
    demo_window.ctx.sessions.open(demo_services.sessions.for_case(case.id)[-1].id)
    editor = demo_window.editor
    editor.go_to([p.key for p in editor.phases].index("plan"))
    for width in (1280, 900, 640):
        demo_window.resize(width, 760)
        qtbot.wait(50)
        table = demo_window.findChild(QTableView, "planActions")
        model, header = table.model(), table.horizontalHeader()
        assert model.rowCount() > 0
        metrics = table.fontMetrics()
        for column in (OWNER, DUE, STATUS):
            for r in range(model.rowCount()):
                text = str(model.index(r, column).data() or "")
                room = _text_room(table, r, column)
                assert room >= metrics.horizontalAdvance(text), (name, width, column, room, text)
        if width >= 900:
            assert header.sectionSize(TEXT) >= 300  # the action keeps the spare room
        for r in range(model.rowCount()):  # and wraps onto as many lines as it needs, never "…"
            lines = table.fontMetrics().boundingRect(0, 0, header.sectionSize(TEXT) - 8, 10_000,
                                                     int(Qt.TextFlag.TextWordWrap), model.index(r, TEXT).data())
            assert table.rowHeight(r) >= lines.height(), (width, r)
