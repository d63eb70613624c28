"""The window paints before the store's stack loads, and its first frame is cheap.

Building the whole window must not import SQLAlchemy, the detectors, reportlab or pdfium;
the frame painted first (`MainWindow(..., complete=False)`, what run_gui shows) must not
even touch PySide6's `Qt` namespace, whose first use builds ~90 Python enums (~30 ms), nor
load the library page, the actions or the icons (QIcon and Qt's SVG plugin).
Both are checked in a fresh interpreter, where nothing has been imported yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "reportlab", "pypdfium2", "idc_desktop.privacy", "idc_desktop.services",
         "idc_desktop.store.store", "idc_desktop.cli")

PROBE = """
import json, sys, tempfile, pathlib
import PySide6.QtCore as core
from idc_desktop.ui.launch import application, settings_for
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.theme import apply_theme, remembered_system_dark
app = application()
settings = settings_for(pathlib.Path(tempfile.mkdtemp()))
apply_theme(app, "system", system_dark=remembered_system_dark(app, settings))
window = MainWindow(settings, complete=False)
window.show()
app.processEvents()
frame = {"qt": "Qt" in vars(core), "view": window.library_view is not None,
         "shown": window.pages.currentWidget().text(),
         "menus": [a.text() for a in window.menuBar().actions()],
         "modules": sorted(m for m in sys.modules if m.startswith(("idc_desktop.ui.library", "idc_desktop.ui.icons",
                                                                   "idc_desktop.ui.main_window_ui")))}
window.complete()
app.processEvents()
whole = {"qt": "Qt" in vars(core), "view": window.library_view is not None, "icon": not window.windowIcon().isNull(),
         "menus": [a.text() for a in window.menuBar().actions()],
         "heavy": sorted(m for m in sys.modules if m.startswith(HEAVY))}
print(json.dumps({"frame": frame, "whole": whole}))
"""


def probe(tmp_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{PROBE}"], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=60, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_first_frame_touches_neither_qt_enums_nor_the_library(tmp_path: Path) -> None:
    result = probe(tmp_path)
    frame, whole = result["frame"], result["whole"]
    assert frame["qt"] is False and frame["modules"] == [] and frame["view"] is False
    assert frame["shown"] == "Opening the case log…"
    assert whole["qt"] is True and whole["view"] is True  # the probe can tell: completing uses both
    assert whole["icon"] is True
    assert frame["menus"] == whole["menus"] == ["&File", "&Edit", "&Case", "&View", "T&ools", "&Help"]


def test_building_the_whole_window_loads_nothing_heavy(tmp_path: Path) -> None:
    assert probe(tmp_path)["whole"]["heavy"] == []
