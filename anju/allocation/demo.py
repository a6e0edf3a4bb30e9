"""Demo data of the 资源配置 subsystem: one published 公共租赁住房配租 plan per demo district, and the ledgers.

Everything goes through the services (acting_user=None is a system job), so the demo shows what staff would
see. Idempotent: a district that already has the demo plan is skipped; ledger collection never posts twice.
Needs the rules demo (programs), active register entries and handed-over units (housing demo) to exist.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from anju.admission.models import RegisterEntry
from anju.allocation.choices import PeriodType
from anju.allocation.models import AllocationPlan
from anju.allocation.selectors import OPEN_STATUSES, ProgramResolver, open_plan_household_q, open_plan_unit_ids
from anju.allocation.services import ledgers, plans

DEMO_MODE = "12"  # 公共租赁住房配租
DEMO_PERIOD = "2026-Q4"
DEMO_NAME = "2026年第四季度公共租赁住房配租方案（演示）"
CITY = "341600000000"
FUNDS_RECEIVED = Decimal("3000000.00")


def _districts() -> list[tuple[str, str]]:
    from anju.core.models import Region

    return list(Region.objects.filter(parent_id=CITY, level=3).order_by("code").values_list("code", "name"))


@transaction.atomic
def demo_allocation_create(*, households: int = 20, units: int = 20, period: str = DEMO_PERIOD) -> dict[str, int]:
    """A published plan per demo district (waiting households and allocatable units of the district), the program
    funds received this year, the collected ledger entries and the 2026 ledgers of the city and its districts."""
    from anju.housing.models import Unit
    from anju.housing.services.units import ALLOCATABLE_STATES
    from anju.rules.models import Program

    counts = {"plans": 0, "households": 0, "units": 0, "skipped": 0, "entries": 0, "ledgers": 0}
    resolver = ProgramResolver()
    for code, name in _districts():
        prefix = code[:6]
        if AllocationPlan.objects.filter(region_code=code, name=DEMO_NAME, status__in=OPEN_STATUSES).exists():
            continue
        waiting = (
            RegisterEntry.objects.active().within(code).filter(security_state="01")
            .exclude(open_plan_household_q(DEMO_MODE)).order_by("registered_at", "id")
        )  # fmt: skip
        stock = (
            Unit.objects.filter(region_code__startswith=prefix, state__in=ALLOCATABLE_STATES, handover__isnull=False)
            .exclude(pk__in=open_plan_unit_ids()).order_by("pk")
        )  # fmt: skip
        program_id = resolver.for_household(region_code=code, mode=DEMO_MODE)
        entry_ids, unit_rows = list(waiting.values_list("pk", flat=True)[:households]), list(stock[:units])
        if program_id is None or not entry_ids or not unit_rows:
            counts["skipped"] += 1
            continue
        plan = plans.plan_create(
            region_code=code, program=Program.objects.get(pk=program_id), mode=DEMO_MODE, name=DEMO_NAME,
            period_type=PeriodType.QUARTER, period=period, target_type="城镇中等偏下收入住房困难家庭",
            note=f"{name}演示方案：轮候家庭与已竣工移交的可配置住房。", acting_user=None,
        )  # fmt: skip
        counts["households"] += plans.plan_households_add(
            plan=plan, entries=RegisterEntry.objects.filter(pk__in=entry_ids), acting_user=None
        )
        counts["units"] += plans.plan_units_add(plan=plan, units=unit_rows, acting_user=None)
        plans.plan_publish(plan=plan, acting_user=None)
        counts["plans"] += 1
    counts["entries"] += _funds_received(resolver)
    counts["entries"] += ledgers.ledger_collect().total
    year = str(timezone.localdate().year)
    for code in [CITY, *(code for code, _name in _districts())]:
        counts["ledgers"] += ledgers.ledger_compute(period_type=PeriodType.YEAR, period=year, region_code=code)[
            "program_ledgers"
        ]
    return counts


def _funds_received(resolver: ProgramResolver) -> int:
    """Each enabled city program received its year's funds on 5 January (one entry each, idempotent)."""
    from anju.allocation.models import ProgramLedgerEntry

    before = ProgramLedgerEntry.objects.count()
    year = timezone.localdate().year
    for program in resolver.programs:
        from anju.rules.models import Program

        ledgers.ledger_entry_post(
            program=Program.objects.get(pk=program["id"]), region_code=program["region_code"], direction="in",
            resource_category="funds", received_on=date(year, 1, 5), source_type=ledgers.SOURCE_FUNDS,
            source_id=f"demo-{year}-{program['id']}", amount=FUNDS_RECEIVED, handed_over_by="市财政局",
            received_by="市住房保障中心", note=f"{year}年度保障资金到账（演示）",
        )  # fmt: skip
    return ProgramLedgerEntry.objects.count() - before


def demo_summary(counts: dict[str, Any]) -> str:
    """One Chinese line for demo_setup."""
    return (
        f"资源配置演示：发布方案 {counts['plans']} 个（{counts['households']} 户、{counts['units']} 套），"
        f"跳过 {counts['skipped']} 个区县（无轮候家庭或可配置住房），台账明细 {counts['entries']} 条，台账 {counts['ledgers']} 本。"
    )
