"""The benchmark harness itself: result shape, verdicts, and the case-log builder.

The benchmarks are figures, not tests; these only check that the harness publishes the
shape benchmarks/README.md promises and that its generated logs are real, searchable stores.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from benchmarks import casestore
from benchmarks import run as bench_run
from idc_desktop.domain import CaseFilter
from idc_desktop.paths import store_path
from idc_desktop.services import open_services

FAKE = SimpleNamespace(
    run=lambda quick: [
        {"name": "fake: ratio", "value": 3.0, "unit": "ms", "baseline": "nothing", "baseline_value": 2.0,
         "target": "ratio <= 1.5"},
        {"name": "fake: absolute", "value": 20.0, "unit": "ms", "baseline": "nothing", "baseline_value": 4.0,
         "target": "<= 16 ms"},
        {"name": "fake: info", "value": 1.0, "unit": "ms", "baseline": "nothing", "baseline_value": 0.0,
         "target": "info"},
    ]
)


def _broken(quick: bool) -> list[dict]:
    raise RuntimeError("boom")


def test_results_have_the_published_shape_and_verdicts(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    results, failed = bench_run.collect(
        [("fake", FAKE), ("broken", SimpleNamespace(run=_broken))], quick=True
    )
    assert failed == ["broken"]
    assert [list(r) for r in results] == [list(bench_run.FIELDS)] * 3
    ratio, absolute, info = results
    assert ratio["ratio"] == 1.5 and bench_run.verdict(ratio) == "PASS"
    assert absolute["ratio"] == 5.0 and bench_run.verdict(absolute) == "MISS"
    assert info["ratio"] is None and bench_run.verdict(info) == "info"

    out = tmp_path / "results.json"
    out.write_text(bench_run.to_json(results), encoding="utf-8")
    loaded = json.loads(out.read_text(encoding="utf-8"))
    assert list(loaded) == ["results"]
    assert loaded["results"][0] == {
        "name": "fake: ratio", "value": 3.0, "unit": "ms", "baseline": "nothing",
        "baseline_value": 2.0, "ratio": 1.5, "target": "ratio <= 1.5",
    }
    table = bench_run.format_table(results)
    assert "PASS" in table and "MISS" in table and "fake: absolute" in table


def test_only_filters_benchmark_modules_by_substring() -> None:
    assert "bench_search" in bench_run.discover("search")
    assert all("startup" in name for name in bench_run.discover("startup"))
    assert bench_run.discover("no-such-benchmark") == []


def test_builder_makes_a_valid_searchable_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    # Below REPOSITORY_CASES everything goes through the repository; force the bulk path too.
    old = casestore.REPOSITORY_CASES
    casestore.REPOSITORY_CASES = 50
    try:
        path = casestore.build_store(data_dir, 200)  # verifies bulk rows against the store's own indexing
    finally:
        casestore.REPOSITORY_CASES = old
    assert path == store_path(data_dir) and casestore.count_cases(path) == 200
    services = open_services(data_dir)
    try:
        assert services.cases.count() == 200
        found = services.cases.list(CaseFilter(text="mis"))
        assert 0 < len(found) < 200
        one = found[-1]
        assert [s.code for s in services.cases.list(CaseFilter(text=one.code))] == [one.code]
        assert services.cases.list(CaseFilter(text="tracheostomy"))  # the rare word is there at every size
    finally:
        services.close()
