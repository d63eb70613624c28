"""Editable pick lists: specialties and disciplines, seeded from resources/."""

from __future__ import annotations

from idc_desktop.domain.validation import MAX_SHORT_TEXT, check_length, clean_text
from idc_desktop.domain.errors import ValidationError
from idc_desktop.store.store import Store

SPECIALTY = "specialty"
DISCIPLINE = "discipline"


class VocabularyService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def terms(self, kind: str) -> list[str]:
        with self._store.unit() as uow:
            return uow.vocabulary.terms(kind)

    def specialties(self) -> list[str]:
        """The pick list plus any specialty a case already uses, so filters never hide a case."""
        with self._store.unit() as uow:
            listed = uow.vocabulary.terms(SPECIALTY)
            used = uow.cases.specialties_in_use()
        return listed + sorted(set(used) - set(listed), key=str.casefold)

    def add(self, kind: str, value: str) -> str:
        value = clean_text(value)
        if not value:
            raise ValidationError(kind, f"The {kind} is empty.")
        check_length(kind, f"The {kind}", value, MAX_SHORT_TEXT)
        with self._store.unit() as uow:
            uow.vocabulary.add(kind, value)
        return value

    def hide(self, kind: str, value: str) -> None:
        with self._store.unit() as uow:
            uow.vocabulary.hide(kind, value)
