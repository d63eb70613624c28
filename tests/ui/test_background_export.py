"""Exports of the whole log run off the GUI thread (issue 16.3): the window keeps painting,
the result is handed back as before, and Cancel writes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from idc_desktop.ui.main_window import MainWindow


def test_json_of_the_whole_log_is_checked_and_written_in_a_worker_thread(demo_window: MainWindow, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    exports = demo_window.services.exports
    threads: list[str] = []
    for name in ("json_findings", "json"):
        real = getattr(exports, name)

        def recording(*args, _real=real, **kwargs):  # noqa: ANN002, ANN003, ANN202
            threads.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(exports, name, recording)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "all.json"), ""))
    assert demo_window.exports.export_json(None) == tmp_path / "all.json"
    assert threads == ["idc-background", "idc-background"]
    assert (tmp_path / "all.json").read_bytes().startswith(b"{")


def test_cancel_while_writing_writes_nothing(demo_window: MainWindow, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from idc_desktop.domain.errors import Cancelled

    def stopped(*_bundles: object) -> bytes:
        raise Cancelled("stopped")  # what the progress bar's Cancel makes the work raise

    monkeypatch.setattr(demo_window.services.exports, "csv_log", stopped)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "log.csv"), ""))
    assert demo_window.exports.export_csv() is None
    assert not (tmp_path / "log.csv").exists()
    assert "cancelled" in demo_window.statusBar().currentMessage()
