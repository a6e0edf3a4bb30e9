"""核查 (6.2.1 审核): assignment to a partner department or a staff member, answers, conclusion and report."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.accounts.roles import Role
from anju.admission import events
from anju.admission.choices import ApplicationStatus
from anju.admission.models import (
    Application,
    Verification,
    VerificationConclusion,
    VerificationKind,
    VerificationReport,
    VerificationStatus,
)
from anju.admission.permissions import region_in_jurisdiction
from anju.admission.services.common import Errors

# Who assigns verifications and records conclusions (审核人员).
ASSIGNER_ROLES = (Role.STREET_REVIEWER, Role.DISTRICT_OFFICER)
CONCLUDER_ROLES = (Role.DISTRICT_OFFICER,)
# 办理阶段 in which verifications may be assigned and concluded.
REVIEW_STATUSES = frozenset({ApplicationStatus.STREET_REVIEW, ApplicationStatus.COUNTY_REVIEW, ApplicationStatus.APPROVAL})
ASSIGNEE_STAFF_ROLES = (Role.PARTNER, Role.COMMUNITY_CLERK, Role.STREET_REVIEWER, Role.DISTRICT_OFFICER)


def _number(region_code: str) -> str:
    from anju.core.services.numbers import business_number_next

    return business_number_next(kind="verification", region_code=region_code)


def _reviewer_check(user: Any, application: Application, roles: tuple) -> None:
    if not getattr(user, "is_authenticated", False) or not user.has_role(*roles):
        names = "、".join(Role(r).label for r in roles)
        raise PermissionDenied(f"只有{names}可以办理核查。")
    if not region_in_jurisdiction(user, application.region_code):
        raise PermissionDenied("该申请不在您的管辖范围内。")


def _stage_check(application: Application) -> None:
    if application.is_deleted or application.status not in REVIEW_STATUSES:
        raise ValidationError(f"申请处于“{application.get_status_display()}”阶段，不能办理核查（仅初审、审核、审批阶段）。")


def can_answer(user: Any, verification: Verification) -> bool:
    """The assigned person, or a 协同部门 user of the assigned department."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if verification.assignee_id is not None:
        return verification.assignee_id == user.pk
    return (
        verification.assignee_organisation_id is not None
        and verification.assignee_organisation_id == user.organisation_id
        and user.has_role(Role.PARTNER)
        and region_in_jurisdiction(user, verification.region_code)
    )


@transaction.atomic
def verification_assign(
    *,
    application: Application,
    kind: str,
    acting_user: Any,
    assignee_organisation: Any = None,
    assignee: Any = None,
    request_note: str = "",
    due_date: date | None = None,
) -> Verification:
    """核查指派: ask a partner department (or one staff member) to check income, assets, housing, hukou …."""
    from anju.accounts.models import OrganisationKind

    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    _reviewer_check(acting_user, application, ASSIGNER_ROLES)
    _stage_check(application)
    errors = Errors()
    if kind not in VerificationKind.values:
        errors.add("kind", "请选择核查类型。")
    if assignee_organisation is None and assignee is None:
        errors.add("assignee_organisation", "请选择核查单位或核查人。")
    if assignee_organisation is not None and (
        assignee_organisation.kind != OrganisationKind.PARTNER or not assignee_organisation.is_active
    ):
        errors.add("assignee_organisation", "核查单位须为启用的协同部门。")
    if assignee is not None and (
        not assignee.is_active
        or not assignee.has_role(*ASSIGNEE_STAFF_ROLES)
        or not region_in_jurisdiction(assignee, application.region_code)
    ):
        errors.add("assignee", "核查人须为管辖范围覆盖该申请的协同部门或经办人员。")
    if due_date is not None and due_date < timezone.localdate():
        errors.add("due_date", "反馈期限不能早于今天。")
    errors.raise_if_any()
    verification = Verification(
        region_code=application.region_code,
        application=application,
        kind=kind,
        request_note=(request_note or "").strip(),
        assignee_organisation=assignee_organisation,
        assignee=assignee,
        assigned_by=acting_user,
        assigned_at=timezone.now(),
        due_date=due_date,
    )
    verification.number = _number(application.region_code)
    verification.full_clean()
    verification.save()
    events.audit(
        events.APPLICATION_CREATED, user=acting_user, obj=verification,
        detail={"verification": verification.number, "application": application.number, "kind": kind},
    )  # fmt: skip
    _notify_assignees(verification)
    return verification


def _notify_assignees(verification: Verification) -> None:
    """Tell the assigned person (or the department's 协同部门 users) that a check waits for them."""
    from django.urls import reverse

    from anju.accounts.models import User
    from anju.workflow.services import notification_send

    if verification.assignee_id is not None:
        users = [verification.assignee]
    else:
        users = list(
            User.objects.filter(organisation=verification.assignee_organisation, is_active=True, role_grants__role=Role.PARTNER)
        )
    for user in users:
        notification_send(
            user=user,
            title=f"核查请求：{verification.application.number}（{verification.get_kind_display()}）",
            body=verification.request_note,
            link=reverse("admission:verification_detail", args=[verification.pk]),
        )


@transaction.atomic
def verification_answer(
    *, verification: Verification, result: str, acting_user: Any, result_detail: str = "", attachments: Any = ()
) -> Verification:
    """核查结果: the assigned department or person answers with a result, a note and proof files."""
    verification = Verification.objects.select_for_update(of=("self",)).select_related("application").get(pk=verification.pk)
    if not can_answer(acting_user, verification):
        raise PermissionDenied("该核查请求不是指派给您或您所在部门的。")
    if verification.status != VerificationStatus.ASSIGNED:
        raise ValidationError(f"该核查请求{verification.get_status_display()}，不能再反馈。")
    errors = Errors()
    verification.result = result or ""
    verification.result_detail = (result_detail or "").strip()
    if not verification.result:
        errors.add("result", "请选择核查结果。")
    if not verification.result_detail:
        errors.add("result_detail", "请填写核查结果说明。")
    try:
        verification.full_clean()
    except ValidationError as exc:
        errors.merge(exc.message_dict)
    errors.raise_if_any()
    verification.status = VerificationStatus.ANSWERED
    verification.answered_by = acting_user
    verification.answered_at = timezone.now()
    verification.save()
    files = [f for f in attachments or () if f]
    if files:
        from anju.archive.choices import FileType, Stage
        from anju.archive.services import archive_file_upload

        for uploaded in files:
            archive_file_upload(
                owner=verification, uploaded_file=uploaded, file_type=FileType.OTHER, stage=Stage.REVIEW,
                title=f"{verification.get_kind_display()}核查材料：{uploaded.name}", acting_user=acting_user,
            )  # fmt: skip
    events.audit(
        events.APPLICATION_UPDATED, user=acting_user, obj=verification,
        detail={"verification": verification.number, "result": verification.result, "files": len(files)},
    )  # fmt: skip
    return verification


@transaction.atomic
def verification_cancel(*, verification: Verification, acting_user: Any, reason: str) -> Verification:
    """Withdraw a request that is no longer needed (reason required)."""
    verification = Verification.objects.select_for_update(of=("self",)).select_related("application").get(pk=verification.pk)
    _reviewer_check(acting_user, verification.application, ASSIGNER_ROLES)
    if verification.status != VerificationStatus.ASSIGNED:
        raise ValidationError(f"该核查请求{verification.get_status_display()}，不能撤销。")
    if not (reason or "").strip():
        raise ValidationError({"reason": ["请填写撤销原因。"]})
    verification.status = VerificationStatus.CANCELLED
    verification.result_detail = f"撤销：{reason.strip()}"
    verification.save(update_fields=["status", "result_detail", "updated_at"])
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=verification, detail={"cancelled": reason.strip()})
    return verification


@transaction.atomic
def verification_conclude(*, application: Application, conclusion: str, opinion: str, acting_user: Any) -> VerificationReport:
    """核查结论认定: after every request is answered, the reviewer decides and a report is numbered."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    _reviewer_check(acting_user, application, CONCLUDER_ROLES)
    _stage_check(application)
    errors = Errors()
    checks = application.verifications.exclude(status=VerificationStatus.CANCELLED)
    if not checks.exists():
        errors.add(None, "尚未指派核查，不能认定核查结论。")
    pending = list(checks.filter(status=VerificationStatus.ASSIGNED).values_list("number", flat=True))
    if pending:
        errors.add(None, f"以下核查尚未反馈：{'、'.join(pending)}。")
    if conclusion not in VerificationConclusion.values:
        errors.add("conclusion", "请选择核查结论。")
    if not (opinion or "").strip():
        errors.add("opinion", "请填写认定意见。")
    errors.raise_if_any()
    report = VerificationReport.objects.create(
        region_code=application.region_code,
        number=_number(application.region_code),
        application=application,
        conclusion=conclusion,
        opinion=opinion.strip(),
        concluded_by=acting_user,
        concluded_at=timezone.now(),
    )
    events.audit(
        events.APPLICATION_CREATED, user=acting_user, obj=report,
        detail={"report": report.number, "application": application.number, "conclusion": conclusion},
    )  # fmt: skip
    report.archive_file = verification_report_archive(report=report, acting_user=acting_user)
    report.save(update_fields=["archive_file"])
    return report


REPORT_DOCUMENT = "admission_verification_report"
REPORT_FILE_TYPE = "99"  # 其他 (the e-archive has no own type for 核查报告; 08 is for notices)
REPORT_STAGE = "review"


def verification_report_context(report: VerificationReport) -> dict[str, Any]:
    """The values of the 核查报告 template (plain strings and lists, as the sandboxed template wants)."""
    from anju.admission.services.process import rule_check_latest
    from anju.admission.services.registration import _department
    from anju.admission.validation import code_name

    application = report.application
    items = []
    for item in application.verifications.select_related("assignee", "assignee_organisation").order_by("id"):
        answered = timezone.localtime(item.answered_at).strftime("%Y-%m-%d %H:%M") if item.answered_at else "—"
        items.append({
            "number": item.number, "kind": item.get_kind_display(), "assignee": item.assignee_label,
            "result": code_name(item, "result") or item.get_status_display(), "detail": item.result_detail,
            "answered_at": answered,
        })  # fmt: skip
    check = rule_check_latest(application) or {}
    ok = bool(check.get("available", True) and check.get("ok"))
    concluded = timezone.localtime(report.concluded_at)
    return {
        "report_number": report.number,
        "application_number": application.number,
        "applicant_name": application.applicant_name,
        "id_number_masked": application.id_number_masked,
        "household_size": application.household_size,
        "income_total": str(application.income_total),
        "income_per_capita": str(application.income_per_capita),
        "floor_area_per_capita": str(application.floor_area_per_capita),
        "verifications": items,
        "rule_decision": check.get("decision", "") if ok else "",
        "rule_lines": [i.get("text", "") for i in check.get("items", [])] if ok else [],
        "conclusion": report.get_conclusion_display(),
        "opinion": report.opinion,
        "concluded_by": str(report.concluded_by),
        "concluded_date": f"{concluded.year}年{concluded.month}月{concluded.day}日",
        "department": _department(application),
    }


def verification_report_pdf(report: VerificationReport) -> tuple[str, bytes]:
    """(title, PDF bytes) of a 核查报告 from its editable template."""
    from anju.core.documents import document_render

    return document_render(code=REPORT_DOCUMENT, context=verification_report_context(report))


def verification_report_archive(*, report: VerificationReport, acting_user: Any) -> Any:
    """Render the 核查报告 as PDF and store it in the application's e-archive (type 其他, stage 审核)."""
    from django.core.files.base import ContentFile

    from anju.archive.services import archive_file_upload

    title, pdf = verification_report_pdf(report)
    return archive_file_upload(
        owner=report.application, uploaded_file=ContentFile(pdf, name=f"{report.number}.pdf"),
        file_type=REPORT_FILE_TYPE, stage=REPORT_STAGE, acting_user=acting_user, title=f"{title}（{report.number}）",
    )  # fmt: skip
