"""The window paints before the store's stack loads: building it must not import SQLAlchemy,
the detectors, reportlab or pdfium (each costs start-up time the user would wait through)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys, tempfile, pathlib
from idc_desktop.ui.launch import application, settings_for
from idc_desktop.ui.main_window import MainWindow
app = application()
window = MainWindow(settings_for(pathlib.Path(tempfile.mkdtemp())))
window.show()
app.processEvents()
heavy = ("sqlalchemy", "alembic", "reportlab", "pypdfium2", "idc_desktop.privacy", "idc_desktop.services",
         "idc_desktop.store.store", "idc_desktop.cli")
print(sorted(m for m in sys.modules if m.startswith(heavy)))
"""


def test_building_the_main_window_loads_nothing_heavy(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=tmp_path,
                         timeout=60, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
