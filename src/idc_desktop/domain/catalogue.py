"""The item vocabulary the perspectives are described with (our own wording; see DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CatalogueItem:
    """An item, referenced everywhere by its stable key: renaming the label rewrites no history."""

    key: str
    label: str
    family: str  # "seen" (for A and C) or "response" (for B and D)
    cluster: str = ""
    hint: str = ""
    position: int = 0
    hidden: bool = False
    custom: bool = False


@dataclass(frozen=True, slots=True)
class Cluster:
    key: str
    family: str
    title: str
    angle: int  # degrees round the interpersonal circle: 0 warm, 90 dominant, 180 hostile, 270 yielding
