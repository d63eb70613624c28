"""Issue 17, item 1: custom item keys are random; keys an older log derived from labels still read."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from idc_desktop.paths import store_path
from idc_desktop.services import Services

DOCUMENT = {
    "format": "idc-desktop.cases", "version": 1,
    "cases": [{"code": "IDC-0LDK", "specialty": "Renal",
               "sessions": [{"held_on": "2026-03-04", "perspectives": {"B": {"items": ["wanting_to_flee"]}}}]}],
}


def test_adding_an_item_gives_a_random_key(services: Services) -> None:
    item = services.catalogue.add("Mrs Okafor's daughter", "seen")
    assert re.fullmatch(r"custom_[0-9a-f]{8}", item.key)
    assert item.label == "Mrs Okafor's daughter"
    again = services.catalogue.add("mrs okafor's DAUGHTER", "seen")  # the same item, matched by label
    assert again.key == item.key


def test_an_older_logs_derived_key_still_reads_and_exports_as_its_label(data_dir: Path, tmp_path: Path) -> None:
    with sqlite3.connect(store_path(data_dir)) as conn:  # as an older version made it: key from the label
        conn.execute("INSERT INTO catalogue_items (key, label, family, cluster, hint, position, hidden, custom) "
                     "VALUES ('wanting_to_flee', 'Wanting to flee!', 'response', '', '', 999, 0, 1)")
    conn.close()
    from idc_desktop.services import open_services

    services = open_services(data_dir)
    try:
        report = services.transfer.import_bytes(json.dumps(DOCUMENT))
        assert report.custom_items == []  # the old key is found, not added again
        [bundle] = services.transfer.bundles(["IDC-0LDK"])
        assert bundle.sessions[0].perspectives["B"].items == ["wanting_to_flee"]
        exported = json.loads(services.exports.json(["IDC-0LDK"]))
        assert exported["cases"][0]["sessions"][0]["perspectives"]["B"]["items"] == ["Wanting to flee!"]
        label = services.exports.label_lookup()
        assert label("wanting_to_flee") == "Wanting to flee!"
    finally:
        services.close()
