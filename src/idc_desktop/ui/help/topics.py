"""The guide's pages: Markdown files in resources/help/, one per phase and a few more.

A phase finds its page by its key ("frame", "perspective_b"); a phase added by the lead with
a key of its own falls back to its kind's page, then to the guide's first page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from idc_desktop.domain.phases import PhaseDefinition, PhaseKind
from idc_desktop.paths import resources_dir

SHORTCUTS = "shortcuts"  # generated from the actions, not a file
WELCOME = "welcome"
LICENCES = "licences"  # the third-party notices (resources/licences, packaging/licences.py)


@dataclass(frozen=True)
class Topic:
    key: str
    title: str


def help_dir() -> Path:
    return resources_dir() / "help"


def topics(phases: tuple[PhaseDefinition, ...]) -> list[Topic]:
    """The guide's contents, in reading order."""
    found = [Topic("index", "The IDC model"), Topic(WELCOME, "Getting started and your data")]
    seen: set[str] = set()
    for phase in phases:
        key = page_for(phase)
        if key not in seen and key != "index":
            seen.add(key)
            found.append(Topic(key, phase.title))
    found += [Topic("anonymity", "Keeping the log anonymous"), Topic(SHORTCUTS, "Keyboard shortcuts"),
              Topic(LICENCES, "Software it is built on")]
    return found


def page_for(phase: PhaseDefinition) -> str:
    """The page a phase's F1 opens."""
    for key in (phase.key, f"perspective_{phase.perspective.value.lower()}" if phase.perspective else "",
                phase.kind.value):
        if key and (help_dir() / f"{key}.md").is_file():
            return key
    if phase.kind is PhaseKind.NOTES:
        return "presentation"
    return "index"


def markdown(key: str) -> str:
    """A page's Markdown; a missing file says so rather than failing."""
    path = help_dir() / f"{key}.md"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"# {key}\n\nThis page of the guide is missing from the installation ({path.name})."
