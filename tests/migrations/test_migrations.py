"""Migrations: from empty to head, models and migrations agree, backup before upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from idc_desktop.paths import backup_dir, store_path
from idc_desktop.services import open_services
from idc_desktop.store.migrate import upgrade
from idc_desktop.store.revisions import head_revision
from idc_desktop.store.models import Base
from idc_desktop.store.opening import open_store
from idc_desktop.store.schema_extras import is_unmapped_object


def test_upgrade_from_empty_reaches_head(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    upgrade(engine)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"cases", "consultations", "contributions", "plan_actions", "case_search"} <= tables


# Alembic cannot reflect SQLite's expression indexes; the next test compares those itself.
@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning",
                            "ignore:.*expression-based index:sqlalchemy.exc.SAWarning")
def test_models_match_migrations(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'compare.sqlite3'}")
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, *_: not is_unmapped_object(name),
            },
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_expression_indexes_are_as_the_models_say(tmp_path: Path) -> None:
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex

    engine = create_engine(f"sqlite:///{tmp_path / 'compare.sqlite3'}")
    upgrade(engine)
    wanted = {index.name: str(CreateIndex(index).compile(dialect=sqlite.dialect()))
              for table in Base.metadata.tables.values() for index in table.indexes
              if any(not hasattr(e, "name") for e in index.expressions)}
    assert "ix_plan_actions_due" in wanted
    with engine.connect() as conn:
        made = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'").all())

    def plain(sql: str) -> str:
        return " ".join(sql.replace('"', "").replace("IF NOT EXISTS ", "").split())

    assert {name: plain(made[name]) for name in wanted} == {name: plain(sql) for name, sql in wanted.items()}


SAVED_STORES = sorted((Path(__file__).parent / "stores").glob("rev-*.sqlite3"))


def revision_of(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def case_codes(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return [r[0] for r in conn.execute("SELECT code FROM cases ORDER BY code")]


def test_a_saved_store_exists_for_every_earlier_revision() -> None:
    from idc_desktop.store.revisions import known_revisions

    saved = {revision_of(p) for p in SAVED_STORES}
    assert saved == known_revisions() - {head_revision()}


@pytest.mark.parametrize("saved", SAVED_STORES, ids=lambda p: p.stem)
def test_saved_store_is_backed_up_then_upgraded_with_data_intact(saved: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = store_path(data_dir)
    shutil.copy(saved, path)
    old_revision, old_codes = revision_of(path), case_codes(path)
    assert old_revision != head_revision()

    services = open_services(data_dir)
    try:
        assert [s.code for s in services.cases.list()] == old_codes
        for summary in services.cases.list():
            for session in services.sessions.all_for_case(summary.id):
                assert session.perspectives  # every session still reads as a whole
    finally:
        services.close()

    backups = list(backup_dir(data_dir).glob(f"idc-desktop-before-upgrade-from-{old_revision}-*.sqlite3"))
    assert len(backups) == 1
    assert revision_of(backups[0]) == old_revision
    assert case_codes(backups[0]) == old_codes
    assert revision_of(path) == head_revision()


def test_opening_a_current_store_takes_no_backup(data_dir: Path) -> None:
    open_store(data_dir).close()
    assert not backup_dir(data_dir).exists()


def test_revision_chain_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from idc_desktop.store.migrate import alembic_config
    from idc_desktop.store.revisions import chain

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert chain() == {rev.revision: rev.down_revision for rev in scripts.walk_revisions()}


def test_times_carried_is_filled_from_the_carried_chains(tmp_path: Path) -> None:
    """Migration 0005: each action's times_carried is the length of its carried_from chain."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    saved = next(p for p in SAVED_STORES if revision_of(p) == "0004")
    shutil.copy(saved, store_path(data_dir))
    open_store(data_dir).close()
    with sqlite3.connect(store_path(data_dir)) as conn:
        rows = conn.execute("SELECT id, carried_from_id, times_carried FROM plan_actions").fetchall()
    up = {i: parent for i, parent, _ in rows}

    def walked(action: int) -> int:
        times = 0
        while up.get(action) is not None:
            action, times = up[action], times + 1
        return times

    assert {i: t for i, _, t in rows} == {i: walked(i) for i, _, _ in rows}
    assert max(t for *_, t in rows) == 2  # the saved log has an action carried twice


def test_the_desk_figures_are_filled_as_the_store_would_write_them(tmp_path: Path) -> None:
    """Migration 0005: lead items, D by discipline and times carried, filled from what is in the
    log, are what the store derives when it writes each session again."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(next(p for p in SAVED_STORES if revision_of(p) == "0004"), store_path(data_dir))

    def figures() -> tuple[list, ...]:
        with sqlite3.connect(store_path(data_dir)) as conn:
            return (conn.execute("SELECT id, lead_items FROM consultations ORDER BY id").fetchall(),
                    conn.execute("SELECT * FROM discipline_items ORDER BY 1, 2, 3").fetchall(),
                    conn.execute("SELECT id, times_carried, later_status, later_reviewed FROM plan_actions "
                             "ORDER BY id").fetchall())

    services = open_services(data_dir)
    try:
        filled = figures()
        assert any(lead for _, lead in filled[0]) and filled[1]  # the demo log has them to fill
        for summary in services.cases.list():
            for session in services.sessions.all_for_case(summary.id):
                services.sessions.save(session)
        assert figures() == filled
    finally:
        services.close()


def test_downgrading_0005_with_the_apps_engine_keeps_every_session_whole(tmp_path: Path) -> None:
    """Its downgrade drops columns in place: rebuilding consultations (batch mode) with foreign
    keys on, as the app's engine has them, would cascade-delete every session's contents."""
    from alembic import command

    from idc_desktop.store.engine import make_engine
    from idc_desktop.store.migrate import alembic_config

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = store_path(data_dir)
    shutil.copy(next(p for p in SAVED_STORES if revision_of(p) == "0004"), path)
    children = ("perspective_items", "contributions", "plan_actions", "attendees", "alliance_ratings")

    def counts() -> dict[str, int]:
        with sqlite3.connect(path) as conn:
            return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in children}  # noqa: S608

    before = counts()
    assert all(before.values())
    open_store(data_dir).close()  # to head
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            command.downgrade(alembic_config(conn), "0004")
    finally:
        engine.dispose()
    assert revision_of(path) == "0004" and counts() == before
    with sqlite3.connect(path) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(plan_actions)")}
        assert "times_carried" not in columns and conn.execute("PRAGMA foreign_key_check").fetchall() == []
