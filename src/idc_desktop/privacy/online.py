"""Email, web and IP addresses.

Each search starts from a character that is rare in prose ("@", "://", "www.",
".com", ":") and grows the match outwards from there, instead of trying a
pattern at every letter of the text; that is what keeps a 100 KB scan fast.
Bare domains ("example.nhs.uk/path") are only recognised with a known
top-level domain, so "e.g.", "F60.3" or "3.11.7" never qualify.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from idc_desktop.privacy.dates import after_numbering_word
from idc_desktop.privacy.digit_pass import DigitRule, run_digit_rules
from idc_desktop.privacy.findings import Candidate

_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"  # a DNS label; [^\W_] is a letter or digit in any script
_DOMAIN_AFTER_AT = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.[^\W\d_]{{2,63}}(?![\w-])")
_LOCAL_BEFORE_AT = re.compile(r"(?<![\w.%+'-])[\w%+'-](?:[\w.%+'-]{0,63})\Z")

_SCHEME_BEFORE = re.compile(r"(?<![^\W\d_])(?:https?|ftp)\Z", re.IGNORECASE)
_SCHEME_SEP = re.compile(r"://[^\s<>\"]")
# Two literal patterns rather than [wW]{3}: a literal lets the engine jump ahead.
_WWW = (re.compile(r"www\.(?<![\w.]www\.)[^\W_]"), re.compile(r"WWW\.(?<![\w.]WWW\.)[^\W_]"))
_TLD = re.compile(r"\.(?:com|org|net|edu|gov|info|io|uk|ie|eu|scot|wales|cymru|biz|app)(?![\w-])")
_HOST_BEFORE_TLD = re.compile(rf"(?<![\w@.-]){_LABEL}(?:\.{_LABEL})*\Z")
_REST_OF_URL = re.compile(r"[^\s<>\"]*")
_PORT_AND_PATH = re.compile(r"(?::\d{1,5})?(?:[/?#][^\s<>\"]*)?")
_TRAILING_PUNCTUATION = ".,;:!?'\"]}>"

# IPv4 is a rule of the combined digit pass (digit_pass.py); IPv6 is found from its colons.
_IPV4_REST = r"(?<![\w.:]\d)\d{0,2}(?:\.\d{1,3}){3}(?![\w:]|\.\d)"
_IPV6_ANCHOR = re.compile(r":[0-9A-Fa-f]{0,4}:")
_IPV6_CHARS = frozenset("0123456789abcdefABCDEF:.")


def _trim_url_end(text: str, start: int, end: int) -> int:
    # A sentence's full stop or a closing bracket is not part of the address,
    # unless the bracket closes one opened inside it (Wikipedia-style paths).
    while end > start:
        last = text[end - 1]
        if last in _TRAILING_PUNCTUATION:
            end -= 1
        elif last == ")" and text.count("(", start, end) < text.count(")", start, end):
            end -= 1
        else:
            break
    return end


def find_emails(text: str) -> Iterator[Candidate]:
    at = text.find("@")
    while at != -1:
        local = _LOCAL_BEFORE_AT.search(text, max(0, at - 64), at)
        domain = _DOMAIN_AFTER_AT.match(text, at + 1)
        if local is not None and domain is not None:
            yield "email", local.start(), domain.end()
        at = text.find("@", at + 1)


def find_urls(text: str) -> Iterator[Candidate]:
    for m in _SCHEME_SEP.finditer(text):
        scheme = _SCHEME_BEFORE.search(text, max(0, m.start() - 5), m.start())
        if scheme is not None:
            end = _REST_OF_URL.match(text, m.start()).end()
            yield "url", scheme.start(), _trim_url_end(text, scheme.start(), end)
    for www in _WWW:
        for m in www.finditer(text):
            end = _REST_OF_URL.match(text, m.start()).end()
            trimmed = _trim_url_end(text, m.start(), end)
            if "." in text[m.start() + 4 : trimmed]:  # "www.example" alone is not an address
                yield "url", m.start(), trimmed
    for m in _TLD.finditer(text):
        host = _HOST_BEFORE_TLD.search(text, max(0, m.start() - 120), m.start())
        if host is None:
            continue
        end = _PORT_AND_PATH.match(text, m.end()).end()
        yield "url", host.start(), _trim_url_end(text, host.start(), end)


def _accept_ipv4(text: str, start: int, m: re.Match[str]) -> Iterator[Candidate]:
    end = m.end("ipv4")
    if after_numbering_word(text, start):  # "section 4.2.1.3"
        return
    if all(int(octet) <= 255 for octet in text[start:end].split(".")):
        yield "ip_address", start, end


IPV4_RULE = DigitRule("ipv4", "[0-9]", _IPV4_REST, _accept_ipv4)


def find_ipv6_addresses(text: str) -> Iterator[Candidate]:
    covered_until = -1
    for m in _IPV6_ANCHOR.finditer(text):
        if m.start() < covered_until:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _IPV6_CHARS:
            start -= 1
        while end < len(text) and text[end] in _IPV6_CHARS:
            end += 1
        while end > start and text[end - 1] == ".":  # a full stop after the address
            end -= 1
        covered_until = end
        if start > 0 and text[start - 1].isalpha() and ":" in text[start:m.start() + 1]:
            # "Ref:2001:db8::1": the hex letters of a word ("ef") were taken in; start after its colon.
            start = text.index(":", start) + 1
        if _touches_word(text, start, end):
            continue
        candidate = text[start:end]
        # "::" or "::1" alone identify nobody; need two groups with content.
        if sum(1 for group in candidate.split(":") if group) < 2:
            continue
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue  # times such as 14:30:00 end here
        yield "ip_address", start, end


def _touches_word(text: str, start: int, end: int) -> bool:
    before = start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")
    after = end < len(text) and (text[end].isalnum() or text[end] == "_")
    return before or after


def find_ip_addresses(text: str) -> Iterator[Candidate]:
    yield from run_digit_rules(text, (IPV4_RULE,))
    yield from find_ipv6_addresses(text)
