"""The wheel, installed into a clean virtual environment, is just as complete as the bundle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.packaging import journey

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
UV = shutil.which("uv")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if UV is None:
        pytest.skip("uv is not on PATH (the suite is run with `uv run pytest`)")
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")}

    def uv(*args: str) -> None:
        result = subprocess.run([UV, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-4000:]

    uv("build", "--wheel", "--out-dir", str(work / "dist"))
    (wheel,) = (work / "dist").glob("idc_desktop-*.whl")
    uv("venv", "--quiet", "--python", sys.executable, str(work / "venv"))
    uv("pip", "install", "--quiet", "--python", str(work / "venv" / "bin" / "python"), str(wheel))
    return work


def command(installed: Path) -> list[str]:
    return [str(installed / "venv" / "bin" / "idc-desktop")]


def test_the_wheel_carries_migrations_and_resources(installed: Path) -> None:
    (wheel,) = (installed / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "idc_desktop/_migrations/env.py" in names
    assert "idc_desktop/_resources/fonts/DejaVuSans.ttf" in names
    assert not [n for n in names if n.startswith("idc_desktop/") and "__pycache__" in n]


def test_check_on_a_fresh_data_directory(installed: Path, tmp_path: Path) -> None:
    journey.check_creates_a_private_store(command(installed), tmp_path)


def test_import_and_a_pdf_summary(installed: Path, tmp_path: Path) -> None:
    journey.imports_and_prints_a_summary(command(installed), tmp_path)


@pytest.mark.skipif(os.name != "posix", reason="stopped with SIGTERM")
def test_the_window_opens_and_closes(installed: Path, tmp_path: Path) -> None:
    journey.opens_and_closes_its_window(command(installed), tmp_path)
