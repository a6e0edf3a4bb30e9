"""Reads of one household's rent (A.8.5 租金应收, A.8.6 租金实收) for the household itself (the portal).

Unlike `selectors.py` these take a register entry, not a staff user: the caller (the portal) has already
checked that the entry is the signed-in applicant's own. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import Http404
from django.utils import timezone

from anju.tenancy.models import RentCharge, RentPayment, RentReceipt
from anju.tenancy.services.arrears import BUCKETS, Ageing, household_ageing

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ChargeRow:
    """One month's bill: 应收 with what is paid and still owed."""

    number: str
    year: int
    month: int
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    due_on: date
    status: str  # 已缴清 / 部分缴纳 / 逾期未缴 / 待缴
    overdue: bool


@dataclass(frozen=True)
class ReceiptRow:
    """One collection (收据) with the months it paid."""

    pk: int
    number: str
    paid_at: Any
    total: Decimal
    method: str
    months: list[str]


@dataclass
class HouseholdRent:
    """A household's bills, payments and arrears."""

    charges: list[ChargeRow] = field(default_factory=list)
    receipts: list[ReceiptRow] = field(default_factory=list)
    charged: Decimal = ZERO
    paid: Decimal = ZERO
    outstanding: Decimal = ZERO
    ageing: Ageing = field(default_factory=Ageing)
    buckets: list[tuple[str, Decimal]] = field(default_factory=list)

    @property
    def has_any(self) -> bool:
        """True once the household has a bill or a payment."""
        return bool(self.charges or self.receipts)


def _status(charge: RentCharge, today: date) -> tuple[str, bool]:
    owed = charge.amount - charge.paid_amount
    if owed <= 0:
        return "已缴清", False
    overdue = charge.due_on < today
    if charge.paid_amount > 0:
        return ("部分缴纳（逾期）" if overdue else "部分缴纳"), overdue
    return ("逾期未缴" if overdue else "待缴"), overdue


def household_rent(*, register_entry: Any, as_of: date | None = None) -> HouseholdRent:
    """Bills newest first, receipts newest first, totals and arrears ageing of one household (3 queries)."""
    today = as_of or timezone.localdate()
    cent = Decimal("0.01")
    result = HouseholdRent()
    charges = list(RentCharge.objects.filter(register_entry=register_entry).order_by("-period", "-id"))
    for charge in charges:
        status, overdue = _status(charge, today)
        result.charges.append(
            ChargeRow(
                number=charge.number, year=charge.year, month=charge.month, amount=charge.amount,
                paid=charge.paid_amount, outstanding=charge.amount - charge.paid_amount, due_on=charge.due_on,
                status=status, overdue=overdue,
            )
        )  # fmt: skip
        result.charged += charge.amount
        result.paid += charge.paid_amount
    result.outstanding = (result.charged - result.paid).quantize(cent)
    months: dict[int, list[str]] = {}
    for receipt_id, year, month in (
        RentPayment.objects.filter(register_entry=register_entry)
        .order_by("year", "month")
        .values_list("receipt_id", "year", "month")
    ):
        months.setdefault(receipt_id, []).append(f"{year}年{month}月")
    for receipt in RentReceipt.objects.filter(register_entry=register_entry).order_by("-paid_at", "-id"):
        result.receipts.append(
            ReceiptRow(
                pk=receipt.pk, number=receipt.number, paid_at=receipt.paid_at, total=receipt.total,
                method=receipt.get_method_display(), months=months.get(receipt.pk, []),
            )
        )  # fmt: skip
    result.ageing = ageing = household_ageing(register_entry=register_entry, as_of=today)
    result.buckets = [(label, ageing.buckets[key].quantize(cent)) for key, label in BUCKETS]
    return result


def household_receipt_get(*, register_entry: Any, pk: Any) -> RentReceipt:
    """One receipt of this household (with its payments), or 404."""
    receipt = RentReceipt.objects.filter(register_entry=register_entry, pk=pk).select_related("register_entry").first()
    if receipt is None:
        raise Http404("收据不存在。")
    return receipt


def household_statement(*, register_entry: Any) -> dict[str, Any]:
    """对账单: charges and payments in date order with a running balance (the staff statement's lines)."""
    lines = [
        (c.due_on, f"{c.year}年{c.month}月租金（{c.number}）", c.amount, ZERO)
        for c in RentCharge.objects.filter(register_entry=register_entry)
    ]
    lines += [
        (timezone.localtime(p.paid_at).date(), f"实收（{p.number}，{p.get_method_display()}）", ZERO, p.amount)
        for p in RentPayment.objects.filter(register_entry=register_entry)
    ]
    lines.sort(key=lambda line: (line[0], line[3] > 0))
    balance, rows = ZERO, []
    for when, text, debit, credit in lines:
        balance += debit - credit
        rows.append({"date": when, "text": text, "debit": debit, "credit": credit, "balance": balance})
    return {"rows": rows, "balance": balance}
