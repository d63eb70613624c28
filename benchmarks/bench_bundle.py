"""Benchmark: the PyInstaller bundle's size and start-up, against a bare PySide6 bundle.

Three onedir bundles are built from `idc_desktop.spec`, the same way (same exclusions,
pruning and stripping; see the spec's header):
- the app, exactly as shipped: its size is the figure;
- the start-up probe: `startup_app.py` (the real `idc_desktop.app.main` observed by two
  probes; see that file) as the entry script, so the bundled app can say when it painted;
- the baseline: `startup_bare.py` with `--bare`, a QMainWindow holding a QTableView and
  nothing else of ours, timed the same way.

Start-up is timed as in bench_startup.py (a fresh process per run, from just before it is
started to its first completed paint; medians after a warm-up, runs interleaved) on the same
10,000-case log (15 runs; `--quick`: 5). Building takes about 2-3 minutes on two cores.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import casestore
from benchmarks.bench_startup import rounds, spawn_command

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES = 10_000
BUILD_TIMEOUT_S = 900


def build(work: Path, name: str, *variant: str) -> Path:
    """Build idc_desktop.spec (a variant of it, see the spec's header) into work/dist/NAME.
    Also used by tests/packaging/test_bundle.py, so the test checks what is measured here."""
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build" / name),
         str(ROOT / "idc_desktop.spec"), "--", "--name", name, *variant],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise RuntimeError(f"building {name} failed:\n{result.stderr[-3000:]}")
    return work / "dist" / name


def size_mb(folder: Path) -> float:
    return sum(path.lstat().st_size for path in folder.rglob("*")) / 1e6


def run(quick: bool) -> list[dict]:
    # More runs than bench_startup: the builds cost minutes, each run well under a second,
    # and on a busy 2-core machine single runs swing by 20 % or more.
    runs = 5 if quick else 15
    work = Path(tempfile.mkdtemp(prefix="idc-bench-bundle-"))
    try:
        print("[bundle] building the app, the probe and the bare bundle...", file=sys.stderr)
        app = build(work, "idc-desktop")
        probe = build(work, "idc-desktop-probe", "--entry", str(HERE / "startup_app.py"))
        bare = build(work, "bare-pyside6", "--bare", "--entry", str(HERE / "startup_bare.py"))
        data_dir = casestore.working_copy(CASES, work)
        commands = {
            "probe": [str(probe / "idc-desktop-probe"), str(data_dir), str(CASES), "main"],
            "bare": [str(bare / "bare-pyside6")],
        }
        samples: dict[str, list[dict[str, float]]] = {"probe": [], "bare": []}
        for i, kind in rounds(list(commands), runs):  # round 0 warms the OS file cache
            figures = spawn_command(commands[kind])
            if kind == "probe" and figures.get("ROWS") != CASES:
                raise RuntimeError(f"the bundled app did not show {CASES} cases: {figures}")
            if i:
                samples[kind].append(figures)
        sizes = {"app": size_mb(app), "bare": size_mb(bare)}
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median_ms(kind: str, key: str) -> float:
        return statistics.median(sample[key] for sample in samples[kind]) * 1000

    bare_paint = median_ms("bare", "FIRST_PAINT")
    baseline = "bare PySide6 onedir bundle (QMainWindow + QTableView), built the same way"
    return [
        {"name": "bundle: size (Linux onedir)", "value": sizes["app"], "unit": "MB",
         "baseline": "bare PySide6 onedir bundle, size", "baseline_value": sizes["bare"], "target": "<= 150 MB"},
        {"name": "bundle: first paint (10k cases)", "value": median_ms("probe", "FIRST_PAINT"), "unit": "ms",
         "baseline": baseline, "baseline_value": bare_paint, "target": "ratio <= 1.3"},
        {"name": "bundle: library ready (10k cases shown)", "value": median_ms("probe", "LIBRARY_READY"),
         "unit": "ms", "baseline": baseline, "baseline_value": bare_paint, "target": "info"},
    ]
