"""Issue 17, item 4: an export is 0600 from its first byte, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from idc_desktop.export import files
from idc_desktop.export.files import write_atomically


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask (022): a file created without care would be readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _others_can_read(folder: Path) -> list[str]:
    return [f"{p.name} {stat.filemode(p.lstat().st_mode)}" for p in folder.iterdir()
            if p.lstat().st_mode & 0o077]


def test_the_partial_and_the_export_are_private(tmp_path: Path, open_umask: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    real_replace = os.replace

    def watching_replace(src, dst) -> None:  # noqa: ANN001 - os.replace's signature
        seen.append(_others_can_read(tmp_path))  # the partial is full here, about to be renamed
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", watching_replace)
    target = tmp_path / "case.json"
    write_atomically(target, b'{"private": "reflection"}')
    assert seen == [[]]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b'{"private": "reflection"}'
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


def test_overwriting_a_readable_export_leaves_a_private_one(tmp_path: Path, open_umask: None) -> None:
    target = tmp_path / "case.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"new"


def test_a_link_planted_at_the_old_partial_name_is_not_followed(tmp_path: Path, open_umask: None) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    (tmp_path / ".case.json.partial").symlink_to(victim)
    write_atomically(tmp_path / "case.json", b"export")
    assert victim.read_bytes() == b"keep me"
