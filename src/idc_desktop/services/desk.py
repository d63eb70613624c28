"""The lead's desk: what is due now, and the service report for a date range."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from idc_desktop.domain import Perspective
from idc_desktop.domain.desk import DueAction, DueList, DueNow, DueReview, ServiceReport, Tally
from idc_desktop.domain.errors import InputError
from idc_desktop.domain.patterns import PatternFilter, Patterns
from idc_desktop.domain.similar import (
    LIMIT,
    SimilarCase,
    best_cases,
    candidates,
    chosen_pairs,
    session_scores,
    shared_pairs,
)
from idc_desktop.domain.timeline import CaseTimeline, build_timeline
from idc_desktop.privacy import scan
from idc_desktop.services import shipped
from idc_desktop.services.findings import Located
from idc_desktop.services.patterns import build_patterns
from idc_desktop.services.privacy import PrivacyService
from idc_desktop.store.store import Store

TOP_ITEMS = 5  # per perspective
TOP_OVERALL = 10
CANDIDATES = 20  # sessions looked up per similar case shown (a case can hold several of the best)


def parse_day(value: str, option: str) -> date:
    """A command-line date, or an InputError naming the option and the problem."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option} must be a date as YYYY-MM-DD (got {value!r}).") from None


def check_range(start: date, end: date) -> None:
    if end < start:
        raise InputError(f"The range ends ({end.isoformat()}) before it starts ({start.isoformat()}).")


def default_minutes() -> int:
    """A session's default length: the sum of the phases' default minutes (72 as shipped)."""
    return sum(p.minutes for p in shipped.phases())


def rank_items(rows, label: Callable[[str], str]) -> tuple[dict[Perspective, list[Tally]], list[Tally]]:  # noqa: ANN001
    """(perspective, item key, count) rows -> the most chosen labels per perspective and overall."""
    per: dict[Perspective, dict[str, int]] = {p: defaultdict(int) for p in Perspective}
    overall: dict[str, int] = defaultdict(int)
    for perspective, key, n in rows:
        per[Perspective(perspective)][label(key)] += n
        overall[label(key)] += n

    def best(counts: dict[str, int], top: int) -> list[Tally]:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))
        return [Tally(name, n) for name, n in ranked[:top]]

    return {p: best(c, TOP_ITEMS) for p, c in per.items()}, best(overall, TOP_OVERALL)


class DeskService:
    def __init__(self, store: Store, privacy: PrivacyService, label: Callable[[], Callable[[str], str]]) -> None:
        self._store, self._privacy, self._label = store, privacy, label

    def due_now(self, today: date | None = None) -> DueNow:
        """Reviews due and overdue, and the open actions of the current plans, as of `today`:
        the counts, and the first page of each list (`due_page` reads on)."""
        today = today or date.today()
        with self._store.unit() as uow:
            desk = uow.desk
            return DueNow(today=today, counts=desk.due_counts(today), reviews=desk.due_reviews(today),
                          actions=desk.open_actions(today), carried=desk.open_actions(today, carried_only=True))

    def due_page(self, kind: DueList, today: date, after: DueReview | DueAction) -> list[DueReview] | list[DueAction]:
        """The next page of a Due now list, after its row `after` (the last one read)."""
        with self._store.unit() as uow:
            if isinstance(after, DueReview):
                return uow.desk.due_reviews(today, after=after.case_id)
            return uow.desk.open_actions(today, after=after.action_id, carried_only=kind is DueList.CARRIED)

    def case_timeline(self, case_id: int) -> CaseTimeline:
        """A case across its sessions: cycles, items, alliance and each action's fate at review."""
        with self._store.unit() as uow:
            uow.cases.get(case_id)  # a case that has gone is a clear error, not an empty timeline
            sessions = [uow.consultations.get(i) for i in uow.consultations.ids_for_case(case_id)]
        return build_timeline(sessions, self._label())

    def patterns(self, f: PatternFilter) -> Patterns:
        """What recurs across the sessions the filter keeps (issue 14.3)."""
        if problem := f.problem():
            raise InputError(problem)
        with self._store.unit() as uow:
            counts = uow.patterns.counts(f)
        return build_patterns(f, counts, self._label())

    def patterns_findings(self, patterns: Patterns) -> list[Located]:
        """Findings in the patterns' only words that are not ours: the specialty chosen,
        disciplines and item labels (a lead can type any of them)."""
        words = [("specialty", patterns.filter.specialty)] if patterns.filter.specialty else []
        words += [("discipline", d.discipline) for d in patterns.discipline_d]
        words += [("item", t.name) for tallies in patterns.items.values() for t in tallies]
        words += [("item", label) for d in patterns.discipline_d for label in d.top_items]
        return self._findings(words)

    def patterns_pdf(self, patterns: Patterns, paper: str = "a4") -> bytes:
        from idc_desktop.export.pdf.patterns_report import render_patterns  # reportlab loads only when needed

        return render_patterns(patterns, paper)

    def specialties_and_settings(self) -> tuple[list[str], list[str]]:
        """The specialties and settings cases in the log have (the patterns page's filter lists)."""
        with self._store.unit() as uow:
            return uow.patterns.specialties_and_settings()

    def similar_cases(self, case_id: int, specialty: str, items: dict[Perspective, list[str]],
                      limit: int = LIMIT) -> list[SimilarCase]:
        """Past cases (not this one) whose A-D items overlap `items` most (issue 14.4)."""
        pairs = chosen_pairs(items)
        if not pairs:
            return []
        with self._store.unit() as uow:
            hits = uow.similar.hits(pairs)
            scores = session_scores(hits, uow.similar.sessions_in_log())
            own = len(uow.consultations.ids_for_case(case_id))  # this case's sessions drop out
            info = uow.similar.sessions_info(candidates(scores, CANDIDATES * limit + own))
            ranked = best_cases(scores, info, specialty, case_id, limit)
            briefs = uow.similar.briefs([session_id for session_id, _score in ranked])
        shared = shared_pairs(hits, briefs)
        label = self._label()
        return [SimilarCase(session_id=sid, score=score, shared=[f"{p}: {label(k)}" for p, k in shared[sid]],
                            **briefs[sid]) for sid, score in ranked if sid in briefs]

    def report(self, start: date, end: date) -> ServiceReport:
        check_range(start, end)
        with self._store.unit() as uow:
            counts = uow.desk.report_counts(start, end)
        items, top = rank_items(counts.pop("items"), self._label())
        return ServiceReport(start=start, end=end, minutes_per_session=default_minutes(), items=items,
                             top_items=top, **counts)

    def report_findings(self, report: ServiceReport) -> list[Located]:
        """Findings in the report's only words that are not ours: specialties, disciplines and
        item labels (a lead can type any of them)."""
        words = [("specialty", t.name) for t in report.specialties]
        words += [("discipline", t.name) for t in report.attendees]
        words += [("item", t.name) for tallies in report.items.values() for t in tallies]
        return self._findings(words)

    def _findings(self, words: list[tuple[str, str]]) -> list[Located]:
        config = self._privacy.config()
        seen: set[tuple[str, str]] = set()
        found: list[Located] = []
        for where, text in words:
            if (where, text) in seen:
                continue
            seen.add((where, text))
            found += [Located("report", where, None, None, f) for f in scan(text, config)]
        return found

    def report_pdf(self, report: ServiceReport, paper: str = "a4") -> bytes:
        from idc_desktop.export.pdf.service_report import render_report  # reportlab loads only when needed

        return render_report(report, paper)

    def report_csv(self, report: ServiceReport) -> bytes:
        from idc_desktop.export.report_csv import render_report_csv

        return render_report_csv(report)
