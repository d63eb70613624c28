"""A log protected by a passphrase: nothing readable on disk, a wrong passphrase changes nothing,
and search, backups, restore and migrations work as on a plain log."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from idc_desktop.domain import Case, CaseFilter, Contribution, Perspective
from idc_desktop.domain.errors import InputError, PassphraseNeededError, WrongPassphraseError
from idc_desktop.paths import backup_dir, store_path
from idc_desktop.services import open_services
from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.opening import open_store
from idc_desktop.store.probe import probe_store
from idc_desktop.store.rekey import change_key, rewrite
from idc_desktop.store.restore import restore_backup
from idc_desktop.store.revisions import head_revision

PHRASE = "zebra-marmalade-quarrel"  # what the team "typed": must never be readable on disk
KEY = Passphrase("correct horse battery staple")
OTHER = Passphrase("an entirely different 'quoted' phrase")
STORES = Path(__file__).parent.parent / "migrations" / "stores"


def _type_a_session(data_dir: Path, key: Passphrase | None) -> None:
    services = open_services(data_dir, key=key)
    try:
        case = services.cases.create(Case(code="", specialty="Renal", referral_reason=f"shouts {PHRASE}"))
        session = services.sessions.start(case.id)
        session.perspectives[Perspective.D].contributions.append(Contribution(text=f"we avoid the bay {PHRASE}"))
        services.sessions.save(session)
        services.backups.back_up_now()
        # the WAL is read while the session is still open, as a thief copying the folder would
        wal = Path(f"{store_path(data_dir)}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        on_disk = {p.name: p.read_bytes() for p in (store_path(data_dir), wal)}
    finally:
        services.close()
    on_disk.update({p.name: p.read_bytes() for p in backup_dir(data_dir).iterdir()})
    on_disk[store_path(data_dir).name + " closed"] = store_path(data_dir).read_bytes()
    return on_disk


def test_a_plain_log_shows_the_phrase_so_the_check_below_can_fail(data_dir: Path) -> None:
    on_disk = _type_a_session(data_dir, None)
    assert any(PHRASE.encode() in raw for raw in on_disk.values())


def test_nothing_typed_is_readable_in_a_protected_log_its_wal_or_its_backups(data_dir: Path) -> None:
    change_key(data_dir, None, KEY)
    on_disk = _type_a_session(data_dir, KEY)
    assert len(on_disk) >= 4  # the log, its WAL, the copy kept before protecting and the new backup
    for name, raw in on_disk.items():
        assert PHRASE.encode() not in raw, name
        assert PHRASE.encode("utf-16-le") not in raw, name
        assert not raw.startswith(cipher.SQLITE_HEADER), name


def test_a_protected_log_without_or_with_a_wrong_passphrase_is_refused_unchanged(data_dir: Path) -> None:
    change_key(data_dir, None, KEY)
    path = store_path(data_dir)
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(data_dir)))
    with pytest.raises(PassphraseNeededError, match="protected by a passphrase"):
        open_store(data_dir)
    with pytest.raises(WrongPassphraseError, match="does not open") as refused:
        open_store(data_dir, key=OTHER)
    assert "\n" not in str(refused.value) and OTHER.reveal() not in str(refused.value)
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(data_dir))) == before
    open_store(data_dir, key=KEY).close()


def test_a_protected_log_is_not_taken_for_a_damaged_one(data_dir: Path) -> None:
    change_key(data_dir, None, KEY)
    probe = probe_store(store_path(data_dir))
    assert probe.protected and probe.locked == "needed" and not probe.problems
    assert not probe_store(store_path(data_dir), key=KEY).problems


def test_search_works_on_a_protected_log(data_dir: Path) -> None:
    change_key(data_dir, None, KEY)
    _type_a_session(data_dir, KEY)
    services = open_services(data_dir, key=KEY)
    try:
        found = services.cases.list(CaseFilter(text="marmalade"))
        assert [c.specialty for c in found] == ["Renal"]
        assert services.cases.list(CaseFilter(text="nowhere-to-be-found")) == []
    finally:
        services.close()


def test_changing_and_removing_the_passphrase_moves_the_log_and_every_backup(data_dir: Path) -> None:
    _type_a_session(data_dir, None)  # a plain backup exists before protecting
    change_key(data_dir, None, KEY)
    copies = list(backup_dir(data_dir).iterdir())
    assert copies and all(cipher.opens_with(c, KEY) for c in copies)
    change_key(data_dir, KEY, OTHER)
    assert not cipher.opens_with(store_path(data_dir), KEY)
    assert all(cipher.opens_with(c, OTHER) and not cipher.opens_with(c, KEY) for c in backup_dir(data_dir).iterdir())
    with pytest.raises(WrongPassphraseError):
        change_key(data_dir, KEY, None)
    change_key(data_dir, OTHER, None)
    assert store_path(data_dir).read_bytes().startswith(cipher.SQLITE_HEADER)
    assert not any(cipher.looks_protected(c) for c in backup_dir(data_dir).iterdir())
    services = open_services(data_dir)
    try:
        assert [c.specialty for c in services.cases.list(CaseFilter(text="marmalade"))] == ["Renal"]
    finally:
        services.close()
    with pytest.raises(InputError, match="not protected"):
        change_key(data_dir, None, None)


def test_a_backup_restored_stays_protected(data_dir: Path) -> None:
    change_key(data_dir, None, KEY)
    _type_a_session(data_dir, KEY)
    backup = next(p for p in backup_dir(data_dir).iterdir() if "manual" in p.name)
    with pytest.raises(PassphraseNeededError):
        restore_backup(data_dir, backup)
    kept = restore_backup(data_dir, backup, KEY)
    assert kept is not None and cipher.looks_protected(kept)
    assert cipher.looks_protected(store_path(data_dir)) and cipher.opens_with(store_path(data_dir), KEY)
    open_store(data_dir, key=KEY).close()


def test_an_older_protected_log_migrates_after_a_protected_backup(tmp_path: Path) -> None:
    data_dir = tmp_path / "old"
    data_dir.mkdir(mode=0o700)
    oldest = sorted(STORES.glob("rev-*.sqlite3"))[0]
    shutil.copy(oldest, store_path(data_dir))
    rewrite(store_path(data_dir), None, KEY)
    store = open_store(data_dir, key=KEY)
    store.close()
    assert probe_store(store_path(data_dir), key=KEY).revision == head_revision()
    (copy,) = [p for p in backup_dir(data_dir).iterdir() if "before-upgrade" in p.name]
    assert cipher.looks_protected(copy) and cipher.opens_with(copy, KEY)


@pytest.mark.parametrize("text", ["", "a\x00b", "x'00ff'"])
def test_an_unusable_passphrase_is_named(text: str) -> None:
    with pytest.raises(InputError):
        Passphrase(text)


def test_a_passphrase_never_shows_itself() -> None:
    assert KEY.reveal() not in repr(KEY) and KEY.reveal() not in str(KEY)


def test_a_damaged_page_in_a_protected_log_is_damage_not_a_wrong_passphrase(data_dir: Path) -> None:
    from idc_desktop.domain.errors import StoreDamagedError
    from idc_desktop.services import seed_demo

    services = open_services(data_dir)
    seed_demo(services)
    services.close()
    change_key(data_dir, None, KEY)
    path = store_path(data_dir)
    raw = bytearray(path.read_bytes())
    middle = (len(raw) // 4096 // 2) * 4096 + 100  # inside a page other than the first
    raw[middle:middle + 16] = bytes(16)
    path.write_bytes(bytes(raw))
    before = path.read_bytes()
    with pytest.raises(StoreDamagedError, match="damaged"):
        open_store(data_dir, key=KEY)
    assert path.read_bytes() == before
