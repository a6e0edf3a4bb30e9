"""Reads of 配后管理: every selector starts from `visible_to(user)` (jurisdiction = region subtree)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from anju.admission.models import RegisterEntry
from anju.core.scoping import get_visible_or_404
from anju.distribution.choices import ContractType
from anju.tenancy.models import (
    ExitCase,
    FixedCost,
    MoveIn,
    RentCharge,
    RentPayment,
    RentReceipt,
    RentReminder,
    Resale,
    Return,
    ReviewResult,
    ReviewRound,
    TenancyParameter,
    Vacate,
)
from anju.tenancy.services.arrears import arrears_by_household
from anju.tenancy.services.occupancy import active_leases


def move_in_list(*, user: Any) -> QuerySet[MoveIn]:
    """Move-ins in the user's jurisdiction."""
    return MoveIn.objects.visible_to(user).select_related("register_entry", "unit", "lease")


def move_in_get(*, user: Any, pk: Any) -> MoveIn:
    """One move-in, or 404."""
    return get_visible_or_404(MoveIn.objects.select_related("register_entry", "unit__building", "lease"), user, pk=pk)


def leases_awaiting_move_in(*, user: Any) -> QuerySet:
    """Signed leases in the jurisdiction with no move-in yet."""
    from anju.distribution.models import Contract

    return (
        active_leases()
        .filter(pk__in=Contract.objects.visible_to(user).values("pk"), move_in__isnull=True, unit__isnull=False)
        .select_related("register_entry", "unit")
        .order_by("-signed_at", "-pk")
    )


def vacate_list(*, user: Any) -> QuerySet[Vacate]:
    """Vacates in the user's jurisdiction."""
    return Vacate.objects.visible_to(user).select_related("register_entry", "unit", "move_in")


def vacate_get(*, user: Any, pk: Any) -> Vacate:
    """One vacate, or 404."""
    return get_visible_or_404(Vacate.objects.select_related("register_entry", "unit", "move_in"), user, pk=pk)


def charge_list(*, user: Any) -> QuerySet[RentCharge]:
    """Rent charges in the user's jurisdiction."""
    return RentCharge.objects.visible_to(user).select_related("register_entry", "unit")


def payment_list(*, user: Any) -> QuerySet[RentPayment]:
    """Rent payments (A.8.6 rows) in the user's jurisdiction."""
    return RentPayment.objects.visible_to(user).select_related("register_entry", "unit", "charge", "receipt")


def receipt_list(*, user: Any) -> QuerySet[RentReceipt]:
    """Receipts in the user's jurisdiction."""
    return RentReceipt.objects.visible_to(user).select_related("register_entry")


def receipt_get(*, user: Any, pk: Any) -> RentReceipt:
    """One receipt, or 404."""
    return get_visible_or_404(RentReceipt.objects.select_related("register_entry"), user, pk=pk)


def household_get(*, user: Any, pk: Any) -> RegisterEntry:
    """A household (register entry) of the jurisdiction, or 404."""
    return get_visible_or_404(RegisterEntry.objects.all(), user, pk=pk)


def arrears_list(*, user: Any, as_of: date | None = None) -> list[dict[str, Any]]:
    """Households owing rent with ageing, largest first (one grouped query + one for names)."""
    as_of = as_of or timezone.localdate()
    rows = list(arrears_by_household(charges=RentCharge.objects.visible_to(user), as_of=as_of))
    entries = RegisterEntry.objects.in_bulk([row["register_entry"] for row in rows])
    units = dict(
        MoveIn.objects.filter(register_entry__in=entries.keys())
        .order_by("register_entry", "-pk")
        .values_list("register_entry", "unit__number")
    )
    cent = Decimal("0.01")
    for row in rows:
        for key in ("total", "b1", "b2", "b3", "b6"):  # SQLite drops the scale of summed decimals
            row[key] = Decimal(row[key]).quantize(cent)
        entry = entries.get(row["register_entry"])
        row["entry"] = entry
        row["unit_number"] = units.get(row["register_entry"], "")
    return rows


def fixed_cost_list(*, user: Any) -> QuerySet[FixedCost]:
    """Fixed monthly costs of the estates in the user's jurisdiction."""
    return FixedCost.objects.visible_to(user).select_related("project")


def review_round_list(*, user: Any) -> QuerySet[ReviewRound]:
    """Annual review rounds in the user's jurisdiction."""
    return ReviewRound.objects.visible_to(user)


def review_round_get(*, user: Any, pk: Any) -> ReviewRound:
    """One round, or 404."""
    return get_visible_or_404(ReviewRound.objects.all(), user, pk=pk)


def review_result_list(*, user: Any) -> QuerySet[ReviewResult]:
    """Review results in the user's jurisdiction."""
    from anju.core.scoping import jurisdiction_prefix

    prefix = jurisdiction_prefix(user)
    if prefix is None:
        return ReviewResult.objects.none()
    return ReviewResult.objects.filter(region_code__startswith=prefix).select_related("register_entry", "round")


def review_result_get(*, user: Any, pk: Any) -> ReviewResult:
    """One review result, or 404."""
    from django.http import Http404

    try:
        return review_result_list(user=user).get(pk=pk)
    except ReviewResult.DoesNotExist as exc:
        raise Http404("记录不存在或不在您的管辖范围内。") from exc


def exit_case_list(*, user: Any) -> QuerySet[ExitCase]:
    """Exit cases in the user's jurisdiction."""
    return ExitCase.objects.visible_to(user).select_related("register_entry")


def exit_case_get(*, user: Any, pk: Any) -> ExitCase:
    """One exit case, or 404."""
    return get_visible_or_404(ExitCase.objects.select_related("register_entry", "process_instance"), user, pk=pk)


def return_list(*, user: Any) -> QuerySet[Return]:
    """Returns of sold homes in the user's jurisdiction."""
    return Return.objects.visible_to(user).select_related("register_entry", "unit")


def return_get(*, user: Any, pk: Any) -> Return:
    """One return, or 404."""
    return get_visible_or_404(Return.objects.select_related("register_entry", "unit"), user, pk=pk)


def resale_list(*, user: Any) -> QuerySet[Resale]:
    """Resales in the user's jurisdiction."""
    return Resale.objects.visible_to(user).select_related("register_entry", "unit")


def resale_get(*, user: Any, pk: Any) -> Resale:
    """One resale, or 404."""
    return get_visible_or_404(Resale.objects.select_related("register_entry", "unit", "contract"), user, pk=pk)


def sale_contracts(*, user: Any) -> QuerySet:
    """Sale contracts (配售合同) with a unit in the user's jurisdiction."""
    from anju.distribution.models import Contract

    return (
        Contract.objects.visible_to(user)
        .filter(contract_type=ContractType.SALE, unit__isnull=False)
        .select_related("unit")
    )


def parameter_list(*, user: Any) -> QuerySet[TenancyParameter]:
    """Parameter rows visible to the user."""
    return TenancyParameter.objects.visible_to(user)


def reminder_list(*, user: Any) -> Any:
    """催缴记录 in the user's jurisdiction, newest first."""
    return RentReminder.objects.visible_to(user).select_related("register_entry", "sent_by")
