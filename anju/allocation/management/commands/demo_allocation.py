"""manage.py demo_allocation: published demo plans per district and the ledgers (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    """Create the allocation demo data."""

    help = "生成资源配置演示数据（可重复运行）：每个区县一个已发布的公租房配租方案，归集收支明细并计算年度台账。"

    def add_arguments(self, parser: CommandParser) -> None:
        """--households and --units per plan."""
        parser.add_argument("--households", type=int, default=20, help="每个方案的家庭数（默认 20）")
        parser.add_argument("--units", type=int, default=20, help="每个方案的住房套数（默认 20）")

    def handle(self, *args: Any, **options: Any) -> None:
        """Run demo_allocation_create and print the summary."""
        from anju.allocation.demo import demo_allocation_create, demo_summary

        counts = demo_allocation_create(households=options["households"], units=options["units"])
        self.stdout.write(demo_summary(counts))
