"""The library's first page, read before SQLAlchemy is loaded, so the cases show at once.

Importing SQLAlchemy and the store's mappings takes about half a second, most of the start-up.
The window paints its frame first; then this reads, with the stdlib `sqlite3` and a read-only
connection (never a byte written, as the probe), the case count and the first page in the
library's default order (by code), and the window shows them while the store opens. Anything
unexpected (no log yet, one whose journal holds rows, a damaged or protected file, another
revision than this app's head, whose columns may differ) gives None: the library then appears when the store is open, as
before. The store, once open, replaces these rows with its own, in the same order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from idc_desktop.domain import CaseSummary
from idc_desktop.domain.enums import CaseStatus, LifeStage, Setting
from idc_desktop.paths import store_path
from idc_desktop.store.revisions import head_revision
from idc_desktop.store.schema_extras import APPLICATION_ID

# The columns of a library row, in `summary_from_row`'s order (cases_repo selects the same).
SUMMARY_COLUMNS = ("id", "code", "specialty", "setting", "life_stage", "status", "session_count",
                   "last_session_on", "next_review_on")


def _day(value: object) -> date | None:
    """SQLAlchemy hands dates back as dates; the stdlib reads SQLite's ISO text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def summary_from_row(r: Sequence[object]) -> CaseSummary:
    return CaseSummary(
        id=r[0], code=r[1], specialty=r[2], setting=Setting(r[3]), life_stage=LifeStage(r[4]),
        status=CaseStatus(r[5]), sessions=r[6], last_session=_day(r[7]), next_review=_day(r[8]),
    )


def first_page(data_dir: Path, limit: int) -> tuple[int, list[CaseSummary]] | None:
    """(cases in the log, the first `limit` of them by code), or None if it cannot be read as is."""
    path = store_path(data_dir)
    wal = path.with_name(path.name + "-wal")
    if not path.is_file() or (wal.exists() and wal.stat().st_size):
        return None  # no log yet; or one not closed cleanly, whose latest rows are in its journal
    try:
        # immutable: with no journal to read, SQLite needs no lock and no -shm index, so not
        # even those appear beside the log (the launcher holds the store lock meanwhile).
        with sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True) as db:
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return None
            if db.execute("SELECT version_num FROM alembic_version").fetchone() != (head_revision(),):
                return None
            count = db.execute("SELECT count(*) FROM cases").fetchone()[0]
            rows = db.execute(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM cases ORDER BY code LIMIT ?",  # noqa: S608
                              (limit,)).fetchall()
        return count, [summary_from_row(r) for r in rows]
    except (sqlite3.Error, ValueError, OSError):
        return None
