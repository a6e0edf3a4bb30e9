"""The distribution app's contributions to 一户一档: queue, lottery, selection, contracts, subsidies.

Registered from `anju.archive` (ArchiveConfig.ready) when this app is installed. Reads models
only. The household is scoped by the archive's selector; queue, lottery and selection rows are
its own (keyed by its register entry, they carry the round's region); contracts and subsidies
carry the household's region and are read through `visible_to`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from anju.archive.household_file import HouseholdEvent, url_or_blank

SOURCE = "配给管理"


def queue_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """The household's place in each round's waitlist order (配给顺序, A.7.1) and any decided move."""
    from anju.distribution.models import QueueEntry, QueueReorder

    entries = list(
        QueueEntry.objects.filter(register_entry__application=application)
        .select_related("round")
        .order_by("created_at", "id")
    )
    for entry in entries:
        round_ = entry.round
        group = f"{entry.group}组 " if entry.group else ""
        yield HouseholdEvent(
            when=round_.ordered_at or entry.created_at,
            title=f"轮候排序：批次 {round_.number}，{group}第 {entry.position} 位",
            source=SOURCE,
            detail=f"积分 {entry.points}",
            url=url_or_blank("distribution:round_detail", round_.pk),
            icon="sort-numeric-down",
        )
    reorders = (
        QueueReorder.objects.filter(entry__in=entries).select_related("entry__round").order_by("decided_at", "id")
    )
    for reorder in reorders:
        yield HouseholdEvent(
            when=reorder.decided_at,
            title=f"顺序调整：第 {reorder.from_position} 位 → 第 {reorder.to_position} 位",
            source=SOURCE,
            detail=f"{reorder.decision_number}；{reorder.reason}",
            url=url_or_blank("distribution:round_detail", reorder.entry.round_id),
            icon="arrow-down-up",
        )


def lottery_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """Lotteries the household took part in: the published list and, after the draw, its rank."""
    from anju.distribution.models import LotteryParticipant

    rows = (
        LotteryParticipant.objects.filter(register_entry__application=application)
        .select_related("lottery", "lottery__round")
        .order_by("lottery__committed_at", "id")
    )
    for row in rows:
        lottery = row.lottery
        url = url_or_blank("distribution:round_detail", lottery.round_id)
        yield HouseholdEvent(
            when=lottery.committed_at,
            title=f"参加摇号：{lottery.number}（参与编号 {row.ticket}）",
            source=SOURCE,
            detail=f"批次 {lottery.round.number}；参与 {lottery.participant_count} 户",
            url=url,
            icon="shuffle",
        )
        if lottery.drawn_at and row.rank is not None:
            yield HouseholdEvent(
                when=lottery.drawn_at,
                title=f"摇号结果：第 {row.rank} 号{'（候补）' if row.is_substitute else ''}",
                source=SOURCE,
                detail=f"摇号 {lottery.number}",
                url=url,
                icon="trophy",
            )


def selection_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """选房 (A.7.2): the window, the unit chosen, the review and the outcome."""
    from anju.distribution.models import Selection

    rows = (
        Selection.objects.filter(register_entry__application=application)
        .select_related("round", "unit")
        .order_by("created_at", "id")
    )
    for selection in rows:
        url = url_or_blank("distribution:round_detail", selection.round_id)
        if selection.window_start:
            end = f" 至 {selection.window_end:%Y-%m-%d %H:%M}" if selection.window_end else ""
            yield HouseholdEvent(
                when=selection.window_start,
                title=f"选房时段开始：批次 {selection.round.number}，第 {selection.order} 号",
                source=SOURCE,
                detail=f"选房时段 {selection.window_start:%Y-%m-%d %H:%M}{end}",
                url=url,
                icon="clock",
            )
        if selection.chosen_at:
            unit = selection.unit
            yield HouseholdEvent(
                when=selection.chosen_at,
                title=f"选房：{unit.number if unit else '未记录房屋'}",
                source=SOURCE,
                detail=f"当前状态：{selection.get_status_display()}"
                + (f"；{selection.status_reason}" if selection.status_reason else ""),
                url=url_or_blank("housing:unit_detail", unit.pk) if unit else url,
                icon="key",
            )
        elif selection.status in ("waived", "missed"):
            yield HouseholdEvent(
                when=selection.updated_at,
                title=f"选房：{selection.get_status_display()}",
                source=SOURCE,
                detail=selection.status_reason,
                url=url,
                icon="x-circle",
            )
        if selection.is_reviewed and selection.reviewed_at:
            yield HouseholdEvent(
                when=selection.reviewed_at, title="选房审核确认", source=SOURCE, url=url, icon="check2-square"
            )


def _contracts(application: Any, user: Any) -> Any:
    from anju.distribution.models import Contract

    return Contract.objects.visible_to(user).filter(register_entry__application=application)


def contract_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """合同 (A.7.3): drafted, signed, effective, renewal requested, terminated."""
    source = "合同"
    for contract in _contracts(application, user).select_related("unit").order_by("created_at", "id"):
        url = url_or_blank("distribution:contract_detail", contract.pk)
        label = f"{contract.get_contract_type_display()} {contract.number}"
        unit = f"；房屋 {contract.unit.number}" if contract.unit_id else ""
        yield HouseholdEvent(
            when=contract.created_at,
            title=f"拟定{label}",
            source=source,
            detail=f"合同状态：{contract.get_status_display()}{unit}",
            url=url,
            icon="file-earmark-plus",
        )
        if contract.signed_at:
            yield HouseholdEvent(when=contract.signed_at, title=f"签订{label}", source=source, url=url, icon="pen")
        if contract.effective_on:
            expires = f"，至 {contract.expires_on:%Y-%m-%d}" if contract.expires_on else ""
            yield HouseholdEvent(
                when=contract.effective_on,
                title=f"合同生效：{contract.number}",
                source=source,
                detail=f"有效期 {contract.term_months} 个月{expires}",
                url=url,
                icon="calendar-check",
            )
        if contract.renewal_requested_at:
            yield HouseholdEvent(
                when=contract.renewal_requested_at,
                title=f"申请续签：{contract.number}",
                source=source,
                url=url,
                icon="arrow-repeat",
            )
        if contract.terminated_on:
            yield HouseholdEvent(
                when=contract.terminated_on,
                title=f"合同解除：{contract.number}",
                source=source,
                detail=contract.termination_reason,
                url=url,
                icon="x-octagon",
            )


def subsidy_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """补贴应发 (A.7.5) and 补贴实发 (A.7.6) of the household's contracts."""
    from anju.distribution.models import SubsidyDue, SubsidyPayment

    source = "补贴发放"
    contract_ids = _contracts(application, user).values_list("pk", flat=True)
    dues = list(
        SubsidyDue.objects.filter(contract__in=contract_ids).select_related("contract").order_by("due_on", "id")
    )
    for due in dues:
        yield HouseholdEvent(
            when=due.due_on,
            title=f"补贴应发：{due.year}年{due.month}月 {due.amount} 元",
            source=source,
            detail=f"{due.number}；合同 {due.contract.number}",
            url=url_or_blank("distribution:subsidy_due_detail", due.pk),
            icon="cash-coin",
        )
    for payment in SubsidyPayment.objects.filter(due__in=dues).select_related("due").order_by("paid_on", "id"):
        shortfall = f"；不足 {payment.shortfall} 元（{payment.shortfall_reason}）" if payment.shortfall else ""
        yield HouseholdEvent(
            when=payment.paid_on,
            title=f"补贴实发：{payment.due.year}年{payment.due.month}月 {payment.paid_amount} 元",
            source=source,
            detail=f"{payment.number}；{payment.get_status_display()}；{payment.get_method_display()}{shortfall}",
            url=url_or_blank("distribution:subsidy_due_detail", payment.due_id),
            icon="cash-stack",
        )


def register() -> None:
    """Register the providers (called from ArchiveConfig.ready)."""
    from anju.archive.household_file import register_household_events

    register_household_events("轮候排序", queue_events)
    register_household_events("摇号", lottery_events)
    register_household_events("选房", selection_events)
    register_household_events("合同", contract_events)
    register_household_events("补贴发放", subsidy_events)
