"""拟保障实施方案 (A.3.14): computed from the benefit standards (A.1.7), adjustable by the reviewer with a reason.

Standards come from the rules subsystem: the `BenefitStandard` rows of the enabled rule-set version whose
rule set covers the application's region (longest region prefix wins) and whose mode is the planned
保障方式 (else any enabled version covering the region). Factors used: 保障面积 (per 人户数; the largest
size not above the household's), 公共租赁住房租金 and 租赁补贴 (元/平方米·月).

When the rules subsystem has no such standards, the fallback table below applies (and is named in
`standard_source`): 保障面积 1 人 30 m², 2 人 45 m², 3 人及以上 60 m²; 租金 6.50 元/m²·月; 租赁补贴 10.00 元/m²·月.

Amounts: 实物配租 (security_mode 1x): 标准额度 = 月租金标准 × 面积, no subsidy. 租赁补贴 (30): the
shortfall area = 保障面积 − 现有总建筑面积 (≥ 0); 拟补贴额度 = 补贴标准 × shortfall × 12 (a year),
标准额度 = 补贴标准 × 保障面积 × 12. Other modes: only the area.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.accounts.roles import Role
from anju.admission import events
from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, ProposedPlan
from anju.admission.permissions import region_in_jurisdiction
from anju.core.services.numbers import business_number_next

PLAN_ROLES = (Role.DISTRICT_OFFICER,)
PLAN_STATUSES = frozenset(
    {
        ApplicationStatus.COUNTY_REVIEW,
        ApplicationStatus.PUBLICITY,
        ApplicationStatus.APPROVAL,
        ApplicationStatus.REGISTERING,
    }
)
FALLBACK_AREAS = {1: Decimal("30.00"), 2: Decimal("45.00"), 3: Decimal("60.00")}
FALLBACK_RENT = Decimal("6.50")
FALLBACK_SUBSIDY = Decimal("10.00")
FALLBACK_SOURCE = "系统默认标准（规则子系统未配置保障标准）"
AREA_FACTOR, RENT_FACTOR, SUBSIDY_FACTOR = "保障面积", "公共租赁住房租金", "租赁补贴"
RENTAL_SUBSIDY_MODE = "30"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Standards:
    """The benefit standards that apply to one household: area, rent and subsidy per m², and where they came from."""

    area: Decimal
    rent_per_m2: Decimal
    subsidy_per_m2: Decimal
    source: str


def _size_value(rows: list[tuple[int | None, Decimal]], size: int) -> Decimal | None:
    sized = sorted((s, v) for s, v in rows if s)
    fitting = [v for s, v in sized if s <= max(size, 1)]
    if fitting:
        return fitting[-1]
    return sized[0][1] if sized else next((v for s, v in rows if not s), None)


def standards_for(*, region_code: str, household_size: int, security_mode: str) -> Standards:
    """The standards of the enabled rule-set version covering the region (rules app), else the fallback table."""
    try:
        from anju.rules.models import BenefitStandard
    except ImportError:
        BenefitStandard = None  # noqa: N806 - the rules app is optional here
    if BenefitStandard is not None:
        rows = list(
            BenefitStandard.objects.filter(version__status="enabled", is_enabled=True).values_list(
                "version_id", "version__rule_set__region_code", "version__rule_set__name",
                "version__rule_set__mode__mode", "factor", "household_size", "applied_value",
            )
        )  # fmt: skip
        covering = [r for r in rows if region_code.startswith(r[1].rstrip("0") or r[1])]
        preferred = [r for r in covering if r[3] == security_mode] or covering
        if preferred:
            best = max(preferred, key=lambda r: len(r[1].rstrip("0")))
            version_rows = [r for r in preferred if r[0] == best[0]]
            by_factor: dict[str, list[tuple[int | None, Decimal]]] = {}
            for r in version_rows:
                by_factor.setdefault(r[4], []).append((r[5], r[6]))
            area = _size_value(by_factor.get(AREA_FACTOR, []), household_size)
            if area is not None:
                return Standards(
                    area=area,
                    rent_per_m2=_size_value(by_factor.get(RENT_FACTOR, []), household_size) or Decimal(0),
                    subsidy_per_m2=_size_value(by_factor.get(SUBSIDY_FACTOR, []), household_size) or Decimal(0),
                    source=f"保障标准：{best[2]}",
                )
    area = FALLBACK_AREAS[min(max(household_size, 1), 3)]
    return Standards(area=area, rent_per_m2=FALLBACK_RENT, subsidy_per_m2=FALLBACK_SUBSIDY, source=FALLBACK_SOURCE)


def plan_compute(*, application: Application, security_mode: str) -> dict[str, Any]:
    """The computed 标准额度, 拟补贴额度 and 拟配给房屋面积 of a mode for an application, with the source."""
    std = standards_for(
        region_code=application.region_code, household_size=application.household_size, security_mode=security_mode
    )
    area = std.area.quantize(CENT)
    standard_amount = subsidy = None
    if security_mode == RENTAL_SUBSIDY_MODE:
        shortfall = max(std.area - (application.floor_area_total or Decimal(0)), Decimal(0))
        standard_amount = (std.subsidy_per_m2 * std.area * 12).quantize(CENT, ROUND_HALF_UP)
        subsidy = (std.subsidy_per_m2 * shortfall * 12).quantize(CENT, ROUND_HALF_UP)
    elif security_mode.startswith("1"):
        standard_amount = (std.rent_per_m2 * std.area).quantize(CENT, ROUND_HALF_UP)
        subsidy = Decimal("0.00")
    return {"standard_amount": standard_amount, "subsidy_amount": subsidy, "allocated_area": area, "source": std.source}


def _plan_check(user: Any, application: Application) -> None:
    if not getattr(user, "is_authenticated", False) or not user.has_role(*PLAN_ROLES):
        raise PermissionDenied("只有区县住房保障部门可以制定拟保障实施方案。")
    if not region_in_jurisdiction(user, application.region_code):
        raise PermissionDenied("该申请不在您的管辖范围内。")


def plan_create(*, application: Application, security_mode: str, acting_user: Any, project_category: str = "",
                unit_layout: str = "", note: str = "") -> ProposedPlan:  # fmt: skip
    """Compute and store the proposed plan of an application under review (one plan per application)."""
    _plan_check(acting_user, application)
    errors: dict[str, list[str]] = {}
    if application.status not in PLAN_STATUSES:
        errors["application"] = [f"申请处于“{application.get_status_display()}”阶段，不能制定方案。"]
    if ProposedPlan.objects.filter(application=application).exists():
        errors["application"] = ["该申请已有拟保障实施方案，请修改原方案。"]
    if not security_mode:
        errors["security_mode"] = ["请选择拟住房保障方式。"]
    if errors:
        raise ValidationError(errors)
    values = plan_compute(application=application, security_mode=security_mode)
    plan = ProposedPlan(
        region_code=application.region_code, number="FA-pending", application=application,
        project_category=project_category or "", security_mode=security_mode, unit_layout=unit_layout or "",
        note=(note or "").strip(), standard_amount=values["standard_amount"], subsidy_amount=values["subsidy_amount"],
        allocated_area=values["allocated_area"], computed_standard_amount=values["standard_amount"],
        computed_subsidy_amount=values["subsidy_amount"], computed_allocated_area=values["allocated_area"],
        standard_source=values["source"],
    )  # fmt: skip
    plan.full_clean(exclude=["number"])
    with transaction.atomic():
        plan.number = business_number_next(kind="plan", region_code=application.region_code)
        plan.save()
        events.audit(
            events.APPLICATION_CREATED, user=acting_user, obj=plan,
            detail={"plan": plan.number, "application": application.number, **{k: str(v) for k, v in values.items()}},
        )  # fmt: skip
    return plan


def plan_adjust(*, plan: ProposedPlan, acting_user: Any, standard_amount: Decimal | None, subsidy_amount: Decimal | None,
                allocated_area: Decimal | None, adjustment_reason: str, unit_layout: str | None = None) -> ProposedPlan:  # fmt: skip
    """The reviewer changes the amounts or area; a reason is required and the computed values are kept."""
    _plan_check(acting_user, plan.application)
    errors: dict[str, list[str]] = {}
    if plan.application.status not in PLAN_STATUSES:
        errors["application"] = [f"申请处于“{plan.application.get_status_display()}”阶段，方案不能再修改。"]
    for field, value in (
        ("standard_amount", standard_amount),
        ("subsidy_amount", subsidy_amount),
        ("allocated_area", allocated_area),
    ):
        if value is not None and value < 0:
            errors[field] = ["不能为负数。"]
    if not (adjustment_reason or "").strip():
        errors["adjustment_reason"] = ["修改测算结果时须填写调整原因。"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = ProposedPlan.objects.select_for_update(of=("self",)).get(pk=plan.pk)
        before = {
            f: str(getattr(locked, f)) for f in ("standard_amount", "subsidy_amount", "allocated_area", "unit_layout")
        }
        locked.standard_amount, locked.subsidy_amount, locked.allocated_area = (
            standard_amount,
            subsidy_amount,
            allocated_area,
        )
        if unit_layout is not None:
            locked.unit_layout = unit_layout
        locked.adjustment_reason = adjustment_reason.strip()
        locked.reviewer, locked.reviewed_at = acting_user, timezone.now()
        locked.full_clean()
        locked.save()
        after = {f: str(getattr(locked, f)) for f in before}
        events.audit(
            events.APPLICATION_UPDATED, user=acting_user, obj=locked,
            detail={"plan": locked.number, "before": before, "after": after, "reason": locked.adjustment_reason},
        )  # fmt: skip
    plan.refresh_from_db()
    return plan
