"""The shipped data files in resources/: catalogue, phases, ground rules, pick lists, demo."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from idc_desktop.domain.catalogue import CatalogueItem, Cluster
from idc_desktop.domain.enums import Perspective
from idc_desktop.domain.phases import PhaseDefinition, PhaseKind
from idc_desktop.paths import resources_dir


def _load(name: str) -> dict[str, Any]:
    return json.loads((resources_dir() / name).read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class ShippedCatalogue:
    clusters: tuple[Cluster, ...]
    items: tuple[CatalogueItem, ...]
    family_titles: dict[str, str]


@lru_cache(maxsize=1)
def catalogue() -> ShippedCatalogue:
    data = _load("catalogue.json")
    clusters = tuple(
        Cluster(key=c["key"], family=c["family"], title=c["title"], angle=int(c.get("angle", 0)))
        for c in data["clusters"]
    )
    items = tuple(
        CatalogueItem(
            key=i["key"], label=i["label"], family=i["family"], cluster=i.get("cluster", ""),
            hint=i.get("hint", ""), position=pos,
        )
        for pos, i in enumerate(data["items"], start=1)
    )
    return ShippedCatalogue(clusters, items, {f["key"]: f["title"] for f in data["families"]})


@lru_cache(maxsize=1)
def specialties() -> tuple[str, ...]:
    return tuple(_load("specialties.json")["specialties"])


@lru_cache(maxsize=1)
def disciplines() -> tuple[str, ...]:
    return tuple(_load("disciplines.json")["disciplines"])


@lru_cache(maxsize=1)
def ground_rules() -> tuple[tuple[str, str], ...]:
    return tuple((r["key"], r["text"]) for r in _load("ground_rules.json")["rules"])


def demo_cases_path() -> Path:
    return resources_dir() / "demo" / "cases.json"


@lru_cache(maxsize=1)
def phases() -> tuple[PhaseDefinition, ...]:
    return tuple(
        PhaseDefinition(
            key=p["key"],
            title=p["title"],
            short_title=p.get("short_title", p["title"]),
            minutes=int(p["minutes"]),
            kind=PhaseKind(p["kind"]),
            prompt=p.get("prompt", ""),
            guidance=p.get("guidance", ""),
            perspective=Perspective(p["perspective"]) if p.get("perspective") else None,
            field=p.get("field"),
        )
        for p in _load("phases.json")["phases"]
    )
