"""The item catalogue: shipped wording plus the lead's own items, renames and hidden items."""

from __future__ import annotations

import secrets
from collections.abc import Container
from dataclasses import replace

from idc_desktop.domain import Perspective, wording
from idc_desktop.domain.catalogue import CatalogueItem, Cluster
from idc_desktop.domain.errors import NotFoundError, ValidationError
from idc_desktop.domain.validation import MAX_SHORT_TEXT, check_length, clean_text
from idc_desktop.services import shipped
from idc_desktop.store.store import Store, UnitOfWork


def new_custom_key(taken: Container[str]) -> str:
    """A random key for a custom item, e.g. 'custom_1a2b3c4d'. Never made from the label: a label
    is free text that may hold a name, and a key is written where labels are not (older logs
    keep their derived keys; those are read as before and never written to a file)."""
    while True:
        key = f"custom_{secrets.token_hex(4)}"
        if key not in taken:
            return key


# How many new custom items one import may add: a file of 20,000 made-up items is a mistake
# (or an attack on the item picker), not a catalogue. README.md says so.
MAX_NEW_ITEMS_PER_IMPORT = 200


class ItemResolver:
    """Matches item strings (keys or labels, any case) to keys, adding unknown ones as custom items.

    Lives inside one unit of work so an import that fails adds no custom items either.
    `max_new` caps how many it may add (None: no cap).
    """

    def __init__(self, uow: UnitOfWork, max_new: int | None = None) -> None:
        self._uow = uow
        self._max_new = max_new
        self._by_key: dict[str, CatalogueItem] = {i.key: i for i in uow.catalogue.all()}
        self._by_name: dict[str, str] = {}
        for item in self._by_key.values():
            self._by_name.setdefault(item.label.casefold(), item.key)
            self._by_name.setdefault(item.key.casefold(), item.key)
        self.added: list[CatalogueItem] = []

    def resolve(self, text: str, perspective: Perspective) -> str:
        name = clean_text(text)
        if not name:
            raise ValidationError("items", "An item is empty.")
        found = self._by_name.get(name.casefold())
        if found is not None:
            return found
        check_length("items", f"The item {name[:20]!r}", name, MAX_SHORT_TEXT)
        if self._max_new is not None and len(self.added) >= self._max_new:
            raise ValidationError(
                "items", f"this file would add more than {self._max_new} new custom items to the catalogue "
                f"(one import may add at most {self._max_new}); use the catalogue's items, or import it in parts")
        key = new_custom_key(self._by_key)
        item = CatalogueItem(key=key, label=name, family=perspective.family, custom=True)
        self._uow.catalogue.add(item)
        self._by_key[key] = item
        self._by_name[name.casefold()] = key
        self.added.append(item)
        return key


def seed_catalogue(uow: UnitOfWork) -> int:
    """Fill an empty catalogue from resources/; a store that has items keeps the lead's edits."""
    if uow.catalogue.count():
        return 0
    items = shipped.catalogue().items
    for item in items:
        uow.catalogue.add(replace(item))
    return len(items)


class CatalogueService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def items(self, include_hidden: bool = True) -> list[CatalogueItem]:
        with self._store.unit() as uow:
            items = uow.catalogue.all()
        return items if include_hidden else [i for i in items if not i.hidden]

    def clusters(self) -> tuple[Cluster, ...]:
        return shipped.catalogue().clusters

    def family_title(self, family: str) -> str:
        return shipped.catalogue().family_titles.get(family, family)

    def add(self, label: str, family: str, cluster: str = "") -> CatalogueItem:
        label = clean_text(label)
        if not label:
            raise ValidationError("label", "The item's label is empty.")
        if family not in ("seen", "response"):
            raise ValidationError("family", f"Unknown item family {family!r}.")
        with self._store.unit() as uow:
            resolver = ItemResolver(uow)
            perspective = Perspective.A if family == "seen" else Perspective.B
            key = resolver.resolve(label, perspective)
            item = uow.catalogue.get(key)
            assert item is not None
            if item.custom and cluster:
                item.cluster = cluster
                uow.catalogue.update(item)
            return item

    def rename(self, key: str, label: str) -> CatalogueItem:
        label = clean_text(label)
        if not label:
            raise ValidationError("label", "The item's label is empty.")
        check_length("label", "The item's label", label, MAX_SHORT_TEXT)
        return self._change(key, label=label)

    def set_hidden(self, key: str, hidden: bool) -> CatalogueItem:
        return self._change(key, hidden=hidden)

    def uses(self, key: str) -> int:
        with self._store.unit() as uow:
            return uow.catalogue.uses(key)

    def delete(self, key: str) -> CatalogueItem:
        """Delete an item no session uses; a used one is refused (hide it instead: history keeps it)."""
        with self._store.unit() as uow:
            item = uow.catalogue.get(key)
            if item is None:
                raise NotFoundError(f"There is no catalogue item {key!r}.")
            used = uow.catalogue.uses(key)
            if used:
                raise ValidationError("key", f"\u201c{item.label}\u201d is chosen in "
                                      f"{wording.count(used, 'session perspective')}, so it cannot be deleted: "
                                      "hide it instead (Ctrl+H), and past sessions keep it.")
            uow.catalogue.delete(key)
            return item

    def restore(self, item: CatalogueItem) -> CatalogueItem:
        """Put back a deleted item, key and place included (the dialog's undo)."""
        with self._store.unit() as uow:
            if uow.catalogue.get(item.key) is None:
                uow.catalogue.add(replace(item))
            return item

    def _change(self, key: str, **changes: object) -> CatalogueItem:
        with self._store.unit() as uow:
            item = uow.catalogue.get(key)
            if item is None:
                raise NotFoundError(f"There is no catalogue item {key!r}.")
            for name, value in changes.items():
                setattr(item, name, value)
            uow.catalogue.update(item)
            return item
