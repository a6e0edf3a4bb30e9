"""配后管理's contributions to 一户一档 (keyed by the application): move-in, rent, reminders, vacating, review, exit.

Registered from `TenancyConfig.ready()`; every event comes from a stored record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Max, Min, Sum

from anju.archive.household_file import HouseholdEvent, register_household_events, url_or_blank
from anju.tenancy.models import ExitCase, MoveIn, RentCharge, RentReminder, ReviewResult, StandardAdjustment, Vacate

SOURCE = "配后管理"


def tenancy_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """The household's move-ins, rent summary, vacates, review results and exit cases."""
    entry = getattr(application, "register_entry", None)
    if entry is None:
        return
    for move_in in MoveIn.objects.visible_to(user).filter(register_entry=entry).select_related("unit", "lease"):
        yield HouseholdEvent(when=move_in.moved_in_on, title=f"入住 {move_in.unit.number}（合同{move_in.lease.number}）",
                             source=SOURCE, detail=f"租金 {move_in.rent} 元/月，减免 {move_in.reduction_amount} 元",
                             url=url_or_blank("tenancy:move_in_detail", move_in.pk), icon="door-open")  # fmt: skip
    summary = (
        RentCharge.objects.visible_to(user)
        .filter(register_entry=entry)
        .aggregate(
            n=Count("id"), charged=Sum("amount"), paid=Sum("paid_amount"), first=Min("period"), last=Max("period")
        )
    )
    if summary["n"]:
        yield HouseholdEvent(
            when=summary["last"], title=f"租金 {summary['first']:%Y-%m} 至 {summary['last']:%Y-%m}", source=SOURCE,
            detail=f"应收 {summary['n']} 个月共 {summary['charged']} 元，已收 {summary['paid']} 元",
            url=url_or_blank("tenancy:household_detail", entry.pk), icon="cash-coin",
        )  # fmt: skip
    for reminder in RentReminder.objects.visible_to(user).filter(register_entry=entry):
        yield HouseholdEvent(when=reminder.sent_at, title=f"催缴租金（{reminder.get_channel_display()}）",
                             source=SOURCE, detail=f"欠缴 {reminder.months_owed} 个月共 {reminder.amount_owed} 元",
                             url=url_or_blank("tenancy:household_detail", entry.pk), icon="bell")  # fmt: skip
    for vacate in Vacate.objects.visible_to(user).filter(register_entry=entry):
        yield HouseholdEvent(when=vacate.notified_on, title=f"{vacate.get_kind_display()}（{vacate.get_status_display()}）",
                             source=SOURCE, detail=vacate.reason, url=url_or_blank("tenancy:vacate_detail", vacate.pk),
                             icon="box-arrow-right")  # fmt: skip
    for result in ReviewResult.objects.filter(register_entry=entry, decided_at__isnull=False).select_related("round"):
        yield HouseholdEvent(when=result.decided_at, title=f"{result.round.year}年度年审：{result.get_outcome_display()}",
                             source=SOURCE, detail=result.reasons, url=url_or_blank("tenancy:review_result_detail", result.pk),
                             icon="clipboard-check")  # fmt: skip
    for adjustment in StandardAdjustment.objects.visible_to(user).filter(register_entry=entry):
        yield HouseholdEvent(when=adjustment.created_at, title=f"{adjustment.get_kind_display()}：{adjustment.old_amount} → {adjustment.new_amount} 元/月",
                             source=SOURCE, detail=f"自{adjustment.effective_from:%Y年%m月}起；{adjustment.reason}",
                             url=url_or_blank("tenancy:review_result_detail", adjustment.review_result_id) if adjustment.review_result_id else "",
                             icon="sliders")  # fmt: skip
    for case in ExitCase.objects.visible_to(user).filter(register_entry=entry):
        yield HouseholdEvent(when=case.decided_at or case.created_at, title=f"保障退出：{case.get_ground_display()}（{case.get_status_display()}）",
                             source=SOURCE, detail=case.opinion or case.facts, url=url_or_blank("tenancy:exit_case_detail", case.pk),
                             icon="x-octagon")  # fmt: skip


def register() -> None:
    """Add the provider to the household file registry."""
    register_household_events("配后管理", tenancy_events)
