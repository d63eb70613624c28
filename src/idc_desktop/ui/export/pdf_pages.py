"""PDF pages as images, for the preview and for printing (pypdfium2 renders; Qt shows or prints).

Printing goes through images because Qt has no PDF printing of its own in PySide6-Essentials;
pages are rendered at the printer's resolution, so print quality is the printer's.
"""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72


def _image(page: pypdfium2.PdfPage, scale: float) -> QImage:
    bitmap = page.render(scale=scale)  # 3 bytes a pixel, blue first
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_BGR888)
    return image.copy()  # own the pixels: the buffer goes when the bitmap does


def page_images(pdf: bytes, width_px: int) -> list[QImage]:
    """Every page, scaled to `width_px` wide."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [_image(page, width_px / page.get_width()) for page in document]
    finally:
        document.close()


def _pages(pdf: bytes, dpi: int) -> Iterator[QImage]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        for page in document:
            yield _image(page, dpi / POINTS_PER_INCH)
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page, each fitted to the printable area; returns the number printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    printed = 0
    try:
        area = printer.pageRect(QPrinter.Unit.DevicePixel)
        for image in _pages(pdf, min(printer.resolution(), 300)):
            if printed:
                printer.newPage()
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
