"""The online application: a draft `admission.Application` filled step by step by the household.

Each write goes through the admission services (the same validation as at the window) with the
applicant's own account as the acting user: admission, the archive and the workflow accept the
applicant on the application linked to them (`Application.applicant_account`, set here when the
draft is opened) while it is a draft or returned for correction (`anju.admission.permissions`).
The portal adds ownership of the online case, the step reached, the pre-fill from partner data
(零证明) and an idempotent submission.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from anju.accounts.models import User
from anju.admission.models import Application, Asset, Dwelling, Member
from anju.portal import events
from anju.portal.models import OnlineApplication
from anju.portal.partner_data import PartnerRecord, partner_data_source

STEPS: tuple[tuple[str, str], ...] = (
    ("household", "申请人与家庭"),
    ("members", "家庭成员"),
    ("housing", "住房情况"),
    ("assets", "家庭资产"),
    ("materials", "证明材料"),
    ("check", "预审与提交"),
)
STEP_CODES = [code for code, _ in STEPS]
REQUIRED_PROOFS = ("01", "02", "03", "04")  # admission.services.process.REQUIRED_MATERIALS
VERIFICATION_NOTE = "零证明：由部门共享数据核验，申请人无需提交纸质证明。"


def step_reached(online: OnlineApplication, step: str) -> None:
    """Remember the furthest step the applicant has reached."""
    if step in STEP_CODES and STEP_CODES.index(step) > STEP_CODES.index(
        online.step if online.step in STEP_CODES else "household"
    ):
        OnlineApplication.objects.filter(pk=online.pk).update(step=step)
        online.step = step


def partner_lookup(*, id_number: str, name: str) -> PartnerRecord | None:
    """Partner data of a person, only when the name matches the number (no pre-fill for a mismatch)."""
    record = partner_data_source().lookup(id_number)
    if record is None or record.name != (name or "").strip():
        return None
    return record


def _prefill_fields(record: PartnerRecord) -> dict[str, Any]:
    hukou = record.hukou
    fields: dict[str, Any] = {}
    for source, target in (
        ("county", "hukou_county"), ("street", "hukou_street"), ("community", "hukou_community"),
        ("road", "hukou_road"), ("house_number", "hukou_house_number"), ("building", "hukou_building"),
        ("room", "hukou_room"),
    ):  # fmt: skip
        if hukou.get(source):
            fields[target] = hukou[source]
    if record.is_minimum_living:
        fields["is_minimum_living"] = True
        fields["minimum_living_certificate"] = record.minimum_living_certificate
    return fields


def _apply_partner_record(online: OnlineApplication, record: PartnerRecord, user: User) -> None:
    """Fill members, the applicant's income and marriage and the owned homes from partner data."""
    from anju.admission.services import dwelling_add, member_add, member_update

    application = online.application
    prefilled = set(online.prefilled)
    applicant = application.members.get(is_applicant=True)
    applicant_fields: dict[str, Any] = {}
    if record.marital_status:
        applicant_fields["marital_status"] = record.marital_status
    if record.annual_income is not None:
        applicant_fields["annual_income"] = record.annual_income
    if record.has_provident_fund:
        applicant_fields["has_provident_fund"] = True
    if applicant_fields:
        member_update(member=applicant, acting_user=user, **applicant_fields)
        prefilled.update(f"applicant.{name}" for name in applicant_fields)
    known = set(application.members.values_list("id_number_index", flat=True))
    from anju.core.fields import blind_index

    for person in record.household:
        if blind_index(person.id_number, purpose="id_number") in known:
            continue
        member_add(
            application=application, acting_user=user, name=person.name, relation=person.relation,
            id_number=person.id_number, annual_income=person.annual_income,
            **({"marital_status": person.marital_status} if person.marital_status else {}),
        )  # fmt: skip
        prefilled.add(f"member.{person.name}")
    if not application.dwellings.exists():
        for home in record.owned_homes:
            dwelling_add(
                application=application, acting_user=user, occupancy_status="1", owner_is_member=True,
                owner_name=record.name, address_road=home.get("address_road", ""),
                floor_area=Decimal(home.get("floor_area") or 0),
                title_certificate_number=home.get("title_certificate_number", ""),
            )  # fmt: skip
            prefilled.add("dwelling.registry")
    online.prefilled = sorted(prefilled)
    online.proofs_waived = {code: source for code, (_, source) in record.proofs_covered().items()}
    online.save(update_fields=["prefilled", "proofs_waived", "updated_at"])


@transaction.atomic
def household_save(*, user: User, data: dict[str, Any], region_code: str = "") -> OnlineApplication:
    """Step 1: create the draft (first time) or change the applicant and household basics.

    `data` holds admission `APPLICATION_FIELDS` (name, ID number, phone …). The community is the
    one chosen, or the registered residence's community from partner data when none was chosen.
    """
    from anju.admission.services import application_create, application_update

    User.objects.select_for_update(of=("self",)).filter(pk=user.pk).first()  # one draft per account, even under double clicks
    online = OnlineApplication.objects.filter(user=user, is_active=True).select_related("application").first()
    data = dict(data)
    if online is None:
        record = partner_lookup(id_number=data.get("id_number", ""), name=data.get("applicant_name", ""))
        if record is not None:
            for name, value in _prefill_fields(record).items():
                if not data.get(name):
                    data[name] = value
        community = region_code or (record.community_code if record else "")
        if not community:
            raise ValidationError({"region_code": "请选择户籍所在的社区（申请将由该社区受理）。"})
        application = application_create(
            region_code=community, applicant_name=data.pop("applicant_name", ""), id_number=data.pop("id_number", ""),
            acting_user=user, applicant_account=user, **data,
        )  # fmt: skip
        online = OnlineApplication.objects.create(user=user, application=application, step="members")
        if record is not None:
            online.prefilled = sorted(f"application.{name}" for name in _prefill_fields(record))
            _apply_partner_record(online, record, user)
        events.audit(
            events.RECORD_CREATED,
            user=user,
            obj=online,
            detail={"application": application.number, "partner_data": record is not None},
        )
        return online
    _editable_check(online)
    if not data.get("id_number"):
        data.pop("id_number", None)  # left empty on the edit form: unchanged
    application_update(application=online.application, acting_user=online.user, **data)
    step_reached(online, "members")
    return online


def _editable_check(online: OnlineApplication, action: str = "修改") -> None:
    """A submitted case is not the applicant's to change: say so as a form error.

    Admission refuses it anyway (PermissionDenied, `admission.permissions.application_write_check`);
    this gives the pages a message beside the form instead of an error page.
    """
    application = online.application
    application.refresh_from_db(fields=["status"])  # the case may have moved on since `online` was read
    if not application.is_editable:
        raise ValidationError(f"申请处于“{application.get_status_display()}”阶段，不能{action}。")


def _owned(online: OnlineApplication, model: type, pk: int) -> Any:
    """A member, dwelling or asset of this application (404-like ValidationError otherwise)."""
    row = model.objects.filter(application=online.application, pk=pk).first()
    if row is None:
        raise ValidationError("记录不存在。")
    return row


@transaction.atomic
def part_save(*, online: OnlineApplication, kind: str, data: dict[str, Any], pk: int | None = None) -> Any:
    """Add or change a member, dwelling or asset of the draft."""
    from anju.admission import services as admission

    _editable_check(online)
    model, add, update, arg = {
        "members": (Member, admission.member_add, admission.member_update, "member"),
        "housing": (Dwelling, admission.dwelling_add, admission.dwelling_update, "dwelling"),
        "assets": (Asset, admission.asset_add, admission.asset_update, "asset"),
    }[kind]
    if pk is None:
        saved = add(application=online.application, acting_user=online.user, **data)
    else:
        row = _owned(online, model, pk)
        if kind == "members" and not data.get("id_number"):
            data.pop("id_number", None)
        saved = update(acting_user=online.user, **{arg: row}, **data)
    step_reached(online, kind)
    return saved


@transaction.atomic
def part_remove(*, online: OnlineApplication, kind: str, pk: int) -> None:
    """Remove a member (not the applicant), dwelling or asset of the draft."""
    from anju.admission import services as admission

    _editable_check(online)
    model, remove, arg = {
        "members": (Member, admission.member_remove, "member"),
        "housing": (Dwelling, admission.dwelling_remove, "dwelling"),
        "assets": (Asset, admission.asset_remove, "asset"),
    }[kind]
    remove(acting_user=online.user, **{arg: _owned(online, model, pk)})


def material_upload(*, online: OnlineApplication, uploaded_file: Any, file_type: str, request: Any = None) -> Any:
    """Put one proof into the application's e-archive (checks of the archive app: type, size, content)."""
    from anju.archive.services import archive_file_upload

    _editable_check(online, "再上传材料")
    archive_file = archive_file_upload(
        owner=online.application, uploaded_file=uploaded_file, file_type=file_type, stage="application",
        acting_user=online.user, note="申请人网上上传", request=request,
    )  # fmt: skip
    step_reached(online, "materials")
    return archive_file


def materials_present(application: Application) -> set[str]:
    """File types present (not deleted) in the application's e-archive."""
    from django.contrib.contenttypes.models import ContentType

    from anju.archive.models import ArchiveFile

    return set(
        ArchiveFile.objects.filter(
            content_type=ContentType.objects.get_for_model(Application), object_id=str(application.pk), is_deleted=False
        ).values_list("file_type", flat=True)
    )


def materials_missing(online: OnlineApplication) -> list[str]:
    """Required proofs neither uploaded nor replaced by partner data (names)."""
    from anju.portal.partner_data import PROOFS

    present = materials_present(online.application) | set(online.proofs_waived)
    return [PROOFS[code][0] for code in REQUIRED_PROOFS if code not in present]


def eligibility_precheck(*, online: OnlineApplication) -> dict[str, Any]:
    """The rules' explained verdict on the draft, not recorded (admission's wrapper of the evaluator)."""
    from anju.admission.services.process import rule_check_run

    return rule_check_run(application=online.application, acting_user=online.user, record=False)


def _verification_records_file(online: OnlineApplication) -> None:
    """File one 部门数据核验记录 per waived proof that is not in the e-archive yet (零证明)."""
    from anju.archive.services import archive_file_upload

    record = partner_data_source().lookup(online.application.id_number)
    if record is None:
        return
    present = materials_present(online.application)
    text = record.verification_text().encode("utf-8")
    for code, source in online.proofs_waived.items():
        if code in present:
            continue
        archive_file_upload(
            owner=online.application, uploaded_file=ContentFile(text, name=f"部门数据核验-{code}.txt"), file_type=code,
            stage="application", acting_user=online.user, title=f"部门数据核验记录（{source}）", note=VERIFICATION_NOTE,
        )  # fmt: skip


@transaction.atomic
def online_submit(*, online: OnlineApplication) -> OnlineApplication:
    """Submit the draft (or the correction): starts the admission process at the community; idempotent.

    A second submission of an application already in the process changes nothing and returns it,
    so a double click or a retried request under load never creates a second case.
    """
    from anju.admission.services import application_submit

    online = OnlineApplication.objects.select_for_update(of=("self",)).select_related("user").get(pk=online.pk)
    # read the application after the lock is held, in its own statement: on PostgreSQL a row joined into
    # the locking query keeps the snapshot from before the wait, so a concurrent submit would be missed
    application = type(online).application.field.related_model.objects.get(pk=online.application_id)
    online.application = application
    if not application.is_editable:
        return online
    missing = materials_missing(online)
    if missing:
        raise ValidationError(f"请先上传以下证明材料：{'、'.join(missing)}。")
    _verification_records_file(online)
    resubmission = online.submitted_at is not None
    online.application = application_submit(application=application, acting_user=online.user)
    online.submitted_at = online.submitted_at or timezone.now()
    online.step = "submitted"
    online.save(update_fields=["submitted_at", "step", "updated_at"])
    events.audit(
        events.RECORD_UPDATED, user=online.user, obj=online,
        detail={"submitted": True, "application": application.number, "resubmitted": resubmission},
    )  # fmt: skip
    return online
