"""Exit codes (README, "Command line") and the one-line error every command prints; light enough for
app.py to import before the GUI paints (the CLI proper loads SQLAlchemy)."""

from __future__ import annotations

import re
import sys

from idc_desktop import APP_NAME

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3

# C0 controls (newlines and ESC included), DEL and the C1 controls (U+009B is a CSI on some
# terminals): text from a log or a file could otherwise move the cursor, retitle the window or
# break the one-line rule.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escaped(match: re.Match[str]) -> str:
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(match.group(), f"\\x{ord(match.group()):02x}")


def terminal_safe(text: str) -> str:
    """`text` with every control character written as an escape (\\x1b, \\n), safe to print."""
    return _CONTROL.sub(_escaped, text)


def json_terminal_safe(text: str) -> str:
    """JSON text with DEL and C1 controls \\u-escaped too (json.dumps escapes only C0 ones);
    the same JSON value, safe to print."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def fail(message: str, code: int) -> int:
    print(f"{APP_NAME}: {terminal_safe(message)}", file=sys.stderr)
    return code


def refuse_findings(findings: list, what: str) -> int:
    """List each possible identifier on stderr, then the one-line refusal; the exit code.
    `what` names the refused command ("export", "report")."""
    for located in findings:
        print(terminal_safe(located.describe()), file=sys.stderr)
    from idc_desktop.domain import wording  # only when refusing: app.py imports this module early

    print(f"{APP_NAME}: {what} refused: {wording.count(len(findings), 'possible identifier')} found; "
          f"remove them, or pass --allow-findings to write it anyway.", file=sys.stderr)
    return EXIT_FOUND
