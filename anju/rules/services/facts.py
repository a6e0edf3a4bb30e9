"""Fact extraction: the facts of one application (a dict) and of many (annotations on a queryset)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DecimalField,
    Exists,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from anju.rules.factors import NOT_EMPLOYED_CODES, VEHICLE_ASSET_CODE, credit_provider

# Household factors that are Application columns (the same name on the queryset).
APPLICATION_COLUMNS = (
    "household_size",
    "income_total",
    "income_per_capita",
    "floor_area_total",
    "floor_area_per_capita",
    "is_minimum_living",
    "is_low_income",
    "had_housing_support",
    "in_shantytown",
)
MEMBER_FIELDS = (
    "hukou_years",
    "annual_income",
    "disability_level",
    "education",
    "employment_status",
    "hukou_type",
    "special_person_code",
    "is_migrant_worker",
    "is_introduced_talent",
    "has_provident_fund",
    "had_welfare_housing",
    "is_resident",
    "has_criminal_record",
    "social_insurance_months",
)
MONEY_FIELD = DecimalField(max_digits=16, decimal_places=2)


def today() -> datetime.date:
    """Today in Asia/Shanghai."""
    return timezone.localdate()


def age_on(birth: datetime.date, day: datetime.date) -> int:
    """Age in whole years (周岁) on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def member_facts(member: Any, as_of: datetime.date) -> dict[str, Any]:
    """The member-level facts of one member."""
    facts = {name: getattr(member, name) for name in MEMBER_FIELDS}
    facts.update(
        sequence=member.sequence,
        name=member.name,
        age=age_on(member.birth_date, as_of),
        # 毕业年限: whole years since the graduation date (None when not graduated / not recorded)
        years_since_graduation=age_on(member.graduation_date, as_of) if member.graduation_date else None,
        is_disabled=bool(member.disability_type),
        is_employed=member.employment_status not in NOT_EMPLOYED_CODES,
    )
    return facts


def household_facts(application: Any, as_of: datetime.date | None = None) -> dict[str, Any]:
    """The facts of one application that conditions test (household level, plus a list of members)."""
    as_of = as_of or today()
    facts: dict[str, Any] = {name: getattr(application, name) for name in APPLICATION_COLUMNS}
    owned = [d for d in application.dwellings.all() if d.owner_is_member]
    assets = list(application.assets.all())
    vehicles = [a for a in assets if a.category == VEHICLE_ASSET_CODE]
    members = list(application.members.all())
    assets_total = sum((a.total_value for a in assets), Decimal(0))
    facts.update(
        income_per_capita_monthly=(Decimal(application.income_per_capita) / 12).quantize(Decimal("0.01")),
        owned_home_count=len(owned),
        owns_home=bool(owned),
        assets_total=assets_total,
        assets_per_capita=(assets_total / application.household_size).quantize(Decimal("0.01"))
        if application.household_size
        else assets_total,
        vehicle_count=sum((a.quantity for a in vehicles), Decimal(0)),
        vehicle_value=sum((a.total_value for a in vehicles), Decimal(0)),
        credit_status=credit_provider().status_for(application),
        member_count=len(members),
        members=[member_facts(m, as_of) for m in members],
        as_of=as_of.isoformat(),
    )
    return facts


def per_application(queryset: QuerySet, value: Any, output: Any) -> Any:
    """One aggregate of the rows of `queryset` that belong to the outer application (0 when none)."""
    subquery = queryset.filter(application=OuterRef("pk")).values("application").annotate(v=value).values("v")
    return Coalesce(Subquery(subquery, output_field=output), Value(0), output_field=output)


def household_facts_queryset(queryset: QuerySet) -> QuerySet:
    """Annotate an Application queryset with the derived household facts (`rf_<factor>`), set-wise.

    Each aggregate is its own correlated subquery, so members, dwellings and assets never
    multiply each other's rows. Member-level conditions add their own counts (see evaluation).
    """
    from anju.admission.models import Asset, Dwelling, Member

    vehicles = Asset.objects.filter(category=VEHICLE_ASSET_CODE)
    owned = Dwelling.objects.filter(owner_is_member=True)
    return queryset.annotate(
        rf_owned_home_count=per_application(owned, Count("id"), IntegerField()),
        rf_owns_home=Exists(owned.filter(application=OuterRef("pk")), output_field=BooleanField()),
        rf_assets_total=per_application(Asset.objects.all(), Sum("total_value"), MONEY_FIELD),
        rf_vehicle_count=per_application(vehicles, Sum("quantity"), MONEY_FIELD),
        rf_vehicle_value=per_application(vehicles, Sum("total_value"), MONEY_FIELD),
        rf_member_count=per_application(Member.objects.all(), Count("id"), IntegerField()),
        rf_credit_status=credit_provider().annotation(),
    )


def queryset_column(code: str) -> str:
    """The queryset column holding a household factor."""
    return code if code in APPLICATION_COLUMNS else f"rf_{code}"
