"""The supervision app's contributions to 一户一档: credit records (A.10.3) and complaints (A.10.2).

Registered from `anju.archive` (ArchiveConfig.ready) when this app is installed. A complaint
belongs to a household when its 被投诉对象编号 is the household's application or register
number, or when it led to one of the household's credit records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from anju.archive.household_file import HouseholdEvent, url_or_blank


def _household_credit_records(application: Any, user: Any) -> Any:
    from anju.supervision.models import CreditRecord

    condition = Q(application=application) | Q(register_entry__application=application)
    return CreditRecord.objects.visible_to(user).filter(condition).distinct()


def credit_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """Listing, repair decisions and revocation of the household's credit records."""
    from anju.supervision.models import CreditRepair

    source = "信用档案"
    records = list(_household_credit_records(application, user).order_by("listed_on", "id"))
    for record in records:
        url = url_or_blank("supervision:credit_detail", record.pk)
        yield HouseholdEvent(
            when=record.listed_on,
            title=f"列入信用档案：{record.level_name}（{record.number}）",
            source=source,
            detail=f"{record.get_ground_display()}；惩戒至 {record.ban_until:%Y-%m-%d}；{record.get_state_display()}",
            url=url,
            icon="exclamation-octagon",
        )
        if record.revoked_on:
            yield HouseholdEvent(
                when=record.revoked_on,
                title=f"信用记录撤销：{record.number}",
                source=source,
                detail=record.revocation_reason,
                url=url,
                icon="arrow-counterclockwise",
            )
    repairs = CreditRepair.objects.filter(record__in=records).select_related("record").order_by("decided_on", "id")
    for repair in repairs:
        yield HouseholdEvent(
            when=repair.decided_on,
            title=f"信用修复：{repair.get_decision_display()}（{repair.record.number}）",
            source=source,
            url=url_or_blank("supervision:credit_detail", repair.record_id),
            icon="bandaid",
        )


def complaint_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """Complaints about the household: submitted, handled, closed."""
    from anju.supervision.models import Complaint

    source = "投诉"
    numbers = [application.number]
    register_entry = getattr(application, "register_entry", None)  # a missing one-to-one raises AttributeError
    if register_entry is not None:
        numbers.append(register_entry.number)
    record_ids = _household_credit_records(application, user).values_list("complaint_id", flat=True)
    complaints = (
        Complaint.objects.visible_to(user)
        .filter(Q(target_number__in=numbers) | Q(pk__in=record_ids))
        .order_by("submitted_at", "id")
    )
    for complaint in complaints:
        url = url_or_blank("supervision:complaint_detail", complaint.pk)
        yield HouseholdEvent(
            when=complaint.submitted_at,
            title=f"{complaint.get_kind_display()}：{complaint.title}（{complaint.number}）",
            source=source,
            detail=f"办理状态：{complaint.get_status_display()}",
            url=url,
            icon="chat-left-text",
        )
        if complaint.handled_on:
            yield HouseholdEvent(
                when=complaint.handled_on,
                title=f"投诉处理：{complaint.number}",
                source=source,
                detail=complaint.handling_opinion,
                url=url,
                icon="chat-left-dots",
            )
        if complaint.closed_at:
            yield HouseholdEvent(
                when=complaint.closed_at, title=f"投诉办结：{complaint.number}", source=source, url=url, icon="check2"
            )


def register() -> None:
    """Register the providers (called from ArchiveConfig.ready)."""
    from anju.archive.household_file import register_household_events

    register_household_events("信用档案", credit_events)
    register_household_events("投诉", complaint_events)
