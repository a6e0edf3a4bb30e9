"""补贴标准调整 (A.7.5 补贴应发): a new monthly subsidy standard on a household's subsidy contract.

Called by the annual review (年审结论“调整”, `anju.tenancy.services.review`). Each adjustment is a dated
`SubsidyStandardChange` (from the 1st of a month); the monthly run (`subsidy_month_run`) pays every month
at the standard in force in that month (the latest change on or before it). So a new standard may start
at any month the run has not yet generated for the household — the first open month or a later one; the
months in between keep the standard in force before. Months already generated are refused (their dues
are never rewritten).

`Contract.subsidy_amount` is kept equal to the newest standard (the change with the latest
`effective_from`): renewals copy it and lists show it. The signed standard stays in the signed PDF and
as the earliest change's `old_amount`, which the run uses for the months before every change.
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
from anju.distribution.models import Contract, SubsidyDue, SubsidyStandardChange
from anju.distribution.services.common_contracts import actor, audit
from anju.distribution.services.subsidies import subsidy_standard_in_force


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
    *,
    register_entry: Any,
    new_amount: Decimal,
    effective_from: dt.date,
    reason: str,
    acting_user: Any,
    source: str = "",
) -> tuple[Contract, Decimal]:
    """The subsidy contract's monthly standard from `effective_from` on; (contract, standard in force before).

    Records a `SubsidyStandardChange`; the month may be any month not yet generated for the household.
    Audited as RECORD_UPDATED (SUBSIDY_ADJUSTED) with the old and new standard, the month and the reason.
    """
    with transaction.atomic():
        contract = subsidy_contract_current(register_entry)
        if contract is None:
            raise ValidationError({"adjust_kind": ["该家庭没有已签约的租赁补贴合同，不能调整补贴标准。"]})
        contract = Contract.objects.select_for_update().get(pk=contract.pk)
        first_open = subsidy_first_open_month(contract)
        month = effective_from.replace(day=1)
        if month < first_open:
            raise ValidationError({"effective_month": [
                f"补贴已生成至{first_open.year}年{first_open.month}月之前，调整应自{first_open.year}年{first_open.month}月起。"
            ]})  # fmt: skip
        old = subsidy_standard_in_force(contract, month)
        user = actor(acting_user)
        SubsidyStandardChange.objects.create(
            contract=contract,
            region_code=contract.region_code,
            effective_from=month,
            amount=new_amount,
            old_amount=old,
            reason=(reason or "")[:500],
            source=(source or "")[:60],
            created_by=user,
            updated_by=user,
        )
        newest = contract.subsidy_standard_changes.order_by("-effective_from", "-pk").values_list("amount", flat=True)
        contract.subsidy_amount = newest[0]
        contract.updated_by = user
        contract.save(update_fields=["subsidy_amount", "updated_by", "updated_at"])
        audit(action="RECORD_UPDATED", user=acting_user, obj=contract, event=ContractEvent.SUBSIDY_ADJUSTED,
              detail={"old": str(old), "new": str(new_amount), "from": f"{effective_from:%Y-%m}", "reason": reason})  # fmt: skip
    return contract, old
