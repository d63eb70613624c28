"""Exports a team or a lead takes away: PDF summaries, the CSV log, interchange JSON.

Every export can be gated by the anonymisation guard: `findings_for` lists what it found,
and the caller (CLI or GUI) goes ahead only on an explicit acknowledgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from idc_desktop.domain.bundle import CaseBundle
from idc_desktop.domain.errors import InputError
from idc_desktop.services.catalogue import CatalogueService
from idc_desktop.privacy import scan
from idc_desktop.services.findings import Located, bundle_findings, item_texts
from idc_desktop.services.privacy import PrivacyService
from idc_desktop.services.transfer import TransferService
from idc_desktop.domain import wording


class PdfKind(StrEnum):
    SUMMARY = "summary"
    HANDOUT = "handout"
    HISTORY = "history"


@dataclass(frozen=True)
class Selection:
    """Which sessions of a case an export covers (numbers count from 1 in date order)."""

    bundle: CaseBundle
    numbers: list[int]

    @property
    def sessions(self):  # noqa: ANN201
        return [self.bundle.sessions[n - 1] for n in self.numbers]


def parse_session_choice(value: str | None, default: str) -> str | int:
    value = (value or default).strip().lower()
    if value in ("latest", "all"):
        return value
    try:
        number = int(value)
    except ValueError:
        raise InputError(f"--session must be a number, 'latest' or 'all' (got {value!r}).") from None
    if number < 1:
        raise InputError(f"--session counts from 1 (got {number}).")
    return number


def _kind(selection: Selection, kind: PdfKind) -> PdfKind:
    """Several sessions make a case history, whatever was asked."""
    return PdfKind.HISTORY if kind is not PdfKind.HISTORY and len(selection.numbers) != 1 else kind


class ExportService:
    def __init__(self, transfer: TransferService, catalogue: CatalogueService, privacy: PrivacyService) -> None:
        self._transfer, self._catalogue, self._privacy = transfer, catalogue, privacy

    def label_lookup(self):  # noqa: ANN201
        labels = {item.key: item.label for item in self._catalogue.items()}
        return lambda key: labels.get(key, key.replace("_", " "))

    def _json_item_text(self):  # noqa: ANN201
        """The item text a JSON export writes that could hold an identifier: a custom item's label
        (or an unknown key, read as words); a shipped item's key is our own wording."""
        shipped = {item.key for item in self._catalogue.items() if not item.custom}
        label = self.label_lookup()
        return lambda key: "" if key in shipped else label(key)

    def select(self, code: str, choice: str | int) -> Selection:
        [bundle] = self._transfer.bundles([code])
        count = len(bundle.sessions)
        if choice == "all":
            return Selection(bundle, list(range(1, count + 1)))
        if count == 0:
            raise InputError(f"Case {bundle.case.code} has no sessions yet: there is nothing to summarise.")
        if choice == "latest":
            return Selection(bundle, [count])
        assert isinstance(choice, int)
        if choice > count:
            raise InputError(f"Case {bundle.case.code} has {wording.count(count, 'session')}; "
                             f"there is no session {choice}.")
        return Selection(bundle, [choice])

    def findings_for(self, selection: Selection, include_private: bool) -> list[Located]:
        """Findings in what a JSON export of the selection writes (items included)."""
        return bundle_findings(selection.bundle, self._privacy.config(), include_private, selection.numbers,
                               self._json_item_text())

    def json_findings(self, codes: list[str] | None) -> list[Located]:
        """Findings in a JSON export of these cases (all when None), the private reflection included."""
        config, item_text = self._privacy.config(), self._json_item_text()
        return [found for bundle in self._transfer.bundles(codes)
                for found in bundle_findings(bundle, config, True, None, item_text)]

    def csv_findings(self, bundles: list[CaseBundle] | None = None) -> list[Located]:
        """Findings in what the CSV log prints: each case's specialty and its items' labels (the
        other columns are codes, vocabulary values, dates and counts)."""
        config, label = self._privacy.config(), self.label_lookup()
        found: list[Located] = []
        for bundle in self._transfer.bundles() if bundles is None else bundles:
            code = bundle.case.code
            found += [Located(code, "specialty", None, None, f) for f in scan(bundle.case.specialty, config)]
            for number, session in enumerate(bundle.sessions, start=1):
                found += [Located(code, f"session {number} {where}", part, number, f)
                          for where, part, text in item_texts(session, label) if text
                          for f in scan(text, config)]
        return found

    def pdf_findings(self, selection: Selection, kind: PdfKind) -> list[Located]:
        """Findings in what this PDF prints, and only that (export/pdf/printed.py says what)."""
        from idc_desktop.export.pdf.printed import as_printed

        case, printed = as_printed(selection.bundle.case, selection.sessions, _kind(selection, kind).value)
        sessions = list(selection.bundle.sessions)
        for number, session in zip(selection.numbers, printed, strict=True):
            sessions[number - 1] = session
        return bundle_findings(CaseBundle(case, sessions), self._privacy.config(), False, selection.numbers,
                               self.label_lookup())  # every kind prints the items' labels

    def pdf(self, selection: Selection, kind: PdfKind, paper: str = "a4") -> bytes:
        from idc_desktop.export.pdf import PaperSize, Variant, render_pdf  # reportlab loads only when needed

        kind = _kind(selection, kind)
        return render_pdf(
            selection.bundle.case, selection.sessions, Variant(kind.value), self.label_lookup(),
            PaperSize(paper), numbers=selection.numbers, session_count=len(selection.bundle.sessions),
        )

    def csv_log(self, bundles: list[CaseBundle] | None = None) -> bytes:
        from idc_desktop.export.csv_log import render_csv

        return render_csv(self._transfer.bundles() if bundles is None else bundles, self.label_lookup())

    def all_bundles(self) -> list[CaseBundle]:
        """Every case with its sessions: read once for the CSV gate and the CSV itself."""
        return self._transfer.bundles()

    def json(self, codes: list[str] | None) -> bytes:
        return self._transfer.export_json(codes).encode("utf-8")
