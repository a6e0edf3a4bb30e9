"""Services of the application itself (申请家庭基本信息, A.3.8)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from anju.admission import events
from anju.admission.choices import FINISHED_STATUSES, ID_TYPE_RESIDENT, RELATION_SELF, ApplicationStatus
from anju.admission.models import Application, Member
from anju.admission.permissions import application_create_check, household_edit_check
from anju.admission.services.benefits import admission_refusals
from anju.admission.services.common import (
    Errors,
    application_totals_refresh,
    editable_check,
    identity_check,
    mobile_check,
    model_check,
    unknown_fields_check,
)
from anju.core.fields import blind_index
from anju.core.models import Region
from anju.core.models.regions import RegionLevel

APPLICATION_FIELDS = frozenset(
    {
        "applicant_name",
        "id_type",
        "id_number",
        "phone",
        "agent_name",
        "agent_id_type",
        "agent_id_number",
        "agent_phone",
        "hukou_county",
        "hukou_street",
        "hukou_community",
        "hukou_road",
        "hukou_house_number",
        "hukou_building",
        "hukou_room",
        "in_shantytown",
        "shantytown_name",
        "shantytown_type",
        "shantytown_affiliation",
        "is_low_income",
        "is_minimum_living",
        "minimum_living_certificate",
        "had_housing_support",
        "housing_support_mode",
    }
)
ACTIVE_STATUSES = tuple(s for s in ApplicationStatus.values if s not in FINISHED_STATUSES)


def _application_number(*, region_code: str) -> str:
    """The next 申请编号 of a community (core numbers service)."""
    from anju.core.services.numbers import business_number_next

    return business_number_next(kind="application", region_code=region_code)


def _identifiers_check(errors: Errors, application: Application, *, sex: str = "", birth_date: date | None = None):
    """Validate and index the applicant's and the agent's identifiers; return the applicant's (sex, birth)."""
    number, sex, birth_date = identity_check(
        errors, field="id_number", id_type=application.id_type, id_number=application.id_number, sex=sex, birth_date=birth_date
    )
    application.id_number = number
    application.id_number_index = blind_index(number, purpose="id_number")
    application.phone = mobile_check(errors, field="phone", value=application.phone)
    application.phone_index = blind_index(application.phone, purpose="mobile")
    if application.agent_id_number:
        agent_errors = Errors()
        number, _, _ = identity_check(
            agent_errors,
            field="agent_id_number",
            id_type=application.agent_id_type or ID_TYPE_RESIDENT,
            id_number=application.agent_id_number,
        )
        errors.merge({k: v for k, v in agent_errors.items() if k == "agent_id_number"})
        application.agent_id_number = number
        if not application.agent_name:
            errors.add("agent_name", "填写了代理人证件号码时，请填写代理人姓名。")
    application.agent_id_number_index = blind_index(application.agent_id_number, purpose="id_number")
    application.agent_phone = mobile_check(errors, field="agent_phone", value=application.agent_phone)
    application.agent_phone_index = blind_index(application.agent_phone, purpose="mobile")
    if application.in_shantytown and not application.shantytown_name:
        errors.add("shantytown_name", "居住在棚户区时，请填写棚户区名称。")
    if application.is_minimum_living and not application.minimum_living_certificate:
        errors.add("minimum_living_certificate", "最低生活保障家庭请填写最低生活保障证号。")
    if application.had_housing_support and not application.housing_support_mode:
        errors.add("housing_support_mode", "享受过住房保障待遇时，请选择待遇方式。")
    return sex, birth_date


def _duplicate_check(errors: Errors, application: Application) -> None:
    """One unfinished application per person."""
    other = (
        Application.objects.filter(
            id_number_index=application.id_number_index, is_deleted=False, status__in=ACTIVE_STATUSES
        )
        .exclude(pk=application.pk)
        .first()
    )
    if other is not None:
        errors.add("id_number", f"该证件号码已有未办结的申请（申请编号 {other.number}）。")
        return
    for reason in admission_refusals(id_number_indexes=[application.id_number_index], exclude_application_id=application.pk):
        errors.add("id_number", reason)


@transaction.atomic
def application_create(
    *,
    region_code: str,
    applicant_name: str,
    id_number: str,
    acting_user: Any,
    sex: str = "",
    birth_date: date | None = None,
    applicant_account: Any = None,
    **fields: Any,
) -> Application:
    """Open a draft application for a household of a community, with the applicant as first member.

    At the window the community's clerk opens it. Online (the portal) the applicant opens their own:
    `applicant_account` must then be the acting user, and links the application to that account
    (`admission.permissions`: the applicant may change it while it is a draft or returned).
    """
    unknown_fields_check(fields, APPLICATION_FIELDS)
    application_create_check(acting_user, region_code, applicant_account=applicant_account)
    errors = Errors()
    community = Region.objects.filter(code=region_code).first()
    if community is None or community.level != RegionLevel.COMMUNITY:
        errors.add("region_code", "请选择申请家庭所在的社区。")
    application = Application(
        region_code=region_code,
        registration_year=timezone.localdate().year,
        applicant_name=(applicant_name or "").strip(),
        id_number=id_number or "",
        created_by=acting_user,
        applicant_account=applicant_account,
        **fields,
    )
    if community is not None and not (application.hukou_county or application.hukou_street or application.hukou_community):
        application.hukou_community = region_code
        application.hukou_street = region_code[:9] + "000"
        application.hukou_county = region_code[:6] + "000000"
    sex, birth_date = _identifiers_check(errors, application, sex=sex, birth_date=birth_date)
    model_check(errors, application, exclude=["number", "created_by", "applicant_account"])
    if not errors:
        _duplicate_check(errors, application)
    errors.raise_if_any()
    application.number = _application_number(region_code=region_code)
    application.save()
    Member.objects.create(
        application=application,
        sequence=1,
        is_applicant=True,
        relation=RELATION_SELF,
        name=application.applicant_name,
        id_type=application.id_type,
        id_number=application.id_number,
        id_number_index=application.id_number_index,
        phone=application.phone,
        phone_index=application.phone_index,
        sex=sex or "0",
        birth_date=birth_date or date(1900, 1, 1),
    )
    application_totals_refresh(application)
    events.audit(events.APPLICATION_CREATED, user=acting_user, obj=application, detail={"number": application.number})
    return application


@transaction.atomic
def application_update(*, application: Application, acting_user: Any, **fields: Any) -> Application:
    """Change the basic information of a draft; the applicant member follows name, ID and phone."""
    unknown_fields_check(fields, APPLICATION_FIELDS)
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    editable_check(application, acting_user)
    changed = sorted(name for name, value in fields.items() if getattr(application, name) != value)
    for name, value in fields.items():
        setattr(application, name, value)
    application.applicant_name = (application.applicant_name or "").strip()
    errors = Errors()
    applicant = application.members.filter(is_applicant=True).first()
    sex, birth_date = _identifiers_check(errors, application)
    model_check(errors, application)
    if application.members.filter(id_number_index=application.id_number_index, is_applicant=False).exists():
        errors.add("id_number", "该证件号码已是本户其他成员的号码。")
    if not errors:
        _duplicate_check(errors, application)
    errors.raise_if_any()
    application.save()
    if applicant is not None:
        applicant.name = application.applicant_name
        applicant.id_type = application.id_type
        applicant.id_number = application.id_number
        applicant.id_number_index = application.id_number_index
        applicant.phone = application.phone
        applicant.phone_index = application.phone_index
        if application.id_type == ID_TYPE_RESIDENT:
            applicant.sex, applicant.birth_date = sex, birth_date
        applicant.save()
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"fields": changed})
    return application


@transaction.atomic
def application_submit(*, application: Application, acting_user: Any) -> Application:
    """Submit a draft (start the admission process) or a returned application (complete 补正材料)."""
    from anju.admission.services.process import application_workflow_start, open_task

    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    editable_check(application, acting_user)
    indexes = list(application.members.values_list("id_number_index", flat=True))
    if not indexes:
        raise ValidationError("申请家庭至少应有一名成员。")
    conflicts = admission_refusals(id_number_indexes=indexes, exclude_application_id=application.pk)
    if conflicts:
        raise ValidationError(conflicts)
    correction = open_task(application, node_code="correct") if application.status == ApplicationStatus.RETURNED else None
    if correction is not None:
        from anju.workflow.services import task_complete

        task_complete(task=correction, acting_user=acting_user, opinion="已按退回意见补正材料，重新提交。")
    else:
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = timezone.now()
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        application_workflow_start(application=application, acting_user=acting_user)
    application.refresh_from_db()
    events.audit(
        events.APPLICATION_UPDATED, user=acting_user, obj=application,
        detail={"submitted": True, "status": application.status, "resubmitted": correction is not None},
    )  # fmt: skip
    return application


@transaction.atomic
def application_delete(*, application: Application, acting_user: Any) -> Application:
    """Delete a draft (soft: it can be restored); a submitted application cannot be deleted."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    household_edit_check(acting_user, application.region_code)
    if application.is_deleted:
        raise ValidationError("该申请已删除。")
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(f"申请处于“{application.get_status_display()}”阶段，不能删除；只能删除草稿。")
    application.is_deleted = True
    application.deleted_at = timezone.now()
    application.save(update_fields=["is_deleted", "deleted_at", "updated_at"])
    events.audit(events.APPLICATION_DELETED, user=acting_user, obj=application, detail={"number": application.number})
    return application


@transaction.atomic
def application_restore(*, application: Application, acting_user: Any) -> Application:
    """Bring a deleted draft back."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    household_edit_check(acting_user, application.region_code)
    if not application.is_deleted:
        raise ValidationError("该申请未被删除，无需恢复。")
    errors = Errors()
    _duplicate_check(errors, application)
    errors.raise_if_any()
    application.is_deleted = False
    application.deleted_at = None
    application.save(update_fields=["is_deleted", "deleted_at", "updated_at"])
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"restored": True})
    return application
