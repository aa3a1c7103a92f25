"""full-text search over answers and notes (SQLite FTS5), filled from existing rows

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What each searchable table contributes to the index.
FTS_SOURCES = {
    # Text answers keep their words in `value` (a JSON string); closed answers may carry a comment.
    "answer": (
        "coalesce(CASE WHEN json_type({row}.value) = 'text' THEN json_extract({row}.value, '$') END, '') "
        "|| ' ' || coalesce({row}.free_text, '') || ' ' || coalesce({row}.other_text, '')"
    ),
    "note": "{row}.text",
}


def _body(table: str, row: str) -> str:
    return FTS_SOURCES[table].format(row=row)


def _fts_triggers(table: str) -> list[str]:
    insert = (
        "INSERT OR IGNORE INTO search_ref (ref_id) VALUES (NEW.id); "
        "INSERT INTO text_search (rowid, body, interview_id, kind, ref_id) VALUES "
        f"((SELECT rowid FROM search_ref WHERE ref_id = NEW.id), {_body(table, 'NEW')}, NEW.interview_id, "
        f"'{table}', NEW.id);"
    )
    delete_old = "DELETE FROM text_search WHERE rowid = (SELECT rowid FROM search_ref WHERE ref_id = OLD.id);"
    return [
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN {delete_old} {insert} END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {delete_old} "
        "DELETE FROM search_ref WHERE ref_id = OLD.id; END",
    ]


def upgrade() -> None:
    # Full-text search over answers and notes. FTS rows are keyed by `search_ref.rowid` (an INTEGER PRIMARY KEY,
    # stable across VACUUM, unlike the implicit rowid of tables keyed by UUID), maintained by triggers so that
    # every writer, GUI, CLI or bundle import, keeps the index right.
    op.execute("CREATE TABLE search_ref (rowid INTEGER PRIMARY KEY, ref_id TEXT NOT NULL UNIQUE)")
    op.execute(
        "CREATE VIRTUAL TABLE text_search USING fts5("
        "body, interview_id UNINDEXED, kind UNINDEXED, ref_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table in FTS_SOURCES:
        for statement in _fts_triggers(table):
            op.execute(statement)

    # Index what earlier versions already stored.
    for table in FTS_SOURCES:
        op.execute(f"INSERT INTO search_ref (ref_id) SELECT id FROM {table}")
        op.execute(
            f"INSERT INTO text_search (rowid, body, interview_id, kind, ref_id) "
            f"SELECT search_ref.rowid, {_body(table, table)}, {table}.interview_id, '{table}', {table}.id "
            f"FROM {table} JOIN search_ref ON search_ref.ref_id = {table}.id"
        )


def downgrade() -> None:
    for table in FTS_SOURCES:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS text_search")
    op.execute("DROP TABLE IF EXISTS search_ref")
