"""manage.py load_dictionaries: the shipped code tables (national standards and Appendix A)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from anju.core.services.dictionaries import dictionary_load_seed


class Command(BaseCommand):
    """Create or refresh the code tables; idempotent."""

    help = "导入代码表（性别、民族、家庭关系、婚姻状况、学历等国家标准代码及住房保障业务代码）；可重复运行。"

    def handle(self, *args: Any, **options: Any) -> None:
        """Load and report the counts."""
        report = dictionary_load_seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"代码表：新增 {report.dictionaries_created} 个，更新 {report.dictionaries_updated} 个；"
                f"条目：新增 {report.items_created} 条，更新 {report.items_updated} 条，未变 {report.items_unchanged} 条。"
            )
        )
