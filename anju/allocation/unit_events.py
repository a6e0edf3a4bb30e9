"""资源配置's contribution to 一房一档: the allocation plans that offered a unit.

Registered from `AllocationConfig.ready()`; every event comes from a stored plan resource.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from anju.allocation.models import PlanResource
from anju.housing.timeline import UnitEvent, register_unit_events, url_or_blank

SOURCE = "资源配置"


def plan_events(unit: Any, user: Any) -> Iterable[UnitEvent]:
    """Each plan (in the user's jurisdiction) that offered the unit, with the plan's state."""
    rows = (
        PlanResource.objects.filter(unit=unit, plan__in=_visible_plans(user))
        .select_related("plan")
        .order_by("created_at")
    )
    for row in rows:
        plan = row.plan
        yield UnitEvent(
            when=row.created_at,
            title=f"列入资源配置方案 {plan.number}",
            source=SOURCE,
            detail=f"{plan.name}（{plan.get_status_display()}，{row.get_state_display()}）",
            url=url_or_blank("allocation:plan_detail", plan.pk),
            icon="clipboard-data",
        )


def _visible_plans(user: Any) -> Any:
    from anju.allocation.models import AllocationPlan

    return AllocationPlan.objects.visible_to(user).values("pk")


def register() -> None:
    """Add the provider to the unit file registry."""
    register_unit_events("资源配置方案", plan_events)
