"""规范化考核 (A.10.5), 通报备案 (A.10.6), 工作人员考核评价 (A.10.7) and 行政奖罚及通报 (A.10.8):
create, change, delete (with a reason) and restore; audited, permission-checked."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.core.masking import mask_name
from anju.supervision.events import SupervisionEvent
from anju.supervision.models import AssessmentBulletin, StaffAssessment, StaffSanction, UnitAssessment
from anju.supervision.permissions import supervision_edit_check
from anju.supervision.services.common import actor, audit

UNIT_ASSESSMENT_FIELDS = (
    "assessed_on",
    "unit_number",
    "unit_name",
    "department",
    "content",
    "score",
    "result",
    "assessor",
)
BULLETIN_FIELDS = (
    "assessment",
    "unit_number",
    "unit_name",
    "total_score",
    "result",
    "opinion",
    "notified_on",
    "filed_on",
)
STAFF_ASSESSMENT_FIELDS = (
    "assessed_on",
    "department",
    "leader",
    "staff_number",
    "staff_name",
    "content",
    "score",
    "assessor",
)
STAFF_SANCTION_FIELDS = (
    "staff_assessment",
    "staff_number",
    "staff_name",
    "total_score",
    "result",
    "kind",
    "reason",
    "sanction_result",
    "decided_on",
    "notified_on",
)
ASSESSMENT_MODELS = (UnitAssessment, AssessmentBulletin, StaffAssessment, StaffSanction)
# Personal data: the audit detail keeps only the masked value.
MASKED_IN_AUDIT = {"staff_name": mask_name}


def _save(**kwargs: Any) -> Any:
    """The supervision save (`oversight._save`) with the staff names kept masked in the audit."""
    from anju.supervision.services.oversight import _save as oversight_save

    return oversight_save(masked=MASKED_IN_AUDIT, **kwargs)


def _value(data: dict[str, Any], instance: Any, name: str) -> Any:
    return data[name] if name in data else getattr(instance, name, None)


def _not_before(data: dict[str, Any], instance: Any, later: str, earlier: Any, message: str) -> None:
    value = _value(data, instance, later)
    if value and earlier and value < earlier:
        raise ValidationError({later: [message]})


def _region_of_link(record: Any, region_code: str | None, instance: Any, label: str) -> None:
    """The linked record must be alive and in the same region as this one."""
    if record is None:
        return
    if record.is_deleted:
        raise ValidationError({label: ["所选考核记录已删除。"]})
    own = instance.region_code if instance is not None and instance.pk else region_code
    if own and record.region_code != own:
        raise ValidationError({label: ["所选考核记录不属于该行政区划。"]})


@transaction.atomic
def unit_assessment_save(
    *, data: dict[str, Any], acting_user: Any, region_code: str | None = None, assessment: UnitAssessment | None = None
) -> UnitAssessment:
    """Create (考核编号 KH…) or change a 规范化考核 of a unit (score 0–100)."""
    return _save(
        instance=assessment or UnitAssessment(),
        data=data,
        names=UNIT_ASSESSMENT_FIELDS,
        acting_user=acting_user,
        event=SupervisionEvent.UNIT_ASSESSMENT_SAVED,
        kind="unit_assessment",
        region_code=region_code,
    )


@transaction.atomic
def assessment_bulletin_save(
    *,
    data: dict[str, Any],
    acting_user: Any,
    region_code: str | None = None,
    bulletin: AssessmentBulletin | None = None,
) -> AssessmentBulletin:
    """Create (通报备案编号 TB…) or change the notice/filing of an assessment.

    Unit number/name, total score and result default to the assessment's; 通报日期 is not before the
    考核日期 and 备案日期 not before the 通报日期.
    """
    data = dict(data)
    assessment = _value(data, bulletin, "assessment")
    if assessment is None:
        raise ValidationError({"assessment": ["请选择规范化考核记录。"]})
    _region_of_link(assessment, region_code, bulletin, "assessment")
    if bulletin is None:
        region_code = region_code or assessment.region_code
        data.setdefault("unit_number", assessment.unit_number)
        data.setdefault("unit_name", assessment.unit_name)
        if data.get("total_score") is None:
            data["total_score"] = assessment.score
        if not data.get("result"):
            data["result"] = assessment.result
    _not_before(data, bulletin, "notified_on", assessment.assessed_on, "通报日期不能早于考核日期。")
    _not_before(data, bulletin, "filed_on", _value(data, bulletin, "notified_on"), "备案日期不能早于通报日期。")
    return _save(
        instance=bulletin or AssessmentBulletin(),
        data=data,
        names=BULLETIN_FIELDS,
        acting_user=acting_user,
        event=SupervisionEvent.ASSESSMENT_BULLETIN_SAVED,
        kind="assessment_bulletin",
        region_code=region_code,
    )


@transaction.atomic
def staff_assessment_save(
    *,
    data: dict[str, Any],
    acting_user: Any,
    region_code: str | None = None,
    staff_assessment: StaffAssessment | None = None,
) -> StaffAssessment:
    """Create (考核编号 KP…) or change an assessment of an administrative staff member (score 0–100)."""
    return _save(
        instance=staff_assessment or StaffAssessment(),
        data=data,
        names=STAFF_ASSESSMENT_FIELDS,
        acting_user=acting_user,
        event=SupervisionEvent.STAFF_ASSESSMENT_SAVED,
        kind="staff_assessment",
        region_code=region_code,
    )


@transaction.atomic
def staff_sanction_save(
    *,
    data: dict[str, Any],
    acting_user: Any,
    region_code: str | None = None,
    staff_sanction: StaffSanction | None = None,
) -> StaffSanction:
    """Create (奖罚通报编号 JT…) or change a staff member's reward/penalty and its notice.

    Linked to an A.10.7 assessment, the staff number, name and total score default to it;
    without one they are required. 奖罚日期 is not before the 考核日期, 通报日期 not before 奖罚日期.
    """
    data = dict(data)
    linked = _value(data, staff_sanction, "staff_assessment")
    _region_of_link(linked, region_code, staff_sanction, "staff_assessment")
    if linked is not None:
        if staff_sanction is None:
            region_code = region_code or linked.region_code
        for name, source in (("staff_number", "staff_number"), ("staff_name", "staff_name"), ("total_score", "score")):
            if data.get(name) in (None, "") and not getattr(staff_sanction, name, None):
                data[name] = getattr(linked, source)
        _not_before(data, staff_sanction, "decided_on", linked.assessed_on, "奖罚日期不能早于考核日期。")
    _not_before(
        data, staff_sanction, "notified_on", _value(data, staff_sanction, "decided_on"), "通报日期不能早于奖罚日期。"
    )
    return _save(
        instance=staff_sanction or StaffSanction(),
        data=data,
        names=STAFF_SANCTION_FIELDS,
        acting_user=acting_user,
        event=SupervisionEvent.STAFF_SANCTION_SAVED,
        kind="staff_sanction",
        region_code=region_code,
    )


def _locked(record: Any) -> Any:
    if not isinstance(record, ASSESSMENT_MODELS):
        raise ValidationError(f"{record._meta.verbose_name}不能删除。")
    return type(record).objects.select_for_update().get(pk=record.pk)


@transaction.atomic
def assessment_record_delete(*, record: Any, reason: str, acting_user: Any) -> Any:
    """Mark an assessment record deleted (reason required; recoverable); an assessment with live notices is refused."""
    supervision_edit_check(acting_user, record.region_code)
    record = _locked(record)
    if record.is_deleted:
        raise ValidationError("该记录已删除。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["请填写删除原因。"]})
    if isinstance(record, UnitAssessment) and record.bulletins.filter(is_deleted=False).exists():
        raise ValidationError("该考核已有结果通报备案，请先删除通报备案。")
    if isinstance(record, StaffAssessment) and record.sanctions.filter(is_deleted=False).exists():
        raise ValidationError("该考核评价已有行政奖罚记录，请先删除奖罚记录。")
    record.is_deleted, record.deleted_at, record.delete_reason = True, timezone.now(), reason[:200]
    record.deleted_by = actor(acting_user)
    record.save(update_fields=["is_deleted", "deleted_at", "deleted_by", "delete_reason", "updated_at"])
    audit(
        action="RECORD_DELETED",
        user=acting_user,
        obj=record,
        event=SupervisionEvent.ASSESSMENT_RECORD_DELETED,
        detail={"reason": record.delete_reason},
    )
    return record


@transaction.atomic
def assessment_record_restore(*, record: Any, acting_user: Any) -> Any:
    """Bring back a deleted assessment record (its linked assessment must not be deleted); audited."""
    supervision_edit_check(acting_user, record.region_code)
    record = _locked(record)
    if not record.is_deleted:
        raise ValidationError("该记录未删除，无需恢复。")
    parent = getattr(record, "assessment", None) or getattr(record, "staff_assessment", None)
    if parent is not None and parent.is_deleted:
        raise ValidationError(f"所关联的{parent._meta.verbose_name}“{parent.number}”已删除，请先恢复它。")
    previous = {
        "deleted_at": record.deleted_at.isoformat() if record.deleted_at else None,
        "reason": record.delete_reason,
    }
    record.is_deleted, record.deleted_at, record.deleted_by, record.delete_reason = False, None, None, ""
    record.save(update_fields=["is_deleted", "deleted_at", "deleted_by", "delete_reason", "updated_at"])
    audit(
        action="RECORD_UPDATED",
        user=acting_user,
        obj=record,
        event=SupervisionEvent.ASSESSMENT_RECORD_RESTORED,
        detail={"previous": previous},
    )
    return record
