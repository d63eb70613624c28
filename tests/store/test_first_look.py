"""The library's first page read before SQLAlchemy loads (store/first_look.py): the same rows
as the store's own listing, never a byte written, and None for anything it should not guess at."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from idc_desktop.domain import CaseFilter
from idc_desktop.paths import store_path
from idc_desktop.services import Services
from idc_desktop.store.first_look import first_page

STORES = Path(__file__).resolve().parents[1] / "migrations" / "stores"


def _files(data_dir: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(data_dir.iterdir()) if p.is_file()}


def test_the_first_page_is_the_stores_own_first_page(demo_services: Services) -> None:
    data_dir = demo_services.store.data_dir
    expected = demo_services.cases.page(CaseFilter(), 0, 100)
    demo_services.close()
    count, rows = first_page(data_dir, 100)
    assert count == len(expected) > 1
    assert rows == expected  # codes, figures and dates alike, in the library's default order
    assert first_page(data_dir, 1)[1] == expected[:1]


def test_reading_it_writes_nothing(demo_services: Services) -> None:
    data_dir = demo_services.store.data_dir
    demo_services.close()
    before = _files(data_dir)
    assert first_page(data_dir, 100) is not None
    assert _files(data_dir) == before


def test_a_log_whose_journal_holds_rows_waits_for_the_store(demo_services: Services) -> None:
    """After a crash the latest rows may be in the -wal journal, which only a reader that may
    write the -shm index can see: no first look then, rather than an older list."""
    data_dir = demo_services.store.data_dir
    wal = store_path(data_dir).with_name(store_path(data_dir).name + "-wal")
    assert wal.exists() and wal.stat().st_size  # the open store writes through its journal
    assert first_page(data_dir, 100) is None


def test_nothing_to_guess_at_gives_none(tmp_path: Path) -> None:
    missing = tmp_path / "none"
    assert first_page(missing, 100) is None

    older = tmp_path / "older"  # another revision's columns may differ: wait for the migration
    older.mkdir()
    shutil.copy(STORES / "rev-0002-demo.sqlite3", store_path(older))
    assert first_page(older, 100) is None

    foreign = tmp_path / "foreign"
    foreign.mkdir()
    with sqlite3.connect(store_path(foreign)) as db:
        db.execute("CREATE TABLE cases (id INTEGER)")
    assert first_page(foreign, 100) is None

    garbage = tmp_path / "garbage"  # damaged, or protected with a passphrase: unreadable as is
    garbage.mkdir()
    store_path(garbage).write_bytes(b"\x8f" * 8192)
    assert first_page(garbage, 100) is None
