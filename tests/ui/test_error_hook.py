"""The error hook: one calm report per distinct error, never a box over the room, details private."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from idc_desktop.crash_details import ERROR_LOG, append_details
from idc_desktop.ui.error_hook import ErrorReporter


def raise_here(message: str = "boom") -> tuple:
    try:
        raise ValueError(message)
    except ValueError:
        return sys.exc_info()


def boxes() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorReport" and w.isVisible()]


def test_a_repeating_error_is_reported_once_and_never_blocks(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    reporter = ErrorReporter(tmp_path)
    for _ in range(50):  # a paint error repeats on every repaint
        reporter(*raise_here())
    qtbot.waitUntil(lambda: len(boxes()) == 1)
    qtbot.wait(50)
    assert len(boxes()) == 1 and not boxes()[0].isModal()
    assert len(reporter.shown) == 1
    assert (tmp_path / ERROR_LOG).read_text().count("ValueError: boom") == 1
    reporter(*raise_here("another"))  # a different error is its own report
    assert len(reporter.shown) == 2
    qtbot.waitUntil(lambda: len(boxes()) == 2)
    for box in boxes():
        box.close()
    qtbot.waitUntil(lambda: boxes() == [])


def test_while_projecting_the_console_is_told_and_no_box_opens(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    reporter = ErrorReporter(tmp_path)
    told: list[str] = []
    reporter.divert(told.append)
    reporter(*raise_here())
    qtbot.wait(50)
    assert boxes() == [] and len(told) == 1 and "Your work so far is saved" in told[0]
    reporter.divert(None)


def test_details_are_private_from_the_first_byte(tmp_path: Path) -> None:
    written = append_details(tmp_path, "Traceback: details")
    assert written == tmp_path / ERROR_LOG
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "Traceback: details" in written.read_text()


def test_a_link_planted_in_place_of_the_log_is_never_followed(tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_text("precious\n")
    (tmp_path / ERROR_LOG).symlink_to(target)
    assert append_details(tmp_path, "Traceback") is None
    assert target.read_text() == "precious\n"


def test_a_hard_link_to_another_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "victim.txt"
    target.write_text("precious\n")
    os.link(target, tmp_path / ERROR_LOG)
    assert append_details(tmp_path, "Traceback") is None
    assert target.read_text() == "precious\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to make another's folder")
def test_a_folder_of_another_account_is_not_written(tmp_path: Path) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    os.chown(folder, 65534, 65534)
    assert append_details(folder, "Traceback") is None
    assert not (folder / ERROR_LOG).exists()
