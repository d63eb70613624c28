"""Schema objects that alembic's autogenerate must not manage: the FTS5 search index.

SQLite creates shadow tables for every FTS5 table (case_search_data, _idx, _config...),
so anything named with the prefix is ours, created in migrations by hand.
"""

SEARCH_TABLE = "case_search"
# unicode61 with remove_diacritics folds case and accents; prefix indexes make
# search-as-you-type prefix queries cheap.
SEARCH_TABLE_DDL = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5("
    "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
)
# The app's own mark in the SQLite header, so a foreign database is recognised.
APPLICATION_ID = 0x49444344  # "IDCD"


def is_unmapped_object(name: str | None) -> bool:
    return bool(name) and name.startswith(SEARCH_TABLE)
