"""`check`: is the case log intact, and at which schema revision?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from idc_desktop.domain.errors import (
    DataDirError,
    PassphraseNeededError,
    StoreTooNewError,
    StoreWriteError,
    WrongPassphraseError,
)
from idc_desktop.paths import store_path
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.revisions import head_revision
from idc_desktop.store.opening import refusal
from idc_desktop.store.probe import probe_store


@dataclass(frozen=True)
class HealthReport:
    path: Path
    revision: str | None
    expected_revision: str
    problems: tuple[str, ...]
    cases: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        state = "current" if self.revision == self.expected_revision else f"this version expects {self.expected_revision}"
        lines = [f"store: {self.path}", f"schema: {self.revision or 'none'} ({state})"]
        if self.cases is not None:
            lines.append(f"cases: {self.cases}")
        lines.append("integrity: ok" if self.ok else "integrity: DAMAGED")
        lines.extend(f"  problem: {p}" for p in self.problems)
        return lines


def check_store(data_dir: Path, key: Passphrase | None = None) -> HealthReport:
    """Full integrity check of an existing store, read-only; a missing store is created first.
    `key`: the passphrase of a protected log."""
    from idc_desktop.services import open_services  # late: avoids a cycle with services/__init__

    path = store_path(data_dir)
    probe = probe_store(path, full_check=True, key=key)
    problem = refusal(path, probe)
    # Not ours to check (a newer log, a folder), or not checkable now (a full disk, a lock): no verdict.
    if isinstance(problem, (StoreTooNewError, DataDirError, StoreWriteError, PassphraseNeededError,
                            WrongPassphraseError)):
        raise problem
    if problem is not None:
        return HealthReport(path, probe.revision, head_revision(), (str(problem),))
    services = open_services(data_dir, key=key)
    try:
        probe = probe_store(path, full_check=True, key=key)
        return HealthReport(path, probe.revision, head_revision(), probe.problems, services.cases.count())
    finally:
        services.close()
