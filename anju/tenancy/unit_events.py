"""配后管理's contributions to 一房一档: move-ins, a rent summary and vacating of a unit.

Registered from `TenancyConfig.ready()`; every event comes from a stored record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Max, Min, Sum

from anju.housing.timeline import UnitEvent, register_unit_events, url_or_blank
from anju.tenancy.models import MoveIn, RentCharge, StandardAdjustment, Vacate

SOURCE = "配后管理"


def move_in_events(unit: Any, user: Any) -> Iterable[UnitEvent]:
    """Each move-in of the unit."""
    for move_in in MoveIn.objects.visible_to(user).filter(unit=unit).select_related("register_entry", "lease"):
        detail = f"租金 {move_in.rent} 元/月"
        if move_in.has_reduction:
            detail += f"，减免 {move_in.reduction_amount} 元（{move_in.reduction_reason}）"
        yield UnitEvent(
            when=move_in.moved_in_on,
            title=f"入住：{move_in.register_entry.applicant_name}（合同{move_in.lease.number}）",
            source=SOURCE,
            detail=detail,
            url=url_or_blank("tenancy:move_in_detail", move_in.pk),
            icon="door-open",
        )


def rent_summary_events(unit: Any, user: Any) -> Iterable[UnitEvent]:
    """One summary of the unit's rent charges per household (months, charged, received)."""
    rows = (
        RentCharge.objects.visible_to(user)
        .filter(unit=unit)
        .order_by()
        .values("register_entry", "register_entry__applicant_name")
        .annotate(
            n=Count("id"), charged=Sum("amount"), paid=Sum("paid_amount"), first=Min("period"), last=Max("period")
        )
    )
    for row in rows:
        yield UnitEvent(
            when=row["last"],
            title=f"租金：{row['register_entry__applicant_name']} {row['first']:%Y-%m} 至 {row['last']:%Y-%m}",
            source=SOURCE,
            detail=f"应收 {row['n']} 个月共 {row['charged']} 元，已收 {row['paid']} 元，欠缴 {row['charged'] - row['paid']} 元",
            url=url_or_blank("tenancy:household_detail", row["register_entry"]),
            icon="cash-coin",
        )


def vacate_events(unit: Any, user: Any) -> Iterable[UnitEvent]:
    """Vacate notices, move-outs and inspections."""
    for vacate in Vacate.objects.visible_to(user).filter(unit=unit).select_related("register_entry"):
        url = url_or_blank("tenancy:vacate_detail", vacate.pk)
        name = vacate.register_entry.applicant_name
        yield UnitEvent(
            when=vacate.notified_on,
            title=f"{vacate.get_kind_display()}：{name}",
            source=SOURCE,
            detail=f"{vacate.reason}；搬离期限 {vacate.move_out_deadline:%Y-%m-%d}",
            url=url,
            icon="box-arrow-right",
        )
        if vacate.vacated_on:
            yield UnitEvent(
                when=vacate.vacated_on, title=f"腾退搬离：{name}", source=SOURCE, url=url, icon="box-arrow-right"
            )
        if vacate.inspected_on:
            yield UnitEvent(
                when=vacate.inspected_on,
                title="腾退验房结算",
                source=SOURCE,
                detail=f"欠缴租金 {vacate.rent_owed} 元，押金 {vacate.deposit} 元，结算 {vacate.balance} 元",
                url=url,
                icon="clipboard-check",
            )


def rent_adjust_events(unit: Any, user: Any) -> Iterable[UnitEvent]:
    """Each rent adjustment of a lease of the unit (年审调整租金)."""
    adjustments = (
        StandardAdjustment.objects.visible_to(user).filter(move_in__unit=unit).select_related("register_entry")
    )
    for adjustment in adjustments:
        yield UnitEvent(
            when=adjustment.created_at,
            title=f"调整租金：{adjustment.register_entry.applicant_name} {adjustment.old_amount} → {adjustment.new_amount} 元/月",
            source=SOURCE,
            detail=f"自{adjustment.effective_from:%Y年%m月}起；{adjustment.reason}",
            url=url_or_blank("tenancy:review_result_detail", adjustment.review_result_id)
            if adjustment.review_result_id
            else "",
            icon="sliders",
        )


def register() -> None:
    """Add the providers to the unit file registry."""
    register_unit_events("入住", move_in_events)
    register_unit_events("租金", rent_summary_events)
    register_unit_events("腾退", vacate_events)
    register_unit_events("租金调整", rent_adjust_events)
