"""The CSV log: one row per session, opens cleanly in a spreadsheet, nothing private."""

from __future__ import annotations

import csv
import io

from idc_desktop.domain import Case, Consultation
from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.export.csv_log import HEADER, render_csv
from idc_desktop.export.interchange import parse_document
from idc_desktop.services.shipped import demo_cases_path


def read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets then read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_demo_log_gives_one_row_per_session() -> None:
    bundles = parse_document(demo_cases_path().read_bytes())
    rows = read(render_csv(bundles, lambda k: k.replace("_", " ")))
    assert len(rows) == sum(len(b.sessions) for b in bundles)
    assert list(rows[0]) == list(HEADER)
    renal = [r for r in rows if r["specialty"] == "Renal"]
    assert [r["session"] for r in renal] == ["1", "2"]
    assert all(int(r["attendees"]) > 0 and r["items_A"] for r in rows)
    secrets = [s.facilitator_reflection for b in bundles for s in b.sessions if s.facilitator_reflection]
    text = render_csv(bundles, str).decode("utf-8-sig")
    assert secrets and not any(secret in text for secret in secrets)


def test_unicode_and_formula_like_cells_are_safe() -> None:
    from datetime import date

    case = Case(code="IDC-ÉÜ22", specialty="=HYPERLINK(\"x\")")
    bundle = CaseBundle(case, [Consultation(held_on=date(2026, 3, 4))])
    [row] = read(render_csv([bundle], str))
    assert row["code"] == "IDC-ÉÜ22"
    assert row["specialty"] == "'=HYPERLINK(\"x\")"
    assert row["open_actions"] == "0" and row["review_date"] == ""
