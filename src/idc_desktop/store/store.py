"""The open store and its unit of work: one transaction, with the repositories it needs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from idc_desktop.domain.errors import StoreWriteError
from idc_desktop.paths import disk_is_full
from idc_desktop.store.cases_repo import CaseRepository
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.catalogue_repo import CatalogueRepository
from idc_desktop.store.consultations_repo import ConsultationRepository
from idc_desktop.store.desk_repo import DeskRepository
from idc_desktop.store.dismissed_repo import DismissedRepository
from idc_desktop.store.patterns_repo import PatternsRepository
from idc_desktop.store.similar_repo import SimilarRepository
from idc_desktop.store.search_index import SearchIndex
from idc_desktop.store.vocabulary_repo import VocabularyRepository


def operational_reason(exc: OperationalError, where: Path | None = None) -> str:
    """"full", "readonly", "busy" or "" for SQLite's reason. `where`: the log, so that a bare
    I/O error on a disk with no room left is known for a full disk."""
    reason = str(exc.orig).lower() if exc.orig else str(exc).lower()
    if "full" in reason or (where is not None and disk_is_full(where, exc)):
        return "full"
    if "readonly" in reason or "read-only" in reason:
        return "readonly"
    if "locked" in reason or "busy" in reason:
        return "busy"
    return ""


def describe_operational_error(exc: OperationalError, where: Path | None = None) -> str:
    """SQLite's reasons, in words a clinician can act on."""
    words = {
        "full": "The disk is full: the case log cannot be saved until space is freed.",
        "readonly": "The case log is read-only here: check its permissions and its folder's.",
        "busy": "The case log is busy in another program; saving will be retried.",
    }.get(operational_reason(exc, where))
    if words is not None:
        return words
    return f"The case log could not be saved ({exc.orig or exc})."


class UnitOfWork:
    """What a service sees of the store for one use case; commits on success, else rolls back."""

    def __init__(self, session: Session) -> None:
        self.search = SearchIndex(session)
        self.cases = CaseRepository(session, self.search)
        self.consultations = ConsultationRepository(session)
        self.catalogue = CatalogueRepository(session)
        self.vocabulary = VocabularyRepository(session)
        self.dismissed = DismissedRepository(session)
        self.desk = DeskRepository(session)
        self.patterns = PatternsRepository(session)
        self.similar = SimilarRepository(session)
        self._session = session

    def claim_writer(self) -> None:
        """Take the store's write lock now (waiting up to the busy timeout), so what this unit
        reads before it writes cannot change under it: a statement that could write starts
        SQLite's write transaction even when it changes no row."""
        self._session.execute(text("UPDATE alembic_version SET version_num = version_num WHERE 0"))


@dataclass
class Store:
    data_dir: Path
    path: Path
    engine: Engine
    key: Passphrase | None = None  # the passphrase of a protected log (store/cipher.py); None: plain
    _sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def unit(self) -> Iterator[UnitOfWork]:
        try:
            with self._sessions.begin() as session:
                yield UnitOfWork(session)
        except OperationalError as exc:
            raise StoreWriteError(describe_operational_error(exc, self.path),
                                  operational_reason(exc, self.path)) from exc

    def close(self) -> None:
        # Folding the WAL back leaves a single tidy file behind; it is tidying only, so it never
        # waits for another program's reader or writer (busy_timeout 0) and never fails a close
        # (the last connection to close folds it anyway).
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA busy_timeout = 0")
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except DatabaseError:  # OperationalError (busy, full) among them: tidying never fails a close
            pass
        finally:
            self.engine.dispose()
