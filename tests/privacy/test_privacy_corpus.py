"""Recall on realistic identifier sentences; false alarms on realistic clean prose."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

from idc_desktop.privacy import KINDS, ScanConfig, scan

HERE = Path(__file__).parent


def _load_identifier_corpus():
    # Loaded by path so the test does not depend on pytest's import mode.
    spec = importlib.util.spec_from_file_location(
        "idc_privacy_corpus_identifiers", HERE / "corpus_identifiers.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORPUS = _load_identifier_corpus()
CONFIG = ScanConfig(watch_list=CORPUS.WATCH_LIST)
CLEAN_TEXT = (HERE / "corpus_clean.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("sentence", "kind", "expected"), CORPUS.CASES)
def test_identifier_is_caught_with_kind_and_exact_span(sentence: str, kind: str, expected: str):
    findings = scan(sentence, CONFIG)
    assert [(f.kind, f.text) for f in findings] == [(kind, expected)]
    (finding,) = findings
    assert sentence[finding.start : finding.end] == expected
    assert finding.start == sentence.index(expected)


def test_identifier_corpus_is_large_and_covers_every_kind():
    assert len(CORPUS.CASES) >= 80
    per_kind = Counter(kind for _, kind, _ in CORPUS.CASES)
    assert set(per_kind) == set(KINDS)
    assert min(per_kind.values()) >= 4


def test_clean_corpus_false_alarm_rate_is_below_one_per_ten_thousand_words():
    words = len(CLEAN_TEXT.split())
    findings = scan(CLEAN_TEXT)
    rate = len(findings) / words * 10_000
    print(
        f"\nclean corpus: {words} words, {len(findings)} false alarms, "
        f"{rate:.2f} per 10,000 words"
    )
    for f in findings:
        print(f"  {f.kind}: {f.text!r} in {CLEAN_TEXT[max(0, f.start - 30) : f.end + 30]!r}")
    assert words >= 10_000
    assert rate < 1.0


def test_clean_corpus_contains_the_numeric_lookalikes_many_times():
    # Guards the corpus itself: the false-alarm figure means little without these.
    lookalikes = {
        "blood results": r"\b(?:Hb|K\+|eGFR|CRP|HbA1c) \d",
        "blood pressures": r"\b\d{2,3}/\d{2,3}\b",
        "doses": r"\b\d+(?:\.\d+)? ?(?:mg|units|micrograms|g)\b",
        "scores": r"\b(?:NEWS2|PHQ-9|GAD-7|MoCA|MMSE) \d",
        "times": r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}(?:am|pm)\b",
        "durations": r"\b\d+ (?:hours|days|weeks|months)\b",
        "years alone": r"\b(?:in|since) (?:19|20)\d\d\b",
        "months and years": r"\b(?:January|April|June|August|October|December) 20\d\d\b",
        "ICD codes": r"\bF\d\d\.\d\b",
        "versions": r"\bversion \d+\.\d+(?:\.\d+)?\b",
        "stages": r"\b[Ss]tage \d\b",
        "fractions and ratios": r"\b\d/\d\b|\b1:\d\b",
    }
    for name, pattern in lookalikes.items():
        assert len(re.findall(pattern, CLEAN_TEXT)) >= 5, name


def test_clean_corpus_has_substantial_hand_written_prose():
    hand_written = CLEAN_TEXT.split("Templated numeric sentences")[0]
    assert len(hand_written.split()) >= 7_000
