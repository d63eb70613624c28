"""Benchmark: the team PDF of the demo's fullest session, against a minimal reportlab document.

Value: `render_pdf(..., Variant.SUMMARY)` of the demo session with the most text (header,
perspectives, cycle diagram, alliance and action tables, page furniture, two embedded DejaVu
subsets). Baseline: a SimpleDocTemplate of plain Paragraphs in reportlab's default style
(Helvetica, nothing embedded) holding the same characters: the text read back from our PDF,
ten printed lines to a paragraph. The two run alternately (so both see the same machine load)
after a warm-up, in one process: font registration and style building, once per process, are
not in the figures, and reportlab settings the export makes (binary streams) apply to both.
The handout and a case history are reported alongside for information, each against a
minimal document of its own text.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from xml.sax.saxutils import escape

import pypdfium2
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.case import Case
from idc_desktop.domain.consultation import Consultation
from idc_desktop.export.interchange import dump_document, parse_document
from idc_desktop.export.pdf import Variant, render_pdf
from idc_desktop.services.shipped import catalogue, demo_cases_path

_SIZING_CASE = Case(code="IDC-SIZE", specialty="")  # a stand-in, to measure a session on its own
BASELINE = "minimal reportlab document (SimpleDocTemplate, plain Paragraphs) of the same character count"


def _label() -> Callable[[str], str]:
    labels = {item.key: item.label for item in catalogue().items}
    return lambda key: labels.get(key, key)


def _session_size(session: Consultation) -> int:
    """How much a session holds: the length of its interchange JSON (a fair proxy for its text)."""
    return len(dump_document([CaseBundle(_SIZING_CASE, [session])]))


def fullest_session(bundles: list[CaseBundle]) -> tuple[CaseBundle, int]:
    """The bundle holding the session with the most text, and that session's index."""
    candidates = [(bundle, index) for bundle in bundles for index in range(len(bundle.sessions))]
    return max(candidates, key=lambda pair: _session_size(pair[0].sessions[pair[1]]))


def printed_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def minimal_document(text: str) -> bytes:
    """The baseline: one plain Paragraph per ten printed lines, default styles, default font."""
    lines = [line for line in text.replace("\r", "").split("\n") if line.strip()]
    style = getSampleStyleSheet()["BodyText"]
    story = [Paragraph(escape(" ".join(lines[i : i + 10])), style) for i in range(0, len(lines), 10)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(story)
    return buffer.getvalue()


def _paired_medians_ms(subject: Callable[[], object], baseline: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median times of the two, run alternately so that both see the same machine (load, clocks)."""
    for _ in range(2):  # warm-up: imports, font registration, styles, caches
        subject()
        baseline()
    subject_times, baseline_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        subject()
        subject_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        baseline()
        baseline_times.append(time.perf_counter() - started)
    return statistics.median(subject_times) * 1000, statistics.median(baseline_times) * 1000


def run(quick: bool) -> list[dict]:
    runs = 25 if quick else 61
    bundles = parse_document(demo_cases_path().read_bytes())
    bundle, index = fullest_session(bundles)
    session = bundle.sessions[index]
    label = _label()
    count = len(bundle.sessions)

    def summary() -> bytes:
        return render_pdf(bundle.case, [session], Variant.SUMMARY, label, numbers=[index + 1], session_count=count)

    def handout() -> bytes:
        return render_pdf(bundle.case, [session], Variant.HANDOUT, label)

    def history() -> bytes:
        return render_pdf(bundle.case, bundle.sessions, Variant.HISTORY, label)

    results = []
    for name, subject, target, repeats in (
        ("pdf: full session summary", summary, ("<= 150 ms", "ratio <= 3"), runs),
        ("pdf: plan handout (one page, shrink to fit)", handout, ("info",), runs // 2),
        (f"pdf: case history ({count} sessions)", history, ("info",), max(3, runs // 4)),
    ):
        text = printed_text(subject())
        chars = len("".join(text.split()))
        printed = len("".join(printed_text(minimal_document(text)).split()))
        assert abs(printed - chars) <= chars * 0.02, "the baseline must print the same text"
        value, baseline = _paired_medians_ms(subject, lambda text=text: minimal_document(text), repeats)
        row = {"value": round(value, 3), "unit": "ms", "baseline": f"{BASELINE} ({chars:,} characters)",
               "baseline_value": round(baseline, 3), "ratio": round(value / baseline, 2)}
        results.append({"name": name, **row, "target": target[0]})
        if len(target) > 1:
            results.append({"name": f"{name} vs minimal document", **row, "target": target[1]})
    return results


if __name__ == "__main__":
    for result in run(quick=False):
        print(result)
