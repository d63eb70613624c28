"""Issue 17, items 1 and 2: catalogue item labels and custom item keys are gated in every
export like any other free text, and the CSV log is gated too."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from idc_desktop.paths import store_path
from tests.cli.test_cli import run

NAMED_ITEM = "Mr John Smith 943 476 5919"


def _case(tmp_path: Path, items: list[str], specialty: str = "Renal") -> Path:
    document = {
        "format": "idc-desktop.cases", "version": 1,
        "cases": [{
            "code": "IDC-1TEM", "specialty": specialty,
            "sessions": [{"held_on": "2026-03-04", "perspectives": {"A": {"items": items}},
                          "plan": {"stance": "Stay steady."}}],
        }],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def named_item_log(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    imported = run("import", str(_case(tmp_path, ["dismissive", NAMED_ITEM])), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    return data_dir


def test_a_custom_item_key_is_random_never_made_from_its_label(named_item_log: Path) -> None:
    with sqlite3.connect(store_path(named_item_log)) as conn:
        [(key,)] = conn.execute("SELECT key FROM catalogue_items WHERE custom = 1").fetchall()
    conn.close()
    assert re.fullmatch(r"custom_[0-9a-f]{8}", key), key


@pytest.mark.parametrize("extra", [["--format", "pdf"], ["--format", "pdf", "--handout"],
                                   ["--format", "pdf", "--session", "all"], ["--format", "json"]])
def test_an_item_label_holding_an_identifier_holds_back_every_case_export(
        named_item_log: Path, tmp_path: Path, extra: list[str]) -> None:
    out = tmp_path / "out.file"
    result = run("export", "IDC-1TEM", *extra, "-o", str(out), data_dir=named_item_log)
    assert result.returncode == 1, result.stderr
    assert "export refused" in result.stderr and "perspective A item 2" in result.stderr
    assert not out.exists()


def test_the_csv_log_is_gated_on_item_labels_and_specialties(named_item_log: Path, tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    refused = run("export", "all", "--format", "csv", "-o", str(out), data_dir=named_item_log)
    assert refused.returncode == 1, refused.stderr
    assert "export refused" in refused.stderr and not out.exists()

    allowed = run("export", "all", "--format", "csv", "--allow-findings", "-o", str(out), data_dir=named_item_log)
    assert allowed.returncode == 0, allowed.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert NAMED_ITEM in rows[0]["items_A"]


def test_a_named_specialty_holds_back_the_csv_log(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("import", str(_case(tmp_path, ["dismissive"], "Mrs Okafor's ward")), data_dir=data_dir).returncode == 0
    result = run("export", "all", "--format", "csv", "-o", str(tmp_path / "log.csv"), data_dir=data_dir)
    assert result.returncode == 1 and "specialty" in result.stderr


def test_a_clean_log_exports_as_csv(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("import", str(_case(tmp_path, ["dismissive"])), data_dir=data_dir).returncode == 0
    result = run("export", "all", "--format", "csv", "-o", str(tmp_path / "log.csv"), data_dir=data_dir)
    assert result.returncode == 0, result.stderr


def test_the_json_names_a_custom_item_by_its_label_never_its_key(named_item_log: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    result = run("export", "IDC-1TEM", "--format", "json", "--allow-findings", "-o", str(out), data_dir=named_item_log)
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["cases"][0]["sessions"][0]["perspectives"]["A"]["items"] == ["dismissive", NAMED_ITEM]
    assert "custom_" not in out.read_text(encoding="utf-8")
    assert "mr_john" not in out.read_text(encoding="utf-8").lower()
