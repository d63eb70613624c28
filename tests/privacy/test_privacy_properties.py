"""Property tests: generated identifiers are caught; redaction removes what scan finds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from idc_desktop.privacy import ScanConfig, is_valid_nhs_number, nhs_check_digit, redact, scan
from idc_desktop.privacy.nhs import has_chi_date_prefix

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location(
    "idc_privacy_corpus_identifiers_props", HERE / "corpus_identifiers.py"
)
CORPUS = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(CORPUS)
CONFIG = ScanConfig(watch_list=CORPUS.WATCH_LIST)

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def layouts(ten: str) -> st.SearchStrategy[str]:
    """The three ways people write an NHS number: 3-3-4 spaced, dashed, run together."""
    return st.sampled_from(
        [f"{ten[:3]} {ten[3:6]} {ten[6:]}", f"{ten[:3]}-{ten[3:6]}-{ten[6:]}", ten]
    )


@st.composite
def valid_nhs_numbers(draw) -> str:
    nine = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    check = nhs_check_digit(nine)
    assume(check is not None)
    ten = nine + str(check)
    assume(not has_chi_date_prefix(ten))  # those are CHI numbers by the documented rule
    return draw(layouts(ten))


@st.composite
def invalid_nhs_numbers(draw) -> str:
    ten = draw(st.text(alphabet="0123456789", min_size=10, max_size=10))
    assume(not is_valid_nhs_number(ten))
    return draw(layouts(ten))


CONTEXTS = st.sampled_from(
    [
        "{}",
        "NHS number {} on the letter.",
        "Referral ({}) received",
        "number: {}, checked",
        "ref {}\nnext line",
    ]
)


@given(valid_nhs_numbers(), CONTEXTS)
def test_valid_nhs_numbers_are_caught(number: str, context: str):
    text = context.format(number)
    found = [(f.kind, f.text) for f in scan(text)]
    assert ("nhs_number", number) in found


@given(invalid_nhs_numbers(), CONTEXTS)
def test_invalid_checksums_are_never_nhs_numbers(number: str, context: str):
    assert all(f.kind != "nhs_number" for f in scan(context.format(number)))


# Postcode letter rules, position by position.
FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ"  # not Q V X
SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"  # not I J Z
THIRD = "ABCDEFGHJKPSTUW"  # A9A
FOURTH = "ABEHMNPRVWXY"  # AA9A
INWARD = "ABDEFGHJLNPQRSTUWXYZ"  # not C I K M O V
D = "0123456789"


@st.composite
def valid_postcodes(draw) -> str:
    pick = lambda alphabet: draw(st.sampled_from(alphabet))  # noqa: E731
    layout = draw(st.sampled_from(["A9", "A99", "AA9", "AA99", "A9A", "AA9A"]))
    outward = {
        "A9": lambda: pick(FIRST) + pick(D),
        "A99": lambda: pick(FIRST) + pick(D) + pick(D),
        "AA9": lambda: pick(FIRST) + pick(SECOND) + pick(D),
        "AA99": lambda: pick(FIRST) + pick(SECOND) + pick(D) + pick(D),
        "A9A": lambda: pick(FIRST) + pick(D) + pick(THIRD),
        "AA9A": lambda: pick(FIRST) + pick(SECOND) + pick(D) + pick(FOURTH),
    }[layout]()
    inward = pick(D) + pick(INWARD) + pick(INWARD)
    code = outward + draw(st.sampled_from([" ", ""])) + inward
    return code.lower() if draw(st.booleans()) else code


@given(valid_postcodes(), st.sampled_from(["{}", "lives near {} now", "({})", "address {}.\n"]))
def test_valid_postcodes_are_caught(postcode: str, context: str):
    found = [(f.kind, f.text) for f in scan(context.format(postcode))]
    assert found == [("postcode", postcode)]


# Realistic mixtures of clean prose and identifiers for the redaction properties.
CLEAN_FRAGMENTS = [
    "The team felt deskilled and angry.",
    "Hb 98, K+ 5.9 and BP 142/88 on the ward.",
    "Sertraline 50 mg once daily since April 2019.",
    "NEWS2 5 at 14:30, reviewed by the Dr on call.",
    "She missed 3 of 12 sessions in 3 weeks.",
    "Mr A felt dismissed; staff wanted to withdraw.",
    "ICD-10 F60.3, MoCA 26/30, stage 4.",
]
FRAGMENTS = st.sampled_from(CLEAN_FRAGMENTS + [case[0] for case in CORPUS.CASES])
SEPARATORS = st.sampled_from([" ", "\n", "\n\n", " \u2014 ", "; "])


@st.composite
def mixed_texts(draw) -> str:
    pieces = draw(st.lists(FRAGMENTS, min_size=1, max_size=8))
    seps = draw(st.lists(SEPARATORS, min_size=len(pieces), max_size=len(pieces)))
    return "".join(piece + sep for piece, sep in zip(pieces, seps, strict=True))


@settings(max_examples=200)
@given(mixed_texts())
def test_redaction_removes_every_finding(text: str):
    findings = scan(text, CONFIG)
    redacted = redact(text, findings)
    for f in findings:
        assert f.text not in redacted
    kinds = {f.kind for f in findings}
    assert not [f for f in scan(redacted, CONFIG) if f.kind in kinds]


@given(mixed_texts())
def test_offsets_match_text_on_mixed_texts(text: str):
    _assert_well_formed(text, scan(text, CONFIG))


@given(st.text(max_size=300))
def test_offsets_match_text_on_arbitrary_text(text: str):
    _assert_well_formed(text, scan(text, CONFIG))


@given(st.text(alphabet="0123456789 +-()/.:,aAgedyoMrDr@w", max_size=120))
def test_offsets_match_text_on_number_soup(text: str):
    # Digits, separators and anchor letters in dense random order stress every regex.
    _assert_well_formed(text, scan(text, CONFIG))


def _assert_well_formed(text: str, findings) -> None:
    previous_end = 0
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert f.start < f.end
        assert f.start >= previous_end  # sorted and non-overlapping
        previous_end = f.end
