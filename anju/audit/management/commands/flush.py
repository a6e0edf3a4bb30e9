"""`flush` that lifts the audit log's append-only triggers on SQLite while it empties the tables.

SQLite's flush is `DELETE FROM` every table, which the BEFORE DELETE trigger refuses; tests that
use transactional databases flush after each test. PostgreSQL flushes with TRUNCATE, which
row triggers do not see, so nothing changes there. Emptying a whole database (flush) is an
operator's act outside the application; it is not a way to edit the log row by row.
"""

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import DEFAULT_DB_ALIAS, connections

from anju.audit.triggers import drop_triggers, install_triggers


class Command(FlushCommand):
    """Django's flush, with the SQLite audit triggers lifted for its duration."""

    def handle(self, **options: Any) -> None:
        """Drop the triggers (SQLite only), flush, re-install them."""
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        drop_triggers(connection)
        try:
            super().handle(**options)
        finally:
            install_triggers(connection)
