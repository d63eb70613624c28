"""Use cases between the UI/CLI and the store. Each method is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from idc_desktop.services import shipped
from idc_desktop.services.backups import BackupService
from idc_desktop.services.cases import CaseService
from idc_desktop.services.catalogue import CatalogueService, seed_catalogue
from idc_desktop.services.consultations import ConsultationService
from idc_desktop.services.desk import DeskService
from idc_desktop.services.exporting import ExportService
from idc_desktop.services.privacy import PrivacyService
from idc_desktop.services.transfer import TransferService
from idc_desktop.services.vocabulary import DISCIPLINE, SPECIALTY, VocabularyService
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.opening import open_store
from idc_desktop.store.store import Store


@dataclass
class Services:
    store: Store
    cases: CaseService
    sessions: ConsultationService
    catalogue: CatalogueService
    vocabulary: VocabularyService
    transfer: TransferService
    privacy: PrivacyService
    exports: ExportService
    backups: BackupService
    desk: DeskService

    @classmethod
    def for_store(cls, store: Store) -> Services:
        catalogue, transfer, privacy = CatalogueService(store), TransferService(store), PrivacyService(store)
        exports = ExportService(transfer, catalogue, privacy)
        return cls(
            store=store,
            cases=CaseService(store),
            sessions=ConsultationService(store),
            catalogue=catalogue,
            vocabulary=VocabularyService(store),
            transfer=transfer,
            privacy=privacy,
            exports=exports,
            backups=BackupService(store),
            desk=DeskService(store, privacy, exports.label_lookup),
        )

    def close(self) -> None:
        self.store.close()


def _needs_seeding(uow) -> bool:  # noqa: ANN001 - a UnitOfWork
    return not uow.catalogue.count() or not all(uow.vocabulary.count(kind) for kind in (SPECIALTY, DISCIPLINE))


def seed_defaults(store: Store) -> None:
    """Shipped catalogue and pick lists go in once; after that they are the lead's to edit.
    Looking writes nothing (reading commands never wait for a writer); seeding claims the
    writer's place first, so two first runs seed one after the other, never both."""
    with store.unit() as uow:
        if not _needs_seeding(uow):
            return
    with store.unit() as uow:
        uow.claim_writer()
        seed_catalogue(uow)
        for kind, values in ((SPECIALTY, shipped.specialties()), (DISCIPLINE, shipped.disciplines())):
            if not uow.vocabulary.count(kind):
                for value in values:
                    uow.vocabulary.add(kind, value)


def open_services(data_dir: Path, *, lock_held: bool = False, key: Passphrase | None = None) -> Services:
    """`key`: the passphrase of a protected log (store/cipher.py)."""
    store = open_store(data_dir, lock_held=lock_held, key=key)
    try:
        seed_defaults(store)
    except Exception:
        store.close()
        raise
    return Services.for_store(store)


def seed_demo(services: Services) -> int:
    """Load the fictitious demo cases into an empty log; a log that has cases is left alone."""
    if services.cases.count():
        return 0
    report = services.transfer.import_file(shipped.demo_cases_path())
    return len(report.codes)
