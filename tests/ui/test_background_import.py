"""File › Import runs off the GUI thread with progress, and Cancel undoes it all (issue 16.3)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from idc_desktop.services import Services
from idc_desktop.services.shipped import demo_cases_path
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens


@pytest.fixture
def many_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo's cases 100 times over, without codes (each gets a new one): 300 cases."""
    document = json.loads(demo_cases_path().read_text(encoding="utf-8"))
    cases = [{k: v for k, v in case.items() if k != "code"} for case in document["cases"]] * 100
    path = tmp_path / "many.json"
    path.write_text(json.dumps({**document, "cases": cases}), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    return path


def test_the_import_runs_in_a_worker_thread_with_progress(qtbot, window: MainWindow, services: Services,  # noqa: ANN001
                                                          many_cases: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    steps: list[tuple[int, int]] = []
    real = services.transfer.import_bundles

    def recording(bundles, choice, progress):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread().name)

        def report(done: int, total: int) -> None:
            steps.append((done, total))
            progress(done, total)
        return real(bundles, choice, report)

    monkeypatch.setattr(services.transfer, "import_bundles", recording)
    when_dialog_opens(qtbot, lambda box: box.accept(), QMessageBox)  # "Import finished"
    window.ctx.library.import_cases.trigger()
    with qtbot.waitSignal(window.ctx.library.import_flow.finished, timeout=60_000):
        pass
    assert threads == ["idc-background"]  # never the GUI thread
    assert services.cases.count() == 300
    assert len(steps) == 300 and all(total == 300 for _, total in steps)
    assert window.ctx.library.import_cases.isEnabled()  # one at a time, and free again


def test_cancel_mid_import_leaves_the_log_as_it_was(qtbot, window: MainWindow, services: Services,  # noqa: ANN001
                                                    many_cases: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = services.transfer.import_bundles

    def stop_at_the_first_case(bundles, choice, progress):  # noqa: ANN001, ANN202
        def report(done: int, total: int) -> None:
            if done == 150:
                window.ctx.library.import_flow.task.stop()  # what the progress dialog's Cancel does
            progress(done, total)
        return real(bundles, choice, report)

    monkeypatch.setattr(services.transfer, "import_bundles", stop_at_the_first_case)
    window.ctx.library.import_cases.trigger()
    with qtbot.waitSignal(window.ctx.library.import_flow.finished, timeout=60_000):
        pass
    assert services.cases.count() == 0  # one transaction: the first 150 are undone too
    assert "cancelled" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not [w for w in QApplication.topLevelWidgets()
                                 if w.objectName() == "backgroundProgress" and w.isVisible()])
