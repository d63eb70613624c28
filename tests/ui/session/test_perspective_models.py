"""The perspective page's item models, checked with Qt's model tester and through their signals."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from idc_desktop.domain import Contribution
from idc_desktop.domain.catalogue import CatalogueItem
from idc_desktop.services import shipped
from idc_desktop.ui.session.perspective.contributions_model import ROLE_ROLE, SALIENT_ROLE, ContributionsModel
from idc_desktop.ui.session.perspective.item_tree_model import (
    KEY_ROLE,
    ItemFilterProxy,
    ItemTreeModel,
    group_items,
)


def contributions(n: int) -> list[Contribution]:
    return [Contribution(f"said {i}", role="Staff nurse" if i % 2 else None, salient=i % 3 == 0) for i in range(n)]


def tree_model(family: str = "seen", chosen: tuple[str, ...] = ()) -> ItemTreeModel:
    cat = shipped.catalogue()
    items = [*cat.items, CatalogueItem("my_own", "my own item", family, custom=True)]
    model = ItemTreeModel()
    model.set_catalogue(items, cat.clusters, family)
    model.set_chosen(list(chosen))
    return model


def test_contributions_model_passes_the_model_tester(qtmodeltester) -> None:  # noqa: ANN001
    model = ContributionsModel()
    model.set_contributions(contributions(12))
    qtmodeltester.check(model)
    # and stays consistent through inserts, changes and removals
    model.set_contributions([*contributions(12), Contribution("new")])
    model.set_contributions(contributions(5))
    model.set_contributions([])
    qtmodeltester.check(model)


@pytest.mark.parametrize("family", ["seen", "response"])
def test_item_tree_model_passes_the_model_tester(qtmodeltester, family: str) -> None:  # noqa: ANN001
    model = tree_model(family, chosen=("dismissive", "angry"))
    assert model.rowCount() > 5
    qtmodeltester.check(model)
    model.set_chosen(["cold", "hurt"])
    qtmodeltester.check(model)


def test_filtered_item_tree_passes_the_model_tester(qtmodeltester) -> None:  # noqa: ANN001
    proxy = ItemFilterProxy()
    proxy.setSourceModel(tree_model())
    proxy.set_text("car")
    qtmodeltester.check(proxy)
    keys = [i.data(KEY_ROLE) for i in proxy.leaves()]
    assert "caring" in keys and all("car" in (i.data() + str(i.data(Qt.ItemDataRole.ToolTipRole))) for i in proxy.leaves())
    proxy.set_text("")
    qtmodeltester.check(proxy)


def test_contributions_model_signals_only_what_changed(qtbot) -> None:  # noqa: ANN001
    model = ContributionsModel()
    rows = contributions(4)
    model.set_contributions(rows)
    # adding at the end is one inserted row, no reset
    with qtbot.waitSignal(model.rowsInserted) as inserted, qtbot.assertNotEmitted(model.modelReset):
        model.set_contributions([*rows, Contribution("fifth")])
    assert inserted.args[1:] == [4, 4]
    # a star is one changed row
    starred = [*rows, Contribution("fifth")]
    starred[2] = replace(starred[2], salient=not starred[2].salient)
    with qtbot.waitSignal(model.dataChanged) as changed, qtbot.assertNotEmitted(model.rowsRemoved):
        model.set_contributions(starred)
    assert changed.args[0].row() == 2 and changed.args[1].row() == 2
    assert model.index(2).data(SALIENT_ROLE) == starred[2].salient
    # a removal in the middle is one removed row
    without = starred[:1] + starred[2:]
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        model.set_contributions(without)
    assert removed.args[1:] == [1, 1]
    assert [model.index(r).data() for r in range(model.rowCount())] == [c.text for c in without]
    assert model.index(1).data(ROLE_ROLE) == (without[1].role or "")


def test_contributions_model_edit_is_a_request(qtbot) -> None:  # noqa: ANN001
    model = ContributionsModel()
    model.set_contributions(contributions(2))
    with qtbot.waitSignal(model.text_edited) as edited:
        assert model.setData(model.index(1), "changed")
    assert edited.args == [1, "changed"]
    assert model.index(1).data() == "said 1"  # unchanged until the session says so
    assert not model.setData(QModelIndex(), "x")


def test_item_tree_check_is_a_request_and_set_chosen_notifies(qtbot) -> None:  # noqa: ANN001
    model = tree_model()
    index = model.index_of_key("cold")
    with qtbot.waitSignal(model.toggle_requested) as asked:
        assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert asked.args == ["cold"]
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_chosen(["cold"])
    assert changed.args[0] == index
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    group = model.index(0, 0)
    assert not group.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert group.data(KEY_ROLE) is None


def test_grouping_orders_by_angle_and_leaves_out_hidden_items() -> None:
    cat = shipped.catalogue()
    items = [replace(i, hidden=True) if i.key == "warm" else i for i in cat.items]
    items.append(CatalogueItem("odd", "odd one", "seen", cluster="no_such_cluster"))
    groups = group_items(items, cat.clusters, "seen")
    angles = {c.key: c.angle for c in cat.clusters}
    known = [g for g in groups if g.key in angles]
    assert [angles[g.key] for g in known] == sorted(angles[g.key] for g in known)
    keys = [i.key for g in groups for i in g.items]
    assert "warm" not in keys and "caring" in keys
    assert groups[-1].title == "Other items" and [i.key for i in groups[-1].items] == ["odd"]
    assert all(i.family == "seen" for g in groups for i in g.items)


def test_item_tree_model_parent_still_answers_as_a_qobject() -> None:
    from PySide6.QtCore import QObject

    owner = QObject()
    model = ItemTreeModel(owner)
    assert model.parent() is owner
    model.set_catalogue(list(shipped.catalogue().items), shipped.catalogue().clusters, "seen")
    child = model.index(0, 0, model.index(0, 0))
    assert model.parent(child) == model.index(0, 0)
