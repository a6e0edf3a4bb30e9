"""Writes of the rules app: versions (修改 → 生成模板 → 启用/停止), conditions, parameters, programs.

Only 市保障处 (city_officer) within its jurisdiction writes rules; every write is audited.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from anju.core.scoping import jurisdiction_prefix
from anju.rules.choices import ConditionKind, VersionStatus
from anju.rules.factors import FACTORS, MEMBER

EDITOR_ROLES = ("city_officer",)


def _audit(action: str, *, user: Any, obj: Any, detail: dict[str, Any], region_code: str = "") -> None:
    from anju.audit.services import audit_event_record

    audit_event_record(action=action, user=user, obj=obj, detail=detail, region_code=region_code)


def _events():
    from anju.audit.events import AuditAction

    return AuditAction


def editor_check(user: Any, region_code: str) -> None:
    """PermissionDenied unless the user is a city officer whose jurisdiction covers the region."""
    if not getattr(user, "is_authenticated", False) or not user.has_role(*EDITOR_ROLES):
        raise PermissionDenied("只有市保障处可以修改保障规则。")
    prefix = jurisdiction_prefix(user)
    if prefix is None or not region_code.startswith(prefix):
        raise PermissionDenied("该规则不在您的管辖范围内。")


def _draft_check(version: Any) -> None:
    if version.status != VersionStatus.DRAFT:
        raise ValidationError("只能修改草稿版本；请先“生成模板”得到新的草稿。")


# --- versions ------------------------------------------------------------------------------------


@transaction.atomic
def version_copy(*, version: Any, acting_user: Any, note: str = "") -> Any:
    """生成模板: copy a version (conditions, standards, ordering scheme) into a new draft."""
    from anju.rules.models import OrderingScheme, RuleSetVersion

    editor_check(acting_user, version.rule_set.region_code)
    rule_set = version.rule_set
    number = (rule_set.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = RuleSetVersion(
        rule_set=rule_set, number=number, status=VersionStatus.DRAFT, based_on=version,
        note=note or f"由第{version.number}版生成", created_by=acting_user,
    )
    draft.full_clean()
    draft.save()
    mapping: dict[int, Any] = {}
    pending = list(version.conditions.order_by("parent_id", "sequence", "id"))
    while pending:  # parents before children
        rest = []
        for condition in pending:
            if condition.parent_id and condition.parent_id not in mapping:
                rest.append(condition)
                continue
            old_pk = condition.pk
            condition.pk = None
            condition.id = None
            condition.version = draft
            condition.parent = mapping.get(condition.parent_id) if condition.parent_id else None
            condition.save()
            mapping[old_pk] = condition
        if len(rest) == len(pending):
            break
        pending = rest
    for standard in version.standards.all():
        standard.pk = None
        standard.id = None
        standard.version = draft
        standard.save()
    scheme = OrderingScheme.objects.filter(version=version).first()
    if scheme is not None:
        factors = list(scheme.factors.all())
        scheme.pk = None
        scheme.id = None
        scheme.version = draft
        scheme.save()
        for factor in factors:
            factor.pk = None
            factor.id = None
            factor.scheme = scheme
            factor.save()
    _audit(_events().RECORD_CREATED, user=acting_user, obj=draft, region_code=rule_set.region_code,
           detail={"kind": "rule_set_version", "copied_from": version.pk, "conditions": len(mapping)})
    return draft


@transaction.atomic
def version_enable(*, version: Any, effective_from: datetime.date, acting_user: Any) -> Any:
    """启用 a draft from a date; the version enabled before is stopped the day before."""
    from anju.rules.models import RuleSetVersion
    from anju.rules.services.evaluation import prepare

    editor_check(acting_user, version.rule_set.region_code)
    version = RuleSetVersion.objects.select_for_update(of=("self",)).get(pk=version.pk)
    _draft_check(version)
    if not version.conditions.exists():
        raise ValidationError("没有任何申请条件的版本不能启用。")
    prepare(version, effective_from)  # raises on a missing parameter or factor
    now = timezone.now()
    previous = RuleSetVersion.objects.select_for_update(of=("self",)).filter(
        rule_set=version.rule_set, status=VersionStatus.ENABLED
    ).first()
    if previous is not None:
        if previous.effective_from and previous.effective_from >= effective_from:
            raise ValidationError({"effective_from": ["生效日期必须晚于当前启用版本的生效日期。"]})
        previous.status = VersionStatus.STOPPED
        previous.stopped_at = now
        previous.effective_to = effective_from - datetime.timedelta(days=1)
        previous.save(update_fields=["status", "stopped_at", "effective_to", "updated_at"])
    version.status = VersionStatus.ENABLED
    version.effective_from = effective_from
    version.effective_to = None
    version.enabled_at = now
    version.full_clean()
    version.save()
    _audit(_events().RECORD_UPDATED, user=acting_user, obj=version, region_code=version.rule_set.region_code,
           detail={"kind": "rule_set_version", "action": "enable", "effective_from": effective_from.isoformat(),
                   "stopped": previous.pk if previous else None})
    return version


@transaction.atomic
def version_stop(*, version: Any, acting_user: Any, effective_to: datetime.date | None = None) -> Any:
    """停止 an enabled version (no rules of this set are in force after effective_to)."""
    from anju.rules.models import RuleSetVersion

    editor_check(acting_user, version.rule_set.region_code)
    version = RuleSetVersion.objects.select_for_update(of=("self",)).get(pk=version.pk)
    if version.status != VersionStatus.ENABLED:
        raise ValidationError("只能停止已启用的版本。")
    version.status = VersionStatus.STOPPED
    version.stopped_at = timezone.now()
    version.effective_to = effective_to or timezone.localdate()
    version.save(update_fields=["status", "stopped_at", "effective_to", "updated_at"])
    _audit(_events().RECORD_UPDATED, user=acting_user, obj=version, region_code=version.rule_set.region_code,
           detail={"kind": "rule_set_version", "action": "stop"})
    return version


# --- conditions ----------------------------------------------------------------------------------

CONDITION_FIELDS = (
    "kind", "code", "name", "category", "sequence", "logic", "factor", "measure", "start_value", "start_parameter",
    "start_relation", "end_value", "end_parameter", "end_relation", "logic_value", "member_quantifier",
    "count_relation", "count_value", "is_enabled",
)


def _condition_check(condition: Any) -> None:
    errors: dict[str, list[str]] = {}
    if condition.kind == ConditionKind.GROUP:
        if not condition.logic:
            errors["logic"] = ["组合条件须选择逻辑关系（并且/或者）。"]
        condition.factor = ""
    else:
        factor = FACTORS.get(condition.factor)
        if factor is None:
            errors["factor"] = ["请选择条件因素。"]
        elif condition.kind == ConditionKind.QUANTITATIVE:
            if factor.kind != "number":
                errors["factor"] = ["定量条件须选择数值型因素。"]
            if not condition.start_relation and not condition.end_relation:
                errors["start_relation"] = ["定量条件至少需要起始值或终止值之一。"]
            for which in ("start", "end"):
                relation = getattr(condition, f"{which}_relation")
                has_value = getattr(condition, f"{which}_value") is not None or getattr(condition, f"{which}_parameter")
                if relation and not has_value:
                    errors[f"{which}_value"] = ["请填写数值或选择参数。"]
        elif factor.kind == "number":
            errors["factor"] = ["定性条件须选择是/否或代码型因素。"]
        if factor is not None and factor.level == MEMBER and not condition.member_quantifier:
            errors["member_quantifier"] = ["成员因素须选择成员判断方式。"]
        if factor is not None and factor.level != MEMBER:
            condition.member_quantifier = ""
        if condition.member_quantifier == "count" and condition.count_value is None:
            errors["count_value"] = ["请填写人数。"]
    if condition.parent_id and condition.parent.kind != ConditionKind.GROUP:
        errors["parent"] = ["只能在组合条件下添加子条件。"]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def condition_add(*, version: Any, acting_user: Any, parent: Any = None, **fields: Any) -> Any:
    """Add a condition node to a draft version (under a group, or at the top level)."""
    from anju.rules.models import Condition

    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    if parent is not None and parent.version_id != version.pk:
        raise ValidationError({"parent": ["上级条件不属于该版本。"]})
    if not fields.get("code"):
        fields["code"] = f"C{version.conditions.count() + 1:03d}"
        while version.conditions.filter(code=fields["code"]).exists():
            fields["code"] += "a"
    condition = Condition(version=version, parent=parent, **{k: v for k, v in fields.items() if k in CONDITION_FIELDS})
    _condition_check(condition)
    condition.full_clean()
    condition.save()
    _audit(_events().RECORD_CREATED, user=acting_user, obj=condition, region_code=version.rule_set.region_code,
           detail={"kind": "condition", "version": version.pk, "code": condition.code})
    return condition


@transaction.atomic
def condition_update(*, condition: Any, acting_user: Any, **fields: Any) -> Any:
    """Change a condition node of a draft version."""
    version = condition.version
    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    changed = {}
    for name, value in fields.items():
        if name in CONDITION_FIELDS and getattr(condition, name) != value:
            changed[name] = str(value)
            setattr(condition, name, value)
    _condition_check(condition)
    condition.full_clean()
    condition.save()
    _audit(_events().RECORD_UPDATED, user=acting_user, obj=condition, region_code=version.rule_set.region_code,
           detail={"kind": "condition", "changed": changed})
    return condition


@transaction.atomic
def condition_remove(*, condition: Any, acting_user: Any) -> None:
    """Remove a condition node (and its children) from a draft version."""
    version = condition.version
    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    detail = {"kind": "condition", "code": condition.code, "version": version.pk}
    _audit(_events().RECORD_DELETED, user=acting_user, obj=condition, region_code=version.rule_set.region_code,
           detail=detail)
    condition.delete()


# --- parameters, standards ------------------------------------------------------------------------


@transaction.atomic
def parameter_set(
    *, code: str, name: str, region_code: str, year: int, value: Decimal, unit: str = "", acting_user: Any
) -> Any:
    """Create or change the value of a named parameter for a region and year."""
    from anju.rules.models import RuleParameter

    editor_check(acting_user, region_code)
    parameter = RuleParameter.objects.filter(code=code, region_code=region_code, year=year).first()
    created = parameter is None
    if created:
        parameter = RuleParameter(code=code, region_code=region_code, year=year)
    old = None if created else str(parameter.value)
    parameter.name, parameter.value, parameter.unit = name, value, unit
    parameter.full_clean()
    parameter.save()
    action = _events().RECORD_CREATED if created else _events().RECORD_UPDATED
    _audit(action, user=acting_user, obj=parameter, region_code=region_code,
           detail={"kind": "rule_parameter", "code": code, "year": year, "old": old, "new": str(value)})
    return parameter


@transaction.atomic
def benefit_standard_add(*, version: Any, acting_user: Any, **fields: Any) -> Any:
    """Add a benefit standard (A.1.7) to a draft version."""
    from anju.rules.models import BenefitStandard

    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    standard = BenefitStandard(version=version, **fields)
    standard.full_clean()
    standard.save()
    _audit(_events().RECORD_CREATED, user=acting_user, obj=standard, region_code=version.rule_set.region_code,
           detail={"kind": "benefit_standard", "code": standard.code})
    return standard


@transaction.atomic
def benefit_standard_remove(*, standard: Any, acting_user: Any) -> None:
    """Remove a benefit standard from a draft version."""
    version = standard.version
    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    _audit(_events().RECORD_DELETED, user=acting_user, obj=standard, region_code=version.rule_set.region_code,
           detail={"kind": "benefit_standard", "code": standard.code})
    standard.delete()


# --- exchange record (A.1.12) --------------------------------------------------------------------


@transaction.atomic
def exchange_record_generate(*, version: Any, acting_user: Any) -> Any:
    """Generate the 保障规则交换信息 (A.1.12) of an enabled version: a row plus its JSON payload."""
    from anju.rules.models import RuleExchangeRecord
    from anju.rules.selectors import dictionary_name

    editor_check(acting_user, version.rule_set.region_code)
    if version.status != VersionStatus.ENABLED:
        raise ValidationError("只能由已启用的版本生成交换信息。")
    mode = version.rule_set.mode
    program = mode.program
    conditions = [c for c in version.conditions.order_by("sequence", "id") if c.kind != ConditionKind.GROUP]
    standards = list(version.standards.order_by("factor", "household_size"))

    def bound_text(c: Any) -> str:
        parts = []
        for which in ("start", "end"):
            relation = getattr(c, f"{which}_relation")
            if relation and c.kind == ConditionKind.QUANTITATIVE:
                value = getattr(c, f"{which}_value")
                param = getattr(c, f"{which}_parameter")
                number = f"{value.normalize() if value is not None else 1}×{param}" if param else f"{value.normalize()}"
                parts.append(f"{relation} {number}")
        return " ".join(parts) if parts else c.logic_value

    condition_rows = [{"code": c.code, "name": c.name, "factor": c.factor, "value": bound_text(c)} for c in conditions]
    standard_rows = [
        {"code": s.code, "factor": s.factor, "measure": s.measure, "household_size": s.household_size,
         "standard_value": str(s.standard_value), "applied_value": str(s.applied_value)}
        for s in standards
    ]
    year = (version.effective_from or timezone.localdate()).year
    payload = {
        "保障规则年度": year,
        "行政区划代码": program.region_code,
        "保障项目": program.name,
        "收入分类": program.income_class,
        "特殊人群分类": program.special_group,
        "保障（支持）方式": mode.mode,
        "保障条件": condition_rows,
        "保障标准": standard_rows,
        "版本": version.number,
    }
    record = RuleExchangeRecord(
        version=version, year=year, region_code=program.region_code, program=program.name,
        income_class=program.income_class, special_group=program.special_group,
        mode=dictionary_name("security_mode", mode.mode),
        condition_factors="；".join(f"{c.name}（{c.factor}）" for c in conditions),
        condition_values="；".join(f"{r['code']}: {r['value']}" for r in condition_rows),
        standard_factors="；".join(dict.fromkeys(s.factor for s in standards)),
        standard_values="；".join(
            f"{s.factor}{f'{s.household_size}人户' if s.household_size else ''}={s.applied_value}{s.measure}"
            for s in standards
        ),
        payload=payload,
    )
    record.full_clean()
    record.save()
    _audit(_events().RECORD_CREATED, user=acting_user, obj=record, region_code=program.region_code,
           detail={"kind": "rule_exchange_record", "version": version.pk})
    return record
