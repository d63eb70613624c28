"""Protecting the log with a passphrase: the use cases the window and the CLI call (store/rekey.py
does the work, safe against a kill; store/cipher.py says what a passphrase may be)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from idc_desktop.paths import store_path
from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase, passphrase_problem, strength_hint
from idc_desktop.store.rekey import change_key

__all__ = ["Passphrase", "change_passphrase", "is_protected", "opening_key", "passphrase_problem", "strength_hint"]


def is_protected(data_dir: Path) -> bool:
    return cipher.looks_protected(store_path(data_dir))


def change_passphrase(data_dir: Path, old: Passphrase | None, new: Passphrase | None,
                      progress: Callable[[int, int], None] | None = None) -> Path:
    """Protect (old None), change, or remove (new None) the passphrase of the log and its backups,
    after a checked backup (returned). The caller holds the store lock and has closed the store."""
    return change_key(data_dir, old, new, progress)


def opening_key(data_dir: Path, old: Passphrase | None, new: Passphrase | None) -> Passphrase | None:
    """Which of the two opens the log now (after a change that ended, failed or was stopped)."""
    path = store_path(data_dir)
    protected = cipher.looks_protected(path)
    for key in (new, old):
        if (key is not None) == protected and (key is None or cipher.opens_with(path, key)):
            return key
    return old
