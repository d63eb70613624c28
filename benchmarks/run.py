"""Run the benchmarks and print each figure beside its same-run baseline.

    uv run python benchmarks/run.py [--quick] [--only NAME] [--json PATH]

Every `benchmarks/bench_<name>.py` exposing `run(quick: bool) -> list[dict]` is a
benchmark; `--only` keeps those whose module name contains NAME. Each dict carries
`name`, `value`, `unit`, `baseline` (what it is measured against), `baseline_value` and
`target` ("ratio <= 1.5", "<= 16 ms", or "info" for a figure reported without a target);
`ratio` is computed here as value / baseline_value.

The table marks each figure PASS or MISS against its target, but the exit status is 0
either way: these are figures, not tests. It is 1 only if a benchmark itself failed to run,
and 2 if --only matched nothing.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks.bench_*` importable
    sys.path.insert(0, str(ROOT))

FIELDS = ("name", "value", "unit", "baseline", "baseline_value", "ratio", "target")
_TARGET = re.compile(r"^\s*(?P<ratio>ratio\s*)?(?P<op><=|>=|<|>)\s*(?P<bound>\d+(?:\.\d+)?)\s*(?P<unit>\S+)?\s*$")
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<=": lambda a, b: a <= b, "<": lambda a, b: a < b, ">=": lambda a, b: a >= b, ">": lambda a, b: a > b,
}


# --- shaping and judging results ----------------------------------------------------------
def _round(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value, 3) if abs(value) >= 1 else round(value, 4)


def shape_result(raw: dict[str, Any]) -> dict[str, Any]:
    """One result in the published shape: exactly FIELDS, in order, ratio = value / baseline_value."""
    missing = [key for key in FIELDS if key != "ratio" and key not in raw]
    if missing:
        raise ValueError(f"benchmark result {raw.get('name', '?')!r} lacks {', '.join(missing)}")
    value = float(raw["value"])
    baseline_value = None if raw["baseline_value"] is None else float(raw["baseline_value"])
    ratio = value / baseline_value if baseline_value else None
    return {
        "name": str(raw["name"]),
        "value": _round(value),
        "unit": str(raw["unit"]),
        "baseline": str(raw["baseline"]),
        "baseline_value": _round(baseline_value),
        "ratio": None if ratio is None else round(ratio, 3),
        "target": str(raw["target"]),
    }


def verdict(result: dict[str, Any]) -> str:
    """PASS or MISS against the target; "info" when there is no target to meet (or it is unreadable)."""
    match = _TARGET.match(result["target"])
    if match is None:
        return "info"
    compare = _COMPARE[match["op"]]
    bound = float(match["bound"])
    if match["ratio"]:
        measured = result["ratio"]
    else:
        if match["unit"] and match["unit"] != result["unit"]:
            return "info"
        measured = result["value"]
    if measured is None:
        return "info"
    return "PASS" if compare(measured, bound) else "MISS"


def collect(benchmarks: Iterable[tuple[str, ModuleType | Any]], quick: bool, log=sys.stderr) -> tuple[list[dict], list[str]]:  # noqa: ANN001
    """Run each (name, module) and shape its figures; a benchmark that fails is reported, not fatal."""
    results: list[dict] = []
    failed: list[str] = []
    for name, module in benchmarks:
        started = time.perf_counter()
        print(f"[bench] {name} ...", file=log, flush=True)
        try:
            produced = [shape_result(raw) for raw in module.run(quick)]
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc(file=log)
            print(f"[bench] {name} FAILED", file=log, flush=True)
            failed.append(name)
            continue
        results.extend(produced)
        print(f"[bench] {name} done in {time.perf_counter() - started:.1f} s", file=log, flush=True)
    return results, failed


def to_json(results: Sequence[dict]) -> str:
    return json.dumps({"results": [{key: r[key] for key in FIELDS} for r in results]}, indent=2, ensure_ascii=False)


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def format_table(results: Sequence[dict]) -> str:
    header = ("figure", "value", "baseline", "ratio", "target", "")
    rows = [
        (
            r["name"],
            f"{_number(r['value'])} {r['unit']}",
            f"{_number(r['baseline_value'])} {r['unit']}",
            "-" if r["ratio"] is None else f"{r['ratio']:.2f}",
            r["target"],
            verdict(r),
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    right = {1, 2, 3}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows)
    baselines: dict[str, list[str]] = {}
    for r in results:
        baselines.setdefault(r["baseline"], []).append(r["name"])
    if baselines:
        out.append("")
        out.append("baselines:")
        for baseline, names in baselines.items():
            words = os.path.commonprefix([name.split() for name in names])
            label = " ".join(words).rstrip(":") + " *" if len(names) > 1 and words else ", ".join(names)
            out.append(f"  {label}: {baseline}")
    return "\n".join(out)


# --- discovery ----------------------------------------------------------------------------
def discover(only: str | None = None) -> list[str]:
    """Module names of the benchmarks (bench_*.py here), filtered by substring."""
    names = sorted(path.stem for path in HERE.glob("bench_*.py"))
    return [n for n in names if only is None or only.lower() in n.lower()]


class _Unloadable:
    """Stands in for a benchmark module that cannot be imported, so the failure is reported in turn."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def run(self, quick: bool) -> list[dict]:
        raise self.error


def load(names: Iterable[str]) -> list[tuple[str, ModuleType | _Unloadable]]:
    loaded: list[tuple[str, ModuleType | _Unloadable]] = []
    for name in names:
        try:
            module: ModuleType | _Unloadable = importlib.import_module(f"benchmarks.{name}")
        except Exception as exc:  # e.g. a benchmark another helper is still writing
            module = _Unloadable(exc)
        loaded.append((name.removeprefix("bench_"), module))
    return loaded


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="IDC Desktop benchmarks: figures against same-run baselines.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: the whole run in under a minute")
    parser.add_argument("--only", metavar="NAME", help="run only benchmarks whose module name contains NAME")
    parser.add_argument("--json", metavar="PATH", type=Path, help="also write the results as JSON to PATH")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # figures must not depend on a display
    os.environ.pop("IDC_DESKTOP_DATA_DIR", None)  # never touch a real log
    names = discover(args.only)
    if not names:
        print(f"no benchmark matches {args.only!r} (have: {', '.join(discover())})", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results, failed = collect(load(names), args.quick)
    print(format_table(results))
    print(f"\n{'quick' if args.quick else 'full'} run, {time.perf_counter() - started:.1f} s")
    if args.json:
        args.json.write_text(to_json(results) + "\n", encoding="utf-8")
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
