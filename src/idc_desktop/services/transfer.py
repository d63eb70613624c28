"""Import and export of the interchange format: all or nothing, in one transaction."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
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


class OnConflict(StrEnum):
    """What an import does with a case whose code is already in the log."""

    STOP = "stop"  # import nothing, and say which case and what the choices are
    SKIP = "skip"  # leave that case out; import the others
    NEW_CODE = "new-code"  # import it under a new random code


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


LISTED_ITEMS = 10  # the report names this many new items, then counts the rest


@dataclass
class ImportReport:
    codes: list[str] = field(default_factory=list)
    sessions: int = 0
    custom_items: list[CatalogueItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # codes already in the log, left out
    recoded: list[tuple[str, str]] = field(default_factory=list)  # (code in the file, code given)

    def describe(self) -> str:
        text = f"Imported {wording.count(len(self.codes), 'case')} with {wording.count(self.sessions, 'session')}"
        if self.skipped:
            text += f"; left out {wording.count(len(self.skipped), 'case')} already in the log: {', '.join(self.skipped)}"
        if self.recoded:
            pairs = ", ".join(f"{old} as {new}" for old, new in self.recoded)
            text += f"; imported under a new code, as the old one is taken: {pairs}"
        if self.custom_items:
            shown = self.custom_items[:LISTED_ITEMS]
            labels = ", ".join(item.label for item in shown)
            more = len(self.custom_items) - len(shown)
            text += f"; added {wording.count(len(self.custom_items), 'custom item')} to the catalogue: {labels}"
            text += f" and {more} more (Tools › Catalogue lists them)" if more else ""
        return text + "."


# What one import may hold: real exports reach the value limit first (about 6,000 cases with
# 8,000 sessions, 63 MB). Reading a file at the limits peaks at 470 MB for real cases and
# 800 MB for tiny values (benchmarks/bench_import_memory.py). Larger logs move in several files.
MAX_IMPORT_BYTES = 128 * 1024 * 1024
MAX_IMPORT_VALUES = 3_000_000


def read_file(path: Path) -> bytes:
    """The bytes of an interchange file, refused (InputError) if it is no regular file or is
    too large to read safely: a device or a pipe never ends, and a huge file of tiny JSON
    values takes tens of times its size in memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block the open
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file.") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a folder, not a file.")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is not a regular file (a device or a pipe): export the cases to a file first.")
        if info.st_size > MAX_IMPORT_BYTES:
            raise InputError(f"{path}: is {info.st_size / 2**20:,.0f} MB; one import may be at most "
                             f"{MAX_IMPORT_BYTES // 2**20} MB: export the cases in several files.")
        with os.fdopen(fd, "rb", closefd=False) as file:
            raw = file.read(MAX_IMPORT_BYTES + 1)  # the file may have grown since fstat
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from exc
    finally:
        os.close(fd)
    if len(raw) > MAX_IMPORT_BYTES:
        raise InputError(f"{path}: is over {MAX_IMPORT_BYTES // 2**20} MB; export the cases in several files.")
    check_value_count(raw, str(path))
    return raw


def check_value_count(raw: bytes | str, name: str) -> None:
    """Refuse more JSON values than an import may hold, counted before parsing: each value
    begins after one of these bytes, so their count (commas in prose too) bounds it from above."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    values = data.count(b",") + data.count(b"[") + data.count(b"{") + data.count(b":")
    if values > MAX_IMPORT_VALUES:
        raise InputError(f"{name}: holds over {MAX_IMPORT_VALUES:,} JSON values, more than one import may "
                         "read safely: export the cases in several files.")


class TransferService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def import_bytes(self, raw: bytes | str, on_conflict: OnConflict = OnConflict.STOP) -> ImportReport:
        if len(raw) > MAX_IMPORT_BYTES:
            raise InputError(f"The input is over {MAX_IMPORT_BYTES // 2**20} MB; import the cases in several files.")
        check_value_count(raw, "The input")
        return self.import_bundles(parse_document(raw), on_conflict)

    def import_file(self, path: Path, on_conflict: OnConflict = OnConflict.STOP) -> ImportReport:
        return self.import_bundles(self.read(path), on_conflict)

    def read(self, path: Path) -> list[CaseBundle]:
        """The cases in an interchange file, checked but not stored (the window asks about conflicts next)."""
        return parse_document(read_file(path))

    def conflicts(self, bundles: list[CaseBundle]) -> list[str]:
        """The codes in `bundles` that are already in the log."""
        with self._store.unit() as uow:
            return [b.case.code for b in bundles if b.case.code and uow.cases.code_exists(b.case.code)]

    def import_bundles(self, bundles: list[CaseBundle], on_conflict: OnConflict = OnConflict.STOP,
                       progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Store `bundles` in one transaction. `progress(done, total)` is told before each case;
        whatever it raises (Cancelled) undoes the whole import."""
        report = ImportReport()
        with self._store.unit() as uow:  # one transaction: any error leaves the store as it was
            resolver = ItemResolver(uow, max_new=MAX_NEW_ITEMS_PER_IMPORT)
            taken = {b.case.code for b in bundles if b.case.code}
            for index, bundle in enumerate(bundles):
                if progress is not None:
                    progress(index, len(bundles))
                case = bundle.case
                if not case.code:
                    case.code = unused_code(uow, taken)
                    taken.add(case.code)
                elif uow.cases.code_exists(case.code):
                    if on_conflict is OnConflict.STOP:
                        raise InputError(
                            f"Case {case.code} (the {ordinal(index + 1)} in the file) is already in the case log, "
                            "so nothing was imported. To import the rest, leave it out (--on-conflict skip) or "
                            "give it a new code (--on-conflict new-code).")
                    if on_conflict is OnConflict.SKIP:
                        report.skipped.append(case.code)
                        continue
                    old, case.code = case.code, unused_code(uow, taken)
                    taken.add(case.code)
                    report.recoded.append((old, case.code))
                where = f"cases[{index}]"
                try:
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
