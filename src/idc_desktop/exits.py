"""Exit codes (DESIGN.md) and the one-line error every command prints; light enough for
app.py to import before the GUI paints (the CLI proper loads SQLAlchemy)."""

from __future__ import annotations

import sys

from idc_desktop import APP_NAME

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3


def fail(message: str, code: int) -> int:
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    return code
