"""公示 (A.3.12): batch applications at the 公示 node into a notice; publish; close after the period.

Closing moves every listed application on: the 公示 task of its workflow is completed (公示期满无异议)
and the process goes to 复审/审批. An application whose objection was upheld has already been sent
back (see `objections.objection_decide`) and is marked 公示未通过.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from anju.accounts.roles import Role
from anju.admission import events
from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, Objection, ObjectionStatus, Publicity, PublicityEntry, PublicityStatus
from anju.admission.models.publicity import PublicityKind
from anju.admission.permissions import region_in_jurisdiction
from anju.admission.validation import code_name
from anju.core.services.numbers import business_number_next

PUBLICITY_ROLES = (Role.DISTRICT_OFFICER,)
MAX_PERIOD_DAYS = 60
OPEN_PUBLICITY = (PublicityStatus.DRAFT, PublicityStatus.PUBLISHED)


def publicity_write_check(user: Any, region_code: str) -> None:
    """Only the county housing security officer of the region writes publicity records."""
    if not getattr(user, "is_authenticated", False) or not user.has_role(*PUBLICITY_ROLES):
        raise PermissionDenied("只有区县住房保障部门可以办理公示。")
    if not region_in_jurisdiction(user, region_code):
        raise PermissionDenied("该公示不在您的管辖范围内。")


def publicity_create(*, title: str, start_date: date, end_date: date, channel: str, place: str,
                     applications: list[Application], acting_user: Any,
                     kind: str = PublicityKind.REGISTRATION) -> Publicity:  # fmt: skip
    """A draft publicity notice of the officer's county listing applications that are at the 公示 node."""
    county = (getattr(acting_user, "jurisdiction_id", None) or "")[:6].ljust(12, "0")
    publicity_write_check(acting_user, county)
    errors: dict[str, list[str]] = {}
    if not (title or "").strip():
        errors["title"] = ["请填写公示标题。"]
    if not start_date:
        errors["start_date"] = ["请填写公示开始时间。"]
    if not end_date:
        errors["end_date"] = ["请填写公示截止时间。"]
    elif start_date and end_date < start_date:
        errors["end_date"] = ["公示截止时间不能早于开始时间。"]
    elif start_date and (end_date - start_date).days > MAX_PERIOD_DAYS:
        errors["end_date"] = [f"公示期不能超过 {MAX_PERIOD_DAYS} 天。"]
    if not applications:
        errors["applications"] = ["请至少选择一个申请。"]
    bad = []
    for application in applications:
        if not region_in_jurisdiction(acting_user, application.region_code) or application.is_deleted:
            raise PermissionDenied("所选申请不在您的管辖范围内。")
        if application.status != ApplicationStatus.PUBLICITY:
            bad.append(f"{application.number}（{application.get_status_display()}）")
    if bad:
        errors["applications"] = [f"只能公示处于“公示中”阶段的申请：{'、'.join(bad)}。"]
    listed = PublicityEntry.objects.filter(
        application__in=applications, publicity__status__in=OPEN_PUBLICITY, passed__isnull=True
    ).select_related("application", "publicity")
    if listed:
        errors.setdefault("applications", []).append(
            "以下申请已在未结束的公示中："
            + "、".join(f"{e.application.number}（{e.publicity.number}）" for e in listed)
            + "。"
        )
    publicity = Publicity(
        region_code=county, number="GS-pending", kind=kind, title=(title or "").strip(), start_date=start_date,
        end_date=end_date, channel=channel or "", place=(place or "").strip(), created_by=acting_user,
    )  # fmt: skip
    try:
        publicity.full_clean(exclude=["number"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        publicity.number = business_number_next(kind="publicity", region_code=county)
        publicity.save()
        PublicityEntry.objects.bulk_create(
            PublicityEntry(publicity=publicity, application=a, stage=a.status) for a in applications
        )
        events.audit(
            events.APPLICATION_CREATED, user=acting_user, obj=publicity,
            detail={"publicity": publicity.number, "applications": [a.number for a in applications]},
        )  # fmt: skip
    return publicity


def publicity_publish(*, publicity: Publicity, acting_user: Any) -> Publicity:
    """草稿 → 公示中."""
    publicity_write_check(acting_user, publicity.region_code)
    with transaction.atomic():
        locked = Publicity.objects.select_for_update(of=("self",)).get(pk=publicity.pk)
        if locked.status != PublicityStatus.DRAFT:
            raise ValidationError(f"公示处于“{locked.get_status_display()}”状态，不能发布。")
        if not locked.entries.exists():
            raise ValidationError("公示名单为空，不能发布。")
        locked.status, locked.published_at = PublicityStatus.PUBLISHED, timezone.now()
        locked.save(update_fields=["status", "published_at", "updated_at"])
        events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=locked, detail={"status": locked.status})
    publicity.refresh_from_db()
    return publicity


def publicity_close(*, publicity: Publicity, acting_user: Any, today: date | None = None) -> Publicity:
    """公示中 → 已结束 after the period: each listed application still at 公示 passes and moves on (workflow)."""
    from anju.admission.services.process import open_task
    from anju.workflow.services import task_complete

    publicity_write_check(acting_user, publicity.region_code)
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Publicity.objects.select_for_update(of=("self",)).get(pk=publicity.pk)
        if locked.status != PublicityStatus.PUBLISHED:
            raise ValidationError(f"公示处于“{locked.get_status_display()}”状态，不能结束。")
        if today <= locked.end_date:
            raise ValidationError(f"公示期至 {locked.end_date:%Y-%m-%d} 止，期满后才能结束公示。")
        pending = Objection.objects.filter(
            publicity=locked, status__in=(ObjectionStatus.RECEIVED, ObjectionStatus.VERIFYING)
        ).values_list("number", flat=True)
        if pending:
            raise ValidationError(f"尚有未处理完毕的举报：{'、'.join(pending)}。")
        now = timezone.now()
        moved, failed = [], []
        for entry in locked.entries.select_related("application").order_by("id"):
            if entry.passed is not None:
                continue
            application = entry.application
            task = open_task(application, node_code="publicity")
            if task is None:
                entry.passed, entry.decided_at = False, now
                failed.append(application.number)
            else:
                task_complete(task=task, acting_user=acting_user, opinion=f"公示期满无异议（{locked.number}）。")
                entry.passed, entry.decided_at = True, now
                moved.append(application.number)
            entry.save(update_fields=["passed", "decided_at"])
        locked.status, locked.closed_at = PublicityStatus.CLOSED, now
        locked.save(update_fields=["status", "closed_at", "updated_at"])
        events.audit(
            events.APPLICATION_UPDATED, user=acting_user, obj=locked,
            detail={"status": locked.status, "passed": moved, "not_passed": failed},
        )  # fmt: skip
    publicity.refresh_from_db()
    return publicity


def publicity_rows(publicity: Publicity) -> list[dict[str, Any]]:
    """The masked list of a notice (screen, PDF and Excel): never a full name or ID number."""
    from anju.core.masking import mask_id_number, mask_name
    from anju.core.models import Region

    entries = list(publicity.entries.select_related("application").order_by("id"))
    names = dict(
        Region.objects.filter(code__in={e.application.region_code for e in entries}).values_list("code", "name")
    )
    rows = []
    for index, entry in enumerate(entries, start=1):
        application = entry.application
        rows.append(
            {
                "index": index,
                "application_number": application.number,
                "applicant_name": mask_name(application.applicant_name),
                "id_number": mask_id_number(application.id_number),
                "household_size": application.household_size,
                "community": names.get(application.region_code, application.region_code),
                "passed": {True: "通过", False: "未通过", None: "公示中"}[entry.passed],
            }
        )
    return rows


def publicity_pdf(*, publicity: Publicity) -> bytes:
    """The printable notice (A4 PDF) with the masked list."""
    from anju.core.documents import render_pdf
    from anju.core.models import Region

    county = Region.objects.filter(code=publicity.region_code).values_list("name", flat=True).first() or ""
    return render_pdf(
        template_name="documents/admission/publicity.html",
        context={
            "publicity": publicity,
            "channel_name": code_name(publicity, "channel"),
            "rows": publicity_rows(publicity),
            "department": f"{county}住房保障部门",
        },
    )
