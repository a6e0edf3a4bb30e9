"""manage.py load_housing_dictionaries: the 建设项目 code tables (A.5), adding only what is missing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """Create the missing housing code tables and items; existing items (a city's edits) are kept."""

    help = "导入建设项目代码表（建设方式、资金来源、朝向、装修程度、合同类别等）；只补充缺少的条目，可重复运行。"

    def handle(self, *args: Any, **options: Any) -> None:
        """Ensure and report."""
        from anju.housing.dictionaries import HOUSING_CODE_TABLES, housing_dictionaries_ensure

        added = housing_dictionaries_ensure()
        self.stdout.write(self.style.SUCCESS(f"建设项目代码表 {len(HOUSING_CODE_TABLES)} 个：新增条目 {added} 条。"))
