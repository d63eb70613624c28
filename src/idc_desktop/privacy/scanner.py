"""Run every detector over a text, settle overlaps, and redact.

Overlaps: each detector reports independently, so one stretch of text can be
claimed twice ("Dr Patel" is a titled name and a watch-list term; an email
address contains a domain). The longer finding wins, because it hides more;
between equally long ones, the more specific kind (earlier in _RANK) wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from idc_desktop.privacy import ages, dates, event_dates, identifiers, nhs, online, people, phone, places, postcode
from idc_desktop.privacy.config import DEFAULT_CONFIG, ScanConfig
from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.findings import Candidate, Finding
from idc_desktop.privacy.names import find_titled_names
from idc_desktop.privacy.records import find_record_numbers
from idc_desktop.privacy.watch_list import find_watch_list_terms

# Everything that starts at a digit, "+" or "(" shares one pass over the text.
_DIGIT_RULES: tuple[DigitRule, ...] = (
    nhs.RULE,
    dates.RULE,
    *phone.RULES,
    online.IPV4_RULE,
    postcode.RULE,
    ages.RULE,
    *identifiers.RULES,
    *event_dates.RULES,
    places.WARD_RULE,
)

# Detectors with their own cheap anchors ("age", "@", "://", titles, ":").
_OTHER_DETECTORS: tuple[Callable[[str], Iterator[Candidate]], ...] = (
    ages.find_aged,
    online.find_emails,
    online.find_urls,
    online.find_ipv6_addresses,
    find_titled_names,
    identifiers.find_handles,
    event_dates.find_event_dates,
    places.find_facilities,
    places.find_named_wards,
    places.find_addresses,
    people.find_names,
)

# Most specific first: a checksum-validated number beats a shape-only match.
_RANK = {
    kind: i
    for i, kind in enumerate(
        (
            "nhs_number",
            "chi_number",
            "ni_number",
            "email",
            "url",
            "ip_address",
            "record_number",
            "postcode",
            "phone",
            "vehicle_registration",
            "handle",
            "date",
            "day_month",
            "age",
            "address",
            "titled_name",
            # The lead's own list names what it is; between equal spans it beats the guesses below.
            "watch_list",
            "facility",
            "ward",
            "name",
        )
    )
}


def _candidates(text: str, config: ScanConfig) -> Iterator[Candidate]:
    yield from run_digit_rules(text, _DIGIT_RULES)
    for detect in _OTHER_DETECTORS:
        yield from detect(text)
    # tuple(): compiled patterns are cached per setting, and a caller may pass lists.
    if config.record_patterns:
        yield from find_record_numbers(text, tuple(config.record_patterns))
    if config.watch_list:
        yield from find_watch_list_terms(text, tuple(config.watch_list))


def _resolve(candidates: Iterable[Candidate], length: int) -> list[Candidate]:
    """Keep a non-overlapping subset: longest first, then by rank, then leftmost.

    Which characters are already claimed is kept in one byte per character of the text, so
    each candidate costs its own length to check and to claim: linear in the text, however
    many findings it holds (a sorted list with inserts grew quadratically on a 10 MB paste).
    """
    ordered = sorted(set(candidates), key=lambda c: (c[1] - c[2], _RANK[c[0]], c[1]))
    claimed = bytearray(length)
    kept: list[Candidate] = []
    for cand in ordered:
        _, start, end = cand
        if claimed.find(1, start, end) != -1:
            continue
        claimed[start:end] = b"\x01" * (end - start)
        kept.append(cand)
    kept.sort(key=lambda c: c[1])
    return kept


def scan(text: str, config: ScanConfig | None = None) -> list[Finding]:
    """Identifier findings in ``text``, sorted by start and never overlapping."""
    if not text:
        return []
    config = config or DEFAULT_CONFIG
    candidates = (c for c in _candidates(text, config) if c[2] > c[1])
    if config.ignored:
        candidates = (c for c in candidates if text[c[1] : c[2]] not in config.ignored)
    return [Finding(kind, start, end, text[start:end]) for kind, start, end in _resolve(candidates, len(text))]


def redact(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with each finding replaced by its placeholder.

    Findings may come in any order. If two overlap (they never do when they
    come from :func:`scan`), the one starting first is replaced and the other
    skipped, so no character is replaced twice. A finding whose text is not at
    its offsets (the text was edited after scanning) raises ValueError rather
    than redacting the wrong characters and leaving the identifier in place.
    """
    pieces: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if text[f.start : f.end] != f.text:
            raise ValueError(f"stale finding: {f.text!r} is not at {f.start}..{f.end}; scan again")
        if f.start < pos:
            continue
        pieces.append(text[pos : f.start])
        pieces.append(f.placeholder)
        pos = f.end
    pieces.append(text[pos:])
    return "".join(pieces)
