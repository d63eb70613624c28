"""Patterns across the log, the page: Ctrl+Shift+P, filters, a chart with its table per pattern,
calm sentences for an empty log, no match, nothing chosen and a backwards range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from idc_desktop.services import Services
from idc_desktop.ui.desk.patterns_controller import EMPTY_LOG, PatternsController
from idc_desktop.ui.main_window import MainWindow
from tests.services.test_patterns import small_log


def _open(qtbot, window: MainWindow) -> PatternsController:  # noqa: ANN001
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    controller = window.desk.patterns_page
    assert controller is not None and window.pages.currentWidget() is controller.view
    _counted(qtbot, controller)
    return controller


def _counted(qtbot, controller: PatternsController) -> None:  # noqa: ANN001
    """Wait for the worker thread's count to reach the page."""
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)


def _refresh(qtbot, controller: PatternsController) -> None:  # noqa: ANN001
    controller.refresh()
    _counted(qtbot, controller)


def _rows(section) -> list[list[str]]:  # noqa: ANN001
    m = section.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def _painted_colours(widget) -> int:  # noqa: ANN001
    image = widget.grab().toImage()
    return len({image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)})


def test_ctrl_shift_p_shows_each_pattern_as_a_chart_and_its_table(qtbot, qtmodeltester, window: MainWindow,  # noqa: ANN001
                                                                   services: Services) -> None:
    small_log(services)
    window.resize(1280, 900)
    view = _open(qtbot, window).view
    assert view.summary.text().startswith("4 sessions of 2 cases (all dates, all specialties, all settings)")
    assert "1 with nothing chosen in A-D" in view.summary.text() and "50% of the actions reviewed" in view.summary.text()
    s = view.sections
    for section in s.values():
        qtmodeltester.check(section.model)
    assert _rows(s["itemsA"]) == [["dismissive", "3"], ["critical", "1"]]
    assert _rows(s["combinations"]) == [["A: dismissive · B: angry · C: demanding · D: avoidant", "2"]]
    assert _rows(s["discipline"])[0] == ["Staff nurse", "2", "1", "avoidant, guilty"]
    assert _rows(s["alliance"]) == [["Goals", "3", "3.3", "0", "1", "0", "2", "0"]]
    assert _rows(s["months"]) == [["Jan 2026", "1"], ["Feb 2026", "2"], ["Mar 2026", "1"]]
    assert ["done", "1"] in _rows(s["actions"])
    assert not s["itemsA"].chart.isHidden() and s["itemsA"].empty.isHidden()
    assert _painted_colours(s["itemsA"].chart) > 3 and _painted_colours(s["months"].chart) > 3
    assert s["itemsA"].chart.accessibleDescription() == "dismissive: 3; critical: 1"
    assert s["itemsB"].model.rowCount() == 1
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.library_view


def test_filters_recount_and_an_empty_match_says_so(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    small_log(services)
    controller = _open(qtbot, window)
    view = controller.view
    view.specialty.setCurrentIndex(view.specialty.findData("Renal"))
    assert controller.timer.isActive()  # counted after a pause, not on every step
    qtbot.waitUntil(lambda: not controller.timer.isActive() and not controller.busy
                    and controller.patterns.filter.specialty == "Renal", timeout=5000)
    assert controller.patterns.sessions == 2 and view.summary.text().startswith("2 sessions of 1 case")
    view.setting.setCurrentIndex(view.setting.findData("outpatient"))
    _refresh(qtbot, controller)
    assert view.scroll.isHidden()
    assert view.summary.text().startswith("No sessions match this filter (all dates, Renal, Outpatient)")


def test_a_future_range_and_a_backwards_range_read_as_sentences(qtbot, window: MainWindow,  # noqa: ANN001
                                                                 services: Services) -> None:
    small_log(services)
    controller = _open(qtbot, window)
    view = controller.view
    view.all_dates.setChecked(False)
    view.start.setDate(QDate(2031, 1, 1))
    view.end.setDate(QDate(2031, 12, 31))
    _refresh(qtbot, controller)
    assert view.scroll.isHidden() and "No sessions match this filter (1 Jan 2031 to 31 Dec 2031" in view.summary.text()
    view.start.setDate(QDate(2026, 5, 1))
    view.end.setDate(QDate(2026, 4, 1))
    _refresh(qtbot, controller)
    assert view.summary.text() == "The range ends (2026-04-01) before it starts (2026-05-01)."
    assert view.summary.property("tone") == "error" and view.scroll.isHidden()
    view.start.setDate(QDate(2026, 3, 1))
    view.end.setDate(QDate(2026, 3, 31))
    _refresh(qtbot, controller)  # one session, nothing chosen: each section says so in words
    assert not view.scroll.isHidden() and view.summary.property("tone") == ""
    assert view.sections["itemsA"].chart.isHidden()
    assert view.sections["itemsA"].empty.text() == "Nothing chosen in A in these sessions."
    assert view.sections["alliance"].empty.text() == "No alliance ratings in these sessions."
    assert controller.patterns.filter.start == date(2026, 3, 1)


def test_an_empty_log_says_so(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    view = _open(qtbot, window).view
    assert view.summary.text() == EMPTY_LOG and view.scroll.isHidden()


def test_ctrl_shift_p_is_listed_in_the_shortcuts_and_taken_by_nothing_else(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    from idc_desktop.ui.help.shortcuts import shortcut_rows

    native = QKeySequence("Ctrl+Shift+P").toString(QKeySequence.SequenceFormat.NativeText)
    holders = [r.what for r in shortcut_rows(window) if native in r.keys.split(" or ")]
    assert holders == ["Patterns across the log"]


def test_counting_runs_off_the_gui_thread_and_the_latest_filter_wins(qtbot, window: MainWindow,  # noqa: ANN001
                                                                      services: Services) -> None:
    from idc_desktop.ui.desk.patterns_controller import COUNTING

    small_log(services)
    controller = _open(qtbot, window)
    view = controller.view
    view.specialty.setCurrentIndex(view.specialty.findData("Oncology"))
    controller.refresh()
    assert controller.busy and view.summary.text() == COUNTING  # the page waits; the event loop does not
    view.specialty.setCurrentIndex(view.specialty.findData("Renal"))
    controller.refresh()  # the Oncology count, if it arrives now, is dropped
    _counted(qtbot, controller)
    qtbot.wait(50)
    assert controller.patterns.filter.specialty == "Renal" and controller.patterns.sessions == 2


def test_save_as_pdf_writes_the_patterns_shown(qtbot, window: MainWindow, services: Services, tmp_path,  # noqa: ANN001
                                               monkeypatch) -> None:  # noqa: ANN001
    import pypdfium2
    from PySide6.QtWidgets import QFileDialog

    small_log(services)
    controller = _open(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "patterns.pdf"), ""))
    controller.view.save_pdf.click()
    path = tmp_path / "patterns.pdf"
    assert path.exists() and (path.stat().st_mode & 0o077) == 0  # private, as every export
    document = pypdfium2.PdfDocument(path.read_bytes())
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert "Patterns across the log" in text and "dismissive" in text
    assert "Patterns written to" in window.statusBar().currentMessage()
