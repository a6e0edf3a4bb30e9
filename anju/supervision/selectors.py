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
    Complaint,
    ComplaintReply,
    CreditBanRule,
    CreditRecord,
    Inspection,
    SupplierSanction,
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
