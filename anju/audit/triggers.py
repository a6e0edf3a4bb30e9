"""Database triggers that make `audit_auditevent` append-only even for raw SQL (security.md #8).

SQLite: BEFORE DELETE and BEFORE UPDATE OF <every column but user_id> abort; an update of
user_id is allowed only to NULL (the ON DELETE SET NULL of a deleted user).
PostgreSQL: one plpgsql function for BEFORE UPDATE OR DELETE, allowing only that same update.

Installed by migration 0002 and re-installed after every `migrate` (post_migrate), because a
SQLite table rebuild (any AlterField) drops a table's triggers. `flush` (overridden in this app)
lifts them on SQLite for the duration of a flush, which only tests and fresh installs run.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"
MESSAGE = "审计日志只允许追加"
SQLITE_TRIGGERS = ("audit_auditevent_no_delete", "audit_auditevent_no_update", "audit_auditevent_user_set_null")
PG_FUNCTION = "audit_auditevent_append_only"


def _columns(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        return [col.name for col in connection.introspection.get_table_description(cursor, TABLE)]


def install_statements(connection: BaseDatabaseWrapper, columns: Iterable[str] | None = None) -> list[str]:
    """The SQL that (re)creates the triggers on this connection's database."""
    columns = list(columns) if columns is not None else _columns(connection)
    if connection.vendor == "sqlite":
        guarded = ", ".join(connection.ops.quote_name(c) for c in columns if c != "user_id")
        abort = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        return [
            *drop_statements(connection),
            f"CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON {TABLE} {abort}",
            f"CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE OF {guarded} ON {TABLE} {abort}",
            f"CREATE TRIGGER audit_auditevent_user_set_null BEFORE UPDATE OF user_id ON {TABLE} "
            f"WHEN NEW.user_id IS NOT NULL {abort}",
        ]
    if connection.vendor == "postgresql":
        return [
            f"""CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger AS $body$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL AND OLD.user_id IS NOT NULL
       AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '{MESSAGE}';
END;
$body$ LANGUAGE plpgsql""",
            f"DROP TRIGGER IF EXISTS {PG_FUNCTION} ON {TABLE}",
            f"CREATE TRIGGER {PG_FUNCTION} BEFORE UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()",
        ]
    return []


def drop_statements(connection: BaseDatabaseWrapper) -> list[str]:
    """The SQL that removes the triggers (tests simulating tampering; flush on SQLite)."""
    if connection.vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
    if connection.vendor == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {PG_FUNCTION} ON {TABLE}"]
    return []


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install_triggers(connection: BaseDatabaseWrapper, columns: Iterable[str] | None = None) -> None:
    """(Re)create the append-only triggers."""
    if TABLE in connection.introspection.table_names():
        _run(connection, install_statements(connection, columns))


def drop_triggers(connection: BaseDatabaseWrapper) -> None:
    """Remove the append-only triggers."""
    if TABLE in connection.introspection.table_names():
        _run(connection, drop_statements(connection))


def installed_triggers(connection: BaseDatabaseWrapper) -> list[str]:
    """Names of the append-only triggers present in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE])
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal", [TABLE]
            )
        else:
            return []
        return sorted(row[0] for row in cursor.fetchall())
