"""The allocation app's contributions to 一户一档: the allocation plans (A.6.5/A.6.6) a household was in.

Registered from `anju.archive` (ArchiveConfig.ready) when this app is installed; the household
itself is scoped by the archive's selector, and these are its own rows (keyed by its register entry).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from anju.archive.household_file import HouseholdEvent, url_or_blank

SOURCE = "配置方案"


def plan_household_events(application: Any, user: Any) -> Iterable[HouseholdEvent]:
    """Being listed in an allocation plan, and being allocated or withdrawn in it."""
    from anju.allocation.choices import AllocationState
    from anju.allocation.models import PlanHousehold

    rows = (
        PlanHousehold.objects.filter(register_entry__application=application)
        .select_related("plan")
        .order_by("created_at", "id")
    )
    for row in rows:
        plan = row.plan
        url = url_or_blank("allocation:plan_detail", plan.pk)
        yield HouseholdEvent(
            when=row.created_at,
            title=f"列入配置方案：{plan.number} {plan.name}",
            source=SOURCE,
            detail=f"方案状态：{plan.get_status_display()}；配置状态：{row.get_state_display()}",
            url=url,
            icon="list-check",
        )
        if row.allocated_at:
            done = row.state != AllocationState.WITHDRAWN
            yield HouseholdEvent(
                when=row.allocated_at,
                title=f"{'方案配置完成' if done else '撤出配置方案'}：{plan.number}",
                source=SOURCE,
                url=url,
                icon="check2-all" if done else "dash-circle",
            )


def register() -> None:
    """Register the provider (called from ArchiveConfig.ready)."""
    from anju.archive.household_file import register_household_events

    register_household_events(SOURCE, plan_household_events)
