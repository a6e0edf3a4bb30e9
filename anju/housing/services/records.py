"""Participants (A.5.4, A.5.5), certificates (A.5.8), contracts (A.5.9, A.5.10) and land reserve (A.5.11)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from anju.housing.events import HousingEvent
from anju.housing.models import (
    Certificate,
    ConstructionContract,
    LandReserve,
    Participant,
    ParticipantPerson,
    Project,
    ProjectParticipation,
    ResettlementContract,
)
from anju.housing.permissions import housing_edit_check
from anju.housing.services.common import audit, save_record


@transaction.atomic
def participant_save(
    *, data: dict[str, Any], region_code: str, acting_user: Any, participant: Participant | None = None
) -> Participant:
    """Create or change a participant organisation; 单位编号 DW + its credit code (or ID number)."""
    participant = participant or Participant()
    return save_record(
        instance=_numbered_participant(participant, data), data=data, acting_user=acting_user,
        event=HousingEvent.PARTICIPANT_SAVED, region_code=participant.region_code or region_code,
    )


def _numbered_participant(participant: Participant, data: dict[str, Any]) -> Participant:
    if not participant.number:
        participant.number = "DW" + str(data.get("id_number", "")).strip().upper().replace(" ", "")[:38]
    return participant


@transaction.atomic
def participation_add(*, project: Project, participant: Participant, role: str, acting_user: Any) -> ProjectParticipation:
    """Record a participant's role in a project (建设、设计、施工、监理 …)."""
    housing_edit_check(acting_user, project.region_code)
    participation = ProjectParticipation(project=project, participant=participant, role=role)
    participation.full_clean()
    participation.save()
    audit(action="RECORD_CREATED", user=acting_user, obj=project, event=HousingEvent.PARTICIPANT_SAVED,
          detail={"participant": participant.number, "role": role})
    return participation


@transaction.atomic
def person_save(
    *, participant: Participant, data: dict[str, Any], acting_user: Any, person: ParticipantPerson | None = None
) -> ParticipantPerson:
    """Create or change a participant's person; 人员编号 = 单位编号 + sequence."""
    if participant.is_deleted:
        raise ValidationError("所属单位已删除，不能登记或修改其人员。")
    if person is None:
        person = ParticipantPerson(participant=participant)
        person.number = f"{participant.number}-{ParticipantPerson.objects.filter(participant=participant).count() + 1:03d}"
    return save_record(
        instance=person, data=data, acting_user=acting_user, event=HousingEvent.PERSON_SAVED, region_code=participant.region_code
    )


@transaction.atomic
def certificate_save(
    *, project: Project, data: dict[str, Any], acting_user: Any, certificate: Certificate | None = None
) -> Certificate:
    """Create or change an approval certificate of a project (scans go to the e-archive, A.5.7)."""
    certificate = certificate or Certificate(project=project)
    if certificate.project_id != project.pk:
        raise ValidationError("证件不属于该项目。")
    return save_record(
        instance=certificate, data=data, acting_user=acting_user, event=HousingEvent.CERTIFICATE_SAVED,
        region_code=project.region_code,
    )


@transaction.atomic
def construction_contract_save(
    *, project: Project, data: dict[str, Any], acting_user: Any, contract: ConstructionContract | None = None
) -> ConstructionContract:
    """Create or change a construction contract filing; 记录编号 SG + project number + sequence."""
    if contract is None:
        contract = ConstructionContract(project=project)
        contract.record_number = f"SG{project.number}-{ConstructionContract.objects.filter(project=project).count() + 1:03d}"
    return save_record(
        instance=contract, data=data, acting_user=acting_user, event=HousingEvent.CONTRACT_SAVED, region_code=project.region_code
    )


@transaction.atomic
def resettlement_contract_save(
    *, project: Project, data: dict[str, Any], acting_user: Any, contract: ResettlementContract | None = None
) -> ResettlementContract:
    """Create or change a demolition and resettlement contract filing; 记录编号 CQ + project number + sequence."""
    if contract is None:
        contract = ResettlementContract(project=project)
        contract.record_number = f"CQ{project.number}-{ResettlementContract.objects.filter(project=project).count() + 1:03d}"
    return save_record(
        instance=contract, data=data, acting_user=acting_user, event=HousingEvent.CONTRACT_SAVED, region_code=project.region_code
    )


@transaction.atomic
def land_reserve_save(
    *, data: dict[str, Any], region_code: str, acting_user: Any, land_reserve: LandReserve | None = None
) -> LandReserve:
    """Create or change a reserved plot (土地储备, by housing kind, from the annual plan)."""
    land_reserve = land_reserve or LandReserve()
    return save_record(
        instance=land_reserve, data=data, acting_user=acting_user, event=HousingEvent.LAND_RESERVE_SAVED,
        region_code=land_reserve.region_code or region_code,
    )


# ---------------------------------------------------------------- delete (recoverable) and restore

DELETABLE_MODELS = (LandReserve, Participant, ParticipantPerson, Certificate, ConstructionContract, ResettlementContract)


def _label(record: Any) -> str:
    return f"{record._meta.verbose_name}“{record}”"


def delete_refusal(record: Any) -> str:
    """The Chinese reason why this record may not be deleted, or "" when it may."""
    if isinstance(record, Participant):
        participation = record.participations.select_related("project").first()
        if participation is not None:
            return f"该单位仍参与项目“{participation.project.name}”（{participation.get_role_display()}），不能删除。"
        if record.developed_projects.exists():
            return "该单位是建设项目登记的开发建设单位，不能删除。"
        contract = ConstructionContract.objects.filter(is_deleted=False).filter(
            models.Q(party_a=record) | models.Q(party_b=record)
        ).first()
        if contract is not None:
            return f"该单位是施工合同“{contract.record_number}”的当事方，不能删除；请先删除该合同备案。"
        if record.people.filter(is_deleted=False).exists():
            return "该单位仍有在册的参与人员，请先删除其人员。"
    return ""


@transaction.atomic
def record_delete(*, record: Any, reason: str, acting_user: Any) -> Any:
    """Mark a record deleted (recoverable with `record_restore`) or refuse with a Chinese reason; audited."""
    if not isinstance(record, DELETABLE_MODELS):
        raise ValidationError(f"{record._meta.verbose_name}不能删除。")
    housing_edit_check(acting_user, record.region_code)
    record = type(record).objects.select_for_update(of=("self",)).get(pk=record.pk)
    if record.is_deleted:
        raise ValidationError(f"{_label(record)}已删除。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["请填写删除原因。"]})
    refusal = delete_refusal(record)
    if refusal:
        raise ValidationError(refusal)
    record.is_deleted, record.deleted_at, record.delete_reason = True, timezone.now(), reason[:200]
    record.deleted_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    record.save(update_fields=["is_deleted", "deleted_at", "deleted_by", "delete_reason", "updated_at"])
    audit(action="RECORD_DELETED", user=acting_user, obj=record, event=HousingEvent.RECORD_DELETED, detail={"reason": record.delete_reason})
    return record


@transaction.atomic
def record_restore(*, record: Any, acting_user: Any) -> Any:
    """Bring back a deleted record (its number and links are unchanged); audited."""
    if not isinstance(record, DELETABLE_MODELS):
        raise ValidationError(f"{record._meta.verbose_name}不能恢复。")
    housing_edit_check(acting_user, record.region_code)
    record = type(record).objects.select_for_update(of=("self",)).get(pk=record.pk)
    if not record.is_deleted:
        raise ValidationError(f"{_label(record)}未删除，无需恢复。")
    if isinstance(record, ParticipantPerson) and record.participant.is_deleted:
        raise ValidationError("所属单位已删除，请先恢复该单位。")
    previous = {"deleted_at": record.deleted_at.isoformat() if record.deleted_at else None, "reason": record.delete_reason}
    record.is_deleted, record.deleted_at, record.deleted_by, record.delete_reason = False, None, None, ""
    record.save(update_fields=["is_deleted", "deleted_at", "deleted_by", "delete_reason", "updated_at"])
    audit(action="RECORD_UPDATED", user=acting_user, obj=record, event=HousingEvent.RECORD_RESTORED, detail={"previous": previous})
    return record
