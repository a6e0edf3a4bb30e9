"""The distribution app's contributions to 一房一档: the unit's lease and sale contracts (signed, renewed, ended)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from anju.housing.timeline import UnitEvent

SOURCE = "配给管理"


def contract_events(unit: Any, user: Any) -> Iterable[UnitEvent]:
    """Every contract on the unit: signing with its term, renewal, termination or expiry."""
    from anju.core.masking import mask_name
    from anju.distribution.choices import ContractStatus
    from anju.distribution.models import Contract

    contracts = Contract.objects.visible_to(user).filter(unit=unit).select_related("register_entry", "renewal_of")
    for contract in contracts.order_by("signed_at", "id"):
        if contract.signed_at is None:
            continue
        who = mask_name(contract.register_entry.applicant_name)
        renewed = f"（续签自 {contract.renewal_of.number}）" if contract.renewal_of_id else ""
        term = f"{contract.effective_on or ''} 至 {contract.expires_on or '长期'}"
        yield UnitEvent(
            when=contract.signed_at,
            title=f"签订{contract.get_contract_type_display()} {contract.number}{renewed}：{who}",
            source=SOURCE,
            detail=f"期限 {term}" + (f"；月租金 {contract.monthly_rent} 元" if contract.monthly_rent else ""),
            url=contract.get_absolute_url(),
            icon="file-earmark-text",
        )
        if contract.status == ContractStatus.TERMINATED and contract.terminated_on:
            yield UnitEvent(
                when=contract.terminated_on,
                title=f"解除合同 {contract.number}",
                source=SOURCE,
                detail=contract.termination_reason,
                url=contract.get_absolute_url(),
                icon="file-earmark-x",
            )
        elif contract.status == ContractStatus.EXPIRED and contract.expires_on:
            yield UnitEvent(
                when=contract.expires_on,
                title=f"合同到期 {contract.number}",
                source=SOURCE,
                url=contract.get_absolute_url(),
                icon="file-earmark-minus",
            )


def register() -> None:
    """Register the provider (called from DistributionConfig.ready)."""
    from anju.housing.timeline import register_unit_events

    register_unit_events("合同", contract_events)
