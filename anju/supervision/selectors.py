"""Reads of the 监督管理 subsystem: every staff selector starts from `visible_to(user)` (style.md 3-4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from anju.core.masking import mask_id_number, mask_name
from anju.core.scoping import get_visible_or_404
from anju.supervision.choices import CREDIT_LEVEL_NAMES, CreditGround, SubjectKind
from anju.supervision.models import (
    AssessmentBulletin,
    Complaint,
    ComplaintReply,
    CreditBanRule,
    CreditRecord,
    Inspection,
    StaffAssessment,
    StaffSanction,
    SupplierSanction,
    UnitAssessment,
)


def credit_record_list(*, user: Any) -> QuerySet[CreditRecord]:
    """Credit records in the user's jurisdiction (their repairs prefetched for the API)."""
    return CreditRecord.objects.visible_to(user).select_related("recorded_by", "revoked_by").prefetch_related("repairs")


def credit_record_get(*, user: Any, pk: Any) -> CreditRecord:
    """One credit record in the user's jurisdiction, or 404."""
    return get_visible_or_404(
        CreditRecord.objects.select_related(
            "recorded_by", "revoked_by", "application", "register_entry", "complaint", "inspection"
        ),
        user,
        pk=pk,
    )


def credit_records_for_person(*, user: Any, id_number_index: str) -> QuerySet[CreditRecord]:
    """A person's credit records (by ID blind index) in the user's jurisdiction, newest first."""
    return credit_record_list(user=user).filter(id_number_index=id_number_index)


def ban_rule_list() -> QuerySet[CreditBanRule]:
    """The ban-period rules (city policy, not region-scoped)."""
    return CreditBanRule.objects.select_related("updated_by")


@dataclass(frozen=True)
class PublicCreditEntry:
    """One line of the portal's 失信名单: masked, only what policy allows."""

    name: str
    identifier: str
    subject_kind: str
    level: str
    ground: str
    region_code: str
    listed_on: date
    ban_until: date


def public_credit_list(*, region_prefix: str = "", day: date | None = None) -> list[PublicCreditEntry]:
    """The 失信名单 the portal may publish: 严重失信 records marked public and in force, people masked.

    A person shows the surname and the ID number's first 6 and last 4 characters; an organisation its
    name and unified social credit code (public registration data).
    """
    records = CreditRecord.objects.publishable(day or timezone.localdate())
    if region_prefix:
        records = records.filter(region_code__startswith=region_prefix)
    entries = []
    for record in records.order_by("-listed_on", "-id").only(
        "subject_kind",
        "subject_name",
        "id_number",
        "credit_code",
        "level",
        "ground",
        "region_code",
        "listed_on",
        "ban_until",
    ):
        supplier = record.subject_kind == SubjectKind.SUPPLIER
        entries.append(
            PublicCreditEntry(
                name=record.subject_name if supplier else mask_name(record.subject_name),
                identifier=record.credit_code if supplier else mask_id_number(record.id_number),
                subject_kind=SubjectKind(record.subject_kind).label,
                level=CREDIT_LEVEL_NAMES.get(record.level, record.level),
                ground=CreditGround(record.ground).label,
                region_code=record.region_code,
                listed_on=record.listed_on,
                ban_until=record.ban_until,
            )
        )
    return entries


def complaint_list(*, user: Any) -> QuerySet[Complaint]:
    """Complaints and consultations in the user's jurisdiction (their replies prefetched for the API)."""
    return Complaint.objects.visible_to(user).select_related("assigned_to", "handled_by").prefetch_related("replies")


def complaint_get(*, user: Any, pk: Any) -> Complaint:
    """One complaint in the user's jurisdiction (with its replies), or 404."""
    return get_visible_or_404(
        Complaint.objects.select_related("assigned_to", "handled_by").prefetch_related(
            Prefetch("replies", queryset=ComplaintReply.objects.select_related("author"))
        ),
        user,
        pk=pk,
    )


def complaints_for_applicant(user: Any) -> QuerySet[Complaint]:
    """The portal user's own complaints, each with only the replies the complainant may see."""
    if not getattr(user, "is_authenticated", False):
        return Complaint.objects.none()
    return (
        Complaint.objects.filter(applicant_user=user)
        .prefetch_related(
            Prefetch("replies", queryset=ComplaintReply.objects.filter(is_public=True), to_attr="public_replies")
        )
        .order_by("-submitted_at", "-id")
    )


def inspection_list(*, user: Any) -> QuerySet[Inspection]:
    """Special inspections in the user's jurisdiction."""
    return Inspection.objects.visible_to(user)


def inspection_get(*, user: Any, pk: Any) -> Inspection:
    """One inspection in the user's jurisdiction, or 404."""
    return get_visible_or_404(Inspection.objects.all(), user, pk=pk)


def sanction_list(*, user: Any) -> QuerySet[SupplierSanction]:
    """Supplier rewards and penalties in the user's jurisdiction."""
    return SupplierSanction.objects.visible_to(user)


def sanction_get(*, user: Any, pk: Any) -> SupplierSanction:
    """One reward or penalty in the user's jurisdiction, or 404."""
    return get_visible_or_404(SupplierSanction.objects.all(), user, pk=pk)


# ---------------------------------------------------------------- 考核 (A.10.5–A.10.8)


def unit_assessment_list(*, user: Any, deleted: bool = False) -> QuerySet[UnitAssessment]:
    """规范化考核 in the user's jurisdiction (deleted ones only when asked)."""
    return UnitAssessment.objects.visible_to(user).filter(is_deleted=deleted)


def unit_assessment_get(*, user: Any, pk: Any) -> UnitAssessment:
    """One 规范化考核 (deleted included) in the user's jurisdiction, or 404."""
    return get_visible_or_404(UnitAssessment.objects.all(), user, pk=pk)


def assessment_bulletin_list(*, user: Any, deleted: bool = False) -> QuerySet[AssessmentBulletin]:
    """考核结果通报备案 in the user's jurisdiction."""
    return AssessmentBulletin.objects.visible_to(user).filter(is_deleted=deleted).select_related("assessment")


def assessment_bulletin_get(*, user: Any, pk: Any) -> AssessmentBulletin:
    """One 通报备案 (deleted included) in the user's jurisdiction, or 404."""
    return get_visible_or_404(AssessmentBulletin.objects.select_related("assessment"), user, pk=pk)


def staff_assessment_list(*, user: Any, deleted: bool = False) -> QuerySet[StaffAssessment]:
    """工作人员考核评价 in the user's jurisdiction."""
    return StaffAssessment.objects.visible_to(user).filter(is_deleted=deleted)


def staff_assessment_get(*, user: Any, pk: Any) -> StaffAssessment:
    """One 工作人员考核评价 (deleted included) in the user's jurisdiction, or 404."""
    return get_visible_or_404(StaffAssessment.objects.all(), user, pk=pk)


def staff_sanction_list(*, user: Any, deleted: bool = False) -> QuerySet[StaffSanction]:
    """工作人员行政奖罚及通报 in the user's jurisdiction."""
    return StaffSanction.objects.visible_to(user).filter(is_deleted=deleted).select_related("staff_assessment")


def staff_sanction_get(*, user: Any, pk: Any) -> StaffSanction:
    """One 工作人员行政奖罚 (deleted included) in the user's jurisdiction, or 404."""
    return get_visible_or_404(StaffSanction.objects.select_related("staff_assessment"), user, pk=pk)
