"""The autosaver writes a copy; the ids the store gives new children come back to the live
session quietly (no undo step, no new save), so later saves update those rows in place."""

from __future__ import annotations

from idc_desktop.domain import Contribution, Perspective, PlanAction
from idc_desktop.domain.parts import perspective_part
from idc_desktop.services import Services
from idc_desktop.ui.session.editor import SessionEditor


def test_new_children_get_their_ids_back_without_an_undo_step(editor: SessionEditor, services: Services,
                                                               session_id: int) -> None:
    doc, stack = editor.doc, editor.doc.undo_stack
    doc.edit("plan.actions", [PlanAction("Agree one visiting time", "Charge nurse")], "Add action")
    part = perspective_part(Perspective.A, "contributions")
    doc.edit(part, [Contribution("He says nobody listens")], "Add contribution")
    steps = stack.count()
    assert editor.autosaver.flush()

    action = doc.session.plan.actions[0]
    contribution = doc.session.perspectives[Perspective.A].contributions[0]
    stored = services.sessions.get(session_id)
    assert action.id == stored.plan.actions[0].id is not None
    assert contribution.id == stored.perspectives[Perspective.A].contributions[0].id is not None
    assert stack.count() == steps and not editor.autosaver.pending

    # Edited and saved again, the same rows are updated (the ids hold).
    actions = doc.get("plan.actions")
    actions[0].text = "Agree one visiting time with the patient"
    doc.edit("plan.actions", actions, "Edit action")
    assert editor.autosaver.flush()
    again = services.sessions.get(session_id).plan.actions
    assert [(a.id, a.text) for a in again] == [(action.id, "Agree one visiting time with the patient")]
