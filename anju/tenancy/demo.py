"""Demo data of 配后管理: move-ins for the demo leases, a few months of rent, payments, fixed costs.

`demo_tenancy_create(...)` is idempotent and meant to be called by `demo_setup` after the distribution
demo has signed leases (it does nothing when there are none). It acts as a system job (no user), through
the services.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from anju.housing.choices import UnitState
from anju.tenancy.models import FixedCost, MoveIn, RentPayment
from anju.tenancy.services.arrears import household_ageing
from anju.tenancy.services.common import add_months
from anju.tenancy.services.occupancy import active_leases, move_in_create
from anju.tenancy.services.rent import fixed_cost_create, payment_record, rent_run


def demo_tenancy_create(*, seed: int = 2026, months: int = 4, limit: int = 200, stdout: Any = None) -> dict[str, int]:
    """Move in the signed leases on allocated units, charge `months` months, pay most of it."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    today = timezone.localdate()
    first_month = add_months(today.replace(day=1), -(months - 1))
    leases = list(
        active_leases()
        .filter(move_in__isnull=True, unit__state=UnitState.ALLOCATED)
        .select_related("unit")
        .order_by("pk")[:limit]
    )
    moved = 0
    for lease in leases:
        moved_in_on = max(lease.effective_on or first_month, first_month)
        moved_in_on = min(moved_in_on + timedelta(days=rng.randint(0, 9)), today)
        reduction = Decimal("50.00") if rng.random() < 0.15 and (lease.monthly_rent or 0) > 50 else Decimal(0)
        move_in_create(lease=lease, moved_in_on=moved_in_on, reduction_amount=reduction,
                       reduction_reason="低保家庭租金减免" if reduction else "", acting_user=None)  # fmt: skip
        moved += 1
    charged = 0
    for index in range(months):
        charged += rent_run(period=add_months(first_month, index), acting_user=None)["created"]
    paid = 0
    for move_in in MoveIn.objects.select_related("register_entry").order_by("pk"):
        if RentPayment.objects.filter(register_entry=move_in.register_entry).exists():
            continue  # paid in an earlier demo run: a re-run adds nothing
        owed = household_ageing(register_entry=move_in.register_entry, as_of=today).total
        if owed <= 0 or rng.random() < 0.2:  # about one in five households keeps its arrears
            continue
        amount = owed if rng.random() < 0.8 else (owed / 2).quantize(Decimal("0.01"))
        payment_record(register_entry=move_in.register_entry, amount=amount, method=rng.choice(["cash", "bank", "mobile"]),
                       shortfall_reason="" if amount == owed else "家庭困难，申请分期缴纳", acting_user=None)  # fmt: skip
        paid += 1
    costs = 0
    from anju.housing.models import Project

    for project in Project.objects.filter(buildings__units__move_ins__isnull=False).distinct():
        if not FixedCost.objects.filter(project=project, year=today.year, month=today.month).exists():
            fixed_cost_create(project=project, description="公共区域保洁及电梯维保", year=today.year, month=today.month,
                              amount=Decimal("3200.00"), acting_user=None)  # fmt: skip
            costs += 1
    result = {"move_ins": moved, "charges": charged, "payments": paid, "fixed_costs": costs}
    if stdout is not None:
        stdout.write(f"配后管理演示数据：入住 {moved} 户，租金应收 {charged} 笔，收款 {paid} 笔，固定款项 {costs} 笔。")
    return result
