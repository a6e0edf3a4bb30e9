"""manage.py rent_run --month 2026-11 [--region 341602]: create one month's rent charges (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from anju.tenancy.services.rent import rent_run


class Command(BaseCommand):
    """Run the monthly rent charges as a system job."""

    help = "生成某月租金应收（重复运行不会重复生成）"

    def add_arguments(self, parser: Any) -> None:
        """--month YYYY-MM, optional --region prefix."""
        parser.add_argument("--month", required=True, help="租金月份，如 2026-11")
        parser.add_argument("--region", default="", help="行政区划代码前缀（缺省为全部）")

    def handle(self, *args: Any, **options: Any) -> None:
        """Run and report the counts."""
        try:
            result = rent_run(period=options["month"], acting_user=None, region_prefix=options["region"])
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{result['month']}：在租 {result['leases']} 户，新生成应收 {result['created']} 笔，已存在 {result['existing']} 笔"
            )
        )
