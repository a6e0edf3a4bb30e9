"""Sold homes: 退回 (A.8.1) back to the allocatable stock and 再上市 (A.8.2) with the price rule.

Price rule (parameters per region in `TenancyParameter`, nearest ancestor wins):
- held less than `resale_years` (default 5) since the 房屋所有权证日期: the government buys the home back at
  the original price less depreciation, `original × max(0, 1 − depreciation_rate × years held)`;
- held `resale_years` or more: the owner may sell; the owner pays `gain_share` of the price difference
  (sale price − original price, never negative) and the government holds a right of first purchase
  (优先回购): exercising it buys at the sale price, the share is still due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.distribution.choices import ContractType
from anju.housing.choices import UnitState
from anju.housing.services.units import ALLOCATION, TENANCY, unit_state_transition
from anju.tenancy.choices import ResaleRoute, ReturnStatus
from anju.tenancy.events import TenancyEvent
from anju.tenancy.models import Resale, Return, TenancyParameter
from anju.tenancy.permissions import OPERATION_ROLES, tenancy_check
from anju.tenancy.services.common import actor, audit
from anju.tenancy.services.parameters import parameter_for

CENT = Decimal("0.01")


@dataclass(frozen=True)
class ResaleTerms:
    """What the rule says for one resale."""

    years_held: Decimal
    route: str
    buyback_price: Decimal
    government_share: Decimal


def years_between(start: date, end: date) -> Decimal:
    """Years held (whole years plus the fraction of the current one by days), two decimals."""
    whole = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    anniversary = (
        start.replace(year=start.year + whole)
        if not (start.month == 2 and start.day == 29)
        else date(start.year + whole, 2, 28)
    )
    fraction = Decimal((end - anniversary).days) / Decimal(365)
    return (Decimal(whole) + fraction).quantize(CENT, rounding=ROUND_DOWN)


def resale_terms(
    *,
    original_price: Decimal,
    certificate_date: date,
    applied_on: date,
    sale_price: Decimal,
    first_purchase: bool,
    params: TenancyParameter,
) -> ResaleTerms:
    """Apply the resale price rule (see module doc)."""
    years = years_between(certificate_date, applied_on)
    if years < params.resale_years:
        factor = max(Decimal(0), Decimal(1) - params.depreciation_rate * years)
        price = (original_price * factor).quantize(CENT, rounding=ROUND_HALF_UP)
        return ResaleTerms(years, ResaleRoute.BUYBACK, price, Decimal("0.00"))
    gain = max(Decimal(0), sale_price - original_price)
    share = (gain * params.gain_share).quantize(CENT, rounding=ROUND_HALF_UP)
    if first_purchase:
        return ResaleTerms(years, ResaleRoute.FIRST_PURCHASE, sale_price.quantize(CENT), share)
    return ResaleTerms(years, ResaleRoute.MARKET, Decimal("0.00"), share)


def _sale_contract_check(contract: Any, errors: dict[str, list[str]]) -> None:
    if contract is None or contract.contract_type != ContractType.SALE or contract.unit_id is None:
        errors.setdefault("contract", []).append("请选择有房屋的配售合同。")


def resale_register(
    *,
    contract: Any,
    certificate_number: str,
    certificate_date: date,
    applied_on: date,
    asking_price: Any,
    guide_price: Any = 0,
    contract_amount: Any = 0,
    deed_tax_date: date | None = None,
    is_first_purchase: bool = False,
    is_printed: bool = False,
    acting_user: Any,
) -> Resale:
    """再上市登记: prices and certificates; the rule decides buy-back or market sale and the share due."""
    errors: dict[str, list[str]] = {}
    _sale_contract_check(contract, errors)
    if errors:
        raise ValidationError(errors)
    tenancy_check(acting_user, contract.region_code, roles=OPERATION_ROLES)
    if not (certificate_number or "").strip():
        errors.setdefault("certificate_number", []).append("请填写产权证号。")
    prices = {}
    for name, label, value in (("asking_price", "预售价格", asking_price), ("guide_price", "指导价格", guide_price),
                               ("contract_amount", "签约金额", contract_amount)):  # fmt: skip
        try:
            prices[name] = Decimal(str(value or 0)).quantize(CENT)
            if prices[name] < 0:
                raise ValueError
        except Exception:
            errors.setdefault(name, []).append(f"{label}应为不小于0的金额。")
    if prices.get("asking_price") == 0:
        errors.setdefault("asking_price", []).append("请填写预售价格。")
    if certificate_date and applied_on and applied_on < certificate_date:
        errors.setdefault("applied_on", []).append("再上市申请时间不能早于房屋所有权证日期。")
    if not contract.sale_price:
        errors.setdefault("contract", []).append("配售合同没有售价，无法计算原价。")
    if errors:
        raise ValidationError(errors)
    sale_price = prices["contract_amount"] or prices["asking_price"]
    terms = resale_terms(original_price=contract.sale_price, certificate_date=certificate_date, applied_on=applied_on,
                         sale_price=sale_price, first_purchase=is_first_purchase, params=parameter_for(contract.region_code))  # fmt: skip
    if is_first_purchase and terms.route == ResaleRoute.BUYBACK:
        is_first_purchase = False  # within the years the home goes back to the government anyway
    with transaction.atomic():
        resale = Resale(
            register_entry_id=contract.register_entry_id,
            unit_id=contract.unit_id,
            contract=contract,
            region_code=contract.region_code,
            certificate_number=certificate_number.strip(),
            certificate_date=certificate_date,
            deed_tax_date=deed_tax_date,
            applied_on=applied_on,
            is_first_purchase=is_first_purchase,
            is_printed=is_printed,
            original_price=contract.sale_price,
            years_held=terms.years_held,
            route=terms.route,
            buyback_price=terms.buyback_price,
            government_share=terms.government_share,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
            **prices,
        )
        resale.full_clean()
        resale.save()
        audit(action="RECORD_CREATED", user=acting_user, obj=resale, event=TenancyEvent.RESALE_SAVED,
              detail={"route": terms.route, "years": str(terms.years_held), "buyback": str(terms.buyback_price),
                      "share": str(terms.government_share)})  # fmt: skip
    return resale


def return_create(*, contract: Any, reason: str, due_on: date, acting_user: Any, is_printed: bool = False) -> Return:
    """登记退回 of a sold home (应回退时间)."""
    errors: dict[str, list[str]] = {}
    _sale_contract_check(contract, errors)
    if errors:
        raise ValidationError(errors)
    tenancy_check(acting_user, contract.region_code, roles=OPERATION_ROLES)
    if not (reason or "").strip():
        errors.setdefault("reason", []).append("请填写回退原因。")
    if due_on is None:
        errors.setdefault("due_on", []).append("请填写应回退时间。")
    if Return.objects.filter(unit_id=contract.unit_id, status=ReturnStatus.PENDING).exists():
        errors.setdefault("contract", []).append("该房源已有待办的退回。")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        record = Return(
            register_entry_id=contract.register_entry_id,
            unit_id=contract.unit_id,
            contract=contract,
            region_code=contract.region_code,
            reason=reason.strip(),
            due_on=due_on,
            is_printed=is_printed,
            created_by=actor(acting_user),
            updated_by=actor(acting_user),
        )
        record.full_clean()
        record.save()
        audit(action="RECORD_CREATED", user=acting_user, obj=record, event=TenancyEvent.RETURN_SAVED,
              detail={"unit": record.unit.number, "due_on": due_on.isoformat()})  # fmt: skip
    return record


def return_complete(*, record: Return, returned_on: date, acting_user: Any) -> Return:
    """实回退: the unit goes back to 空置 (allocatable) through the unit state service."""
    tenancy_check(acting_user, record.region_code, roles=OPERATION_ROLES)
    if record.status != ReturnStatus.PENDING:
        raise ValidationError("该房源已退回。")
    if returned_on is None or returned_on > timezone.localdate():
        raise ValidationError({"returned_on": ["实回退时间不能晚于今天。"]})
    with transaction.atomic():
        unit = record.unit
        # 已配给 → 空置 is a cancelled (sale) allocation; an occupied home is vacated by tenancy
        source = TENANCY if unit.state == UnitState.OCCUPIED else ALLOCATION
        unit_state_transition(unit=unit, to_state=UnitState.VACANT, reason=f"已配售房源退回：{record.reason}",
                              acting_user=acting_user, source=source)  # fmt: skip
        record.returned_on, record.status, record.updated_by = returned_on, ReturnStatus.RETURNED, actor(acting_user)
        record.save()
        audit(action="RECORD_UPDATED", user=acting_user, obj=record, event=TenancyEvent.RETURN_SAVED,
              detail={"returned_on": returned_on.isoformat()})  # fmt: skip
    return record
