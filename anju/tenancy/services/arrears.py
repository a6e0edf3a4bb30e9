"""欠租: arrears per household = charges − payments, with ageing buckets (1, 2, 3–5, 6+ months).

A charge's age in months counts its own month as the first: a charge of the as-of month is 1 month old,
of the month before 2 months, and so on. Buckets: 1 个月, 2 个月, 3–5 个月, 6 个月及以上; they sum to the total.
`ageing` is the arithmetic on plain rows (used by the property test); `arrears_by_household` does the same
set-wise in the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, DecimalField, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from anju.tenancy.models import RentCharge
from anju.tenancy.services.common import add_months, months_between

BUCKETS = (("b1", "1个月"), ("b2", "2个月"), ("b3", "3–5个月"), ("b6", "6个月及以上"))
ZERO = Decimal("0.00")


def bucket_of(age: int) -> str:
    """The bucket key of a charge `age` months old (1 = the as-of month)."""
    if age <= 1:
        return "b1"
    if age == 2:
        return "b2"
    if age <= 5:
        return "b3"
    return "b6"


@dataclass
class Ageing:
    """One household's arrears."""

    total: Decimal = ZERO
    months: int = 0
    buckets: dict[str, Decimal] = field(default_factory=lambda: {key: ZERO for key, _ in BUCKETS})


def ageing(rows: Iterable[tuple[date, Decimal, Decimal]], *, as_of: date) -> Ageing:
    """Arrears of (period, amount, paid) rows due by the as-of month."""
    result = Ageing()
    as_of = as_of.replace(day=1)
    for period, amount, paid in rows:
        if period > as_of:
            continue
        owed = amount - paid
        if owed <= 0:
            continue
        result.total += owed
        result.months += 1
        result.buckets[bucket_of(months_between(period, as_of) + 1)] += owed
    return result


def _money_sum(condition: Q | None) -> Any:
    owed = F("amount") - F("paid_amount")
    if condition is None:
        return Coalesce(Sum(owed), Value(ZERO), output_field=DecimalField(max_digits=14, decimal_places=2))
    return Coalesce(
        Sum(
            Case(
                When(condition, then=owed),
                default=Value(ZERO),
                output_field=DecimalField(max_digits=14, decimal_places=2),
            )
        ),
        Value(ZERO),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def arrears_by_household(*, charges: Any, as_of: date) -> Any:
    """Rows {register_entry, total, months, b1, b2, b3, b6} of households owing rent (one grouped query)."""
    as_of = as_of.replace(day=1)
    one_back, four_back = add_months(as_of, -1), add_months(as_of, -4)
    owing = charges.filter(period__lte=as_of, paid_amount__lt=F("amount"))
    return (
        owing.order_by()
        .values("register_entry")
        .annotate(
            total=_money_sum(None),
            months=Count("id"),
            b1=_money_sum(Q(period__gte=as_of)),
            b2=_money_sum(Q(period=one_back)),
            b3=_money_sum(Q(period__lt=one_back, period__gte=four_back)),
            b6=_money_sum(Q(period__lt=four_back)),
        )
        .order_by("-total", "register_entry")
    )


def household_ageing(*, register_entry: Any, as_of: date) -> Ageing:
    """One household's arrears (the database figures)."""
    rows = RentCharge.objects.filter(register_entry=register_entry).values_list("period", "amount", "paid_amount")
    return ageing(rows, as_of=as_of)
