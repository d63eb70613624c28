"""The team PDF (reportlab): a session summary, a one-page plan handout, or a case history.

    render_pdf(case, sessions, Variant.SUMMARY, label, PaperSize.A4, numbers=[2]) -> bytes

Depends on `domain` only (plus reportlab and the shipped font). What may appear on a page is
decided in `content` (the gate); the facilitator's private reflection never does. Importing
this package loads reportlab, so import it only when a PDF is wanted.
"""

from idc_desktop.export.pdf.document import CONFIDENTIAL, TITLES, PaperSize, Variant, render_pdf

__all__ = ["CONFIDENTIAL", "TITLES", "PaperSize", "Variant", "render_pdf"]
