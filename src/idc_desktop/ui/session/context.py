"""What the phase pages need to know besides the session itself, gathered once per editor.

Pages get this instead of the services, so they stay views with bindings and never reach
the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from idc_desktop.domain import Consultation
from idc_desktop.domain.catalogue import CatalogueItem, Cluster
from idc_desktop.domain.enums import Perspective
from idc_desktop.domain.similar import SimilarCase
from idc_desktop.domain.timeline import CaseTimeline
from idc_desktop.ui.privacy.guard import PrivacyGuard


@dataclass
class EditorContext:
    case_code: str
    specialty: str
    catalogue: list[CatalogueItem]
    clusters: tuple[Cluster, ...]
    family_titles: dict[str, str]
    disciplines: list[str]
    ground_rules: tuple[tuple[str, str], ...]  # (key, text)
    previous: Consultation | None = None  # the case's session before this one, if any
    # Adds a custom item to the catalogue (label, family) and returns it.
    add_item: Callable[[str, str], CatalogueItem] | None = None
    # The window's anonymisation guard, which every field holding the team's words uses.
    guard: PrivacyGuard = field(default_factory=PrivacyGuard)
    # Similar past cases for the session's A-D items, and a past case's timeline (issue 14.4):
    # given by the window; None in an editor opened without a log (no panel then).
    similar: Callable[[dict[Perspective, list[str]]], list[SimilarCase]] | None = None
    case_timeline: Callable[[int], CaseTimeline] | None = None
    items_by_key: dict[str, CatalogueItem] = field(init=False)

    def __post_init__(self) -> None:
        self.items_by_key = {item.key: item for item in self.catalogue}

    def label(self, key: str) -> str:
        """An item's current label; a key no longer in the catalogue still shows, as itself."""
        item = self.items_by_key.get(key)
        return item.label if item else key.replace("_", " ")

    def replace_catalogue(self, items: list[CatalogueItem]) -> None:
        """After the lead edits the catalogue: every page sees the new labels and hidden flags."""
        self.catalogue[:] = items  # the same list object: pages hold it
        self.items_by_key = {item.key: item for item in items}

    def remember(self, item: CatalogueItem) -> None:
        self.catalogue.append(item)
        self.items_by_key[item.key] = item
