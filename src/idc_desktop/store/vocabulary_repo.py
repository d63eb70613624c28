"""Editable pick lists (specialties, disciplines) as rows."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from idc_desktop.store.models import VocabularyTermRow


class VocabularyRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def terms(self, kind: str, include_hidden: bool = False) -> list[str]:
        query = select(VocabularyTermRow.value).where(VocabularyTermRow.kind == kind)
        if not include_hidden:
            query = query.where(VocabularyTermRow.hidden.is_(False))
        return list(self._session.scalars(query.order_by(VocabularyTermRow.position, VocabularyTermRow.value)))

    def count(self, kind: str) -> int:
        return self._session.scalar(
            select(func.count()).select_from(VocabularyTermRow).where(VocabularyTermRow.kind == kind)
        ) or 0

    def add(self, kind: str, value: str) -> None:
        existing = self._session.scalar(
            select(VocabularyTermRow).where(VocabularyTermRow.kind == kind, VocabularyTermRow.value == value)
        )
        if existing is not None:
            existing.hidden = False
            return
        position = (
            self._session.scalar(select(func.max(VocabularyTermRow.position)).where(VocabularyTermRow.kind == kind))
            or 0
        ) + 1
        self._session.add(VocabularyTermRow(kind=kind, value=value, position=position, hidden=False))
        self._session.flush()

    def hide(self, kind: str, value: str) -> None:
        row = self._session.scalar(
            select(VocabularyTermRow).where(VocabularyTermRow.kind == kind, VocabularyTermRow.value == value)
        )
        if row is not None:
            row.hidden = True
