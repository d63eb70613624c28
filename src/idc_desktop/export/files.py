"""Writing an export to disk: all or nothing."""

from __future__ import annotations

from pathlib import Path

from idc_desktop.domain.errors import InputError


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        raise InputError(f"{path}: cannot be written ({exc.strerror or exc}).") from exc
