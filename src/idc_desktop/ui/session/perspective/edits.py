"""Every change the perspective page makes, as one undoable edit of the session each.

Widgets ask; this turns the ask into `doc.edit(part, new value, undo text)` on a fresh copy
of the part, so undo and redo (and the autosaver) see one step per action, named as the
facilitator would say it ("Star contribution", "Choose item 'dismissive'").
"""

from __future__ import annotations

from dataclasses import replace

from idc_desktop.domain import Contribution, Perspective, PerspectiveRecord
from idc_desktop.domain.errors import IdcError
from idc_desktop.domain.parts import perspective_part
from idc_desktop.domain.validation import MAX_LONG_TEXT, MAX_SHORT_TEXT
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PerspectiveEdits:
    def __init__(self, doc: SessionDocument, context: EditorContext, perspective: Perspective) -> None:
        self.doc, self.context, self.perspective = doc, context, perspective
        self.items_part = perspective_part(perspective, "items")
        self.summary_part = perspective_part(perspective, "summary")
        self.contributions_part = perspective_part(perspective, "contributions")

    def _record(self) -> PerspectiveRecord:
        """The live record, read without the deep copy `doc.get` makes (this runs on every
        keystroke that adds a card). Never mutate it: build new lists and new Contributions,
        and let `doc.edit` store them (it copies what it stores)."""
        return self.doc.session.perspectives[self.perspective]

    # -- items -------------------------------------------------------------------------------

    def items(self) -> list[str]:
        return list(self._record().items)

    def toggle_item(self, key: str) -> None:
        items = self.items()
        label = self.context.label(key)
        if key in items:
            items.remove(key)
            self.doc.edit(self.items_part, items, f"Remove item '{label}'")
        else:
            self.doc.edit(self.items_part, [*items, key], f"Choose item '{label}'")

    def remove_item(self, key: str) -> None:
        items = self.items()
        if key in items:
            items.remove(key)
            self.doc.edit(self.items_part, items, f"Remove item '{self.context.label(key)}'")

    def add_custom_item(self, label: str) -> str:
        """Add a new item to the catalogue and choose it; returns a problem to show, or ""."""
        label = label.strip()
        if self.context.add_item is None:
            return "New items can't be added here."
        if not label:
            return ""
        if len(label) > MAX_SHORT_TEXT:
            return f"The item's label is too long: {len(label):,} characters, the limit is {MAX_SHORT_TEXT}."
        try:
            item = self.context.add_item(label, self.perspective.family)
        except (IdcError, OSError) as exc:
            return f"The item could not be added: {exc}"
        if item.key not in self.context.items_by_key:
            self.context.remember(item)
        items = self.items()
        if item.key not in items:
            self.doc.edit(self.items_part, [*items, item.key], f"Choose new item '{item.label}'")
        return ""

    # -- contributions -----------------------------------------------------------------------

    def contributions(self) -> list[Contribution]:
        """A new list of new Contribution objects: safe to keep and to change."""
        return [Contribution(c.text, c.role, c.salient, c.id) for c in self._record().contributions]

    def add_contribution(self, text: str, role: str, salient: bool) -> str:
        """Append a card; returns a problem to show, or "" (empty text is quietly ignored)."""
        text = text.strip()
        if not text:
            return ""
        if len(text) > MAX_LONG_TEXT:
            return f"The contribution is too long: {len(text):,} characters, the limit is {MAX_LONG_TEXT:,}."
        role = role.strip()
        new = Contribution(text=text, role=role or None, salient=salient)
        undo = "Add starred contribution" if salient else "Add contribution"
        self.doc.edit(self.contributions_part, [*self._record().contributions, new], undo)
        return ""

    def _change(self, row: int, undo_text: str, **changes: object) -> None:
        rows = self.contributions()
        if 0 <= row < len(rows):
            rows[row] = replace(rows[row], **changes)
            self.doc.edit(self.contributions_part, rows, undo_text)

    def edit_text(self, row: int, text: str) -> str:
        text = text.strip()
        if not text:
            return "A contribution can't be empty: press Delete on the card to remove it."
        if len(text) > MAX_LONG_TEXT:
            return f"The contribution is too long: {len(text):,} characters, the limit is {MAX_LONG_TEXT:,}."
        self._change(row, "Edit contribution", text=text)
        return ""

    def toggle_star(self, row: int) -> None:
        rows = self.contributions()
        if 0 <= row < len(rows):
            salient = not rows[row].salient
            self._change(row, "Star contribution" if salient else "Unstar contribution", salient=salient)

    def set_role(self, row: int, role: str) -> None:
        role = role.strip()
        self._change(row, f"Set role '{_short(role)}'" if role else "Clear role", role=role or None)

    def move(self, row: int, delta: int) -> int | None:
        """Move a card up (-1) or down (+1); returns its new row, or None when it can't move."""
        rows = self.contributions()
        target = row + delta
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return None
        rows[row], rows[target] = rows[target], rows[row]
        self.doc.edit(self.contributions_part, rows, "Move contribution up" if delta < 0 else "Move contribution down")
        return target

    def delete(self, row: int) -> None:
        rows = self.contributions()
        if 0 <= row < len(rows):
            del rows[row]
            self.doc.edit(self.contributions_part, rows, "Delete contribution")
