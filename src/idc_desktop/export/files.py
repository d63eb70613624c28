"""Writing an export to disk: all or nothing, private from its first byte."""

from __future__ import annotations

import os
from pathlib import Path

from idc_desktop.domain.errors import InputError
from idc_desktop.paths import disk_is_full, private_partial, replace_problem


def check_target(path: Path) -> None:
    """Refuse, before writing anything, a target that is not a file to replace (paths.py says which)."""
    problem = replace_problem(path)
    if problem is not None:
        raise InputError(f"{path}: {problem}.")


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a new private file beside the target (0600, created exclusively, never through a
    link), then rename: never a half-written file, never one another account could read."""
    check_target(path)
    partial: Path | None = None
    try:
        partial = private_partial(path)
        with open(partial, "r+b") as fh:  # noqa: PTH123 - the file exists, 0600; opened to fill it
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except OSError as exc:
        if partial is not None:
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass
        if disk_is_full(path, exc):
            raise InputError(f"The disk is full: {path} cannot be written until space is freed "
                             "(nothing was left behind).") from exc
        raise InputError(f"{path}: cannot be written ({exc.strerror or exc}).") from exc
