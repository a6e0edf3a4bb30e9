"""支持项目资源配置方案 (A.6.7, A.6.8): suppliers supported in one period with land and subsidies."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from anju.allocation.choices import AllocationState, PlanStatus
from anju.allocation.events import AllocationEvent
from anju.allocation.models import SupportPlan, SupportPlanTarget
from anju.allocation.permissions import allocation_edit_check
from anju.allocation.services.common import acting, audit, number_next
from anju.allocation.services.plans import period_bounds


def _locked(plan: SupportPlan, acting_user: Any) -> SupportPlan:
    locked = SupportPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    allocation_edit_check(acting_user, locked.region_code)
    if locked.status != PlanStatus.DRAFT:
        raise ValidationError(
            f"方案{locked.number}已{locked.get_status_display().removeprefix('已')}，只有草稿方案可以修改。"
        )
    return locked


@transaction.atomic
def support_plan_create(
    *,
    region_code: str,
    support_program: Any,
    name: str,
    period_type: str,
    period: str,
    acting_user: Any,
    support_mode: Any = None,
    target_type: str = "",
) -> SupportPlan:
    """A draft support plan of one support program and period."""
    allocation_edit_check(acting_user, region_code)
    if support_mode is not None and support_mode.program_id != support_program.pk:
        raise ValidationError(
            {"support_mode": [f"支持方式“{support_mode.name}”不属于支持项目“{support_program.name}”。"]}
        )
    period_bounds(period_type, period)
    plan = SupportPlan(
        number=number_next("support_plan", region_code),
        region_code=region_code,
        support_program=support_program,
        support_mode=support_mode,
        name=(name or "").strip(),
        period_type=period_type,
        period=period.strip(),
        target_type=target_type or support_program.get_supplier_type_display(),
        created_by=acting(acting_user),
    )
    plan.full_clean()
    plan.save()
    audit(action="RECORD_CREATED", user=acting_user, obj=plan, event=AllocationEvent.SUPPORT_PLAN_CREATED)
    return plan


def support_plan_totals_recompute(*, plan: SupportPlan) -> SupportPlan:
    """本期支持对象数量、土地分配总面积、补贴总金额 from the targets."""
    totals = plan.targets.exclude(state=AllocationState.WITHDRAWN).aggregate(
        n=Count("id"), land=Sum("land_area"), money=Sum("amount")
    )
    SupportPlan.objects.filter(pk=plan.pk).update(
        target_count=totals["n"],
        land_area_total=totals["land"] or Decimal(0),
        subsidy_total=totals["money"] or Decimal(0),
    )
    plan.refresh_from_db()
    return plan


@transaction.atomic
def support_plan_target_add(
    *, plan: SupportPlan, target_number: str, target_name: str, land_area: Decimal, amount: Decimal, acting_user: Any
) -> SupportPlanTarget:
    """Add a supplier (unit or person) with the land and the subsidy it receives."""
    plan = _locked(plan, acting_user)
    number = (target_number or "").strip()
    errors: dict[str, list[str]] = {}
    if not number:
        errors["target_number"] = ["请填写支持对象编号。"]
    elif plan.targets.filter(target_number=number).exists():
        errors["target_number"] = [f"支持对象“{number}”已在方案中。"]
    if (land_area or 0) < 0 or (amount or 0) < 0:
        errors["amount"] = ["土地面积和补贴金额不能为负数。"]
    if not (land_area or 0) and not (amount or 0):
        errors["amount"] = ["请填写土地面积或补贴金额。"]
    if errors:
        raise ValidationError(errors)
    target = SupportPlanTarget(plan=plan, target_number=number, target_name=(target_name or "").strip(),
                               land_area=land_area or 0, amount=amount or 0)  # fmt: skip
    target.full_clean()
    target.save()
    support_plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.SUPPORT_PLAN_UPDATED,
          detail={"target_added": number})  # fmt: skip
    return target


@transaction.atomic
def support_plan_target_remove(*, plan: SupportPlan, target: SupportPlanTarget, acting_user: Any) -> None:
    """Take a supplier out of a draft support plan."""
    plan = _locked(plan, acting_user)
    if target.plan_id != plan.pk:
        raise ValidationError("该支持对象不在此方案中。")
    number = target.target_number
    target.delete()
    support_plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.SUPPORT_PLAN_UPDATED,
          detail={"target_removed": number})  # fmt: skip


@transaction.atomic
def support_plan_publish(*, plan: SupportPlan, acting_user: Any) -> SupportPlan:
    """发布 a support plan with at least one supplier."""
    plan = support_plan_totals_recompute(plan=_locked(plan, acting_user))
    if not plan.target_count:
        raise ValidationError("方案中没有支持对象，不能发布。")
    plan.status, plan.published_at, plan.published_by = PlanStatus.PUBLISHED, timezone.now(), acting(acting_user)
    plan.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    audit(action="APPROVAL", user=acting_user, obj=plan, event=AllocationEvent.SUPPORT_PLAN_PUBLISHED)
    return plan


@transaction.atomic
def support_plan_close(*, plan: SupportPlan, acting_user: Any) -> SupportPlan:
    """关闭 a support plan."""
    plan = SupportPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    allocation_edit_check(acting_user, plan.region_code)
    if plan.status == PlanStatus.CLOSED:
        raise ValidationError(f"方案{plan.number}已关闭。")
    plan.status = PlanStatus.CLOSED
    plan.save(update_fields=["status", "updated_at"])
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.SUPPORT_PLAN_CLOSED)
    return plan
