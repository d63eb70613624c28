"""Detector rules one by one: checksums, calendar and letter rules, lookalikes, config, overlaps."""

from __future__ import annotations

import pytest

from idc_desktop.privacy import (
    DEFAULT_RECORD_PATTERNS,
    KINDS,
    Finding,
    ScanConfig,
    is_valid_nhs_number,
    kind_info,
    nhs_check_digit,
    redact,
    scan,
)
from idc_desktop.privacy.nhs import classify_ten_digits


def kinds_and_texts(text: str, config: ScanConfig | None = None) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in scan(text, config)]


# --- NHS and CHI numbers -------------------------------------------------------------


def test_nhs_check_digit_follows_modulus_11():
    # 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 299; 299 % 11 = 2; 11 - 2 = 9.
    assert nhs_check_digit("943476591") == 9
    assert is_valid_nhs_number("9434765919")
    assert not is_valid_nhs_number("9434765918")
    assert not is_valid_nhs_number("943476591")  # nine digits
    assert not is_valid_nhs_number("94347659190")


def test_remainder_zero_gives_check_digit_zero_and_ten_is_invalid():
    assert nhs_check_digit("789012345") == 0  # remainder 0 -> 11 -> 0
    assert is_valid_nhs_number("7890123450")
    tens = [f"{n:09d}" for n in range(400000000, 400000200) if nhs_check_digit(f"{n:09d}") is None]
    assert tens, "some prefixes must have no valid check digit"
    for prefix in tens:
        assert not any(is_valid_nhs_number(prefix + d) for d in "0123456789")


def test_chi_rule_date_prefix_decides_between_chi_and_nhs():
    assert classify_ten_digits("0101901232") == "chi_number"  # 01/01/90
    assert classify_ten_digits("9434765919") == "nhs_number"  # 94 is not a day
    assert classify_ten_digits("0101901233") is None  # bad check digit: nothing at all
    # 31/02 is not a date, so a valid checksum makes it an NHS number.
    prefix = "310290123"
    check = nhs_check_digit(prefix)
    if check is not None:
        assert classify_ten_digits(prefix + str(check)) == "nhs_number"


@pytest.mark.parametrize(
    "text",
    ["943 476 5918", "943-476-5918", "9434765918", "0101901233", "943 476-5919", "94 34 76 59 19"],
)
def test_bad_checksums_and_mixed_layouts_are_not_health_numbers(text: str):
    assert not [f for f in scan(f"ref {text} noted") if f.kind in ("nhs_number", "chi_number")]


def test_ten_digit_number_inside_longer_number_is_ignored():
    assert kinds_and_texts("batch 194347659190 and 9434765919123") == []


def test_nhs_number_in_6_4_layout_is_not_reported():
    assert kinds_and_texts("codes 943476 5919 noted") == []


# --- Things that must not be flagged ---------------------------------------------------

CLEAN_LOOKALIKES = [
    "Hb 98, K+ 5.9, eGFR 23, CRP 145, HbA1c 86 mmol/mol.",
    "BP 142/88, pain 8/10, MoCA 26/30, MMSE 17/30, a ratio of 1:4.",
    "Doses 2.5 mg, 12 units, 40mg od, 1 g qds, vitamin B12 2nd dose.",
    "NEWS2 5, PHQ-9 18, GAD-7 15, 4AT 6, stage 4, a bay, the bed, a side room.",
    "Seen at 14:30, 14:30:00, 2pm and 12.30; for 3 weeks, 48 hours, 3/7 and 6/52.",
    "In 2019, in April, April 2019, in the spring of 2021, since 2015.",
    "ICD-10 F60.3, version 3.11.7, version 2.1.10, section 1.6.12, recommendation 1.2.14.",
    "About 3/4 of staff, 2/3 of cases, 1/2 of the team.",
    "Mr A and Mrs B. were discussed; the Dr on call; Dr Registrar; the Dr. She said no.",
    "People aged 18-25, aged 16 or 17, aged 65 and over, aged 16+, 18-year-olds.",
    "In March 12 units were given; 31/02/2019 and 13/13/2013 are not dates.",
    "Protein +1 on dipstick, oedema +2, temperature 38.5, BMI 21.4.",
    "Section 4.2.1.3 of the policy; version 1.0.0.2 of the tool.",
    "Stage T2 N1 M0 disease; T2DM since childhood; SpO2 94% on 2 L.",
    "the page 47 of the guidance, the average 47, dosage 40.",
]


@pytest.mark.parametrize("text", CLEAN_LOOKALIKES)
def test_clinical_lookalikes_are_not_flagged(text: str):
    assert kinds_and_texts(text) == []


# --- Dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["29/02/2019", "30/02/2000", "32/01/1990", "00/12/1999", "03/04/2187", "3.4.5"]
)
def test_impossible_dates_are_rejected(text: str):
    assert kinds_and_texts(f"on {text} we met") == []


@pytest.mark.parametrize("text", ["29/02/2000", "29/02/84", "04/23/1987", "31 December 1999"])
def test_possible_dates_are_accepted(text: str):
    assert kinds_and_texts(f"on {text} we met") == [("date", text)]


# --- Names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Smith. Then she left", "Dr Smith"),
        ("Dr Smith's clinic", "Dr Smith"),
        ("Mrs D'Souza-Patel attended", "Mrs D'Souza-Patel"),
        ("Dr de Souza came", "Dr de Souza"),
        ("seen by Dr Anna Kowalski and the team", "Dr Anna Kowalski"),
    ],
)
def test_titled_name_spans(text: str, expected: str):
    assert kinds_and_texts(text) == [("titled_name", expected)]


@pytest.mark.parametrize(
    "text", ["dr Smith", "DR SMITH", "MS relapse", "Mr. A", "Dr FY1", "Dr de la"]
)
def test_not_titled_names(text: str):
    assert kinds_and_texts(text) == []


# --- Configuration -----------------------------------------------------------------------


def test_watch_list_is_case_insensitive_on_word_boundaries():
    config = ScanConfig(watch_list=("Okafor", "St Mary's", "Ward 7"))
    text = "OKAFOR saw him; Okafors no; St Mary’s yes; ward   7 yes; ward 71 no."
    assert kinds_and_texts(text, config) == [
        ("watch_list", "OKAFOR"),
        ("name", "Okafors"),  # not the watch list's "Okafor"; a family's name all the same
        ("watch_list", "St Mary’s"),
        ("watch_list", "ward   7"),
        ("ward", "ward 71"),  # not the watch list's "Ward 7"; a numbered ward all the same
    ]


def test_watch_list_prefers_the_longest_term():
    config = ScanConfig(watch_list=("Castle Hill", "Castle Hill Hospital"))
    assert kinds_and_texts("at Castle Hill Hospital", config) == [
        ("watch_list", "Castle Hill Hospital")
    ]


def test_watch_list_handles_text_whose_lowercase_is_longer():
    config = ScanConfig(watch_list=("Istanbul Clinic",))
    text = "İ then Istanbul clinic"
    (finding,) = scan(text, config)
    assert text[finding.start : finding.end] == finding.text == "Istanbul clinic"


def test_custom_record_patterns_replace_the_default():
    config = ScanConfig(record_patterns=(r"RX[0-9]{7}", r"[0-9]{3}-[A-Z]{3}"))
    assert kinds_and_texts("RX1234567, 123-ABC, K123456", config) == [
        ("record_number", "RX1234567"),
        ("record_number", "123-ABC"),
    ]
    assert kinds_and_texts("K123456 and XRX1234567", ScanConfig()) == [("record_number", "K123456")]
    assert DEFAULT_RECORD_PATTERNS


def test_invalid_record_pattern_is_reported_by_name():
    with pytest.raises(ValueError, match=r"\[A-"):
        scan("text", ScanConfig(record_patterns=("[A-",)))


def test_ignored_texts_are_dropped_but_other_findings_remain():
    text = "Dr Patel called 07700 900123."
    config = ScanConfig(ignored=frozenset({"Dr Patel"}))
    assert kinds_and_texts(text, config) == [("phone", "07700 900123")]


# --- Overlaps, findings and redaction ----------------------------------------------------


def test_longer_finding_wins_an_overlap():
    config = ScanConfig(watch_list=("Patel", "example.org"))
    assert kinds_and_texts("Dr Patel wrote to jo@example.org", config) == [
        ("titled_name", "Dr Patel"),
        ("email", "jo@example.org"),
    ]


def test_more_specific_kind_wins_an_equal_overlap():
    # Ten digits starting with 0 also look like a UK phone number.
    assert kinds_and_texts("CHI 0101901232 noted") == [("chi_number", "0101901232")]


def test_every_kind_has_label_placeholder_and_tooltip():
    expected = {
        "nhs_number": "[NHS NUMBER]", "chi_number": "[CHI NUMBER]",
        "record_number": "[RECORD NUMBER]", "postcode": "[POSTCODE]", "phone": "[PHONE]",
        "email": "[EMAIL]", "url": "[WEB ADDRESS]", "ip_address": "[IP ADDRESS]",
        "date": "[DATE]", "age": "[AGE]", "titled_name": "[NAME]", "watch_list": "[PLACE]",
        "name": "[NAME]", "facility": "[HOSPITAL]", "ward": "[WARD]", "address": "[ADDRESS]",
        "ni_number": "[NI NUMBER]", "vehicle_registration": "[VEHICLE REG]", "handle": "[HANDLE]",
        "day_month": "[DATE]",
    }  # fmt: skip
    assert set(KINDS) == set(expected)
    for kind in KINDS:
        finding = Finding(kind, 0, 1, "x")
        assert finding.placeholder == expected[kind] == kind_info(kind).placeholder
        assert finding.label and finding.why.endswith(".")
    with pytest.raises(ValueError):
        Finding("shoe_size", 0, 1, "x")


def test_redact_replaces_each_finding_by_its_placeholder():
    text = "Mr Smith, 943 476 5919, M1 1AE, aged 47."
    assert redact(text, scan(text)) == "[NAME], [NHS NUMBER], [POSTCODE], [AGE]."


def test_redact_accepts_unsorted_and_overlapping_findings():
    text = "abcdef"
    findings = [
        Finding("date", 3, 5, "de"),
        Finding("age", 0, 2, "ab"),
        Finding("phone", 1, 4, "bcd"),
    ]
    assert redact(text, findings) == "[AGE]c[DATE]f"


def test_redact_refuses_stale_findings():
    findings = scan("Call 07700 900123 now")
    with pytest.raises(ValueError, match="stale"):
        redact("Call me on 07700 900123 now", findings)


# --- Smaller rules -------------------------------------------------------------------------


def test_no_break_spaces_from_word_processors():
    assert kinds_and_texts("NHS 943\u00a0476\u00a05919 and 3\u00a0April\u00a01987") == [
        ("nhs_number", "943\u00a0476\u00a05919"),
        ("date", "3\u00a0April\u00a01987"),
    ]


def test_international_prefix_00_counts_as_plus():
    assert kinds_and_texts("ring 0044 20 7946 0018 today") == [("phone", "0044 20 7946 0018")]


def test_name_stops_after_four_words():
    assert kinds_and_texts("Dr Anna Maria Kowalska Nowak Renal Handover") == [
        ("titled_name", "Dr Anna Maria Kowalska Nowak")
    ]


def test_watch_list_ignores_terms_without_letters_or_digits():
    config = ScanConfig(watch_list=("-", "...", "  ", "Okafor"))
    assert kinds_and_texts("a - b ... Okafor", config) == [("watch_list", "Okafor")]
    with pytest.raises(ValueError, match="longer than"):
        scan("x", ScanConfig(watch_list=("a" * 500,)))


def test_config_accepts_lists_as_well_as_tuples():
    config = ScanConfig(watch_list=["Okafor"], record_patterns=["RX[0-9]{7}"])  # type: ignore[arg-type]
    assert kinds_and_texts("Okafor RX1234567", config) == [
        ("watch_list", "Okafor"),
        ("record_number", "RX1234567"),
    ]
