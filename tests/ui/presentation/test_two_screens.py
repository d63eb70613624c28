"""Projecting with a laptop and a projector (and a TV), through Qt's offscreen screen layouts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).with_name("two_screens_probe.py")


def screen(name: str, x: int, width: int, height: int) -> dict:
    return {"name": name, "x": x, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def project(tmp_path: Path, screens: list[dict], *args: str) -> dict:
    layout = tmp_path / "screens.json"
    layout.write_text(json.dumps({"screens": screens}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={layout}"}
    data_dir = tmp_path / "data"
    out = subprocess.run([sys.executable, str(PROBE), str(data_dir), *args], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_room_sees_the_projector_full_screen_and_follows_edits(tmp_path: Path) -> None:
    facts = project(tmp_path, [screen("laptop", 0, 1280, 800), screen("projector", 1280, 1920, 1080)])
    assert facts["screens"] == ["laptop", "projector"]
    assert facts["window_screen"] == "laptop"
    assert facts["view_screen"] == "projector" and facts["view_full_screen"]
    assert facts["view_geometry"] == [1920, 1080]
    assert facts["asked"] == []  # two screens: no question
    assert facts["follows_edits"] and not facts["private_visible"]
    assert facts["header"].startswith("IDC-")
    # The projector unplugged mid-session: the view comes back as a window on the laptop.
    assert facts["after_unplug"] == {"visible": True, "full_screen": False, "screen": "laptop"}


def test_three_screens_ask_which_and_remember(tmp_path: Path) -> None:
    layout = [screen("laptop", 0, 1280, 800), screen("projector", 1280, 1920, 1080), screen("tv", 3200, 1920, 1080)]
    facts = project(tmp_path, layout, "tv")
    assert facts["asked"] == [["projector", "tv"]]
    assert facts["view_screen"] == "tv" and facts["remembered"] == "tv"
    again = project(tmp_path, layout, "projector")  # same data folder: the choice is remembered
    assert again["asked"] == [] and again["view_screen"] == "tv"
