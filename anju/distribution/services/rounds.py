"""配给批次: a round is created from a published allocation plan (its households and units) and closed at the end.

State of a round (RoundState):

    waitlist:  草稿 --queue_compute--> 已排序 --selections_open--> 选房中 --round_close--> 已结束
    lottery:   草稿 --lottery_commit--> 已公布摇号承诺 --lottery_draw--> 已摇号 --selections_open--> 选房中 --> 已结束
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.allocation.choices import AllocationState, PlanStatus, ResourceCategory
from anju.allocation.models import AllocationPlan, PlanHousehold, PlanResource
from anju.core.services.numbers import business_number_next
from anju.distribution.choices import RoundMethod, RoundState, SelectionStatus
from anju.distribution.events_rounds import RoundEvent
from anju.distribution.models import AllocationRound, Selection
from anju.distribution.services.common_rounds import actor, audit, distribution_edit_check

ROUND_NUMBER_KIND = "selection"  # XF…: 选房（配给）批次


def ordering_scheme_for_plan(plan: AllocationPlan, as_of: Any = None) -> Any:
    """The ordering scheme (轮候排队规则) of the rule set version in force for the plan's program and mode, or None."""
    from anju.rules.services.evaluation import versions_in_force

    as_of = as_of or timezone.localdate()
    for version in versions_in_force(mode=plan.mode, as_of=as_of, region_code=plan.region_code):
        if version.rule_set.mode.program_id != plan.program_id:
            continue
        scheme = getattr(version, "ordering_scheme", None)
        if scheme is not None:
            return scheme
    return None


def plan_households(plan: AllocationPlan) -> Any:
    """The plan's households still in it (A.6.6, not withdrawn)."""
    return PlanHousehold.objects.filter(plan=plan).exclude(state=AllocationState.WITHDRAWN)


def plan_units(plan: AllocationPlan) -> Any:
    """The plan's housing resources (A.6.9 with a unit, not withdrawn)."""
    return PlanResource.objects.filter(
        plan=plan, resource_category=ResourceCategory.HOUSING, unit__isnull=False
    ).exclude(state=AllocationState.WITHDRAWN)


@transaction.atomic
def round_create(
    *,
    plan: AllocationPlan,
    acting_user: Any,
    method: str = RoundMethod.WAITLIST,
    name: str = "",
    window_minutes: int = 30,
) -> AllocationRound:
    """新建配给批次 from a published plan; one open round per plan."""
    distribution_edit_check(acting_user, plan.region_code)
    if plan.status != PlanStatus.PUBLISHED:
        raise ValidationError("只有已发布的资源配置方案可以组织配给。")
    if method not in RoundMethod.values:
        raise ValidationError({"method": ["请选择配给方式。"]})
    if AllocationRound.objects.filter(plan=plan).exclude(state=RoundState.CLOSED).exists():
        raise ValidationError("该方案已有未结束的配给批次。")
    if not plan_households(plan).exists():
        raise ValidationError("该方案没有保障对象，不能组织配给。")
    if not window_minutes or window_minutes < 1:
        raise ValidationError({"window_minutes": ["每户选房时限至少 1 分钟。"]})
    user = actor(acting_user)
    round_ = AllocationRound(
        number=business_number_next(kind=ROUND_NUMBER_KIND, region_code=plan.region_code),
        region_code=plan.region_code,
        plan=plan,
        name=(name or "").strip() or f"{plan.name} 配给",
        method=method,
        ordering_scheme=ordering_scheme_for_plan(plan) if method == RoundMethod.WAITLIST else None,
        window_minutes=window_minutes,
        created_by=user,
        updated_by=user,
    )
    round_.full_clean()
    round_.save()
    audit(
        action="RECORD_CREATED",
        user=acting_user,
        obj=round_,
        event=RoundEvent.ROUND_CREATED,
        detail={
            "plan": plan.number,
            "method": method,
            "households": plan_households(plan).count(),
            "units": plan_units(plan).count(),
        },
    )
    return round_


def round_lock(round_: AllocationRound) -> AllocationRound:
    """The round row, locked for this transaction (PostgreSQL: FOR UPDATE OF the round only)."""
    return AllocationRound.objects.select_for_update(of=("self",)).get(pk=round_.pk)


@transaction.atomic
def round_close(*, round_: AllocationRound, acting_user: Any, now: datetime | None = None) -> AllocationRound:
    """结束配给批次: households still waiting are recorded as missed; the round closes."""
    distribution_edit_check(acting_user, round_.region_code)
    locked = round_lock(round_)
    if locked.state == RoundState.CLOSED:
        raise ValidationError("该批次已结束。")
    now = now or timezone.now()
    waiting = Selection.objects.filter(round=locked, status=SelectionStatus.WAITING)
    missed = waiting.update(
        status=SelectionStatus.MISSED, status_reason="批次结束时仍未选房", updated_at=now, updated_by=actor(acting_user)
    )
    locked.state = RoundState.CLOSED
    locked.updated_by = actor(acting_user)
    locked.save(update_fields=["state", "updated_by", "updated_at"])
    audit(
        action="RECORD_UPDATED", user=acting_user, obj=locked, event=RoundEvent.ROUND_CLOSED, detail={"missed": missed}
    )
    round_.state = locked.state
    return locked
