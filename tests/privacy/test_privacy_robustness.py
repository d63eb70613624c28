"""Odd inputs: empty text, emoji, right-to-left scripts, very long and pathological text."""

from __future__ import annotations

import time

import pytest

from idc_desktop.privacy import ScanConfig, redact, scan

CONFIG = ScanConfig(watch_list=("Royal Infirmary",))


def test_empty_and_blank_text():
    assert scan("") == []
    assert scan("", CONFIG) == []
    assert scan("   \n\t ") == []
    assert redact("", []) == ""


def test_emoji_do_not_shift_offsets():
    # Each emoji below is one or more code points; offsets are str indices either way.
    text = (
        "📞 07700 900123 🙂👍🏽 then 👨‍👩‍👧 Dr Smith 🏥 "
        "at the Royal Infirmary 🚑 943 476 5919"
    )
    findings = scan(text, CONFIG)
    assert [(f.kind, f.text) for f in findings] == [
        ("phone", "07700 900123"),
        ("titled_name", "Dr Smith"),
        ("watch_list", "Royal Infirmary"),
        ("nhs_number", "943 476 5919"),
    ]
    for f in findings:
        assert text[f.start : f.end] == f.text
    assert "07700" not in redact(text, findings)


def test_right_to_left_text():
    arabic = "رقم الخدمة الصحية 943 476 5919 للمريض، الهاتف 07700 900123."
    hebrew = "\u05de\u05d8\u05d5\u05e4\u05dc \u05e0\u05d5\u05dc\u05d3 03/04/1987 \u05d1\u05d1\u05d9\u05ea"
    marks = "\u202b943 476 5919\u202c and \u200fM1 1AE\u200f"
    assert [(f.kind, f.text) for f in scan(arabic)] == [
        ("nhs_number", "943 476 5919"),
        ("phone", "07700 900123"),
    ]
    assert [(f.kind, f.text) for f in scan(hebrew)] == [("date", "03/04/1987")]
    assert [(f.kind, f.text) for f in scan(marks)] == [
        ("nhs_number", "943 476 5919"),
        ("postcode", "M1 1AE"),
    ]
    assert scan("שלום עולם مرحبا بالعالم") == []


def test_non_ascii_digits_are_not_identifiers():
    # Arabic-Indic and full-width digits: not how UK identifiers are written.
    assert scan("٩٤٣ ٤٧٦ ٥٩١٩ and ９４３４７６５９１９") == []


def test_very_long_text_finds_everything_at_the_right_offsets():
    chunk = "The team met again and the plan was reviewed. Hb 98, BP 142/88. " * 40
    parts, expected, offset = [], [], 0
    for _ in range(400):
        offset += len(chunk)
        parts += [chunk, "Dr Smith "]
        expected.append(("titled_name", offset, offset + len("Dr Smith")))
        offset += len("Dr Smith ")
    text = "".join(parts)
    assert len(text) > 1_000_000
    started = time.perf_counter()
    findings = scan(text, CONFIG)
    elapsed = time.perf_counter() - started
    assert [(f.kind, f.start, f.end) for f in findings] == expected
    assert elapsed < 5.0  # generous: about 0.1 s is typical, this only catches blow-ups


@pytest.mark.parametrize(
    "text",
    [
        "0" * 20_000,
        "1 " * 20_000,
        "1." * 20_000,
        "1/" * 20_000,
        "+1 " * 20_000,
        "(0" * 20_000,
        "aged " * 10_000 + "4",
        "Dr " + "Smith " * 20_000,
        "Dr " + "van " * 20_000,
        "a" * 20_000 + "@" + "b." * 10_000,
        "www." * 10_000,
        "x.com" * 10_000,
        ":" * 20_000,
        "1:" * 20_000,
        "ab:" * 20_000,
        "M1 " * 20_000,
        "1AA" * 20_000,
    ],
)
def test_pathological_inputs_finish_quickly(text: str):
    started = time.perf_counter()
    findings = scan(text, ScanConfig(watch_list=("Smith Smith Smith",)))
    assert time.perf_counter() - started < 2.0
    for f in findings:
        assert text[f.start : f.end] == f.text
