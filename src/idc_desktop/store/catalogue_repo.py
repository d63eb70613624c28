"""Catalogue items as rows: seeded from resources/, then the lead's to add to, rename and hide."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from idc_desktop.domain.catalogue import CatalogueItem
from idc_desktop.domain.errors import NotFoundError
from idc_desktop.store.models import CatalogueItemRow, PerspectiveItemRow

_FIELDS = ("key", "label", "family", "cluster", "hint", "position", "hidden", "custom")


def _to_domain(row: CatalogueItemRow) -> CatalogueItem:
    return CatalogueItem(**{f: getattr(row, f) for f in _FIELDS})


class CatalogueRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self) -> list[CatalogueItem]:
        rows = self._session.scalars(select(CatalogueItemRow).order_by(CatalogueItemRow.position))
        return [_to_domain(r) for r in rows]

    def count(self) -> int:
        return self._session.scalar(select(func.count()).select_from(CatalogueItemRow)) or 0

    def get(self, key: str) -> CatalogueItem | None:
        row = self._session.get(CatalogueItemRow, key)
        return _to_domain(row) if row else None

    def add(self, item: CatalogueItem) -> None:
        if item.position == 0:
            item.position = (self._session.scalar(select(func.max(CatalogueItemRow.position))) or 0) + 1
        self._session.add(CatalogueItemRow(**{f: getattr(item, f) for f in _FIELDS}))
        self._session.flush()

    def update(self, item: CatalogueItem) -> None:
        row = self._session.get(CatalogueItemRow, item.key)
        if row is None:
            raise NotFoundError(f"There is no catalogue item {item.key!r}.")
        for f in _FIELDS[1:]:
            setattr(row, f, getattr(item, f))

    def uses(self, key: str) -> int:
        """How many session perspectives chose this item."""
        return self._session.scalar(
            select(func.count()).select_from(PerspectiveItemRow).where(PerspectiveItemRow.item_key == key)
        ) or 0

    def delete(self, key: str) -> None:
        row = self._session.get(CatalogueItemRow, key)
        if row is None:
            raise NotFoundError(f"There is no catalogue item {key!r}.")
        self._session.delete(row)
