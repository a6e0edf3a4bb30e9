"""Checks shared by the admission services: identity numbers, editability, derived totals."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Sum

from anju.admission.choices import ID_TYPE_RESIDENT
from anju.admission.models import Application
from anju.admission.permissions import application_write_check
from anju.core.validators import normalize_resident_id, validate_mobile, validate_resident_id

CENT = Decimal("0.01")


class Errors(dict):
    """Field errors collected before anything is written: {field: [Chinese message, …]}."""

    def add(self, field: str, message: str) -> None:
        """Record one message for a field (None = the whole form)."""
        self.setdefault(field or "__all__", []).append(message)

    def merge(self, other: dict[str, list[str]]) -> None:
        """Add every message of another error dict."""
        for field, messages in other.items():
            for message in messages:
                self.add(field, message)

    def raise_if_any(self) -> None:
        """Raise one ValidationError carrying every message."""
        if self:
            raise ValidationError(dict(self))


def identity_check(
    errors: Errors, *, field: str, id_type: str, id_number: str, sex: str = "", birth_date: date | None = None
) -> tuple[str, str, date | None]:
    """Validate an ID number (resident IDs by GB 11643) and its consistency with sex and birth date.

    Returns (normalised number, sex, birth date), with sex and birth date taken from a
    resident ID number when not given.
    """
    if not id_number:
        errors.add(field, "请填写证件号码。")
        return "", sex, birth_date
    if id_type != ID_TYPE_RESIDENT:
        return id_number.strip(), sex, birth_date
    number = normalize_resident_id(id_number)
    try:
        validate_resident_id(number)
    except ValidationError as exc:
        errors.add(field, exc.messages[0])
        return number, sex, birth_date
    id_sex = "1" if int(number[16]) % 2 == 1 else "2"
    id_birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if sex and sex != id_sex:
        errors.add("sex", f"性别与身份证号码不一致：号码显示为{'男' if id_sex == '1' else '女'}性。")
    if birth_date and birth_date != id_birth:
        errors.add("birth_date", f"出生日期与身份证号码不一致：号码显示为 {id_birth:%Y-%m-%d}。")
    return number, sex or id_sex, birth_date or id_birth


def mobile_check(errors: Errors, *, field: str, value: str) -> str:
    """Validate an optional mobile number; return it stripped."""
    value = (value or "").strip()
    if value:
        try:
            validate_mobile(value)
        except ValidationError as exc:
            errors.add(field, exc.messages[0])
    return value


def model_check(errors: Errors, instance: Any, *, exclude: list[str] | None = None) -> None:
    """full_clean() (which checks coded fields against their code tables), collected into errors."""
    try:
        instance.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as exc:
        errors.merge(exc.message_dict)


def editable_check(application: Application, acting_user: Any) -> None:
    """Refuse changes by someone without the right, or to an application that is no longer a draft.

    The right: the community's clerk, or the applicant on their own application while it is a
    draft or returned for correction (`admission.permissions.application_write_check`).
    """
    application_write_check(acting_user, application)
    if application.is_deleted:
        raise ValidationError("该申请已删除，请先恢复。")
    if not application.is_editable:
        raise ValidationError(f"申请处于“{application.get_status_display()}”阶段，不能修改。")


def unknown_fields_check(fields: dict[str, Any], allowed: frozenset[str]) -> None:
    """Programming error guard: services accept only the fields they know."""
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def application_totals_refresh(application: Application) -> None:
    """Recompute 家庭人口数, incomes and floor areas from the members and dwellings."""
    members = application.members.aggregate(size=Count("id"), income=Sum("annual_income"))
    area = application.dwellings.aggregate(total=Sum("floor_area"))["total"] or Decimal(0)
    size = members["size"] or 0
    income = members["income"] or Decimal(0)
    application.household_size = size
    application.income_total = income
    application.income_per_capita = (income / size).quantize(CENT, ROUND_HALF_UP) if size else Decimal(0)
    application.floor_area_total = area
    application.floor_area_per_capita = (area / size).quantize(CENT, ROUND_HALF_UP) if size else Decimal(0)
    application.save(
        update_fields=[
            "household_size",
            "income_total",
            "income_per_capita",
            "floor_area_total",
            "floor_area_per_capita",
            "updated_at",
        ]
    )
