"""Benchmark: a log protected by a passphrase (SQLCipher) against the same log unprotected.

Both sides are the same 10,000-case log (benchmarks/casestore.py), one copy written again under a
passphrase (`store.rekey.rewrite`, as File › Protect does), measured in the same run:

- opening: `open_store` and a first read (the case count), what start-up waits for; the
  protected side pays the key derivation once (PBKDF2-HMAC-SHA512, 256,000 iterations; the
  probe's connection becomes the engine's first) and the probe's page check
  (`cipher_integrity_check`: every page's HMAC). Target: at most 250 ms more.
- search: the library's queries through the service (count and first page of 100).
  Target: <= 1.3x.
- autosave: saving a session that grows by one contribution, as the editor's autosave does.
  Target: <= 1.3x.

Each figure is the median of several runs after a warm-up.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import casestore

QUERIES = ("mis", "tracheostomy", "ward refus", "Cardiology")
CASES = 10_000
KEY_TEXT = "benchmark passphrase, four words"


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _open_times(data_dir: Path, key, reps: int) -> list[float]:  # noqa: ANN001 - Passphrase | None
    from idc_desktop.store.opening import open_store

    times = []
    for _ in range(reps + 1):
        started = time.perf_counter()
        store = open_store(data_dir, key=key)
        with store.unit() as uow:
            uow.cases.count()
        times.append(time.perf_counter() - started)
        store.close()
    return times[1:]


def _search_times(services, reps: int) -> list[float]:  # noqa: ANN001
    from idc_desktop.domain import CaseFilter

    def sample(query: str) -> float:
        started = time.perf_counter()
        flt = CaseFilter(text=query)
        services.cases.matching(flt)
        services.cases.page(flt, 0, 100)
        return time.perf_counter() - started

    for query in QUERIES:
        sample(query)
    return [sample(q) for _ in range(reps) for q in QUERIES]


def _autosave_times(services, reps: int) -> list[float]:  # noqa: ANN001
    from idc_desktop.domain import Contribution, Perspective

    case = services.cases.list()[0]
    session = services.sessions.start(case.id)
    times = []
    for step in range(reps * 5 + 3):
        session.perspectives[Perspective.D].contributions.append(Contribution(text=f"we find ourselves {step}"))
        started = time.perf_counter()
        services.sessions.save(session)
        times.append(time.perf_counter() - started)
    return times[3:]


def run(quick: bool) -> list[dict]:
    from idc_desktop.paths import store_path
    from idc_desktop.services import open_services
    from idc_desktop.store.cipher import Passphrase
    from idc_desktop.store.rekey import rewrite

    reps = 3 if quick else 9
    key = Passphrase(KEY_TEXT)
    work = Path(tempfile.mkdtemp(prefix="idc-bench-protected-"))
    try:
        plain = casestore.working_copy(CASES, work / "plain")
        protected = casestore.working_copy(CASES, work / "protected")
        rewrite(store_path(protected), None, key)
        figures = {}
        for label, data_dir, k in (("plain", plain, None), ("protected", protected, key)):
            opened = _open_times(data_dir, k, reps)
            services = open_services(data_dir, key=k)
            try:
                figures[label] = (_median_ms(opened), _median_ms(_search_times(services, reps)),
                                  _median_ms(_autosave_times(services, reps)))
            finally:
                services.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (p_open, p_search, p_save), (c_open, c_search, c_save) = figures["plain"], figures["protected"]
    print(f"[protected] open {c_open:.1f} ms vs {p_open:.1f} ms (+{c_open - p_open:.1f} ms); "
          f"search {c_search:.2f} vs {p_search:.2f} ms; autosave {c_save:.2f} vs {p_save:.2f} ms", file=sys.stderr)
    base = "the same log unprotected, same run"
    return [
        {"name": "protected open 10k (extra over unprotected)", "value": c_open - p_open, "unit": "ms",
         "baseline": "none: the difference itself", "baseline_value": None, "target": "<= 250 ms"},
        {"name": "protected open 10k", "value": c_open, "unit": "ms", "baseline": base,
         "baseline_value": p_open, "target": "info"},
        {"name": "protected search 10k", "value": c_search, "unit": "ms", "baseline": base,
         "baseline_value": p_search, "target": "ratio <= 1.3"},
        {"name": "protected autosave", "value": c_save, "unit": "ms", "baseline": base,
         "baseline_value": p_save, "target": "ratio <= 1.3"},
    ]
