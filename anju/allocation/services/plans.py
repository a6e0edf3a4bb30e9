"""资源配置方案 (A.6.5–A.6.9): create a plan per mode and period, add households and resources, publish, close.

Rules: a plan is changed only while it is a draft; a household may be in one open (draft or published) plan
of the same mode; a unit may be offered by one open plan; the totals are recomputed by `plan_totals_recompute`
after every change, never typed. Publishing hands the plan to distribution
(`anju.allocation.selectors.published_plans_visible_to`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from anju.admission.models import RegisterEntry
from anju.allocation import selectors
from anju.allocation.choices import AllocationState, PeriodType, PlanStatus, ResourceCategory, mode_resource_category
from anju.allocation.events import AllocationEvent
from anju.allocation.models import AllocationPlan, PlanHousehold, PlanResource
from anju.allocation.permissions import allocation_edit_check
from anju.allocation.services.common import acting, audit, number_next
from anju.core.scoping import significant_prefix

PERIOD_PATTERNS = {
    PeriodType.MONTH: (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), "2026-11"),
    PeriodType.QUARTER: (re.compile(r"^(\d{4})-Q([1-4])$"), "2026-Q4"),
    PeriodType.YEAR: (re.compile(r"^(\d{4})$"), "2026"),
}
PERIOD_MONTHS = {PeriodType.MONTH: 1, PeriodType.QUARTER: 3, PeriodType.YEAR: 12}
CENT = Decimal("0.01")
EDITABLE_FIELDS = ("name", "period_type", "period", "target_type", "note")


def period_bounds(period_type: str, period: str) -> tuple[date, date]:
    """First and last day of a period (2026-11, 2026-Q4, 2026); Chinese ValidationError when malformed."""
    if period_type not in PERIOD_PATTERNS:
        raise ValidationError({"period_type": ["请选择周期类型（月、季、年）。"]})
    pattern, example = PERIOD_PATTERNS[period_type]
    match = pattern.match((period or "").strip())
    if not match:
        label = PeriodType(period_type).label
        raise ValidationError({"period": [f"周期格式不正确：按{label}填写，如 {example}。"]})
    year = int(match.group(1))
    if period_type == PeriodType.MONTH:
        first_month = last_month = int(match.group(2))
    elif period_type == PeriodType.QUARTER:
        first_month = (int(match.group(2)) - 1) * 3 + 1
        last_month = first_month + 2
    else:
        first_month, last_month = 1, 12
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def _draft_check(plan: AllocationPlan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(
            f"方案{plan.number}已{plan.get_status_display().removeprefix('已')}，只有草稿方案可以修改。"
        )


def _mode_check(program: Any, mode: str) -> None:
    from anju.rules.models import Mode
    from anju.rules.selectors import dictionary_name

    if not mode:
        raise ValidationError({"mode": ["请选择保障方式。"]})
    modes = set(Mode.objects.filter(program=program, is_enabled=True).values_list("mode", flat=True))
    if modes and mode not in modes:
        raise ValidationError(
            {"mode": [f"保障项目“{program.name}”没有“{dictionary_name('security_mode', mode)}”保障方式。"]}
        )


@transaction.atomic
def plan_create(
    *,
    region_code: str,
    program: Any,
    mode: str,
    name: str,
    period_type: str,
    period: str,
    acting_user: Any,
    target_type: str = "",
    note: str = "",
) -> AllocationPlan:
    """A draft allocation plan of one program, mode and period for a region of the user's jurisdiction."""
    allocation_edit_check(acting_user, region_code)
    if not (region_code or "").startswith(
        significant_prefix(program.region_code)
    ) and not program.region_code.startswith(significant_prefix(region_code)):
        raise ValidationError({"program": [f"保障项目“{program.name}”不适用于该区划。"]})
    _mode_check(program, mode)
    period_bounds(period_type, period)
    plan = AllocationPlan(
        number=number_next("allocation_plan", region_code),
        region_code=region_code,
        program=program,
        mode=mode,
        name=(name or "").strip(),
        period_type=period_type,
        period=period.strip(),
        target_type=target_type,
        note=note,
        created_by=acting(acting_user),
    )
    plan.full_clean()
    plan.save()
    audit(action="RECORD_CREATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_CREATED,
          detail={"mode": mode, "period": plan.period})  # fmt: skip
    return plan


@transaction.atomic
def plan_update(*, plan: AllocationPlan, data: dict[str, Any], acting_user: Any) -> AllocationPlan:
    """Change the name, period, target type or note of a draft plan."""
    plan = AllocationPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    allocation_edit_check(acting_user, plan.region_code)
    _draft_check(plan)
    changes = {}
    for name in EDITABLE_FIELDS:
        if name in data and getattr(plan, name) != data[name]:
            changes[name] = [str(getattr(plan, name)), str(data[name])]
            setattr(plan, name, data[name])
    period_bounds(plan.period_type, plan.period)
    plan.full_clean()
    plan.save()
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=plan,
        event=AllocationEvent.PLAN_UPDATED,
        detail={"changes": changes},
    )
    return plan


def plan_totals_recompute(*, plan: AllocationPlan) -> AllocationPlan:
    """本期保障总户数、住房分配总套数、总面积、补贴总金额 from the plan's rows (one aggregate each)."""
    households = plan.households.exclude(state=AllocationState.WITHDRAWN).count()
    resources = plan.resources.exclude(state=AllocationState.WITHDRAWN).aggregate(
        units=Count("id", filter=Q(unit__isnull=False)),
        area=Sum("unit__floor_area"),
        subsidy=Sum("amount", filter=Q(resource_category=ResourceCategory.FUNDS)),
    )
    AllocationPlan.objects.filter(pk=plan.pk).update(
        total_households=households, total_units=resources["units"] or 0,
        total_area=resources["area"] or Decimal(0), total_subsidy=resources["subsidy"] or Decimal(0),
    )  # fmt: skip
    plan.refresh_from_db()
    return plan


def _locked_plan(plan: AllocationPlan, acting_user: Any) -> AllocationPlan:
    locked = AllocationPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    allocation_edit_check(acting_user, locked.region_code)
    _draft_check(locked)
    return locked


@transaction.atomic
def plan_households_add(*, plan: AllocationPlan, entries: Iterable[RegisterEntry], acting_user: Any) -> int:
    """Add chosen registered households (all or nothing); refuses exited households, other regions and a
    household already in an open plan of the same mode. Returns how many were added."""
    plan = _locked_plan(plan, acting_user)
    ids = sorted({entry.pk for entry in entries})
    if not ids:
        raise ValidationError("请选择要加入方案的家庭。")
    # rows locked in id order: a concurrent add of the same household to another plan of the mode waits, then sees it
    rows = list(RegisterEntry.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk"))
    prefix = significant_prefix(plan.region_code)
    elsewhere = dict(
        PlanHousehold.objects.filter(
            register_entry_id__in=ids, plan__mode=plan.mode, plan__status__in=selectors.OPEN_STATUSES
        )
        .exclude(state=AllocationState.WITHDRAWN)
        .exclude(plan=plan)
        .values_list("register_entry_id", "plan__number")
    )
    already = set(plan.households.filter(register_entry_id__in=ids).values_list("register_entry_id", flat=True))
    problems = []
    for entry in rows:
        label = f"{entry.applicant_name}（登记编号 {entry.number}）"
        if not entry.region_code.startswith(prefix):
            problems.append(f"{label}不在方案所属区划内。")
        elif not entry.is_active:
            problems.append(f"{label}已退出保障，不能加入方案。")
        elif entry.pk in elsewhere:
            problems.append(f"{label}已在同一保障方式的未关闭方案 {elsewhere[entry.pk]} 中，不能重复加入。")
    if len(rows) != len(ids):
        problems.append("部分家庭不存在。")
    if problems:
        raise ValidationError(problems[:20] + ([f"另有{len(problems) - 20}户不能加入。"] if len(problems) > 20 else []))
    new = [PlanHousehold(plan=plan, register_entry=entry) for entry in rows if entry.pk not in already]
    PlanHousehold.objects.bulk_create(new)
    plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_HOUSEHOLDS_ADDED,
          detail={"count": len(new), "entries": [e.register_entry.number for e in new[:200]]})  # fmt: skip
    return len(new)


@transaction.atomic
def plan_households_add_by_filter(*, plan: AllocationPlan, filters: dict[str, Any], acting_user: Any) -> int:
    """Bulk add: every candidate household matching the filters (set-wise; conflicts are left out, not refused)."""
    plan = _locked_plan(plan, acting_user)
    candidates = selectors.household_candidates(user=acting_user, plan=plan, filters=filters) if acting_user else (
        selectors.register_filter(
            RegisterEntry.objects.active().within(plan.region_code)
            .exclude(selectors.open_plan_household_q(plan.mode)).exclude(plan_households__plan=plan), filters,
        )
    )  # fmt: skip
    ids = list(candidates.values_list("pk", flat=True))
    locked = list(
        RegisterEntry.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk").values_list("pk", flat=True)
    )
    ids = list(
        RegisterEntry.objects.filter(pk__in=locked)
        .exclude(selectors.open_plan_household_q(plan.mode))
        .values_list("pk", flat=True)
    )  # re-read after the lock: a household another plan took meanwhile is left out
    if not ids:
        raise ValidationError("没有符合条件且可加入的家庭。")
    PlanHousehold.objects.bulk_create([PlanHousehold(plan=plan, register_entry_id=pk) for pk in ids], batch_size=2000)
    plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_HOUSEHOLDS_ADDED,
          detail={"count": len(ids), "filters": {k: str(v) for k, v in filters.items() if v}})  # fmt: skip
    return len(ids)


@transaction.atomic
def plan_household_remove(*, plan: AllocationPlan, household: PlanHousehold, acting_user: Any) -> None:
    """Take a household out of a draft plan (and its subsidy row, if any)."""
    plan = _locked_plan(plan, acting_user)
    if household.plan_id != plan.pk:
        raise ValidationError("该家庭不在此方案中。")
    number = household.register_entry.number
    plan.resources.filter(resource_number=_subsidy_number(number)).delete()
    household.delete()
    plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_HOUSEHOLD_REMOVED,
          detail={"entry": number})  # fmt: skip


@transaction.atomic
def plan_units_add(*, plan: AllocationPlan, units: Iterable[Any], acting_user: Any) -> int:
    """Offer allocatable units (已交付/空置, handed over, in the plan's region, in no other open plan) in a housing plan."""
    from anju.housing.models import Unit
    from anju.housing.services.units import ALLOCATABLE_STATES

    plan = _locked_plan(plan, acting_user)
    if mode_resource_category(plan.mode) != ResourceCategory.HOUSING:
        raise ValidationError("补贴类方案不配置住房，请测算补贴金额。")
    ids = sorted({unit.pk for unit in units})
    if not ids:
        raise ValidationError("请选择要配置的住房。")
    rows = list(Unit.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk"))
    prefix = significant_prefix(plan.region_code)
    offered = dict(
        PlanResource.objects.filter(unit_id__in=ids, plan__status__in=selectors.OPEN_STATUSES)
        .exclude(state=AllocationState.WITHDRAWN).exclude(plan=plan).values_list("unit_id", "plan__number")
    )  # fmt: skip
    already = set(plan.resources.filter(unit_id__in=ids).values_list("unit_id", flat=True))
    problems = []
    for unit in rows:
        if not unit.region_code.startswith(prefix):
            problems.append(f"{unit.number}：不在方案所属区划内。")
        elif unit.state not in ALLOCATABLE_STATES or not unit.handover_id:
            problems.append(f"{unit.number}：住房状态为“{unit.get_state_display()}”，不是可配置房源。")
        elif unit.pk in offered:
            problems.append(f"{unit.number}：已在未关闭的方案 {offered[unit.pk]} 中。")
    if len(rows) != len(ids):
        problems.append("部分住房不存在。")
    if problems:
        raise ValidationError(
            problems[:20] + ([f"另有{len(problems) - 20}套住房不能配置。"] if len(problems) > 20 else [])
        )
    new = [
        PlanResource(plan=plan, resource_category=ResourceCategory.HOUSING, unit=unit, resource_number=unit.number)
        for unit in rows if unit.pk not in already
    ]  # fmt: skip
    PlanResource.objects.bulk_create(new)
    plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_RESOURCES_ADDED,
          detail={"units": [r.resource_number for r in new[:200]], "count": len(new)})  # fmt: skip
    return len(new)


def _subsidy_number(entry_number: str) -> str:
    return f"BT-{entry_number}"


def subsidy_amount_compute(*, entry: RegisterEntry, plan: AllocationPlan) -> tuple[Decimal, str]:
    """The subsidy of a household for the plan's period from the benefit standards (rules BenefitStandard):
    subsidy per m²·month × (standard area − the household's floor area) × months of the period; and its source."""
    from anju.admission.services.plans import standards_for

    std = standards_for(
        region_code=entry.region_code, household_size=entry.household_size or 1, security_mode=plan.mode
    )
    shortfall = max(std.area - (entry.floor_area_total or Decimal(0)), Decimal(0))
    amount = (std.subsidy_per_m2 * shortfall * PERIOD_MONTHS[plan.period_type]).quantize(CENT, ROUND_HALF_UP)
    return amount, std.source


@transaction.atomic
def plan_subsidies_compute(*, plan: AllocationPlan, acting_user: Any) -> int:
    """For a subsidy plan: one money resource per household, amount computed from the standards (recomputed if present)."""
    plan = _locked_plan(plan, acting_user)
    if mode_resource_category(plan.mode) != ResourceCategory.FUNDS:
        raise ValidationError("实物配租、配售方案请配置住房，不测算补贴。")
    households = list(plan_households_rows(plan))
    if not households:
        raise ValidationError("方案中还没有家庭，请先加入保障对象。")
    existing = {r.resource_number: r for r in plan.resources.filter(resource_category=ResourceCategory.FUNDS)}
    new, changed = [], []
    for row in households:
        amount, _source = subsidy_amount_compute(entry=row.register_entry, plan=plan)
        number = _subsidy_number(row.register_entry.number)
        if number in existing:
            existing[number].amount = amount
            changed.append(existing[number])
        else:
            new.append(
                PlanResource(plan=plan, resource_category=ResourceCategory.FUNDS, resource_number=number, amount=amount)
            )
    PlanResource.objects.bulk_create(new)
    PlanResource.objects.bulk_update(changed, ["amount"])
    plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_RESOURCES_ADDED,
          detail={"subsidies": len(new) + len(changed), "total": str(plan.total_subsidy)})  # fmt: skip
    return len(new) + len(changed)


def plan_households_rows(plan: AllocationPlan) -> Any:
    """The plan's households that are not withdrawn, with their register entries."""
    return plan.households.exclude(state=AllocationState.WITHDRAWN).select_related("register_entry").order_by("id")


@transaction.atomic
def plan_fund_add(*, plan: AllocationPlan, amount: Decimal, resource_number: str, acting_user: Any) -> PlanResource:
    """Add an amount of money (e.g. a lump sum for 货币补偿) to a subsidy plan."""
    plan = _locked_plan(plan, acting_user)
    if mode_resource_category(plan.mode) != ResourceCategory.FUNDS:
        raise ValidationError("实物配租、配售方案请配置住房。")
    if amount is None or amount <= 0:
        raise ValidationError({"amount": ["金额应大于0。"]})
    number = (resource_number or "").strip() or f"ZJ-{plan.number}-{plan.resources.count() + 1:04d}"
    if plan.resources.filter(resource_number=number).exists():
        raise ValidationError({"resource_number": [f"资源编号“{number}”已在方案中。"]})
    resource = PlanResource(plan=plan, resource_category=ResourceCategory.FUNDS, resource_number=number, amount=amount)
    resource.full_clean()
    resource.save()
    plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_RESOURCES_ADDED,
          detail={"resource": number, "amount": str(amount)})  # fmt: skip
    return resource


@transaction.atomic
def plan_resource_remove(*, plan: AllocationPlan, resource: PlanResource, acting_user: Any) -> None:
    """Take a unit or an amount out of a draft plan."""
    plan = _locked_plan(plan, acting_user)
    if resource.plan_id != plan.pk:
        raise ValidationError("该资源不在此方案中。")
    number = resource.resource_number
    resource.delete()
    plan_totals_recompute(plan=plan)
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_RESOURCE_REMOVED,
          detail={"resource": number})  # fmt: skip


@transaction.atomic
def plan_publish(*, plan: AllocationPlan, acting_user: Any) -> AllocationPlan:
    """发布: a complete draft becomes published and distribution may make rounds from it."""
    plan = _locked_plan(plan, acting_user)
    plan = plan_totals_recompute(plan=plan)
    problems = []
    if not plan.total_households:
        problems.append("方案中没有保障对象，不能发布。")
    if mode_resource_category(plan.mode) == ResourceCategory.HOUSING and not plan.total_units:
        problems.append("实物配置方案中没有住房，不能发布。")
    if mode_resource_category(plan.mode) == ResourceCategory.FUNDS and plan.total_subsidy <= 0:
        problems.append("补贴方案的补贴总金额为0，请先测算补贴。")
    if problems:
        raise ValidationError(problems)
    plan.status, plan.published_at, plan.published_by = PlanStatus.PUBLISHED, timezone.now(), acting(acting_user)
    plan.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    audit(action="APPROVAL", user=acting_user, obj=plan, event=AllocationEvent.PLAN_PUBLISHED,
          detail={"households": plan.total_households, "units": plan.total_units, "subsidy": str(plan.total_subsidy)})  # fmt: skip
    return plan


@transaction.atomic
def plan_close(*, plan: AllocationPlan, acting_user: Any, reason: str = "") -> AllocationPlan:
    """关闭: a draft or published plan ends; its households may join another plan of the same mode."""
    plan = AllocationPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    allocation_edit_check(acting_user, plan.region_code)
    if plan.status == PlanStatus.CLOSED:
        raise ValidationError(f"方案{plan.number}已关闭。")
    plan.status = PlanStatus.CLOSED
    if reason:
        plan.note = f"{plan.note}\n关闭原因：{reason}".strip()
    plan.save(update_fields=["status", "note", "updated_at"])
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=plan,
        event=AllocationEvent.PLAN_CLOSED,
        detail={"reason": reason},
    )
    return plan


@transaction.atomic
def plan_allocation_record(
    *, plan: AllocationPlan, register_entry: RegisterEntry, unit: Any = None, acting_user: Any = None
) -> PlanHousehold:
    """已配置: distribution records that a household of a published plan got its unit or subsidy (A.6.6/A.6.9 states)."""
    plan = AllocationPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
    if plan.status != PlanStatus.PUBLISHED:
        raise ValidationError(f"方案{plan.number}未发布或已关闭，不能登记配置结果。")
    household = plan.households.filter(register_entry=register_entry).first()
    if household is None:
        raise ValidationError(
            f"{register_entry.applicant_name}（登记编号 {register_entry.number}）不在方案{plan.number}中。"
        )
    now = timezone.now()
    household.state, household.allocated_at = AllocationState.ALLOCATED, now
    household.save(update_fields=["state", "allocated_at", "updated_at"])
    number = unit.number if unit is not None else _subsidy_number(register_entry.number)
    plan.resources.filter(resource_number=number).update(
        state=AllocationState.ALLOCATED, allocated_on=timezone.localdate(now), updated_at=now
    )
    audit(action="RECORD_UPDATED", user=acting_user, obj=plan, event=AllocationEvent.PLAN_UPDATED,
          detail={"allocated": register_entry.number, "resource": number})  # fmt: skip
    return household
