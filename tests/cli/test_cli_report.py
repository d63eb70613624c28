"""`idc-desktop report`: the service report from the command line, as a subprocess."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

from idc_desktop.services.shipped import demo_cases_path
from tests.cli.test_cli import run


def _demo_log(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    return data_dir


def test_report_writes_a_pdf_and_a_csv(tmp_path: Path) -> None:
    data_dir = _demo_log(tmp_path)
    pdf = tmp_path / "report.pdf"
    result = run("report", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(pdf), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {pdf} (4 consultations, 3 cases)"
    assert pdf.read_bytes().startswith(b"%PDF") and (pdf.stat().st_mode & 0o777) == 0o600
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Service report" in text and "Consultations held" in text and "Staff nurse" in text

    out = tmp_path / "report.csv"
    result = run("report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv", "-o", str(out),
                 data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert ["totals", "consultations held", "4"] in rows


def test_an_empty_range_writes_a_calm_report_under_a_name_that_says_the_range(tmp_path: Path) -> None:
    data_dir = _demo_log(tmp_path)
    result = subprocess.run([*_command(data_dir), "report", "--from", "2026-01-01", "--to", "2026-03-01",
                             "--format", "csv"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "(0 consultations, 0 cases)" in result.stdout
    assert (tmp_path / "idc-service-report-2026-01-01-to-2026-03-01.csv").exists()


def _command(data_dir: Path) -> list[str]:
    import sys

    return [sys.executable, "-m", "idc_desktop", "--data-dir", str(data_dir)]


def test_bad_dates_and_ranges_are_one_line_and_exit_2(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    for args, message in (
        (("--from", "2026-02-30", "--to", "2026-03-01"), "--from must be a date as YYYY-MM-DD (got '2026-02-30')"),
        (("--from", "2026-01-01", "--to", "tomorrow"), "--to must be a date as YYYY-MM-DD (got 'tomorrow')"),
        (("--from", "2026-03-01", "--to", "2026-01-01"), "ends (2026-01-01) before it starts (2026-03-01)"),
        (("--from", "2026-01-01", "--to", "2026-03-01", "--format", "docx"), "invalid choice: 'docx'"),
        (("--to", "2026-03-01",), "the following arguments are required: --from"),
    ):
        result = run("report", *args, data_dir=data_dir)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_findings_refuse_the_report_unless_allowed(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    source = tmp_path / "in.json"
    source.write_text('{"format": "idc-desktop.cases", "version": 1, "cases": [{"specialty": "Renal", '
                      '"setting": "inpatient", "life_stage": "adult", "sessions": [{"held_on": "2026-02-01", '
                      '"attendees": [{"role": "Staff nurse", "count": 2}], '
                      '"perspectives": {"A": {"items": ["rings 07700 900123"]}}}]}]}', encoding="utf-8")
    assert run("import", str(source), data_dir=data_dir).returncode == 0
    out = tmp_path / "r.pdf"
    refused = run("report", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(out), data_dir=data_dir)
    assert refused.returncode == 1 and "report refused" in refused.stderr and not out.exists()
    allowed = run("report", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(out), "--allow-findings",
                  data_dir=data_dir)
    assert allowed.returncode == 0 and out.exists()
