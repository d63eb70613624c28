"""The double-clickable app: idc_desktop.spec built with PyInstaller, then used as a lead would.

Slow (the build takes about a minute on two cores), so marked; it still runs in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench_bundle import build, size_mb
from tests.packaging import journey

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle")]

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from licences import runtime_distributions  # noqa: E402

SIZE_LIMIT_MB = 150  # issue 8: the Linux bundle stays at or under 150 MB


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("pyinstaller"), "idc-desktop")  # as the README's command builds it


def test_the_bundle_holds_what_the_app_needs_and_not_what_it_does_not(bundle: Path) -> None:
    inside = bundle / "_internal"
    assert (inside / "migrations" / "versions").is_dir()
    assert (inside / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (inside / "resources" / "phases.json").is_file()
    names = {p.name for p in inside.rglob("*")}
    assert not {n for n in names if n.startswith(("libQt6Quick", "libQt6Qml", "libQt6Network", "libqgtk3"))}
    assert not {n for n in names if n.startswith(("libssl", "_ssl"))}  # never networks: no TLS on board
    assert not (inside / "PySide6" / "Qt" / "translations").exists()
    # The notices travel with it: ours, Python's, and each runtime package's metadata folder.
    assert (inside / "resources" / "licences" / "SQLCipher.txt").is_file()
    assert (inside / "resources" / "licences" / "Python" / "LICENSE.txt").is_file()
    carried = {p.name.split("-")[0].lower().replace("_", "-") for p in inside.glob("*.dist-info")}
    wanted = {name.lower().replace("_", "-") for name in runtime_distributions()}
    assert wanted <= carried, wanted - carried
    assert size_mb(bundle) <= SIZE_LIMIT_MB


def test_check_on_a_fresh_data_directory(bundle: Path, tmp_path: Path) -> None:
    journey.check_creates_a_private_store([str(bundle / "idc-desktop")], tmp_path)


def test_import_and_a_pdf_summary(bundle: Path, tmp_path: Path) -> None:
    journey.imports_and_prints_a_summary([str(bundle / "idc-desktop")], tmp_path)


def test_the_window_opens_and_closes(bundle: Path, tmp_path: Path) -> None:
    journey.opens_and_closes_its_window([str(bundle / "idc-desktop")], tmp_path)


def test_the_bundle_runs_from_elsewhere_without_the_source_tree(bundle: Path, tmp_path: Path) -> None:
    # Unzipped somewhere else, by a user whose environment knows nothing of this project.
    moved = tmp_path / "Downloads" / "idc-desktop"
    moved.parent.mkdir()
    os.rename(bundle, moved)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "UV"))}
        result = subprocess.run([str(moved / "idc-desktop"), "--data-dir", str(tmp_path / "d"), "check"],
                                env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    finally:
        os.rename(moved, bundle)
