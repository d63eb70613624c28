"""The embedded typeface: DejaVu Sans (regular and bold) from resources/fonts.

A standard PDF font (Helvetica) only covers Latin-1; an embedded TrueType font prints
accents, Greek, Cyrillic, Hebrew and Arabic letters too (reportlab embeds only the glyphs
used, as a subset). Registration parses the font files, so it happens once per process.
DejaVu has no italic shipped with the app: the italic slots of the family fall back to the
upright faces, and the design uses colour, not slant, for emphasis.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from idc_desktop.paths import resources_dir

REGULAR = "IDCSans"
BOLD = "IDCSans-Bold"
FAMILY = REGULAR

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
# reportlab's default puts all 95 ASCII glyphs into every embedded subset, used or not, so the
# raw content streams read as ASCII. Nobody reads those (text extraction goes through the
# ToUnicode map either way); without it each file is ~10 KB smaller and saves ~1.5 ms.
_ASCII_READABLE = 0
_lock = threading.Lock()
_registered = False


def ensure_fonts() -> None:
    """Register the family with reportlab (idempotent, thread-safe, cheap after the first call)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = resources_dir() / "fonts"
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / filename), asciiReadable=_ASCII_READABLE))
        # <b> inside a Paragraph resolves through the family mapping; italics map upright.
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        _registered = True
