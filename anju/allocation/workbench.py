"""资源配置's items on the workbench (工作台): draft plans to finish and publish, for the officers who make them."""

from __future__ import annotations

from typing import Any

from anju.allocation.choices import PlanStatus
from anju.allocation.permissions import can_edit_allocation
from anju.core.workbench import WorkItemView, register_provider

SOURCE = "资源配置"


def draft_plans(user: Any) -> list[WorkItemView]:
    """Draft allocation plans in the user's jurisdiction (待发布), oldest first."""
    from anju.allocation.selectors import plan_list

    if not can_edit_allocation(user):
        return []
    rows = plan_list(user=user).filter(status=PlanStatus.DRAFT).order_by("created_at")[:50]
    return [
        WorkItemView(
            title=f"待发布资源配置方案 {plan.number}",
            url=plan.get_absolute_url(),
            source=SOURCE,
            created_at=plan.created_at,
            detail=f"{plan.name}：{plan.total_households} 户，{plan.total_units} 套住房，补贴 {plan.total_subsidy} 元",
        )
        for plan in rows
    ]


def register() -> None:
    """Add the provider to the workbench's 待办 tab."""
    register_provider("todo", "资源配置方案", draft_plans)
