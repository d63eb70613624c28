"""The team PDF's layout: long content flows, the handout stays on one page, paper sizes,
page furniture on every page, sessions from a new page, and the layer rule."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings

from idc_desktop.domain.consultation import Contribution, PlanAction
from idc_desktop.domain.enums import ActionStatus, Perspective
from idc_desktop.export.pdf import CONFIDENTIAL, PaperSize, Variant, render_pdf
from idc_desktop.export.pdf.cycle_drawing import MAX_LINES, CycleDiagram, _item_lines, _wrap
from idc_desktop.export.pdf.fonts import REGULAR

from tests.export.strategies import bundles
from tests.export.test_pdf import (
    PRIVATE_MARKER,
    full_session,
    label,
    page_count,
    page_sizes,
    pages_text,
    synthetic_case,
    text_of,
)

A4_POINTS = (595.28, 841.89)
LETTER_POINTS = (612.0, 792.0)
WORDS = "the team noticed how quickly the room divided into those who wanted rules and those who wanted rescue".split()


def words(count: int, seed: int = 0) -> str:
    return " ".join(WORDS[(i * 7 + seed) % len(WORDS)] for i in range(count))


def huge_session():  # noqa: ANN201
    session = full_session()
    session.formulation = "\n\n".join(words(500, n) for n in range(10))  # 5,000 words
    session.presentation = words(3000)
    session.clarifying = "\n".join(f"Q: question {n}?\nA: answer {n}." for n in range(150))
    session.plan.stance = words(800)
    session.plan.risks = words(800, 3)
    session.plan.staff_support = words(600, 5)
    session.plan.patient_message = words(600, 2)
    session.plan.actions = [
        PlanAction(f"Action number {n}: " + words(25, n), f"Owner role {n}", date(2026, 5, 1) + timedelta(days=n),
                   ActionStatus.OPEN)
        for n in range(60)
    ]
    # One action longer than a page: the table must split inside the row.
    session.plan.actions.append(PlanAction("Enormous action " + words(2500), "Matron", None, ActionStatus.OPEN))
    for p in Perspective:
        record = session.perspectives[p]
        record.contributions = [
            Contribution(f"Salient {p.value}{n} " + words(20, n), "Staff nurse", salient=True) for n in range(50)
        ]
        record.items = [f"custom_item_{n}" for n in range(30)]
        record.summary = words(200)
    session.perspectives[Perspective.A].contributions.append(Contribution("x" * 3000, "Registrar", salient=True))
    return session


def test_long_content_flows_across_pages() -> None:
    session = huge_session()
    for variant in (Variant.SUMMARY, Variant.HISTORY):
        pdf = render_pdf(synthetic_case(), [session], variant, label)
        pages = pages_text(pdf)
        assert len(pages) > 20
        text = " ".join(pages)
        assert "Action number 59:" in text
        assert "Enormous action" in text
        assert "Salient D49" in text
        assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
        assert PRIVATE_MARKER not in text


def test_the_actions_header_repeats_on_each_page_of_the_table() -> None:
    session = full_session()
    session.plan.actions = [
        PlanAction(f"Action number {n} " + words(30, n), "Charge nurse", date(2026, 5, 1), ActionStatus.OPEN)
        for n in range(60)
    ]
    pages = pages_text(render_pdf(synthetic_case(), [session], Variant.SUMMARY, label))
    with_actions = [p for p in pages if "Action number" in p]
    assert len(with_actions) >= 2
    for page in with_actions:
        assert "Action Owner Due Status" in page


@pytest.mark.parametrize("paper", list(PaperSize))
def test_the_handout_is_one_page_however_long_the_plan(paper: PaperSize) -> None:
    session = huge_session()
    session.plan.actions = session.plan.actions[:40]
    pdf = render_pdf(synthetic_case(), [session], Variant.HANDOUT, label, paper)
    assert page_count(pdf) == 1
    text = text_of(pdf)
    assert "Page 1 of 1" in text
    assert "Action number 0:" in text and "Action number 39:" in text
    assert CONFIDENTIAL in text


def test_a_short_handout_grows_to_fill_its_page_and_a_long_one_shrinks() -> None:
    from reportlab.pdfgen.canvas import Canvas

    from idc_desktop.export.pdf import sections
    from idc_desktop.export.pdf.content import case_view, session_view
    from idc_desktop.export.pdf.fit import MAX_SCALE, FitToFrame

    case, view = case_view(synthetic_case()), session_view(full_session(), 1, None, label)
    fit = FitToFrame(lambda w: sections.handout(case, view, w))
    width, height = fit.wrapOn(Canvas("unused.pdf"), 480, 720)
    assert 1.1 < fit._scale <= MAX_SCALE  # larger type than the summary's
    assert 0.9 * 720 <= height <= 720  # and the page filled
    crowded = session_view(huge_session(), 1, None, label)
    fit = FitToFrame(lambda w: sections.handout(case, crowded, w))
    width, height = fit.wrapOn(Canvas("unused.pdf"), 480, 720)
    assert 0.05 < fit._scale < 1.0
    assert height <= 720


@pytest.mark.parametrize(("paper", "size"), [(PaperSize.A4, A4_POINTS), (PaperSize.LETTER, LETTER_POINTS)])
@pytest.mark.parametrize("variant", list(Variant))
def test_paper_sizes(paper: PaperSize, size: tuple[float, float], variant: Variant) -> None:
    sessions = [full_session(), full_session(date(2026, 7, 1))] if variant is Variant.HISTORY else [full_session()]
    sizes = page_sizes(render_pdf(synthetic_case(), sessions, variant, label, paper))
    for width, height in sizes:
        assert width == pytest.approx(size[0], abs=0.5)
        assert height == pytest.approx(size[1], abs=0.5)


def test_every_page_has_the_header_and_footer() -> None:
    pages = pages_text(render_pdf(synthetic_case(), [huge_session()], Variant.SUMMARY, label))
    for number, page in enumerate(pages, start=1):
        assert "IDC-T3ST" in page
        assert "Session summary" in page
        assert CONFIDENTIAL in page
        assert f"Page {number} of {len(pages)}" in page


def test_history_sessions_each_start_on_a_new_page() -> None:
    sessions = [full_session(date(2026, 5, 6), " first"), full_session(date(2026, 6, 17), " second")]
    pages = pages_text(render_pdf(synthetic_case(), sessions, Variant.HISTORY, label))
    starts = [i for i, page in enumerate(pages) if page.startswith(("Session 1 of 2", "Session 2 of 2"))]
    assert len(starts) == 2
    assert starts[0] == 1  # right after the one-page overview
    assert "What helped first" not in pages[starts[1]]  # the first session ended before


def test_the_diagram_takes_the_frame_width_and_caps_its_height() -> None:
    few = CycleDiagram({p: ["angry"] for p in Perspective}, 480)
    many = CycleDiagram({p: [f"item {n} with a rather long label indeed" for n in range(40)] for p in Perspective}, 480)
    assert few.width == many.width == 480
    assert few.height < many.height < 500  # never taller than a page: a drawing cannot split


def test_item_lines_wrap_and_summarise_the_rest() -> None:
    lines = _item_lines([f"label {n}" for n in range(20)], 200)
    assert len(lines) == MAX_LINES
    assert lines[-1] == (f"and {20 - MAX_LINES + 1} more", "more")
    assert _item_lines(["a", "b"], 200) == [("a", "item"), ("b", "item")]
    assert all(len(line) < 40 for line in _wrap("x" * 400, REGULAR, 9.5, 100))


def test_the_pdf_package_keeps_to_its_layer() -> None:
    code = (
        "import sys, idc_desktop.export.pdf as p;"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','sqlalchemy','alembic')"
        " or m.startswith(('idc_desktop.store','idc_desktop.ui','idc_desktop.services'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundle=bundles(max_sessions=2))
def test_any_valid_case_renders_and_keeps_the_reflection_private(bundle) -> None:  # noqa: ANN001
    for session in bundle.sessions:
        session.facilitator_reflection = PRIVATE_MARKER
    history = render_pdf(bundle.case, bundle.sessions, Variant.HISTORY, label)
    assert PRIVATE_MARKER not in text_of(history)
    if bundle.sessions:
        handout = render_pdf(bundle.case, bundle.sessions[:1], Variant.HANDOUT, label, PaperSize.LETTER)
        assert page_count(handout) == 1
        summary = render_pdf(bundle.case, bundle.sessions[-1:], Variant.SUMMARY, label)
        assert PRIVATE_MARKER not in text_of(summary)
