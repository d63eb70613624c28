"""The service report through the services on a real store: counts, outcomes at review, items,
the findings gate over its words, and the PDF and CSV read back."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pypdfium2
import pytest

from idc_desktop.domain import ActionStatus, Attendee, Case, Perspective, PlanAction, Setting
from idc_desktop.domain.desk import Outcome, Tally
from idc_desktop.domain.errors import InputError
from idc_desktop.services import Services
from idc_desktop.services.desk import default_minutes, parse_day

START, END = date(2026, 1, 1), date(2026, 6, 30)


def _log(services: Services) -> None:
    """Renal (inpatient): two sessions in range; Diabetes (community): one before, one in range;
    Oncology: one after the range."""
    renal = services.cases.create(Case(code="IDC-RNAL", specialty="Renal")).id
    first = services.sessions.start(renal, held_on=date(2026, 2, 1))
    first.attendees = [Attendee("Staff nurse", 4), Attendee("Consultant", 1)]
    first.perspectives[Perspective.A].items = ["dismissive", "critical"]
    first.perspectives[Perspective.D].items = ["angry"]
    first.plan.actions = [PlanAction("Agree one visiting time", "Charge nurse"),
                          PlanAction("Write the care plan", "Consultant"),
                          PlanAction("Ring the team", "Consultant"),
                          PlanAction("Settled in the session", "Consultant", status=ActionStatus.DONE)]
    services.sessions.save(first)
    second = services.sessions.start(renal, held_on=date(2026, 3, 1))
    verdicts = (ActionStatus.DONE, ActionStatus.DROPPED, ActionStatus.OPEN)
    for action, verdict in zip(second.plan.actions, verdicts, strict=True):
        action.status, action.reviewed = verdict, True
    second.attendees = [Attendee("Staff nurse", 2), Attendee("Psychologist", 1)]
    second.perspectives[Perspective.A].items = ["dismissive"]
    second.plan.actions.append(PlanAction("New in the follow-up", "Psychologist"))
    services.sessions.save(second)
    diabetes = services.cases.create(Case(code="IDC-DIAB", specialty="Diabetes", setting=Setting.COMMUNITY)).id
    services.sessions.save(services.sessions.start(diabetes, held_on=date(2025, 11, 1)))
    third = services.sessions.start(diabetes, held_on=date(2026, 6, 30))
    third.attendees = [Attendee("Staff nurse", 1)]
    services.sessions.save(third)
    oncology = services.cases.create(Case(code="IDC-ONCO", specialty="Oncology")).id
    services.sessions.save(services.sessions.start(oncology, held_on=date(2026, 7, 1)))


def test_the_report_counts_sessions_cases_attendees_hours_actions_and_items(services: Services) -> None:
    _log(services)
    report = services.desk.report(START, END)
    assert (report.sessions, report.cases, report.new_cases) == (3, 2, 1)  # the diabetes case began before
    assert report.specialties == [Tally("Diabetes", 1), Tally("Renal", 1)]
    assert report.settings == [Tally("community", 1), Tally("inpatient", 1)]
    assert report.attendees == [Tally("Staff nurse", 7), Tally("Consultant", 1), Tally("Psychologist", 1)]
    assert report.minutes_per_session == default_minutes() == 72
    assert report.hours == pytest.approx(3 * 72 / 60) and report.person_hours == pytest.approx(9 * 72 / 60)
    outcomes = {t.name: t.count for t in report.actions}
    # first session: 1 done at review, 1 dropped, 1 carried on, 1 done in the session;
    # second: the new one has no review yet (the carried ones were agreed earlier, so not counted again)
    assert outcomes == {Outcome.DONE: 2, Outcome.DROPPED: 1, Outcome.CARRIED: 1, Outcome.NO_REVIEW: 1}
    assert report.actions_agreed == 5
    labels = services.exports.label_lookup()
    assert report.top_items[0] == Tally(labels("dismissive"), 2)
    assert report.items[Perspective.A][0] == Tally(labels("dismissive"), 2)
    assert report.items[Perspective.D] == [Tally(labels("angry"), 1)]
    assert report.items[Perspective.B] == []


def test_a_follow_up_not_yet_reviewed_leaves_actions_awaiting_review(services: Services) -> None:
    case_id = services.cases.create(Case(code="", specialty="Renal")).id
    first = services.sessions.start(case_id, held_on=date(2026, 2, 1))
    first.plan.actions = [PlanAction("Agree one visiting time", "Charge nurse")]
    services.sessions.save(first)
    services.sessions.start(case_id, held_on=date(2026, 3, 1))  # carried, nobody has spoken yet
    assert services.desk.report(START, END).actions == [Tally(Outcome.AWAITING.value, 1)]


def test_an_empty_range_and_an_empty_log_are_calm(services: Services) -> None:
    report = services.desk.report(START, END)
    assert report.is_empty() and report.cases == 0 and report.actions == [] and report.hours == 0
    text = _pdf_text(services.desk.report_pdf(report))
    assert "No consultations were held in this range" in text
    rows = list(csv.reader(io.StringIO(services.desk.report_csv(report).decode("utf-8-sig"))))
    assert ["totals", "consultations held", "0"] in rows


def test_bad_ranges_and_dates_name_the_problem() -> None:
    with pytest.raises(InputError, match=r"--from must be a date as YYYY-MM-DD \(got '2026-13-01'\)"):
        parse_day("2026-13-01", "--from")
    from idc_desktop.services.desk import check_range

    with pytest.raises(InputError, match="ends .* before it starts"):
        check_range(date(2026, 2, 1), date(2026, 1, 1))


def _pdf_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(" ".join(textpage.get_text_range().split()))
        return " ".join(texts)
    finally:
        document.close()


def test_the_pdf_prints_the_figures_and_no_case_text(services: Services, tmp_path: Path) -> None:
    _log(services)
    report = services.desk.report(START, END)
    pdf = services.desk.report_pdf(report)
    text = _pdf_text(pdf)
    for expected in ("Service report", "1 Jan 2026 to 30 Jun 2026", "Consultations held 3", "Cases discussed 2",
                     "Meeting hours (estimated) 3.6", "Staff nurse 7", "Renal 1 50 %", "72 minutes",
                     "Not done or changed (carried on) 1", "No review yet 1"):
        assert expected in text, expected
    for private in ("IDC-RNAL", "Agree one visiting time", "Write the care plan"):
        assert private not in text  # no case codes, no action text
    if shutil.which("pdffonts"):
        path = tmp_path / "report.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
        assert rows and all("DejaVuSans" in r[0] and r[-5] == "yes" for r in rows), listing


def test_the_csv_is_one_row_per_figure(services: Services) -> None:
    _log(services)
    data = services.desk.report_csv(services.desk.report(START, END))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["section", "name", "count"]
    assert ["totals", "consultations held", "3"] in rows
    assert ["attendees (person-sessions)", "Staff nurse", "7"] in rows
    assert ["actions by status at review", "done", "2"] in rows
    assert ["period", "from", "2026-01-01"] in rows


def test_the_gate_scans_specialties_disciplines_and_item_labels(services: Services) -> None:
    case_id = services.cases.create(Case(code="", specialty="Renal")).id
    session = services.sessions.start(case_id, held_on=date(2026, 2, 1))
    session.attendees = [Attendee("Dr Smith's team", 2)]
    session.perspectives[Perspective.A].items = ["Calls 07700 900123 at night"]  # a custom item, added on save
    services.sessions.save(session)
    found = services.desk.report_findings(services.desk.report(START, END))
    kinds = {(f.where, f.finding.text) for f in found}
    assert any(where == "item" and "07700 900123" in text for where, text in kinds), kinds
    assert any(where == "discipline" for where, _ in kinds), kinds
