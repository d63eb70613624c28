"""Similar past cases (issue 14, item 4): past cases whose A-D pattern overlaps the session's.

A shared item counts by how rare it is in the log (log(1 + sessions / sessions with it)), so
two cases sharing "hostile" in C say less than two sharing "idealising" in A. A past case scores
by its best session; equal scores put the same specialty first, then the more recent. Plain
values: the store finds the sessions that share an item, `session_scores` and `best_cases`
rank them, the editor's
laptop-only panel shows them. Never projected, never printed.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from idc_desktop.domain.enums import Perspective

LIMIT = 5


@dataclass(frozen=True, slots=True)
class SimilarCase:
    case_id: int
    code: str
    specialty: str
    session_id: int  # the case's session most like this one
    held_on: date
    score: float
    shared: list[str]  # "A: dismissive", in A-D order
    cycle: str = ""
    done: list[str] = field(default_factory=list)  # actions of that session done at review
    not_done: int = 0  # the others: carried on, dropped, or not reviewed yet


def session_scores(hits: list[tuple[int, str, str]], sessions_in_log: int) -> dict[int, float]:
    """(session id, perspective, item key) hits -> session id: score. One pass, no per-session
    lists: 10k sessions sharing an item is the common case on a big log."""
    with_item: dict[tuple[str, str], int] = defaultdict(int)
    for _session, perspective, key in hits:
        with_item[(perspective, key)] += 1
    weight = {pair: math.log(1 + max(sessions_in_log, n) / n) for pair, n in with_item.items()}
    scores: dict[int, float] = defaultdict(float)
    for session_id, perspective, key in sorted(hits, key=itemgetter(1, 2)):  # one order: equal sums
        scores[session_id] += weight[(perspective, key)]
    return scores


def shared_pairs(hits: list[tuple[int, str, str]], session_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    wanted = set(session_ids)
    shared: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for session_id, perspective, key in hits:
        if session_id in wanted:
            shared[session_id].append((perspective, key))
    return {sid: sorted(pairs) for sid, pairs in shared.items()}


def candidates(scores: dict[int, float], keep: int) -> list[int]:
    """The sessions worth looking up: the `keep` best, and every one tied with the last of them."""
    if len(scores) <= keep:
        return list(scores)
    floor = heapq.nlargest(keep, scores.values())[-1]
    return [sid for sid, score in scores.items() if score >= floor]


def best_cases(scores: dict[int, float], info: dict[int, tuple[int, str, date]], specialty: str,
               exclude_case: int, limit: int = LIMIT) -> list[tuple[int, float]]:
    """The best (session id, score) per case, best first; `info` gives each session's
    (case id, specialty, held_on). Equal scores: same specialty first, then the more recent."""
    best: dict[int, tuple[tuple, int]] = {}
    for sid, (case_id, case_specialty, held_on) in info.items():
        if case_id == exclude_case or sid not in scores:
            continue
        order = (-scores[sid], case_specialty != specialty, -held_on.toordinal(), sid)
        if case_id not in best or order < best[case_id][0]:
            best[case_id] = (order, sid)
    ranked = sorted(best.values())[:limit]
    return [(sid, scores[sid]) for _order, sid in ranked]


def chosen_pairs(items: dict[Perspective, list[str]]) -> list[tuple[str, str]]:
    return sorted({(p.value, key) for p, keys in items.items() for key in keys})
