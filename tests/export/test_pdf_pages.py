"""Every page of every kind of team PDF, for each demo case, as a reader gets it: every
contribution printed, no near-empty page, and only the shipped font, embedded (pdffonts)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from PIL import ImageOps

from idc_desktop.export.pdf import PaperSize, Variant, render_pdf
from idc_desktop.export.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP

from tests.export.test_pdf import demo_bundles, label, norm, text_of

MIN_FILL = 0.25  # no page holds under a quarter of its height


def _pdfs():  # noqa: ANN202
    for index, bundle in enumerate(demo_bundles()):
        for variant in Variant:
            sessions = bundle.sessions if variant is Variant.HISTORY else bundle.sessions[-1:]
            for paper in PaperSize:
                yield f"{index}-{variant.value}-{paper.value}", bundle, sessions, variant, paper


CASES = list(_pdfs())


def body_fill(pdf: bytes) -> list[float]:
    """How far down its body frame each page is inked (0 empty, 1 full), from the rendered page."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        fills = []
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=1).to_pil().convert("L")
            top, bottom = round(MARGIN_TOP), image.height - round(MARGIN_BOTTOM)  # 1 px per point
            body = ImageOps.invert(image.crop((0, top, image.width, bottom))).point(lambda v: 255 if v > 40 else 0)
            box = body.getbbox()
            fills.append(box[3] / body.height if box else 0.0)
            page.close()
        return fills
    finally:
        document.close()


@pytest.mark.parametrize(("name", "bundle", "sessions", "variant", "paper"), CASES, ids=[c[0] for c in CASES])
def test_every_page_is_worth_printing(name, bundle, sessions, variant, paper, tmp_path: Path) -> None:  # noqa: ANN001
    pdf = render_pdf(bundle.case, sessions, variant, label, paper)
    fills = body_fill(pdf)
    assert min(fills) >= MIN_FILL, f"{name}: page fills {[round(f, 2) for f in fills]}"
    if variant is Variant.HANDOUT:
        assert len(fills) == 1 and fills[0] >= 0.85  # the wall copy fills its one page

    text = text_of(pdf)
    if variant is not Variant.HANDOUT:  # the handout is the plan only
        for session in sessions:
            for record in session.perspectives.values():
                for contribution in record.contributions:
                    assert norm(contribution.text) in text, contribution.text


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils' pdffonts is not installed")
@pytest.mark.parametrize("variant", list(Variant))
def test_only_the_shipped_font_is_used_and_it_is_embedded(variant: Variant, tmp_path: Path) -> None:
    bundle = demo_bundles()[0]
    sessions = bundle.sessions if variant is Variant.HISTORY else bundle.sessions[-1:]
    path = tmp_path / "out.pdf"
    path.write_bytes(render_pdf(bundle.case, sessions, variant, label))
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert "DejaVuSans" in row[0], listing  # no Helvetica, no ZapfDingbats
        embedded = row[-5]  # columns: name type encoding emb sub uni object ID
        assert embedded == "yes", listing
