"""Texts a user marked "not an identifier", so the privacy guard stops flagging them."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from idc_desktop.store.models import DismissedFindingRow


class DismissedRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def texts(self) -> set[str]:
        return set(self._session.scalars(select(DismissedFindingRow.text)))

    def add(self, kind: str, text: str) -> None:
        exists = self._session.scalar(
            select(DismissedFindingRow.id).where(DismissedFindingRow.kind == kind, DismissedFindingRow.text == text)
        )
        if exists is None:
            self._session.add(DismissedFindingRow(kind=kind, text=text))

    def remove(self, text: str) -> None:
        """Flag this text again, whatever kind it was dismissed as."""
        self._session.execute(delete(DismissedFindingRow).where(DismissedFindingRow.text == text))
