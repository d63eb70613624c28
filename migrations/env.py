"""Alembic environment. The app runs migrations itself at start-up and hands us its
connection through `config.attributes["connection"]`; a developer can still run
`alembic -x db=PATH revision --autogenerate` with `alembic.ini` at the project root."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from idc_desktop.store.models import Base
from idc_desktop.store.schema_extras import is_unmapped_object

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001 - alembic's hook signature
    # FTS5 tables are created by hand in migrations and are not mapped models.
    return not is_unmapped_object(name)


def run_with(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_with(connection)
else:
    db = context.get_x_argument(as_dictionary=True).get("db", "idc-desktop.sqlite3")
    with create_engine(f"sqlite:///{db}").connect() as conn:
        run_with(conn)
