"""The anonymisation guard's settings and the log-wide audit."""

from __future__ import annotations

from idc_desktop.domain.validation import MAX_SHORT_TEXT, check_length, clean_text
from idc_desktop.domain.errors import ValidationError
from idc_desktop.privacy import ScanConfig
from idc_desktop.services.findings import Located, bundle_findings
from idc_desktop.store.store import Store

WATCH = "watch"  # vocabulary kind for the lead's watch-list (local hospitals, wards, practices, staff)


class PrivacyService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def config(self) -> ScanConfig:
        with self._store.unit() as uow:
            return ScanConfig(watch_list=tuple(uow.vocabulary.terms(WATCH)), ignored=frozenset(uow.dismissed.texts()))

    def watch_list(self) -> list[str]:
        with self._store.unit() as uow:
            return uow.vocabulary.terms(WATCH)

    def watch(self, term: str) -> str:
        """Always flag `term` from now on (it stops being "not an identifier" if it was)."""
        term = clean_text(term)
        if not term:
            raise ValidationError("watch", "The watch-list entry is empty.")
        if "\n" in term or "\u2029" in term:
            raise ValidationError("watch", "A watch-list entry is one line: a name, a ward, a practice.")
        check_length("watch", "A watch-list entry", term, MAX_SHORT_TEXT)
        with self._store.unit() as uow:
            uow.vocabulary.add(WATCH, term)
            uow.dismissed.remove(term)
        return term

    def unwatch(self, term: str) -> None:
        with self._store.unit() as uow:
            uow.vocabulary.hide(WATCH, term)

    def dismiss(self, kind: str, text: str) -> None:
        """Mark a text as "not an identifier" from now on (it leaves the watch list if it was on it)."""
        with self._store.unit() as uow:
            uow.dismissed.add(kind, text)
            uow.vocabulary.hide(WATCH, text)

    def dismissed(self) -> list[str]:
        """The texts marked "not an identifier", in alphabetical order."""
        with self._store.unit() as uow:
            return sorted(uow.dismissed.texts(), key=str.casefold)

    def undismiss(self, text: str) -> None:
        """Flag this text again."""
        with self._store.unit() as uow:
            uow.dismissed.remove(text)

    def audit(self, transfer) -> list[Located]:  # noqa: ANN001 - TransferService; avoids an import cycle
        """Every finding in the log: free text and the labels of the items sessions use."""
        config = self.config()
        with self._store.unit() as uow:
            labels = {item.key: item.label for item in uow.catalogue.all()}

        def label(key: str) -> str:
            return labels.get(key, key.replace("_", " "))

        return [found for bundle in transfer.bundles() for found in bundle_findings(bundle, config, item_text=label)]
