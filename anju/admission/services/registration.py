"""准予登记 / 不予登记 at the 登记 node: complete the workflow task, write the register (A.3.16), print the notice.

The notice (通知书) is rendered from the editable document template (`anju.admission.documents`) as a PDF
and archived in the application's e-archive (file type 08 通知书, stage 登记). The register entry's
`security_state` follows the household's life (`register_entry_state_set`, used by later subsystems).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from anju.accounts.roles import Role
from anju.admission import events
from anju.admission.choices import ApplicationStatus
from anju.admission.models import Application, ProposedPlan, RegisterEntry
from anju.admission.models.register import SECURITY_STATE_EXITED
from anju.admission.permissions import region_in_jurisdiction
from anju.admission.validation import code_name
from anju.core.services.numbers import business_number_next

REGISTER_ROLES = (Role.DISTRICT_OFFICER,)
NOTICE_FILE_TYPE = "08"
NOTICE_STAGE = "registration"
STATE_WAITING = "01"


def _register_check(user: Any, application: Application) -> Any:
    from anju.admission.services.process import open_task

    if not getattr(user, "is_authenticated", False) or not user.has_role(*REGISTER_ROLES):
        raise PermissionDenied("只有区县住房保障部门可以办理登记。")
    if not region_in_jurisdiction(user, application.region_code):
        raise PermissionDenied("该申请不在您的管辖范围内。")
    task = open_task(application, node_code="register") if application.status == ApplicationStatus.REGISTERING else None
    if task is None:
        raise ValidationError({"application": [f"申请处于“{application.get_status_display()}”阶段，不在登记环节。"]})
    return task


def _department(application: Application) -> str:
    from anju.core.models import Region

    county = (
        Region.objects.filter(code=application.region_code[:6].ljust(12, "0")).values_list("name", flat=True).first()
    )
    return f"{county or ''}住房保障部门"


def _notice_archive(*, application: Application, code: str, context: dict[str, Any], acting_user: Any) -> Any:
    from anju.archive.services import archive_file_upload
    from anju.core.documents import document_render

    title, pdf = document_render(code=code, context=context)
    upload = ContentFile(pdf, name=f"{context['notice_number']}.pdf")
    return archive_file_upload(
        owner=application, uploaded_file=upload, file_type=NOTICE_FILE_TYPE, stage=NOTICE_STAGE,
        acting_user=acting_user, title=f"{title}（{context['notice_number']}）",
    )  # fmt: skip


def _base_context(application: Application) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "applicant_name": application.applicant_name,
        "application_number": application.number,
        "household_size": application.household_size,
        "decision_date": f"{today.year}年{today.month}月{today.day}日",
        "department": _department(application),
    }


def application_register(*, application: Application, acting_user: Any, opinion: str = "") -> RegisterEntry:
    """准予登记: the register task is approved, the register entry written, the notice archived."""
    from anju.workflow.services import task_complete

    task = _register_check(acting_user, application)
    plan = ProposedPlan.objects.filter(application=application).order_by("-id").first()
    if plan is None:
        raise ValidationError({"application": ["请先制定拟保障实施方案，再准予登记。"]})
    with transaction.atomic():
        task_complete(task=task, acting_user=acting_user, opinion=opinion.strip() or "准予登记。")
        application.refresh_from_db()
        assets_total = application.assets.aggregate(total=Sum("total_value"))["total"] or Decimal(0)
        size = application.household_size or 1
        now = timezone.now()
        entry = RegisterEntry(
            region_code=application.region_code, number=business_number_next(kind="register", region_code=application.region_code),
            application=application, applicant_name=application.applicant_name, id_type=application.id_type,
            id_number=application.id_number, id_number_index=application.id_number_index,
            phone=application.phone, phone_index=application.phone_index,
            hukou_county=application.hukou_county, hukou_street=application.hukou_street,
            hukou_community=application.hukou_community, hukou_road=application.hukou_road,
            hukou_house_number=application.hukou_house_number, hukou_building=application.hukou_building,
            hukou_room=application.hukou_room, household_size=application.household_size,
            income_per_capita=application.income_per_capita, income_total=application.income_total,
            assets_total=assets_total, assets_per_capita=(assets_total / size).quantize(Decimal("0.01")),
            floor_area_per_capita=application.floor_area_per_capita, floor_area_total=application.floor_area_total,
            in_shantytown=application.in_shantytown, is_minimum_living=application.is_minimum_living,
            minimum_living_certificate=application.minimum_living_certificate, applied_at=application.submitted_at,
            project_category=plan.project_category, security_mode=plan.security_mode,
            registered_at=now, security_state=STATE_WAITING,
        )  # fmt: skip
        entry.full_clean()
        entry.save()
        Application.objects.filter(pk=application.pk).update(registration_year=now.year)
        context = {
            **_base_context(application),
            "register_number": entry.number,
            "notice_number": business_number_next(kind="notice", region_code=application.region_code),
            "security_mode": code_name(plan, "security_mode"),
            "allocated_area": str(plan.allocated_area or ""),
            "standard_amount": str(plan.standard_amount or "0.00"),
            "subsidy_amount": str(plan.subsidy_amount or "0.00"),
            "reason": "",
        }
        _notice_archive(
            application=application, code="admission_registration_approved", context=context, acting_user=acting_user
        )
        events.audit(
            events.APPLICATION_CREATED, user=acting_user, obj=entry,
            detail={"register": entry.number, "application": application.number, "notice": context["notice_number"]},
        )  # fmt: skip
    return entry


def application_register_deny(*, application: Application, reason: str, acting_user: Any) -> Application:
    """不予登记 with the reason: the register task is denied, the notice archived."""
    from anju.workflow.services import task_complete

    task = _register_check(acting_user, application)
    if not (reason or "").strip():
        raise ValidationError({"reason": ["请填写不予登记的理由。"]})
    with transaction.atomic():
        task_complete(task=task, acting_user=acting_user, opinion=reason.strip(), decision="deny")
        application.refresh_from_db()
        context = {
            **_base_context(application),
            "register_number": "",
            "notice_number": business_number_next(kind="notice", region_code=application.region_code),
            "security_mode": "",
            "allocated_area": "",
            "standard_amount": "",
            "subsidy_amount": "",
            "reason": reason.strip(),
        }
        _notice_archive(
            application=application, code="admission_registration_denied", context=context, acting_user=acting_user
        )
        events.audit(
            events.APPLICATION_UPDATED, user=acting_user, obj=application,
            detail={"registration": "denied", "reason": reason.strip(), "notice": context["notice_number"]},
        )  # fmt: skip
    return application


def register_entry_state_set(*, entry: RegisterEntry, security_state: str, acting_user: Any,
                             on_date: date | None = None, implemented_mode: str = "") -> RegisterEntry:  # fmt: skip
    """Move a register entry along the household's life (轮候中 → 已配租/已配售/领取补贴 → … → 已退出)."""
    if not getattr(acting_user, "is_authenticated", False) or not acting_user.has_role(*REGISTER_ROLES):
        raise PermissionDenied("只有区县住房保障部门可以变更保障状态。")
    if not region_in_jurisdiction(acting_user, entry.region_code):
        raise PermissionDenied("该登记不在您的管辖范围内。")
    return _register_entry_state_write(
        entry=entry, security_state=security_state, acting_user=acting_user, on_date=on_date,
        implemented_mode=implemented_mode,
    )  # fmt: skip


def register_entry_state_follow(*, entry: RegisterEntry, security_state: str, acting_user: Any, cause: str,
                                on_date: date | None = None, implemented_mode: str = "") -> RegisterEntry:  # fmt: skip
    """保障状态 following a business event another service has already authorised (a signed contract).

    No role check of its own: the caller authorised the event (distribution's contract signing checks
    the clerk's jurisdiction, or the tenant's own confirmation on the portal), and the state is a
    consequence of it. `cause` is written to the audit row.
    """
    if not cause:
        raise ValueError("register_entry_state_follow needs the business event that causes it")
    return _register_entry_state_write(
        entry=entry, security_state=security_state, acting_user=acting_user, on_date=on_date,
        implemented_mode=implemented_mode, cause=cause,
    )  # fmt: skip


def _register_entry_state_write(*, entry: RegisterEntry, security_state: str, acting_user: Any,
                                on_date: date | None, implemented_mode: str, cause: str = "") -> RegisterEntry:  # fmt: skip
    if not entry.is_active:
        raise ValidationError({"security_state": ["该家庭已退出保障，保障状态不能再变更。"]})
    on_date = on_date or timezone.localdate()
    with transaction.atomic():
        locked = RegisterEntry.objects.select_for_update(of=("self",)).get(pk=entry.pk)
        previous = locked.security_state
        locked.security_state = security_state
        if implemented_mode:
            locked.implemented_mode = implemented_mode
        if security_state == SECURITY_STATE_EXITED:
            locked.exited_at = on_date
        elif security_state != STATE_WAITING and locked.security_started_at is None:
            locked.security_started_at = on_date
        locked.full_clean()
        locked.save()
        events.audit(
            events.APPLICATION_UPDATED, user=acting_user, obj=locked,
            detail={"register": locked.number, "security_state": security_state, "previous": previous,
                    **({"cause": cause} if cause else {})},
        )  # fmt: skip
    entry.refresh_from_db()
    return entry
