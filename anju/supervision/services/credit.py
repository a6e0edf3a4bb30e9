"""保障对象信用管理 (A.10.3): enter a credit record, repair it, revoke it, edit the ban periods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.core.fields import blind_index
from anju.core.validators import normalize_resident_id, validate_credit_code, validate_resident_id
from anju.supervision.choices import (
    LEVEL_MINOR,
    LEVEL_SERIOUS,
    LEVEL_SEVERE,
    CreditGround,
    CreditState,
    RepairDecision,
    SubjectKind,
)
from anju.supervision.events import SupervisionEvent
from anju.supervision.models import CreditBanRule, CreditRecord, CreditRepair
from anju.supervision.permissions import supervision_edit_check
from anju.supervision.services.common import actor, audit, number_next


@dataclass(frozen=True)
class BanTerms:
    """What a rule says for one level and ground."""

    ban_years: int
    bans_application: bool
    repair_allowed: bool
    repair_after_months: int
    repair_conditions: str


# The built-in terms when staff have configured no rule for a level (皖建保〔2019〕-style practice: 1 / 3 / 5 years).
DEFAULT_TERMS = {
    LEVEL_MINOR: BanTerms(1, False, True, 0, "已纠正失信行为并作出信用承诺。"),
    LEVEL_SERIOUS: BanTerms(3, True, True, 12, "已纠正失信行为、消除不良影响，列入满 12 个月。"),
    LEVEL_SEVERE: BanTerms(5, True, False, 0, "严重失信不予修复，惩戒期满自动解除。"),
}


def ban_terms(*, level: str, ground: str) -> BanTerms:
    """The terms of a level and ground: its own rule, else the level's default rule, else the built-in one."""
    rules = {r.ground: r for r in CreditBanRule.objects.filter(level=level, ground__in=[ground, ""])}
    rule = rules.get(ground) or rules.get("")
    if rule is None:
        if level not in DEFAULT_TERMS:
            raise ValidationError({"level": ["请选择有效的失信程度。"]})
        return DEFAULT_TERMS[level]
    return BanTerms(
        rule.ban_years, rule.bans_application, rule.repair_allowed, rule.repair_after_months, rule.repair_conditions
    )


def add_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (clamped to the month's last day)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _household_subject(
    record: CreditRecord, *, application: Any, register_entry: Any, id_number: str, subject_name: str
) -> None:
    """Fill a household record's subject from its register entry, application or a typed person."""
    if register_entry is not None:
        application = application or register_entry.application
        record.register_entry = register_entry
        record.region_code = register_entry.region_code
        record.subject_number = register_entry.number
    if application is not None:
        record.application = application
        record.region_code = record.region_code or application.region_code
        record.subject_number = record.subject_number or application.number
    if id_number:
        try:
            validate_resident_id(id_number)
        except ValidationError as exc:
            raise ValidationError({"id_number": exc.messages}) from None
        record.id_number = normalize_resident_id(id_number)
        if not subject_name:
            raise ValidationError({"subject_name": ["请填写当事人姓名。"]})
        record.subject_name = subject_name
    elif register_entry is not None:
        record.id_number, record.subject_name = register_entry.id_number, register_entry.applicant_name
    elif application is not None:
        record.id_number, record.subject_name = application.id_number, application.applicant_name
    else:
        raise ValidationError({"id_number": ["请填写当事人身份证号码，或选择申请、登记记录。"]})
    record.id_number_index = blind_index(record.id_number, purpose="id_number")


@transaction.atomic
def credit_record_create(
    *,
    subject_kind: str,
    level: str,
    ground: str,
    fact: str,
    listed_on: date,
    acting_user: Any,
    region_code: str = "",
    application: Any = None,
    register_entry: Any = None,
    id_number: str = "",
    subject_name: str = "",
    credit_code: str = "",
    evidence: str = "",
    publish: bool = False,
    complaint: Any = None,
    inspection: Any = None,
) -> CreditRecord:
    """List a household member or a supplier as dishonest; the ban period comes from the rule of its level and ground."""
    record = CreditRecord(
        subject_kind=subject_kind,
        level=level,
        ground=ground,
        fact=(fact or "").strip(),
        evidence=evidence or "",
        listed_on=listed_on,
        recorded_by=actor(acting_user),
        publish=publish,
        region_code=region_code or "",
        complaint=complaint,
        inspection=inspection,
    )
    if subject_kind == SubjectKind.HOUSEHOLD:
        _household_subject(
            record,
            application=application,
            register_entry=register_entry,
            id_number=id_number,
            subject_name=(subject_name or "").strip(),
        )
    elif subject_kind == SubjectKind.SUPPLIER:
        code = (credit_code or "").strip().upper()
        try:
            validate_credit_code(code)
        except ValidationError as exc:
            raise ValidationError({"credit_code": exc.messages}) from None
        if not (subject_name or "").strip():
            raise ValidationError({"subject_name": ["请填写供给单位名称。"]})
        record.credit_code, record.subject_number, record.subject_name = code, code, subject_name.strip()
    else:
        raise ValidationError({"subject_kind": ["请选择对象类别。"]})
    if not record.region_code:
        raise ValidationError({"region_code": ["请选择所属行政区划。"]})
    if listed_on and listed_on > timezone.localdate():
        raise ValidationError({"listed_on": ["列入日期不能晚于今天。"]})
    if publish and level != LEVEL_SEVERE:
        raise ValidationError({"publish": ["只有严重失信记录可以向社会公开。"]})
    if ground not in CreditGround.values:
        raise ValidationError({"ground": ["请选择失信行为类别。"]})
    supervision_edit_check(acting_user, record.region_code)
    terms = ban_terms(level=level, ground=ground)
    record.ban_years, record.bans_application = terms.ban_years, terms.bans_application
    record.ban_until = add_years(listed_on, terms.ban_years)
    record.number = number_next(kind="credit", region_code=record.region_code)
    record.full_clean()
    record.save()
    audit(
        action="RECORD_CREATED",
        user=acting_user,
        obj=record,
        event=SupervisionEvent.CREDIT_RECORDED,
        detail={"number": record.number, "level": level, "ground": ground, "ban_until": record.ban_until.isoformat()},
    )
    return record


def _locked(record: CreditRecord) -> CreditRecord:
    return CreditRecord.objects.select_for_update(of=("self",)).get(pk=record.pk)


@transaction.atomic
def credit_record_repair(
    *,
    record: CreditRecord,
    applied_on: date,
    conditions: str,
    decision: str,
    acting_user: Any,
    opinion: str = "",
    decided_on: date | None = None,
) -> CreditRepair:
    """Decide a repair (信用修复): the rule must allow it and its minimum period be over; approval ends the record."""
    record = _locked(record)
    supervision_edit_check(acting_user, record.region_code)
    decided_on = decided_on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if record.state != CreditState.ACTIVE:
        raise ValidationError(f"该信用记录已{record.get_state_display()}，不能再办理信用修复。")
    if decision not in RepairDecision.values:
        errors["decision"] = ["请选择修复决定。"]
    if not (conditions or "").strip():
        errors["conditions"] = ["请填写修复条件履行情况。"]
    if applied_on and applied_on < record.listed_on:
        errors["applied_on"] = ["申请修复日期不能早于列入日期。"]
    if applied_on and applied_on > decided_on:
        errors["applied_on"] = ["申请修复日期不能晚于决定日期。"]
    if decision == RepairDecision.REJECTED and not (opinion or "").strip():
        errors["opinion"] = ["不予修复时请填写决定意见。"]
    if decision == RepairDecision.APPROVED:
        terms = ban_terms(level=record.level, ground=record.ground)
        if not terms.repair_allowed:
            errors["decision"] = [f"按现行规则，{record.level_name}（{record.get_ground_display()}）不允许信用修复。"]
        elif terms.repair_after_months and decided_on < add_months(record.listed_on, terms.repair_after_months):
            earliest = add_months(record.listed_on, terms.repair_after_months)
            errors["decision"] = [f"列入满 {terms.repair_after_months} 个月后方可修复（最早 {earliest:%Y-%m-%d}）。"]
    if errors:
        raise ValidationError(errors)
    repair = CreditRepair(
        record=record,
        applied_on=applied_on,
        conditions=conditions.strip(),
        decision=decision,
        decided_on=decided_on,
        decided_by=actor(acting_user),
        opinion=(opinion or "").strip(),
    )
    repair.full_clean()
    repair.save()
    if decision == RepairDecision.APPROVED:
        record.state, record.repaired_on, record.publish = CreditState.REPAIRED, decided_on, False
        record.save(update_fields=["state", "repaired_on", "publish", "updated_at"])
    audit(
        action="APPROVAL",
        user=acting_user,
        obj=record,
        event=SupervisionEvent.CREDIT_REPAIR_DECIDED,
        detail={"number": record.number, "decision": decision},
    )
    return repair


@transaction.atomic
def credit_record_revoke(
    *, record: CreditRecord, reason: str, acting_user: Any, revoked_on: date | None = None
) -> CreditRecord:
    """Revoke a record entered in error or overturned (撤销), with the reason; it no longer counts anywhere."""
    record = _locked(record)
    supervision_edit_check(acting_user, record.region_code)
    if record.state == CreditState.REVOKED:
        raise ValidationError("该信用记录已撤销。")
    if not (reason or "").strip():
        raise ValidationError({"reason": ["请填写撤销原因。"]})
    revoked_on = revoked_on or timezone.localdate()
    if revoked_on < record.listed_on:
        raise ValidationError({"revoked_on": ["撤销日期不能早于列入日期。"]})
    record.state, record.revoked_on, record.revoked_by = CreditState.REVOKED, revoked_on, actor(acting_user)
    record.revocation_reason, record.publish = reason.strip(), False
    record.save(update_fields=["state", "revoked_on", "revoked_by", "revocation_reason", "publish", "updated_at"])
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=record,
        event=SupervisionEvent.CREDIT_REVOKED,
        detail={"number": record.number, "reason": record.revocation_reason},
    )
    return record


@transaction.atomic
def credit_record_publish_set(*, record: CreditRecord, publish: bool, acting_user: Any) -> CreditRecord:
    """Mark a 严重失信 record for the portal's 失信名单, or take it off."""
    record = _locked(record)
    supervision_edit_check(acting_user, record.region_code)
    if publish and (record.level != LEVEL_SEVERE or record.state != CreditState.ACTIVE):
        raise ValidationError("只有有效的严重失信记录可以向社会公开。")
    record.publish = publish
    record.save(update_fields=["publish", "updated_at"])
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=record,
        event=SupervisionEvent.CREDIT_PUBLISH_CHANGED,
        detail={"number": record.number, "publish": publish},
    )
    return record


RULE_FIELDS = (
    "level",
    "ground",
    "ban_years",
    "bans_application",
    "repair_allowed",
    "repair_after_months",
    "repair_conditions",
    "note",
)


@transaction.atomic
def ban_rule_save(*, data: dict[str, Any], acting_user: Any, rule: CreditBanRule | None = None) -> CreditBanRule:
    """Create or change a ban-period rule (city policy: district or city officers); new records use it."""
    from anju.supervision.permissions import can_edit_supervision

    if acting_user is not None and not can_edit_supervision(acting_user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("只有区县保障科或市保障处可以维护失信惩戒期限。")
    creating = rule is None
    rule = rule or CreditBanRule()
    changes = {}
    for name in RULE_FIELDS:
        if name in data:
            old = getattr(rule, name)
            if old != data[name]:
                changes[name] = [str(old), str(data[name])]
            setattr(rule, name, data[name])
    rule.updated_by = actor(acting_user)
    rule.full_clean()
    rule.save()
    audit(
        action="CONFIG_CHANGED",
        user=acting_user,
        obj=rule,
        event=SupervisionEvent.BAN_RULE_SAVED,
        detail={"created": creating, "changes": changes},
    )
    return rule
