"""Benchmark: identifier scan of ~100 KB of case-log text.

Baseline: one simple regex (``re.findall(r"\\d+", text)``) over the same text,
i.e. the cheapest possible single pass of Python's regex engine. The text is
the clean-prose test corpus with the identifier test sentences mixed in, so
the figure reflects what a lead's log actually looks like.
"""

from __future__ import annotations

import importlib.util
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from idc_desktop.privacy import ScanConfig, scan

_CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "privacy"
TARGET_CHARS = 100_000


def _identifier_sentences() -> tuple[list[str], tuple[str, ...]]:
    spec = importlib.util.spec_from_file_location(
        "idc_bench_corpus_identifiers", _CORPUS_DIR / "corpus_identifiers.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [case[0] for case in module.CASES], module.WATCH_LIST


def build_text(size: int = TARGET_CHARS) -> tuple[str, ScanConfig]:
    """About ``size`` characters of clean paragraphs, an identifier sentence after every third."""
    paragraphs = (_CORPUS_DIR / "corpus_clean.txt").read_text(encoding="utf-8").split("\n\n")
    sentences, watch_list = _identifier_sentences()
    parts: list[str] = []
    length = 0
    i = 0
    while length < size:
        parts.append(paragraphs[i % len(paragraphs)])
        if i % 3 == 0:
            parts.append(sentences[(i // 3) % len(sentences)])
        length += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size], ScanConfig(watch_list=watch_list)


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: compiles and caches the patterns
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def run(quick: bool) -> list[dict]:
    text, config = build_text()
    runs = 5 if quick else 21
    baseline_regex = re.compile(r"\d+")
    value = _median_ms(lambda: scan(text, config), runs)
    baseline = _median_ms(lambda: baseline_regex.findall(text), runs)
    return [
        {
            "name": "privacy scan 100 KB",
            "value": round(value, 3),
            "unit": "ms",
            "baseline": "re.findall of one simple regex over same text",
            "baseline_value": round(baseline, 3),
            "ratio": round(value / baseline, 2),
            "target": "<= 20 ms",
        }
    ]


if __name__ == "__main__":
    for row in run(quick=False):
        print(row)
