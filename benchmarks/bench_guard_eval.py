"""Benchmark: how well the anonymisation guard does on the evaluation set, and how fast.

Figures (targets from issue 12):

* recall, overall and per kind, on tests/privacy/eval/identifiers.jsonl (synthetic; see
  generate.py there). An identifier counts as caught when findings cover every letter and
  digit of it, whatever kind they report (what matters is that nothing identifying is left
  when the user replaces what was flagged). Names are also reported for the share the
  shipped lists never saw.
* false alarms per 10,000 words of clean prose: tests/privacy/corpus_clean.txt and
  tests/privacy/eval/clean_traps.txt (word-names in ordinary use, eponyms, drugs, roles,
  months, days, clinical figures). Every finding there is a false alarm.
* speed: a scan of 100 KB (bench_scan's text), and the UI guard's keystroke path on a
  2,000-character field (one character typed, the field's text scanned again, as
  ui/privacy/guard.py does through its cache: a new text always misses it). Baseline for
  both: one `re.findall(r"\\d+")` over the same text, the cheapest single regex pass.

`evaluate()` is shared with tests/privacy/test_guard_eval.py, which holds the recall and
false-alarm targets as assertions (speed is only ever measured here).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from benchmarks.bench_scan import _median_ms
from idc_desktop.privacy import scan
from idc_desktop.privacy.lexicon import fold, lexicon

PRIVACY_TESTS = Path(__file__).resolve().parents[1] / "tests" / "privacy"
EVAL_DIR = PRIVACY_TESTS / "eval"
_ALNUM = re.compile(r"[^\W_]")


def load_identifiers() -> list[dict]:
    lines = (EVAL_DIR / "identifiers.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def clean_text() -> str:
    return "\n\n".join(
        p.read_text(encoding="utf-8") for p in (PRIVACY_TESTS / "corpus_clean.txt", EVAL_DIR / "clean_traps.txt")
    )


def _caught(text: str, start: int, end: int, findings) -> bool:
    covered = set()
    for f in findings:
        if f.end > start and f.start < end:
            covered.update(range(max(f.start, start), min(f.end, end)))
    return all(i in covered for i in range(start, end) if _ALNUM.match(text[i]))


def _unseen_name(span_text: str) -> bool:
    lex = lexicon()
    return not any(fold(w) in lex.given or fold(w) in lex.surnames for w in span_text.split())


def evaluate() -> dict:
    """Recall per kind, false alarms on clean prose, and the misses to look at."""
    total, caught, misses = Counter(), Counter(), []
    extra = 0  # findings in identifier texts that cover no marked identifier
    for record in load_identifiers():
        text = record["text"]
        findings = scan(text)
        for kind, start, end in record["spans"]:
            keys = [kind] + (["name (unseen by the lists)"] if kind == "name" and _unseen_name(text[start:end]) else [])
            hit = _caught(text, start, end, findings)
            for key in keys:
                total[key] += 1
                caught[key] += hit
            if not hit:
                misses.append((kind, text[start:end], text))
        spans = record["spans"]
        extra += sum(1 for f in findings if not any(f.end > s and f.start < e for _, s, e in spans))
    clean = clean_text()
    alarms = scan(clean)
    words = len(clean.split())
    kinds = sorted(k for k in total if k != "name (unseen by the lists)")
    overall = sum(caught[k] for k in kinds) / sum(total[k] for k in kinds)
    return {
        "recall": {k: caught[k] / total[k] for k in total},
        "counts": dict(total),
        "overall_recall": overall,
        "clean_words": words,
        "false_alarms": [(f.kind, f.text, clean[max(0, f.start - 30):f.end + 30]) for f in alarms],
        "false_alarms_per_10k": len(alarms) / words * 10_000,
        "extra_findings_in_identifier_texts": extra,
        "misses": misses,
    }


def _keystroke_ms(runs: int) -> tuple[float, float]:
    """Re-check a 2,000-character field after each keystroke, as the UI guard does (a new text each time)."""
    from bench_scan import build_text

    field = build_text(2_000)[0]
    baseline = re.compile(r"\d+")
    texts = [field[:1000] + ch * (i % 5 + 1) + field[1000:] for i, ch in enumerate("abcdefghijklmnopqrstu" * 5)]
    texts = [t[:2000] for t in texts]

    def scan_each() -> None:
        for t in texts:
            scan(t)

    def baseline_each() -> None:
        for t in texts:
            baseline.findall(t)

    return _median_ms(scan_each, runs) / len(texts), _median_ms(baseline_each, runs) / len(texts)


def run(quick: bool) -> list[dict]:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_scan import build_text

    result = evaluate()
    rows = [{
        "name": "guard recall overall", "value": round(result["overall_recall"], 4), "unit": "ratio",
        "baseline": "every marked identifier", "baseline_value": 1.0, "target": ">= 0.99",
    }]
    for kind, recall in sorted(result["recall"].items()):
        rows.append({"name": f"guard recall {kind} (n={result['counts'][kind]})", "value": round(recall, 4),
                     "unit": "ratio", "baseline": "every marked identifier", "baseline_value": 1.0,
                     "target": ">= 0.95" if "unseen" not in kind else "info"})
    rows.append({"name": f"guard false alarms per 10,000 clean words ({result['clean_words']} words)",
                 "value": round(result["false_alarms_per_10k"], 2), "unit": "per 10k words",
                 "baseline": "none", "baseline_value": 0.0, "target": "<= 3"})
    runs = 5 if quick else 21
    text, _ = build_text(100_000)
    baseline = re.compile(r"\d+")
    rows.append({"name": "guard scan 100 KB", "value": round(_median_ms(lambda: scan(text), runs), 3), "unit": "ms",
                 "baseline": "re.findall of one simple regex over same text",
                 "baseline_value": round(_median_ms(lambda: baseline.findall(text), runs), 3), "target": "<= 20 ms"})
    key, key_base = _keystroke_ms(3 if quick else 9)
    rows.append({"name": "guard keystroke re-check, 2,000-character field", "value": round(key, 3), "unit": "ms",
                 "baseline": "re.findall of one simple regex over same field", "baseline_value": round(key_base, 4),
                 "target": "<= 2 ms"})
    for kind, text_, where in result["misses"]:
        print(f"missed {kind}: {text_!r} in {where!r}", file=sys.stderr)
    for kind, text_, where in result["false_alarms"]:
        print(f"false alarm {kind}: {text_!r} in {where!r}", file=sys.stderr)
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
