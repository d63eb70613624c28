"""The migration chain read straight from migrations/versions, without importing alembic.

Importing alembic costs more than half a second; start-up only needs to know whether a
store is already at head, so we read the `revision` / `down_revision` lines ourselves.
A test checks this agrees with alembic's own ScriptDirectory.
"""

from __future__ import annotations

import re
from functools import lru_cache

from idc_desktop.paths import migrations_dir

_ASSIGN = re.compile(r'^(revision|down_revision)\s*(?::[^=]+)?=\s*["\']?([\w-]+|None)["\']?\s*$', re.MULTILINE)


@lru_cache(maxsize=1)
def chain() -> dict[str, str | None]:
    """revision -> down_revision for every migration script."""
    links: dict[str, str | None] = {}
    for script in (migrations_dir() / "versions").glob("*.py"):
        found = dict(m.groups() for m in _ASSIGN.finditer(script.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            links[found["revision"]] = None if down in (None, "None") else down
    return links


def known_revisions() -> set[str]:
    return set(chain())


def head_revision() -> str:
    links = chain()
    parents = {down for down in links.values() if down}
    heads = [rev for rev in links if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"migrations must form one line; heads found: {sorted(heads)}")
    return heads[0]
