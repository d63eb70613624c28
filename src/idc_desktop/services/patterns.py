"""Patterns across the log (issue 14, item 3): the store's counts, named and ranked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from idc_desktop.domain.desk import Outcome, Tally
from idc_desktop.domain.enums import AllianceDimension, Perspective
from idc_desktop.domain.patterns import (
    TOP_PER_PERSPECTIVE,
    AllianceSpread,
    DisciplineD,
    PatternFilter,
    Patterns,
    combination_name,
)

TOP_D_ITEMS = 3


def _ranked(counts: dict[str, int], top: int) -> list[Tally]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))
    return [Tally(name, n) for name, n in ranked[:top]]


def build_patterns(f: PatternFilter, counts: dict, label: Callable[[str], str]) -> Patterns:
    per: dict[Perspective, dict[str, int]] = {p: defaultdict(int) for p in Perspective}
    for perspective, key, n in counts["items"]:
        per[Perspective(perspective)][label(key)] += n
    combinations = [Tally(combination_name(dict(zip(Perspective, (label(k) for k in keys.split(" ")), strict=True))), n)
                    for keys, n in counts["leads"]]
    d_items: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for role, key, n in counts["d_items"]:
        d_items[role][label(key)] += n
    discipline_d = sorted((DisciplineD(role, n, sessions, [t.name for t in _ranked(d_items[role], TOP_D_ITEMS)])
                           for role, n, sessions in counts["d_roles"]),
                          key=lambda d: (-d.contributions, d.discipline.lower()))
    spread: dict[str, dict[int, int]] = defaultdict(dict)
    for dimension, rating, n in counts["alliance"]:
        spread[dimension][int(rating)] = n
    outcomes = counts["actions"]
    return Patterns(
        filter=f, sessions=counts["sessions"], cases=counts["cases"],
        items={p: _ranked(c, TOP_PER_PERSPECTIVE) for p, c in per.items()},
        combinations=combinations, discipline_d=discipline_d,
        alliance=[AllianceSpread(d, dict(sorted(spread[d.value].items()))) for d in AllianceDimension],
        months=[Tally(str(m), n) for m, n in counts["months"]],
        actions=[Tally(o.value, outcomes[o]) for o in Outcome if outcomes.get(o)],
        sessions_with_items=counts["sessions_with_items"])
