"""What a lead does first with a freshly installed app, whichever way it was installed.

The same steps for the PyInstaller bundle and for the wheel in a clean virtual environment:
each proves that migrations, resources and fonts were found inside what was installed,
not in this source tree.
"""

from __future__ import annotations

import stat
import subprocess
from collections.abc import Sequence
from configparser import ConfigParser
from pathlib import Path

from idc_desktop.paths import resources_dir
from idc_desktop.store.lock import StoreLock, holder
from tests.export.test_pdf import text_of
from tests.running import TIMEOUT_S, app_env, start_window, stop_as_the_system_does

DEMO_CASES = resources_dir() / "demo" / "cases.json"
DEMO_CODE = "IDC-R4T7"


def run(command: Sequence[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *args], env=app_env(), capture_output=True, text=True,
                          timeout=TIMEOUT_S, cwd=Path(command[0]).parent)


def check_creates_a_private_store(command: Sequence[str], tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    result = run(command, "--data-dir", str(data_dir), "check")
    assert result.returncode == 0, result.stderr
    assert "integrity: ok" in result.stdout and "(current)" in result.stdout
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "idc-desktop.sqlite3").stat().st_mode) == 0o600


def imports_and_prints_a_summary(command: Sequence[str], tmp_path: Path) -> None:
    data_dir, pdf = tmp_path / "log", tmp_path / "summary.pdf"
    imported = run(command, "--data-dir", str(data_dir), "import", str(DEMO_CASES))
    assert imported.returncode == 0, imported.stderr
    exported = run(command, "--data-dir", str(data_dir), "export", DEMO_CODE, "--format", "pdf", "-o", str(pdf))
    assert exported.returncode == 0, exported.stderr
    text = text_of(pdf.read_bytes())
    assert DEMO_CODE in text and "Management plan" in text


def opens_and_closes_its_window(command: Sequence[str], tmp_path: Path) -> None:
    """Open the window offscreen, stop it as a logout does (SIGTERM): a clean, proper close."""
    data_dir = tmp_path / "gui"
    process = start_window(command, data_dir)
    assert holder(data_dir) == "gui"
    code, err = stop_as_the_system_does(process)
    assert code == 0, err
    assert "Traceback" not in err
    settings = ConfigParser()
    settings.read(data_dir / "settings.ini")
    assert settings.has_option("mainWindow", "geometry")  # closeEvent ran
    with StoreLock(data_dir):  # released: the next launch opens the log
        pass
