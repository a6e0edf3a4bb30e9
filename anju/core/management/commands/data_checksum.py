"""`manage.py data_checksum`: row counts and SHA-256 digests of every table, and one over the database."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from anju.core.checksums import database_checksum, table_checksums


class Command(BaseCommand):
    help = "计算数据库各表的行数和摘要（SHA-256）及总摘要，用于备份恢复演练核对。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tables", action="store_true", help="同时列出各表的行数和摘要")

    def handle(self, *args, **options) -> None:
        tables = table_checksums()
        if options["tables"]:
            for table in tables:
                self.stdout.write(f"{table.table}\t{table.rows}\t{table.digest}")
        self.stdout.write(database_checksum(tables))
