"""Draw the per-OS app icons from resources/icons/app.svg (run again after changing the SVG).

    uv run python packaging/make_icons.py

Writes app.ico (Windows: 16-256 px), app.icns (macOS: 16-1024 px) and app.png (256 px, for
Linux desktop entries) beside the SVG. Qt renders the SVG; Pillow writes the icon files.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one to paint
    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'app.svg'}", file=sys.stderr)
        return 1
    large = render(renderer, 1024)
    large.save(ICONS / "app.icns", format="ICNS")
    render(renderer, 256).save(ICONS / "app.ico", format="ICO",
                                sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    render(renderer, 256).save(ICONS / "app.png", format="PNG")
    for name in ("app.ico", "app.icns", "app.png"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
