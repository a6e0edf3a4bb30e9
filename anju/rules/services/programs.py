"""Writes of programs, modes (A.1.1–A.1.2), support programs (A.1.8–A.1.11) and ordering schemes.

Programs, modes and support records are not versioned: the city officer creates and edits them
(within jurisdiction). A new mode gets its rule set with an empty draft version (第1版) so its
conditions can be written and enabled. The ordering scheme (轮候排队规则) belongs to a rule-set
version and, like conditions, is edited only in a draft. Every write is audited.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.rules.factors import FACTORS, HOUSEHOLD
from anju.rules.services.rulesets import _audit, _draft_check, _events, editor_check


def _apply(instance: Any, fields: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, str]:
    """Set the allowed fields; {field: new value} of those that changed."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError(f"不能修改这些字段：{'、'.join(sorted(unknown))}。")
    changed = {}
    for name, value in fields.items():
        try:
            current = getattr(instance, name)
        except ObjectDoesNotExist:  # a foreign key not set yet
            current = None
        if current != value:
            changed[name] = "" if value is None else str(value)
            setattr(instance, name, value)
    if getattr(instance, "is_enabled", False) and hasattr(instance, "enabled_at") and instance.enabled_at is None:
        instance.enabled_at = timezone.now()
    return changed


def _region_check(user: Any, region_code: str) -> None:
    """A region is given and within the editor's jurisdiction."""
    if not region_code:
        raise ValidationError({"region_code": ["请填写行政区划代码。"]})
    editor_check(user, region_code)


def _store(
    instance: Any, *, created: bool, changed: dict[str, str], acting_user: Any, region_code: str, kind: str
) -> Any:
    instance.full_clean()
    instance.save()
    action = _events().RECORD_CREATED if created else _events().RECORD_UPDATED
    _audit(
        action,
        user=acting_user,
        obj=instance,
        region_code=region_code,
        detail={"kind": kind, "code": getattr(instance, "code", ""), "changed": changed},
    )
    return instance


# --- programs and modes (A.1.1, A.1.2) -------------------------------------------------------------

PROGRAM_FIELDS = ("code", "name", "region_code", "income_class", "special_group", "description", "is_enabled")
MODE_FIELDS = ("program", "code", "mode", "is_enabled")


@transaction.atomic
def program_save(*, acting_user: Any, program: Any = None, **fields: Any) -> Any:
    """Create (program=None) or change a 保障项目 (A.1.1)."""
    from anju.rules.models import Program

    created = program is None
    if not created:
        editor_check(acting_user, program.region_code)
        program = Program.objects.select_for_update(of=("self",)).get(pk=program.pk)
    else:
        program = Program()
    changed = _apply(program, fields, PROGRAM_FIELDS)
    _region_check(acting_user, program.region_code)
    if not created and "region_code" in changed and program.modes.filter(rule_set__versions__isnull=False).exists():
        raise ValidationError({"region_code": ["该保障项目已有保障规则版本，不能修改行政区划。"]})
    return _store(
        program,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=program.region_code,
        kind="program",
    )


@transaction.atomic
def mode_save(*, acting_user: Any, instance: Any = None, **fields: Any) -> Any:
    """Create (instance=None; with its rule set and an empty draft 第1版) or change a 保障方式 (A.1.2)."""
    from anju.rules.models import Mode, RuleSet, RuleSetVersion

    mode = instance
    created = mode is None
    if not created:
        editor_check(acting_user, mode.program.region_code)
        mode = Mode.objects.select_for_update(of=("self",)).select_related("program").get(pk=mode.pk)
        if "program" in fields and fields["program"] != mode.program:
            raise ValidationError({"program": ["保障方式不能改到其他保障项目下。"]})
        if (
            "mode" in fields
            and fields["mode"] != mode.mode
            and RuleSet.objects.filter(mode=mode, versions__isnull=False).exclude(versions__status="draft").exists()
        ):
            raise ValidationError({"mode": ["该保障方式已有启用过的规则版本，不能修改方式类别；请新增保障方式。"]})
    else:
        mode = Mode()
    changed = _apply(mode, fields, MODE_FIELDS)
    if mode.program_id is None:
        raise ValidationError({"program": ["请选择保障项目。"]})
    editor_check(acting_user, mode.program.region_code)
    _store(
        mode,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=mode.program.region_code,
        kind="mode",
    )
    if created:
        rule_set = RuleSet.objects.create(
            mode=mode, region_code=mode.program.region_code, name=f"{mode.program.name}·{mode.mode_name}准入条件"
        )
        RuleSetVersion.objects.create(rule_set=rule_set, number=1, status="draft", note="新建", created_by=acting_user)
    return mode


# --- support programs (A.1.8–A.1.11) ---------------------------------------------------------------

SUPPORT_PROGRAM_FIELDS = ("code", "name", "region_code", "supplier_type", "is_enabled")
SUPPORT_MODE_FIELDS = ("program", "code", "name", "is_enabled")
SUPPORT_CONDITION_FIELDS = ("code", "name", "detail", "is_enabled")
SUPPORT_STANDARD_FIELDS = ("code", "current_standard", "applied_standard", "is_enabled")


@transaction.atomic
def support_program_save(*, acting_user: Any, support_program: Any = None, **fields: Any) -> Any:
    """Create or change a 支持项目 (A.1.8)."""
    from anju.rules.models import SupportProgram

    created = support_program is None
    if not created:
        editor_check(acting_user, support_program.region_code)
        instance = SupportProgram.objects.select_for_update(of=("self",)).get(pk=support_program.pk)
    else:
        instance = SupportProgram()
    changed = _apply(instance, fields, SUPPORT_PROGRAM_FIELDS)
    _region_check(acting_user, instance.region_code)
    return _store(
        instance,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=instance.region_code,
        kind="support_program",
    )


@transaction.atomic
def support_mode_save(*, acting_user: Any, support_mode: Any = None, **fields: Any) -> Any:
    """Create or change a 支持方式 (A.1.9) of a support program."""
    from anju.rules.models import SupportMode

    created = support_mode is None
    if not created:
        editor_check(acting_user, support_mode.program.region_code)
        if "program" in fields and fields["program"] != support_mode.program:
            raise ValidationError({"program": ["支持方式不能改到其他支持项目下。"]})
        instance = SupportMode.objects.select_for_update(of=("self",)).get(pk=support_mode.pk)
    else:
        instance = SupportMode()
    changed = _apply(instance, fields, SUPPORT_MODE_FIELDS)
    if instance.program_id is None:
        raise ValidationError({"program": ["请选择支持项目。"]})
    editor_check(acting_user, instance.program.region_code)
    return _store(
        instance,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=instance.program.region_code,
        kind="support_mode",
    )


@transaction.atomic
def support_condition_save(*, acting_user: Any, support_mode: Any, support_condition: Any = None, **fields: Any) -> Any:
    """Create or change a 支持对象申请条件 (A.1.10) of a support mode."""
    from anju.rules.models import SupportCondition

    editor_check(acting_user, support_mode.program.region_code)
    created = support_condition is None
    instance = SupportCondition(mode=support_mode) if created else support_condition
    if instance.mode_id != support_mode.pk:
        raise ValidationError("该条件不属于此支持方式。")
    changed = _apply(instance, fields, SUPPORT_CONDITION_FIELDS)
    return _store(
        instance,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=support_mode.program.region_code,
        kind="support_condition",
    )


@transaction.atomic
def support_standard_save(*, acting_user: Any, support_mode: Any, support_standard: Any = None, **fields: Any) -> Any:
    """Create or change a 支持对象支持标准 (A.1.11) of a support mode."""
    from anju.rules.models import SupportStandard

    editor_check(acting_user, support_mode.program.region_code)
    created = support_standard is None
    instance = SupportStandard(mode=support_mode) if created else support_standard
    if instance.mode_id != support_mode.pk:
        raise ValidationError("该标准不属于此支持方式。")
    changed = _apply(instance, fields, SUPPORT_STANDARD_FIELDS)
    return _store(
        instance,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=support_mode.program.region_code,
        kind="support_standard",
    )


# --- ordering schemes (轮候排队规则, per version, drafts only) ----------------------------------------

SCHEME_FIELDS = ("name", "tie_breaker", "description")
ORDERING_FACTOR_FIELDS = ("name", "factor", "relation", "value", "points", "priority_group", "sequence")


def ordering_factor_choices() -> list[tuple[str, str]]:
    """Household factors a waitlist can rank by (numbers and yes/no)."""
    return [(f.code, f.label) for f in FACTORS.values() if f.level == HOUSEHOLD and f.kind in ("number", "bool")]


@transaction.atomic
def ordering_scheme_save(*, version: Any, acting_user: Any, **fields: Any) -> Any:
    """Create or change the ordering scheme of a draft version."""
    from anju.rules.models import OrderingScheme

    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    scheme = OrderingScheme.objects.filter(version=version).first()
    created = scheme is None
    if created:
        scheme = OrderingScheme(version=version)
    changed = _apply(scheme, fields, SCHEME_FIELDS)
    return _store(
        scheme,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=version.rule_set.region_code,
        kind="ordering_scheme",
    )


def _ordering_factor_check(factor: Any) -> None:
    errors: dict[str, list[str]] = {}
    if factor.factor not in dict(ordering_factor_choices()):
        errors["factor"] = ["请选择家庭层面的数值或是/否因素。"]
    if factor.points is not None and factor.points < 0:
        errors["points"] = ["加分不能为负数。"]
    if (factor.points or Decimal(0)) == 0 and factor.priority_group is None:
        errors["points"] = ["请填写加分或优先组（至少一项）。"]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def ordering_factor_save(*, scheme: Any, acting_user: Any, ordering_factor: Any = None, **fields: Any) -> Any:
    """Add or change a line (points per factor, priority group) of a draft version's ordering scheme."""
    from anju.rules.models import OrderingFactor

    version = scheme.version
    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    created = ordering_factor is None
    instance = OrderingFactor(scheme=scheme) if created else ordering_factor
    if instance.scheme_id != scheme.pk:
        raise ValidationError("该排队因素不属于此排队规则。")
    changed = _apply(instance, fields, ORDERING_FACTOR_FIELDS)
    _ordering_factor_check(instance)
    return _store(
        instance,
        created=created,
        changed=changed,
        acting_user=acting_user,
        region_code=version.rule_set.region_code,
        kind="ordering_factor",
    )


@transaction.atomic
def ordering_factor_remove(*, ordering_factor: Any, acting_user: Any) -> None:
    """Remove a line of a draft version's ordering scheme."""
    version = ordering_factor.scheme.version
    editor_check(acting_user, version.rule_set.region_code)
    _draft_check(version)
    _audit(
        _events().RECORD_DELETED,
        user=acting_user,
        obj=ordering_factor,
        region_code=version.rule_set.region_code,
        detail={"kind": "ordering_factor", "name": ordering_factor.name},
    )
    ordering_factor.delete()
