"""The licence notices the bundle carries (idc_desktop.spec).

Every Python distribution the app needs at run time (idc-desktop's requirements, followed
down) travels with its own metadata folder, where its licence files are; Python's own licence
goes beside ours in resources/licences, which also holds the texts no wheel ships: SQLCipher
and OpenSSL (linked into sqlcipher3), the LGPL and GPL for Qt and PySide6.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

APP = "idc-desktop"


def runtime_distributions(root: str = APP) -> list[str]:
    """The names of the distributions `root` needs to run, itself left out (no extras)."""
    found: dict[str, str] = {}
    todo = [root]
    while todo:
        try:
            dist = distribution(todo.pop())
        except PackageNotFoundError:
            continue  # a requirement of another platform
        name = dist.metadata["Name"]
        if name.lower() in found:
            continue
        found[name.lower()] = name
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return sorted(name for key, name in found.items() if key != root)


def python_licence() -> Path:
    """The licence of the Python the bundle carries."""
    return Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt" \
        if sys.platform != "win32" else Path(sys.base_prefix) / "LICENSE.txt"
