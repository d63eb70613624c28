"""Tools > Disciplines…: the roles offered wherever a session records one (attendees, the
facilitator and presenter, contributions, action owners).

Sessions that used a removed role keep it (roles are stored as text), and free text is
always allowed in the role fields. Sessions opened afterwards offer the new list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from idc_desktop.ui.dialogs.term_list_dialog import TermList, TermListDialog

if TYPE_CHECKING:
    from idc_desktop.services.vocabulary import VocabularyService


def DisciplinesDialog(vocabulary: VocabularyService, parent: QWidget | None = None) -> TermListDialog:  # noqa: N802 - reads as a class
    from idc_desktop.services.vocabulary import DISCIPLINE

    return TermListDialog(TermList(
        terms=lambda: vocabulary.terms(DISCIPLINE),
        add=lambda text: vocabulary.add(DISCIPLINE, text),
        remove=lambda text: vocabulary.hide(DISCIPLINE, text),
        name="discipline", title="Disciplines", object_prefix="discipline",
        intro="Roles only, never names. Removing a discipline leaves past sessions as they are.",
    ), parent)
