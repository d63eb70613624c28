"""Hostile text takes time in proportion to its length (issue 12, "Bad input").

Judged by growth ratio, never by a wall-clock bound: the same pattern at n and 4n characters;
linear work takes about 4x as long, quadratic work about 16x. The threshold (8x) leaves room
for a busy machine and still fails any quadratic detector.
"""

from __future__ import annotations

import time

import pytest

from idc_desktop.privacy import ScanConfig, scan

CONFIG = ScanConfig(watch_list=("Royal Infirmary", "Ward 7B"))
HOSTILE = {
    "digits": "1",
    "Mr": "Mr ",
    "given names": "Sarah ",
    "names and verbs": "Sarah said ",
    "unknown capitalised": "and Zorblax ",
    "family plurals": "the Kowalskis ",
    "relations in lower case": "her son jamie ",
    "lower-case openers": ". gambo shouted ",
    "wards": "Ward ",
    "numbered wards": "ward 1 ",
    "street words": "12 Acacia ",
    "facility words": "St Acacia Hospital ",
    "handles": "@a",
    "NI prefixes": "QQ 1",
    "plates": "AB12 ",
    "day and month": "4 March ",
    "record cues": "MRN ",
    "dates of birth": "DOB ",
    "spaces": " ",
    "apostrophes": "O'",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        scan(text, CONFIG)
        best = min(best, time.perf_counter() - started)
    return best


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_scans_in_linear_time(name: str) -> None:
    unit = HOSTILE[name]
    scan(unit * 10, CONFIG)  # warm-up: the name lists load, the patterns compile
    small, large = _seconds(_repeat(unit, 25_000)), _seconds(_repeat(unit, 100_000))
    assert large / max(small, 1e-4) < 8, (name, small, large)


@pytest.mark.slow  # scans 12.5 MB
def test_a_ten_megabyte_paste_scans_in_linear_time() -> None:
    paragraph = ("Sarah said the plan on Ward 7 was fair; the Kowalskis visited on 4 March. Hb 98, BP 142/88, "
                 "NEWS2 5. Her son jamie phoned from 12 Acacia Avenue, Leeds. MRN 12345678. @sarah_j. ") * 10
    quarter = _repeat(paragraph, 2_500_000)
    whole = _repeat(paragraph, 10_000_000)
    started = time.perf_counter()
    found_quarter = scan(quarter, CONFIG)
    t_quarter = time.perf_counter() - started
    started = time.perf_counter()
    found_whole = scan(whole, CONFIG)
    t_whole = time.perf_counter() - started
    assert len(found_whole) > 3.9 * len(found_quarter) > 0
    assert t_whole / t_quarter < 8, (t_quarter, t_whole)
