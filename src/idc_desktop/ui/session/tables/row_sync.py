"""Replace the rows of a table model with the smallest change views need to hear about.

Models on the frame, perspective and plan pages mirror a list held by the session; after every edit,
undo or redo they get the whole new list. Telling views only about the span that differs
(one inserted row for an add, one changed row for an edit) keeps the current cell, the
selection and the scroll position where the facilitator left them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex


def sync_rows(model: QAbstractItemModel, old: Sequence[Any], new: Sequence[Any],
              store: Callable[[list[Any]], None]) -> None:
    """Move `model` from rows `old` to rows `new`; `store` puts a list in the model's storage."""
    n_old, n_new = len(old), len(new)
    prefix = 0
    while prefix < min(n_old, n_new) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(n_old, n_new) - prefix and old[n_old - 1 - suffix] == new[n_new - 1 - suffix]:
        suffix += 1
    old_span, new_span = n_old - prefix - suffix, n_new - prefix - suffix
    common = min(old_span, new_span)
    # A list model has one column (and PySide6 keeps its columnCount private).
    last_column = 0 if isinstance(model, QAbstractListModel) else max(model.columnCount() - 1, 0)
    if common:
        # Changed rows first (the row count stays), then rows added or removed after them.
        store([*new[: prefix + common], *old[prefix + common:]])
        model.dataChanged.emit(model.index(prefix, 0), model.index(prefix + common - 1, last_column))
    first = prefix + common
    if new_span > old_span:
        model.beginInsertRows(QModelIndex(), first, prefix + new_span - 1)
        store(list(new))
        model.endInsertRows()
    elif old_span > new_span:
        model.beginRemoveRows(QModelIndex(), first, prefix + old_span - 1)
        store(list(new))
        model.endRemoveRows()
    else:
        store(list(new))
