"""Demo distribution: a round per published plan, ordered (waitlist) or drawn (lottery), and some selections.

Called by demo_setup after the allocation demo has published plans; idempotent (a plan that
already has a round is left alone).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone


@transaction.atomic
def demo_distribution_create(
    *, plans: Iterable[Any] | None = None, acting_user: Any = None, selections: int = 3, now: datetime | None = None
) -> dict[str, int]:
    """One round per published plan: the first by lottery (drawn), the others by waitlist order; the first
    `selections` households of each round choose a unit (the next one waives, to show a household moving aside)."""
    from anju.allocation.choices import PlanStatus
    from anju.allocation.models import AllocationPlan
    from anju.distribution.choices import RoundMethod, SelectionStatus
    from anju.distribution.models import AllocationRound, Selection
    from anju.distribution.selectors_rounds import available_units
    from anju.distribution.services.lottery import lottery_commit, lottery_draw
    from anju.distribution.services.rounds import plan_households, plan_units, round_create
    from anju.distribution.services.selection import selection_choose, selection_waive, selections_open
    from anju.distribution.services.waitlist import queue_compute

    now = now or timezone.now()
    if plans is None:
        plans = AllocationPlan.objects.filter(status=PlanStatus.PUBLISHED).order_by("id")
    counts = {"rounds": 0, "lotteries": 0, "queue_entries": 0, "selections": 0, "chosen": 0}
    lottery_done = AllocationRound.objects.filter(method=RoundMethod.LOTTERY).exists()
    for plan in plans:
        if plan.status != PlanStatus.PUBLISHED or AllocationRound.objects.filter(plan=plan).exists():
            continue
        if not plan_households(plan).exists() or not plan_units(plan).exists():
            continue
        method = RoundMethod.WAITLIST if lottery_done else RoundMethod.LOTTERY
        round_ = round_create(plan=plan, method=method, acting_user=acting_user, window_minutes=30)
        counts["rounds"] += 1
        if method == RoundMethod.LOTTERY:
            units = plan_units(plan).count()
            households = plan_households(plan).count()
            lottery = lottery_commit(
                round_=round_,
                acting_user=acting_user,
                winners_count=min(units, households),
                substitutes_count=min(3, max(households - units, 0)),
                notary="亳州市公证处（示例）",
            )
            lottery_draw(lottery=lottery, acting_user=acting_user)
            counts["lotteries"] += 1
            lottery_done = True
        else:
            queue_compute(round_=round_, acting_user=acting_user)
        counts["queue_entries"] += round_.queue_entries.count()
        counts["selections"] += selections_open(
            round_=round_, starts_at=now - timedelta(minutes=5), acting_user=acting_user
        )
        waiting = list(
            Selection.objects.filter(round=round_, status=SelectionStatus.WAITING).order_by("order")[: selections + 1]
        )
        for index, selection in enumerate(waiting):
            if index == selections:
                selection_waive(
                    selection=selection, reason="户型不符合家庭需要，自愿放弃本次选房（示例）", acting_user=acting_user
                )
                break
            unit = available_units(round_=round_).first()
            if unit is None:
                break
            selection_choose(selection=selection, unit=unit, acting_user=acting_user, now=now)
            counts["chosen"] += 1
    return counts


def demo_contracts_create(*, acting_user: Any = None, limit: int = 40) -> dict[str, int]:
    """Lease (or sale) contracts for the demo's chosen units, signed with the configured certificate
    (the test CA in the demo): rent 10 元/㎡ a month of the unit's floor area, deposit two months."""
    from decimal import Decimal

    from anju.distribution.choices import SelectionStatus
    from anju.distribution.models import Selection
    from anju.distribution.services.contracts import ContractTerms, contract_create_from_selection, contract_sign

    counts = {"contracts": 0, "signed": 0}
    selections = (
        Selection.objects.filter(status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED], contracts__isnull=True)
        .select_related("register_entry", "unit")
        .order_by("id")[:limit]
    )
    today = timezone.localdate()
    for selection in selections:
        entry, unit = selection.register_entry, selection.unit
        rent = (Decimal(unit.floor_area) * Decimal("10.00")).quantize(Decimal("0.01"))
        terms = ContractTerms(
            signer_name=entry.applicant_name,
            signer_id_number=entry.id_number,
            monthly_rent=rent,
            deposit=rent * 2,
            sale_price=(Decimal(unit.floor_area) * Decimal("4500.00")).quantize(Decimal("0.01")),
            effective_on=today.replace(day=1),
        )
        contract = contract_create_from_selection(selection=selection, terms=terms, acting_user=acting_user)
        counts["contracts"] += 1
        contract_sign(contract=contract, acting_user=acting_user, sign_date=today.replace(day=1))
        counts["signed"] += 1
    return counts
