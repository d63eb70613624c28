"""Identifier detectors and redaction: pure functions on text (stdlib only).

    >>> findings = scan("Seen by Dr Anna Kowalski, NHS no 943 476 5919.")
    >>> [(f.kind, f.text) for f in findings]
    [('titled_name', 'Dr Anna Kowalski'), ('nhs_number', '943 476 5919')]
    >>> redact("Seen by Dr Anna Kowalski, NHS no 943 476 5919.", findings)
    'Seen by [NAME], NHS no [NHS NUMBER].'

Offsets are Python ``str`` indices (code points). Nothing here touches Qt, the
store or the network, so the CLI, the editor and the exporter share one truth.
"""

from idc_desktop.privacy.config import DEFAULT_RECORD_PATTERNS, ScanConfig
from idc_desktop.privacy.findings import KINDS, Finding, kind_info
from idc_desktop.privacy.nhs import is_valid_nhs_number, nhs_check_digit
from idc_desktop.privacy.scanner import redact, scan

__all__ = [
    "DEFAULT_RECORD_PATTERNS",
    "KINDS",
    "Finding",
    "ScanConfig",
    "is_valid_nhs_number",
    "kind_info",
    "nhs_check_digit",
    "redact",
    "scan",
]
