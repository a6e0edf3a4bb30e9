"""保障住房供给单位/个人登记审批 (A.3.17, A.3.18): register an application for support, review it.

The county housing security officer registers (登记) and reviews (审核通过 with the 核定额度, or
审核不通过 with the opinion); a reviewed application is final.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.accounts.roles import Role
from anju.admission import events
from anju.admission.models import SupplierApprovalStatus, SupplierPersonApproval, SupplierUnitApproval
from anju.admission.permissions import region_in_jurisdiction
from anju.core.fields import blind_index
from anju.core.services.numbers import business_number_next
from anju.core.validators import normalize_resident_id, validate_resident_id

SUPPLIER_ROLES = (Role.DISTRICT_OFFICER,)
AMOUNT_FIELDS = ("standard_amount", "subsidy_due", "payable_amount", "deduction_amount", "requested_amount")


def _supplier_check(user: Any, region_code: str) -> None:
    if not getattr(user, "is_authenticated", False) or not user.has_role(*SUPPLIER_ROLES):
        raise PermissionDenied("只有区县住房保障部门可以办理供给单位/个人登记审批。")
    if not region_in_jurisdiction(user, region_code):
        raise PermissionDenied("该地区不在您的管辖范围内。")


def _supplier_create(model: type, *, region_code: str, acting_user: Any, fields: dict[str, Any],
                     errors: dict[str, list[str]]) -> Any:  # fmt: skip
    _supplier_check(acting_user, region_code)
    for name in AMOUNT_FIELDS:
        value = fields.get(name)
        if value is not None and Decimal(value) < 0:
            errors.setdefault(name, []).append("不能为负数。")
    if fields.get("requested_amount") in (None, ""):
        errors.setdefault("requested_amount", []).append("请填写申请额度。")
    record = model(region_code=region_code, number="GY-pending", created_by=acting_user,
                   applied_at=fields.pop("applied_at", None) or timezone.now(), **fields)  # fmt: skip
    try:
        record.full_clean(exclude=["number"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        record.number = business_number_next(kind="supplier", region_code=region_code)
        record.save()
        events.audit(
            events.APPLICATION_CREATED, user=acting_user, obj=record, detail={"supplier_approval": record.number}
        )
    return record


def supplier_unit_create(*, region_code: str, acting_user: Any, **fields: Any) -> SupplierUnitApproval:
    """Register a supplying organisation's application for support (A.3.17)."""
    errors: dict[str, list[str]] = {}
    if not (fields.get("organisation_name") or "").strip():
        errors["organisation_name"] = ["请填写单位名称。"]
    return _supplier_create(
        SupplierUnitApproval, region_code=region_code, acting_user=acting_user, fields=fields, errors=errors
    )


def supplier_person_create(
    *, region_code: str, acting_user: Any, id_number: str, **fields: Any
) -> SupplierPersonApproval:
    """Register a supplying individual's application for support (A.3.18); the ID number is encrypted and indexed."""
    errors: dict[str, list[str]] = {}
    id_number = normalize_resident_id(id_number or "")
    if fields.get("id_type", "111") == "111":
        try:
            validate_resident_id(id_number)
        except ValidationError as exc:
            errors["id_number"] = exc.messages
    elif not id_number:
        errors["id_number"] = ["请填写申请人证件证号。"]
    if not (fields.get("applicant_name") or "").strip():
        errors["applicant_name"] = ["请填写申请人姓名。"]
    fields.update(id_number=id_number, id_number_index=blind_index(id_number, purpose="id_number") if id_number else "")
    return _supplier_create(
        SupplierPersonApproval, region_code=region_code, acting_user=acting_user, fields=fields, errors=errors
    )


def supplier_review(*, approval: SupplierUnitApproval | SupplierPersonApproval, approve: bool, opinion: str,
                    acting_user: Any, approved_amount: Decimal | None = None) -> Any:  # fmt: skip
    """审核通过 (with 核定额度 ≤ 申请额度) or 审核不通过 (with the opinion); only a pending application."""
    _supplier_check(acting_user, approval.region_code)
    errors: dict[str, list[str]] = {}
    if approval.status != SupplierApprovalStatus.SUBMITTED:
        errors["status"] = [f"该申请已审核（{approval.get_status_display()}）。"]
    if approve:
        if approved_amount is None:
            errors["approved_amount"] = ["审核通过时须填写核定额度。"]
        elif approved_amount < 0 or approved_amount > approval.requested_amount:
            errors["approved_amount"] = ["核定额度须在 0 与申请额度之间。"]
    elif not (opinion or "").strip():
        errors["review_opinion"] = ["审核不通过时须填写审核意见。"]
    if errors:
        raise ValidationError(errors)
    model = type(approval)
    with transaction.atomic():
        locked = model.objects.select_for_update(of=("self",)).get(pk=approval.pk)
        locked.status = SupplierApprovalStatus.APPROVED if approve else SupplierApprovalStatus.REJECTED
        locked.approved_amount = approved_amount if approve else None
        locked.review_opinion = (opinion or "").strip()
        locked.reviewer, locked.reviewed_at = acting_user, timezone.now()
        organisation = getattr(acting_user, "organisation", None)
        locked.reviewing_unit = str(organisation) if organisation else ""
        locked.full_clean()
        locked.save()
        events.audit(
            events.APPLICATION_UPDATED, user=acting_user, obj=locked,
            detail={"supplier_approval": locked.number, "status": locked.status, "approved_amount": str(locked.approved_amount)},
        )  # fmt: skip
    approval.refresh_from_db()
    return approval
