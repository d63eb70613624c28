"""File › Import cases… with codes already in the log: asked once, before anything is
written; Cancel (the default) imports nothing (issue 18, item 5)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from idc_desktop.services import Services
from idc_desktop.services.shipped import demo_cases_path
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens


@pytest.fixture
def choose_demo_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # The platform's file chooser is the one part not driven here: it hands back the path.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(demo_cases_path()), "")))


def import_answering(qtbot, window: MainWindow, button: str | None) -> list[str]:  # noqa: ANN001
    """Run File › Import; answer the conflict question with `button`; return every box's text."""
    said: list[str] = []

    def answer(box: QMessageBox) -> None:
        said.append(box.text())
        if box.objectName() == "importConflicts":
            assert box.defaultButton().text() == "Cancel"
            if button is None:
                box.defaultButton().click()
            else:
                [chosen] = [b for b in box.buttons() if b.text() == button]
                chosen.click()
                when_dialog_opens(qtbot, answer, QMessageBox)  # then the report
        else:
            box.accept()

    when_dialog_opens(qtbot, answer, QMessageBox)
    window.ctx.library.import_cases.trigger()
    with qtbot.waitSignal(window.ctx.library.import_flow.finished, timeout=20_000):
        pass  # reading and storing run in the background
    return said


def test_cancel_imports_nothing(qtbot, demo_window: MainWindow, demo_services: Services,  # noqa: ANN001
                                choose_demo_file: None) -> None:
    said = import_answering(qtbot, demo_window, None)
    assert len(said) == 1 and "3 cases in this file are already in the case log" in said[0]
    assert demo_services.cases.count() == 3
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_leave_them_out(qtbot, demo_window: MainWindow, demo_services: Services, choose_demo_file: None) -> None:  # noqa: ANN001
    said = import_answering(qtbot, demo_window, "&Leave them out")
    assert demo_services.cases.count() == 3
    assert said[-1].startswith("Imported 0 cases with 0 sessions; left out 3 cases already in the log")


def test_import_under_new_codes(qtbot, demo_window: MainWindow, demo_services: Services,  # noqa: ANN001
                                choose_demo_file: None) -> None:
    said = import_answering(qtbot, demo_window, "Import under &new codes")
    assert demo_services.cases.count() == 6
    assert "imported under a new code" in said[-1]
    assert len({s.code for s in demo_services.cases.list()}) == 6
