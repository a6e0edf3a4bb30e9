"""Services of the household members (申请家庭成员信息, A.3.10)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from anju.admission import events
from anju.admission.choices import APPLICANT_RELATIONS, MAX_MEMBERS, RELATION_HEAD, RELATION_SELF
from anju.admission.models import Application, Member
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

MEMBER_FIELDS = frozenset(
    {
        "relation",
        "name",
        "id_type",
        "id_number",
        "hukou_type",
        "hukou_years",
        "is_resident",
        "sex",
        "birth_date",
        "ethnicity",
        "phone",
        "employment_status",
        "employer",
        "employer_type",
        "occupation_type",
        "education",
        "graduation_date",
        "marital_status",
        "annual_income",
        "special_person_code",
        "disability_type",
        "disability_level",
        "honour_level",
        "honour_type",
        "medal_type",
        "is_introduced_talent",
        "is_migrant_worker",
        "has_provident_fund",
        "had_welfare_housing",
        "has_housing_subsidy",
        "lives_together",
        "income_source",
        "has_criminal_record",
        "pension_insurance_number",
        "medical_insurance_number",
        "unemployment_insurance_number",
        "maternity_insurance_number",
        "injury_insurance_number",
        "combined_insurance_number",
        "social_insurance_months",
        "provident_fund_account",
        "five_guarantees_certificate",
        "hardship_certificate",
    }
)
# The applicant's identity is edited on the application, so it stays the same on both.
APPLICANT_LOCKED_FIELDS = frozenset({"name", "id_type", "id_number", "phone"})


MAX_SOCIAL_INSURANCE_MONTHS = 720


def _history_check(errors: Errors, member: Member) -> None:
    """毕业日期 and 连续缴纳社保月数 must fit the member's life (checked after the birth date is known)."""
    graduated = member.graduation_date if isinstance(member.graduation_date, date) else None
    birth = member.birth_date if isinstance(member.birth_date, date) else None
    if graduated is not None:
        if graduated > timezone.localdate():
            errors.add("graduation_date", "毕业日期不能晚于今天；尚未毕业的请不填。")
        elif birth is not None and graduated < date(birth.year + 10, birth.month, 1):
            errors.add("graduation_date", "毕业日期应在出生满10周岁之后，请核对。")
    months = member.social_insurance_months
    if months is not None:
        if not isinstance(months, int) or months < 0:
            errors.add("social_insurance_months", "连续缴纳社保月数应为不小于0的整数。")
        elif months > MAX_SOCIAL_INSURANCE_MONTHS:
            errors.add("social_insurance_months", f"连续缴纳社保月数不能超过{MAX_SOCIAL_INSURANCE_MONTHS}个月。")
        elif birth is not None:
            today = timezone.localdate()
            working_months = (today.year - birth.year - 16) * 12 + today.month - birth.month
            if months > max(working_months, 0):
                errors.add("social_insurance_months", "连续缴纳社保月数超过了该成员满16周岁以来的月数，请核对。")


def _member_check(errors: Errors, member: Member) -> None:
    """Identity, relation and uniqueness rules of one member (before saving)."""
    member.name = (member.name or "").strip()
    number, sex, birth = identity_check(
        errors,
        field="id_number",
        id_type=member.id_type,
        id_number=member.id_number,
        sex=member.sex,
        birth_date=member.birth_date if isinstance(member.birth_date, date) else None,
    )
    member.id_number, member.sex, member.birth_date = number, sex, birth
    member.id_number_index = blind_index(number, purpose="id_number")
    member.phone = mobile_check(errors, field="phone", value=member.phone)
    member.phone_index = blind_index(member.phone, purpose="mobile")
    member.provident_fund_account = (member.provident_fund_account or "").strip()
    member.provident_fund_account_index = blind_index(member.provident_fund_account, purpose="account")
    if member.annual_income is not None and member.annual_income < 0:
        errors.add("annual_income", "年收入不能为负数。")
    _history_check(errors, member)
    if member.relation == RELATION_SELF and not member.is_applicant:
        errors.add("relation", "“本人”只能是申请人；其他成员请填写与户主的关系。")
    if member.is_applicant and member.relation not in APPLICANT_RELATIONS:
        errors.add("relation", "申请人与户主关系应为“本人”或“户主”。")
    if member.disability_level and not member.disability_type:
        errors.add("disability_type", "填写残疾等级时，请选择残疾类别。")
    others = Member.objects.filter(application_id=member.application_id).exclude(pk=member.pk)
    if member.id_number_index and others.filter(id_number_index=member.id_number_index).exists():
        errors.add("id_number", "该证件号码已在本户成员中。")
    elif member.id_number_index and not member.is_applicant:
        for reason in admission_refusals(
            id_number_indexes=[member.id_number_index], exclude_application_id=member.application_id
        ):
            errors.add("id_number", reason)
    if member.relation == RELATION_HEAD and others.filter(relation=RELATION_HEAD).exists():
        errors.add("relation", "一户只能有一名户主。")
    model_check(errors, member, exclude=["application", "reviewer"])


@transaction.atomic
def member_add(
    *, application: Application, acting_user: Any, name: str, relation: str, id_number: str, **fields: Any
) -> Member:
    """Add a member (not the applicant, who is added with the application) to a draft."""
    unknown_fields_check(fields, MEMBER_FIELDS)
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    editable_check(application, acting_user)
    errors = Errors()
    count = application.members.count()
    if count >= MAX_MEMBERS:
        errors.add(None, f"一户最多登记 {MAX_MEMBERS} 名成员。")
    member = Member(application=application, name=name, relation=relation, id_number=id_number or "", **fields)
    _member_check(errors, member)
    errors.raise_if_any()
    member.sequence = (application.members.aggregate(last=Max("sequence"))["last"] or 0) + 1
    member.save()
    application_totals_refresh(application)
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"member_added": member.sequence})
    return member


@transaction.atomic
def member_update(*, member: Member, acting_user: Any, **fields: Any) -> Member:
    """Change a member of a draft; the applicant's name, ID and phone are changed on the application."""
    unknown_fields_check(fields, MEMBER_FIELDS)
    application = Application.objects.select_for_update(of=("self",)).get(pk=member.application_id)
    editable_check(application, acting_user)
    member = Member.objects.get(pk=member.pk)
    errors = Errors()
    if member.is_applicant:
        for name in APPLICANT_LOCKED_FIELDS & set(fields):
            if fields[name] != getattr(member, name):
                errors.add(name, "申请人的姓名、证件和联系电话请在申请基本信息中修改。")
    changed = sorted(name for name, value in fields.items() if getattr(member, name) != value)
    for name, value in fields.items():
        setattr(member, name, value)
    _member_check(errors, member)
    errors.raise_if_any()
    member.save()
    application_totals_refresh(application)
    events.audit(
        events.APPLICATION_UPDATED,
        user=acting_user,
        obj=application,
        detail={"member_updated": member.sequence, "fields": changed},
    )
    return member


@transaction.atomic
def member_remove(*, member: Member, acting_user: Any) -> None:
    """Remove a member from a draft (never the applicant)."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=member.application_id)
    editable_check(application, acting_user)
    if member.is_applicant:
        raise ValidationError("申请人不能从家庭成员中删除。")
    sequence = member.sequence
    Member.objects.filter(pk=member.pk).delete()
    application_totals_refresh(application)
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"member_removed": sequence})
