"""Reads of contracts, subsidies and support objects, always scoped by the user's jurisdiction (404 outside)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from anju.core.scoping import get_visible_or_404
from anju.distribution.choices import SelectionStatus
from anju.distribution.models import (
    Contract,
    LandSupplyRecord,
    Selection,
    SubsidyDue,
    SubsidyPayment,
    SupportDisbursementPlan,
)
from anju.distribution.permissions import can_read_distribution
from anju.distribution.services.contracts import LIVE_STATUSES
from anju.distribution.services.subsidies import dues_with_payments


def _readable(user: Any, queryset: QuerySet) -> QuerySet:
    """Default deny: only distribution readers see anything, and only inside their jurisdiction."""
    if not can_read_distribution(user):
        return queryset.none()
    return queryset.visible_to(user)


def contract_list(*, user: Any) -> QuerySet[Contract]:
    """Contracts in the user's jurisdiction with household, unit and project."""
    return _readable(
        user,
        Contract.objects.select_related(
            "register_entry",
            "register_entry__application",
            "unit",
            "unit__building",
            "unit__building__project",
            "renewal_of",
        ),
    )


def contract_get(*, user: Any, pk: Any) -> Contract:
    """One contract in the user's jurisdiction, or 404."""
    return get_visible_or_404(contract_list(user=user), user, pk=pk)


def selections_awaiting_contract(*, user: Any) -> QuerySet[Selection]:
    """Selections with a chosen unit and no live contract yet (the create-from-selection list)."""
    live = Contract.objects.filter(selection=OuterRef("pk"), status__in=LIVE_STATUSES)
    return (
        _readable(user, Selection.objects.all())
        .filter(status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED], unit__isnull=False)
        .exclude(Exists(live))
        .select_related("register_entry", "unit", "unit__building", "unit__building__project", "round")
        .order_by("round_id", "order")
    )


def selection_get(*, user: Any, pk: Any) -> Selection:
    """One selection in the user's jurisdiction, or 404."""
    return get_visible_or_404(_readable(user, Selection.objects.select_related("register_entry", "unit")), user, pk=pk)


def register_entry_for_contract(*, user: Any, pk: Any) -> Any:
    """An active register entry the user may sign a contract with, or 404."""
    from anju.admission.models import RegisterEntry

    return get_visible_or_404(
        _readable(user, RegisterEntry.objects.active().select_related("application")), user, pk=pk
    )


def subsidy_due_list(*, user: Any) -> QuerySet[SubsidyDue]:
    """Subsidy dues in the user's jurisdiction, with paid_total."""
    return dues_with_payments(_readable(user, SubsidyDue.objects.select_related("contract")))


def subsidy_due_get(*, user: Any, pk: Any) -> SubsidyDue:
    """One due in the user's jurisdiction, or 404."""
    return get_visible_or_404(subsidy_due_list(user=user), user, pk=pk)


def subsidy_payment_list(*, user: Any) -> QuerySet[SubsidyPayment]:
    """Subsidy payments in the user's jurisdiction."""
    return _readable(user, SubsidyPayment.objects.select_related("due"))


def support_plan_list(*, user: Any) -> QuerySet[SupportDisbursementPlan]:
    """Fund disbursement plans (A.7.7) in the user's jurisdiction."""
    return _readable(user, SupportDisbursementPlan.objects.all())


def support_plan_get(*, user: Any, pk: Any) -> SupportDisbursementPlan:
    """One disbursement plan, or 404."""
    return get_visible_or_404(support_plan_list(user=user), user, pk=pk)


def land_supply_list(*, user: Any) -> QuerySet[LandSupplyRecord]:
    """Land supply records (A.7.8) in the user's jurisdiction."""
    return _readable(user, LandSupplyRecord.objects.select_related("project"))


def land_supply_get(*, user: Any, pk: Any) -> LandSupplyRecord:
    """One land supply record, or 404."""
    return get_visible_or_404(land_supply_list(user=user), user, pk=pk)
