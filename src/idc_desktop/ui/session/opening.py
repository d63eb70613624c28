"""Build an editor for one session: its document, what the pages need, and its autosaver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from idc_desktop.services import shipped
from idc_desktop.services.vocabulary import DISCIPLINE
from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.ui.session.autosave import Autosaver
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.editor import SessionEditor
from idc_desktop.domain import wording

if TYPE_CHECKING:
    from idc_desktop.services import Services


def editor_context(services: Services, case_id: int, session_id: int,
                   guard: PrivacyGuard | None = None) -> EditorContext:
    case = services.cases.get(case_id)
    summaries = services.sessions.for_case(case_id)
    ids = [s.id for s in summaries]
    previous = services.sessions.get(ids[ids.index(session_id) - 1]) if session_id in ids and ids.index(session_id) > 0 else None
    catalogue = services.catalogue
    return EditorContext(
        case_code=case.code,
        specialty=case.specialty,
        catalogue=catalogue.items(include_hidden=True),
        clusters=catalogue.clusters(),
        family_titles={f: catalogue.family_title(f) for f in ("seen", "response")},
        disciplines=services.vocabulary.terms(DISCIPLINE),
        ground_rules=shipped.ground_rules(),
        previous=previous,
        add_item=lambda label, family: catalogue.add(label, family),
        guard=guard or log_guard(services),
        similar=lambda items: services.desk.similar_cases(case_id, case.specialty, items),
        case_timeline=services.desk.case_timeline,
    )


def log_guard(services: Services) -> PrivacyGuard:
    """A guard set from the log, for an editor opened on its own (the window passes its own)."""
    guard = PrivacyGuard()
    guard.use_log(services.privacy)
    return guard


def open_editor(services: Services, session_id: int, parent: QWidget | None = None,
                guard: PrivacyGuard | None = None) -> SessionEditor:
    session = services.sessions.get(session_id)
    assert session.case_id is not None
    context = editor_context(services, session.case_id, session_id, guard)
    number = next(s.number for s in services.sessions.for_case(session.case_id) if s.id == session_id)
    doc = SessionDocument(session)
    autosaver = Autosaver(doc, services.sessions.save)
    title = f"{context.case_code} · {context.specialty} · session {number} · {wording.day(session.held_on)}"
    editor = SessionEditor(doc, context, shipped.phases(), autosaver, title, parent)
    doc.setParent(editor)
    autosaver.setParent(editor)
    return editor
