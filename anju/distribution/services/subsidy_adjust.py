"""补贴标准调整 (A.7.5 补贴应发): a new monthly subsidy standard on a household's subsidy contract.

Called by the annual review (年审结论“调整”, `anju.tenancy.services.review`). The monthly run
(`subsidy_month_run`) pays every month it has not yet generated at the contract's current standard,
so a new standard can only start at the first month not yet generated: months already generated keep
their amounts (the dues are never rewritten), and no earlier un-generated month can pick up the new one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.distribution.choices import ContractStatus, ContractType
from anju.distribution.events_contracts import ContractEvent
from anju.distribution.models import Contract, SubsidyDue
from anju.distribution.services.common_contracts import actor, audit


def subsidy_contract_current(register_entry: Any) -> Contract | None:
    """The household's subsidy contract in force (signed), latest first; None when there is none."""
    return (
        Contract.objects.filter(
            register_entry=register_entry, contract_type=ContractType.SUBSIDY, status=ContractStatus.SIGNED
        )
        .order_by("-effective_on", "-pk")
        .first()
    )


def subsidy_first_open_month(contract: Contract) -> dt.date:
    """The first month (day 1) the subsidy run has not generated for the household of the contract."""
    last = (
        SubsidyDue.objects.filter(target_number=contract.register_entry.number)
        .order_by("-year", "-month")
        .values_list("year", "month")
        .first()
    )
    if last is None:
        start = contract.subsidy_starts_on or contract.effective_on or timezone.localdate()
        return start.replace(day=1)
    year, month = last
    return dt.date(year + month // 12, month % 12 + 1, 1)


def subsidy_standard_adjust(
    *, register_entry: Any, new_amount: Decimal, effective_from: dt.date, reason: str, acting_user: Any
) -> tuple[Contract, Decimal]:
    """Set the subsidy contract's monthly standard from `effective_from`; (contract, old standard). Audited."""
    with transaction.atomic():
        contract = subsidy_contract_current(register_entry)
        if contract is None:
            raise ValidationError({"adjust_kind": ["该家庭没有已签约的租赁补贴合同，不能调整补贴标准。"]})
        contract = Contract.objects.select_for_update().get(pk=contract.pk)
        first_open = subsidy_first_open_month(contract)
        if effective_from.replace(day=1) != first_open:
            raise ValidationError({"effective_month": [
                f"补贴已生成至{first_open.year}年{first_open.month}月之前，调整应自{first_open.year}年{first_open.month}月起。"
            ]})  # fmt: skip
        old = contract.subsidy_amount or Decimal("0.00")
        contract.subsidy_amount = new_amount
        contract.updated_by = actor(acting_user)
        contract.save(update_fields=["subsidy_amount", "updated_by", "updated_at"])
        audit(action="RECORD_UPDATED", user=acting_user, obj=contract, event=ContractEvent.SUBSIDY_ADJUSTED,
              detail={"old": str(old), "new": str(new_amount), "from": f"{effective_from:%Y-%m}", "reason": reason})  # fmt: skip
    return contract, old
