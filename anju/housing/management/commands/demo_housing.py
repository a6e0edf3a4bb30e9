"""manage.py demo_housing --seed S: demo projects, buildings and units in the four districts/counties of 亳州市."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """生成建设项目演示数据（幂等）."""

    help = "生成建设项目演示数据：亳州市四个区县各 1–2 个项目，每个项目 2–4 栋楼及住房（已存在则跳过）。"

    def add_arguments(self, parser: Any) -> None:
        """--seed for reproducible data."""
        parser.add_argument("--seed", type=int, default=2026, help="随机种子（默认 2026）")

    def handle(self, *args: Any, **options: Any) -> None:
        """Create what is missing and print the counts."""
        from anju.housing.demo import demo_housing_create
        from anju.housing.dictionaries import housing_dictionaries_ensure
        from anju.housing.models import Project, Unit

        added = housing_dictionaries_ensure()
        if added:
            self.stdout.write(f"建设项目代码表：新增 {added} 条。")
        created = demo_housing_create(seed=options["seed"])
        self.stdout.write(
            f"建设项目演示数据：新增项目 {created['projects']} 个、楼栋 {created['buildings']} 栋、住房 {created['units']} 套、"
            f"照片 {created.get('photos', 0)} 张；"
            f"现有项目 {Project.objects.count()} 个、住房 {Unit.objects.count()} 套。"
        )
