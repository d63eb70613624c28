"""The passphrase of a protected log, for the headless commands; and `protect`, `rekey`, `unprotect`.

Where it comes from, in order: `--passphrase-file PATH`, else the file named by
$IDC_DESKTOP_PASSPHRASE_FILE, else a question on the terminal (only when one is there and only
when the log turns out to be protected). The file's first line is the passphrase (its line end
dropped). A wrong or missing passphrase is the store's refusal: exit 3, one line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from idc_desktop.domain.errors import InputError, PassphraseNeededError
from idc_desktop.exits import EXIT_OK, terminal_safe
from idc_desktop.store.cipher import Passphrase, strength_hint

ENV_PASSPHRASE_FILE = "IDC_DESKTOP_PASSPHRASE_FILE"
T = TypeVar("T")


def _from_file(path: Path, what: str = "passphrase") -> Passphrase:
    try:
        with path.open(encoding="utf-8") as fh:
            line = fh.readline()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise PassphraseNeededError(f"The {what} file {path} cannot be read ({reason}).") from exc
    text = line.removesuffix("\n").removesuffix("\r")
    try:
        return Passphrase(text)
    except InputError as exc:
        raise PassphraseNeededError(f"The {what} file {path}: {exc}") from exc


def given_passphrase(args: argparse.Namespace) -> Passphrase | None:
    """The passphrase named on the command line or by the environment, if any."""
    named = getattr(args, "passphrase_file", None) or os.environ.get(ENV_PASSPHRASE_FILE)
    return _from_file(Path(named)) if named else None


def _ask(prompt: str) -> Passphrase | None:
    if not sys.stdin.isatty():
        return None
    try:
        text = getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        return None
    return Passphrase(text) if text else None


def with_passphrase(args: argparse.Namespace, open_with: Callable[[Passphrase | None], T]) -> T:
    """`open_with(key)` with the passphrase given, or asked for once the log says it is protected."""
    key = given_passphrase(args)
    try:
        return open_with(key)
    except PassphraseNeededError as exc:
        if key is not None:
            raise
        asked = _ask("Passphrase of the case log: ")
        if asked is None:
            raise PassphraseNeededError(f"{exc} Use --passphrase-file PATH (or ${ENV_PASSPHRASE_FILE}).") from exc
        return open_with(asked)


def _new_passphrase(args: argparse.Namespace) -> Passphrase:
    if args.new_passphrase_file:
        return _from_file(Path(args.new_passphrase_file), "new passphrase")
    first = _ask("New passphrase: ")
    if first is None:
        raise InputError("No new passphrase: give --new-passphrase-file PATH, or run this on a terminal.")
    print(strength_hint(first.reveal()), file=sys.stderr)
    if _ask("The new passphrase again: ") != first:
        raise InputError("The two passphrases differ: nothing was changed.")
    return first


def cmd_protection(args: argparse.Namespace, data_dir: Path) -> int:
    """protect / rekey / unprotect: under the store lock, after a checked backup (store/rekey.py)."""
    from idc_desktop.paths import make_private_dir, store_path
    from idc_desktop.store import cipher
    from idc_desktop.store.lock import StoreLock
    from idc_desktop.store.opening import open_store
    from idc_desktop.store.rekey import change_key

    make_private_dir(data_dir)
    if not store_path(data_dir).exists():  # a fresh folder: make the log first, as every command does
        open_store(data_dir).close()
    protected = cipher.looks_protected(store_path(data_dir))
    if args.command == "protect" and protected:
        raise InputError("The case log is protected already: use 'rekey' to change its passphrase.")
    if args.command != "protect" and not protected:
        raise InputError("The case log is not protected by a passphrase: use 'protect'.")
    old = with_passphrase(args, lambda key: _checked(store_path(data_dir), key)) if protected else None
    new = None if args.command == "unprotect" else _new_passphrase(args)
    with StoreLock(data_dir):
        kept = change_key(data_dir, old, new)
    done = {"protect": "protected with the passphrase", "rekey": "the passphrase is changed",
            "unprotect": "protection removed: the log and its backups are plain files again"}[args.command]
    print(terminal_safe(f"{done} (the log as it was is kept, checked, in {kept})"))
    if new is not None:
        print("A forgotten passphrase cannot be recovered: keep it somewhere safe.", file=sys.stderr)
    return EXIT_OK


def _checked(path: Path, key: Passphrase | None) -> Passphrase:
    from idc_desktop.domain.errors import WrongPassphraseError
    from idc_desktop.store import cipher

    if key is None:
        raise PassphraseNeededError(f"The case log {path} is protected by a passphrase: give the passphrase to "
                                    "open it.")
    if not cipher.opens_with(path, key):
        raise WrongPassphraseError(f"That passphrase does not open the case log {path}; nothing was changed.")
    return key
