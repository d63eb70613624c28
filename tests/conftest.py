"""Shared fixtures: no display needed, a fresh migrated store per test, services on top.

Migrating takes a moment, so one template store is migrated per test run and copied for
each test (the Vorta way): every test still gets its own real SQLite file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests must never read or write a developer's real log.
os.environ.pop("IDC_DESKTOP_DATA_DIR", None)

from idc_desktop.paths import store_path  # noqa: E402
from idc_desktop.services import Services, open_services, seed_defaults  # noqa: E402
from idc_desktop.store.opening import open_store  # noqa: E402


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("template")
    store = open_store(data_dir)
    seed_defaults(store)
    store.close()
    return store_path(data_dir)


@pytest.fixture
def data_dir(tmp_path: Path, template_store: Path) -> Path:
    """A private data directory holding a fresh copy of the migrated, seeded store."""
    directory = tmp_path / "data"
    directory.mkdir(mode=0o700)
    shutil.copy2(template_store, store_path(directory))
    return directory


@pytest.fixture
def services(data_dir: Path):  # noqa: ANN201
    opened = open_services(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def demo_services(services: Services) -> Services:
    from idc_desktop.services import seed_demo

    seed_demo(services)
    return services
