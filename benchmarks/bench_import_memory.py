"""Benchmark: peak memory of reading an import file at the limits (issue 17, item 10).

Each figure is the peak resident size (ru_maxrss) of a fresh child process that reads and
checks one interchange file through `TransferService.read` (size and value limits, the
strict JSON reader, every field checked), the way `idc-desktop import` and File › Import do.

- "import memory: realistic file at the limits": the demo's cases repeated as far as both
  limits allow (about 11 KB per session of real prose reaches MAX_IMPORT_VALUES near 90 MB,
  before MAX_IMPORT_BYTES). Target <= 1024 MB.
- "import memory: tiny values at the value limit": an adversarial file of small objects,
  just under MAX_IMPORT_VALUES, refused by the checks only once parsed. Target <= 1024 MB.
Baseline for both: a child that only reads the same bytes into memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import resource, sys
from pathlib import Path
mode, path = sys.argv[1], Path(sys.argv[2])
if mode == "read":
    from idc_desktop.services.transfer import TransferService
    try:
        TransferService(None).read(path)
    except Exception as exc:  # the tiny-values file is refused after parsing: that is the point
        print(type(exc).__name__, str(exc)[:80], file=sys.stderr)
else:
    data = path.read_bytes()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_mb(mode: str, path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path)], capture_output=True, text=True,
                         check=True, timeout=600)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def _realistic(path: Path, limit: int, values: int) -> int:
    """As large as both limits allow (real prose reaches the value limit first, near 90 MB)."""
    from idc_desktop.services.shipped import demo_cases_path

    document = json.loads(demo_cases_path().read_text(encoding="utf-8"))
    one = [{k: v for k, v in case.items() if k != "code"} for case in document["cases"]]
    raw = json.dumps(one).encode("utf-8")
    per_copy = len(raw)
    per_copy_values = raw.count(b",") + raw.count(b"[") + raw.count(b"{") + raw.count(b":") + 1
    copies = max(1, min(int(limit * 0.97) // per_copy, int(values * 0.97) // per_copy_values))
    path.write_text(json.dumps({**document, "cases": one * copies}), encoding="utf-8")
    return copies * len(one)


def _tiny(path: Path, values: int) -> None:
    # {"a":1} counts three (the brace, the colon, the comma): just under the limit.
    count = values // 3 - 10
    path.write_text('{"format": "idc-desktop.cases", "version": 1, "cases": [' + ",".join(['{"a":1}'] * count) + "]}",
                    encoding="utf-8")


def run(quick: bool) -> list[dict]:
    from idc_desktop.services.transfer import MAX_IMPORT_BYTES, MAX_IMPORT_VALUES

    scale = 4 if quick else 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        realistic, tiny = Path(tmp) / "realistic.json", Path(tmp) / "tiny.json"
        cases = _realistic(realistic, MAX_IMPORT_BYTES // scale, MAX_IMPORT_VALUES // scale)
        _tiny(tiny, MAX_IMPORT_VALUES // scale)
        for name, path, what in (("realistic file at the limits", realistic, f"{cases:,} cases"),
                                 ("tiny values at the value limit", tiny, f"{MAX_IMPORT_VALUES // scale:,} values")):
            size = path.stat().st_size / 2**20
            value, baseline = _peak_mb("read", path), _peak_mb("bytes", path)
            rows.append({
                "name": f"import memory: {name}" + (" (quarter size, --quick)" if quick else ""),
                "value": round(value), "unit": "MB",
                "baseline": f"reading the same {size:,.0f} MB into memory ({what})",
                "baseline_value": round(baseline), "ratio": round(value / baseline, 2),
                "target": "<= 1024 MB",
            })
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
