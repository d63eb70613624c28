"""What the room may read of a text typed live: possible identifiers masked.

The gate at F5 checks what is there when projecting starts; everything typed after that
goes to the room as it is typed, so each text is checked again on its way to the projector.
A finding is shown to the room as "[possible name]" (its kind, never its text) until the
facilitator replaces it or marks it "not an identifier" on the laptop, where the field or
card shows the flag. The guard caches scans per text, so this costs nothing per repaint.
"""

from __future__ import annotations

from idc_desktop.privacy import Finding, kind_info
from idc_desktop.ui.privacy.guard import PrivacyGuard


def masked_label(finding: Finding) -> str:
    return f"[possible {kind_info(finding.kind).label.lower()}]"


def mask(text: str, findings: tuple[Finding, ...]) -> str:
    pieces: list[str] = []
    pos = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < pos:
            continue
        pieces += [text[pos:finding.start], masked_label(finding)]
        pos = finding.end
    pieces.append(text[pos:])
    return "".join(pieces)


class RoomMask:
    """`shown(text)`: the text as the room may see it, checked with the log's guard settings."""

    def __init__(self, guard: PrivacyGuard) -> None:
        self.guard = guard

    def __call__(self, text: str) -> str:
        if not text:
            return text
        findings = self.guard.findings(text)
        return mask(text, findings) if findings else text
