"""The window's settings in one typed place (issue 16, item 2): defaults, spoilt values, privacy."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import QByteArray

from idc_desktop.ui.settings import DEFAULT_THEME, AppSettings


def test_a_fresh_file_gives_every_default(tmp_path: Path) -> None:
    s = AppSettings.in_folder(tmp_path)
    assert (s.theme, s.system_was_dark, s.open_session, s.paper, s.projector_screen, s.window_geometry) == (
        DEFAULT_THEME, None, None, None, None, None)
    assert s.export_folder == Path.home()


def test_values_come_back_typed_after_a_restart(tmp_path: Path) -> None:
    s = AppSettings.in_folder(tmp_path)
    s.theme, s.system_was_dark, s.open_session, s.paper = "dark", True, 42, "letter"
    s.export_folder, s.projector_screen, s.window_geometry = tmp_path, "HDMI-1", QByteArray(b"\x01\x02")
    s.sync()
    again = AppSettings.in_folder(tmp_path)
    assert (again.theme, again.system_was_dark, again.open_session, again.paper) == ("dark", True, 42, "letter")
    assert again.export_folder == tmp_path and again.projector_screen == "HDMI-1"
    again.open_session = None
    assert again.open_session is None


def test_a_hand_spoilt_file_falls_back_to_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.ini").write_text(
        "[ui]\ntheme=purple\n[session]\nopen=not-a-number\n[export]\npaper=A3\nfolder=/no/such/folder\n",
        encoding="utf-8")
    s = AppSettings.in_folder(tmp_path)
    assert (s.theme, s.open_session, s.paper) == (DEFAULT_THEME, None, None)
    assert s.export_folder == Path.home()


def test_the_file_is_private_from_its_first_byte(tmp_path: Path) -> None:
    AppSettings.in_folder(tmp_path)
    mode = stat.S_IMODE((tmp_path / "settings.ini").stat().st_mode)
    assert mode == 0o600


def test_no_other_module_reads_a_raw_key() -> None:
    """Every setting goes through AppSettings: no settings.value("…") anywhere else in the UI."""
    ui = Path(__file__).resolve().parents[2] / "src" / "idc_desktop" / "ui"
    offenders = [p.name for p in ui.rglob("*.py") if p.name != "settings.py"
                 and any(call in p.read_text(encoding="utf-8") for call in ("settings.value(", "settings.setValue("))]
    assert offenders == []
