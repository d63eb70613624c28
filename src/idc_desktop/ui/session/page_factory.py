"""Phases are rendered from their definitions: the phase's kind picks the page class."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QWidget

from idc_desktop.domain.phases import PhaseDefinition, PhaseKind
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.base import PhasePage

# kind -> (module, class); imported on first use so opening a session builds only what it shows.
PAGE_CLASSES = {
    PhaseKind.FRAME: ("idc_desktop.ui.session.pages.frame_page", "FramePage"),
    PhaseKind.NOTES: ("idc_desktop.ui.session.pages.notes_page", "NotesPage"),
    PhaseKind.PERSPECTIVE: ("idc_desktop.ui.session.pages.perspective_page", "PerspectivePage"),
    PhaseKind.CYCLE: ("idc_desktop.ui.session.pages.cycle_page", "CyclePage"),
    PhaseKind.PLAN: ("idc_desktop.ui.session.pages.plan_page", "PlanPage"),
    PhaseKind.CLOSE: ("idc_desktop.ui.session.pages.close_page", "ClosePage"),
}


def page_class(kind: PhaseKind) -> type[PhasePage]:
    module, name = PAGE_CLASSES[kind]
    return getattr(import_module(module), name)


def make_page(phase: PhaseDefinition, doc: SessionDocument, context: EditorContext,
              parent: QWidget | None = None) -> PhasePage:
    return page_class(phase.kind)(phase, doc, context, parent)
