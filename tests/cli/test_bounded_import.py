"""Import reads only what it can hold (issue 17, item 10): no device, pipe or endless stream;
a file over the size limit or with more JSON values than the limit is refused in one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from idc_desktop.domain.errors import InputError
from idc_desktop.services import transfer
from tests.cli.test_cli import run


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_at_once(tmp_path: Path, device: str) -> None:
    result = run("import", device, data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "cases.json"
    os.mkfifo(fifo)
    result = run("import", str(fifo), data_dir=tmp_path / "data")
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as file:  # sparse: the size is there without the bytes
        file.truncate(transfer.MAX_IMPORT_BYTES + 1)
    with pytest.raises(InputError, match=r"one import may be at most 128 MB"):
        transfer.read_file(big)
    result = run("import", str(big), data_dir=tmp_path / "data")
    assert result.returncode == 2 and "at most 128 MB" in result.stderr and result.stderr.count("\n") == 1


def test_too_many_tiny_values_are_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transfer, "MAX_IMPORT_VALUES", 1_000)
    tiny = tmp_path / "tiny.json"
    tiny.write_text('{"format": "idc-desktop.cases", "version": 1, "cases": [' + ",".join(["{}"] * 600) + "]}",
                    encoding="utf-8")
    with pytest.raises(InputError, match="holds over 1,000 JSON values"):
        transfer.read_file(tiny)


def test_a_real_export_is_well_inside_the_limits(tmp_path: Path) -> None:
    from idc_desktop.services.shipped import demo_cases_path

    raw = transfer.read_file(demo_cases_path())
    assert len(raw) < transfer.MAX_IMPORT_BYTES / 1000
