"""Import and export of the interchange format: all or nothing, in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.catalogue import CatalogueItem
from idc_desktop.domain.errors import IdcError, InputError
from idc_desktop.domain.validation import clean_case
from idc_desktop.export.interchange import dump_document, parse_document
from idc_desktop.services.cases import unused_code
from idc_desktop.services.catalogue import MAX_NEW_ITEMS_PER_IMPORT, ItemResolver
from idc_desktop.services.consultations import store_consultation
from idc_desktop.store.store import Store
from idc_desktop.domain import wording


LISTED_ITEMS = 10  # the report names this many new items, then counts the rest


@dataclass
class ImportReport:
    codes: list[str] = field(default_factory=list)
    sessions: int = 0
    custom_items: list[CatalogueItem] = field(default_factory=list)

    def describe(self) -> str:
        text = f"Imported {wording.count(len(self.codes), 'case')} with {wording.count(self.sessions, 'session')}"
        if self.custom_items:
            shown = self.custom_items[:LISTED_ITEMS]
            labels = ", ".join(item.label for item in shown)
            more = len(self.custom_items) - len(shown)
            text += f"; added {wording.count(len(self.custom_items), 'custom item')} to the catalogue: {labels}"
            text += f" and {more} more (Tools › Catalogue lists them)" if more else ""
        return text + "."


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file.") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from exc


class TransferService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def import_bytes(self, raw: bytes | str) -> ImportReport:
        return self.import_bundles(parse_document(raw))

    def import_file(self, path: Path) -> ImportReport:
        return self.import_bundles(parse_document(read_file(path)))

    def import_bundles(self, bundles: list[CaseBundle]) -> ImportReport:
        report = ImportReport()
        with self._store.unit() as uow:  # one transaction: any error leaves the store as it was
            resolver = ItemResolver(uow, max_new=MAX_NEW_ITEMS_PER_IMPORT)
            taken = {b.case.code for b in bundles if b.case.code}
            for index, bundle in enumerate(bundles):
                case = bundle.case
                where = f"cases[{index}]"
                try:
                    if not case.code:
                        case.code = unused_code(uow, taken)
                        taken.add(case.code)
                    elif uow.cases.code_exists(case.code):
                        raise InputError(f"{where}.code: a case with the code {case.code} is already in the case log")
                    clean_case(case)
                    case.id = uow.cases.add(case)
                    for s_index, session in enumerate(bundle.sessions):
                        where = f"cases[{index}].sessions[{s_index}]"
                        session.id = None
                        store_consultation(uow, case.id, session, resolver)
                        report.sessions += 1
                except IdcError as exc:
                    if str(exc).startswith("cases["):
                        raise
                    raise InputError(f"{where}: {exc}") from exc
                report.codes.append(case.code)
            report.custom_items = list(resolver.added)
        return report

    def bundles(self, codes: list[str] | None = None) -> list[CaseBundle]:
        """The named cases (all when None) with their sessions, for export."""
        with self._store.unit() as uow:
            if codes is None:
                cases = [uow.cases.get(s.id) for s in uow.cases.summaries()]
            else:
                cases = []
                for code in codes:
                    case = uow.cases.by_code(code.strip().upper())
                    if case is None:
                        raise InputError(f"There is no case with the code {code}.")
                    cases.append(case)
            return [
                CaseBundle(case, [uow.consultations.get(i) for i in uow.consultations.ids_for_case(case.id)])
                for case in cases
                if case.id is not None
            ]

    def item_names(self) -> Callable[[str], str]:
        """What the interchange file says for an item key: a shipped item's key, a custom item's
        label (custom keys are random, or derived from free text in older logs: never written)."""
        with self._store.unit() as uow:
            custom = {item.key: item.label for item in uow.catalogue.all() if item.custom}
        return lambda key: custom.get(key, key)

    def export_json(self, codes: list[str] | None = None) -> str:
        return dump_document(self.bundles(codes), self.item_names())
