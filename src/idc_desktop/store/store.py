"""The open store and its unit of work: one transaction, with the repositories it needs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from idc_desktop.store.cases_repo import CaseRepository
from idc_desktop.store.catalogue_repo import CatalogueRepository
from idc_desktop.store.consultations_repo import ConsultationRepository
from idc_desktop.store.search_index import SearchIndex
from idc_desktop.store.vocabulary_repo import VocabularyRepository


class UnitOfWork:
    """What a service sees of the store for one use case; commits on success, else rolls back."""

    def __init__(self, session: Session) -> None:
        self.search = SearchIndex(session)
        self.cases = CaseRepository(session, self.search)
        self.consultations = ConsultationRepository(session)
        self.catalogue = CatalogueRepository(session)
        self.vocabulary = VocabularyRepository(session)


@dataclass
class Store:
    data_dir: Path
    path: Path
    engine: Engine
    _sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def unit(self) -> Iterator[UnitOfWork]:
        with self._sessions.begin() as session:
            yield UnitOfWork(session)

    def close(self) -> None:
        # Folding the WAL back leaves a single tidy file behind.
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.engine.dispose()
