"""Start-up shows the log's cases before the store is open (store/first_look.py), then the
store's own rows take their place: the same list, and the case actions only once attached."""

from __future__ import annotations

from idc_desktop.domain import CaseFilter
from idc_desktop.services import Services
from idc_desktop.store.first_look import first_page
from idc_desktop.ui.library.case_table_model import PAGE_SIZE
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.settings import AppSettings


def _codes(window: MainWindow) -> list[str]:
    model = window.library_view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_cases_show_before_the_store_is_open(qtbot, demo_services: Services, settings: AppSettings) -> None:  # noqa: ANN001
    data_dir = demo_services.store.data_dir
    expected = [s.code for s in demo_services.cases.page(CaseFilter(), 0, 100)]
    demo_services.close()  # as at start-up: the log closed, its journal folded in
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.ctx.library.preview(first_page(data_dir, PAGE_SIZE))
    assert _codes(window) == expected
    assert window.library_view.count_label.text() == f"{len(expected)} cases"
    assert not window.ctx.library.new_case.isEnabled()  # nothing acts before the store is open

    from idc_desktop.services import open_services

    services = open_services(data_dir)
    try:
        window.attach(services)
        assert _codes(window) == expected  # the store's rows, in the same order: nothing jumps
        assert window.ctx.library.new_case.isEnabled()
        window.ctx.library.preview(first_page(data_dir, PAGE_SIZE))  # too late: the store's rows stay
        assert window.library.selected() is not None
    finally:
        window.close()
        services.close()


def test_an_empty_log_waits_for_the_store_to_say_welcome(qtbot, services: Services, settings: AppSettings) -> None:  # noqa: ANN001
    data_dir = services.store.data_dir
    services.close()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.ctx.library.preview(first_page(data_dir, PAGE_SIZE))
    assert window.library_view.model.rowCount() == 0
    assert window.library_view.count_label.text() != "0 cases"
