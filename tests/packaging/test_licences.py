"""The notices that must travel with the app are there, and the guide lists every part.

The bundle's side (each runtime package's metadata folder and Python's licence inside the
built app) is checked in test_bundle.py, which builds it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from idc_desktop.paths import resources_dir
from idc_desktop.ui.help.topics import LICENCES, markdown, topics

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from licences import runtime_distributions  # noqa: E402

# How the guide names each runtime distribution (its table's first column).
GUIDE_NAMES = {"PySide6_Essentials": "PySide6", "sqlcipher3-wheels": "sqlcipher3", "alembic": "Alembic",
               "reportlab": "ReportLab", "pillow": "Pillow"}


def test_the_texts_no_wheel_ships_are_ours_to_ship() -> None:
    folder = resources_dir() / "licences"
    for name, says in (("SQLCipher.txt", "ZETETIC LLC"), ("OpenSSL-Apache-2.0.txt", "Apache License"),
                       ("LGPL-3.0.txt", "LESSER GENERAL PUBLIC LICENSE"), ("GPL-3.0.txt", "GENERAL PUBLIC LICENSE"),
                       ("SCOWL.txt", "Kevin Atkinson")):
        assert says in (folder / name).read_text(encoding="utf-8"), name


def test_the_guide_names_every_part_and_every_file_it_points_to_is_there() -> None:
    page = markdown(LICENCES)
    assert page.startswith("# Software IDC Desktop is built on")
    missing = [name for name in runtime_distributions() if GUIDE_NAMES.get(name, name) not in page]
    assert missing == []
    for cited in ("SQLCipher.txt", "OpenSSL-Apache-2.0.txt", "LGPL-3.0.txt", "GPL-3.0.txt", "SCOWL.txt"):
        assert f"resources/licences/{cited}" in page or f"`{cited}`" in page, cited
        assert (resources_dir() / "licences" / cited).is_file()
    assert (resources_dir() / "fonts" / "DejaVu-LICENSE.txt").is_file()


def test_the_page_is_in_the_guide() -> None:
    from idc_desktop.services import shipped

    assert LICENCES in [t.key for t in topics(shipped.phases())]
