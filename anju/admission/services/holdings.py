"""Services of the household's dwellings (A.3.9) and assets (A.3.11)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from anju.admission import events
from anju.admission.choices import ID_TYPE_RESIDENT
from anju.admission.models import Application, Asset, Dwelling
from anju.admission.services.common import (
    Errors,
    application_totals_refresh,
    editable_check,
    identity_check,
    model_check,
    unknown_fields_check,
)
from anju.core.fields import blind_index

DWELLING_FIELDS = frozenset(
    {
        "address_county",
        "address_street",
        "address_community",
        "address_road",
        "address_house_number",
        "address_building",
        "address_room",
        "occupancy_status",
        "title_certificate_number",
        "owner_name",
        "owner_id_number",
        "owner_is_member",
        "owner_organisation",
        "owner_organisation_code",
        "property_nature",
        "house_type",
        "completeness",
        "condition",
        "structure",
        "layout",
        "facilities",
        "management_mode",
        "floor_area",
        "built_year",
        "rent",
        "ownership_share_class",
        "ownership_nature",
        "ownership_share",
        "value",
        "property_manager",
        "address_category",
        "disposal_intention",
    }
)
ASSET_FIELDS = frozenset({"owner_name", "category", "quantity", "total_value"})


def _dwelling_check(errors: Errors, dwelling: Dwelling) -> None:
    """Area, share and owner rules of one dwelling."""
    if dwelling.owner_id_number:
        number, _, _ = identity_check(
            errors, field="owner_id_number", id_type=ID_TYPE_RESIDENT, id_number=dwelling.owner_id_number
        )
        dwelling.owner_id_number = number
    dwelling.owner_id_number_index = blind_index(dwelling.owner_id_number, purpose="id_number")
    if dwelling.floor_area is not None and Decimal(dwelling.floor_area) <= 0:
        errors.add("floor_area", "建筑面积应大于 0。")
    if dwelling.ownership_share is not None and not (0 <= Decimal(dwelling.ownership_share) <= 100):
        errors.add("ownership_share", "产权比例应在 0 到 100 之间。")
    if dwelling.rent is not None and Decimal(dwelling.rent) < 0:
        errors.add("rent", "租金不能为负数。")
    if (
        dwelling.owner_is_member
        and dwelling.owner_id_number_index
        and not dwelling.application.members.filter(id_number_index=dwelling.owner_id_number_index).exists()
    ):
        errors.add("owner_id_number", "产权人为家庭成员时，产权人身份证应与某一成员的证件号码相同。")
    model_check(errors, dwelling, exclude=["application", "reviewer"])


def _asset_check(errors: Errors, asset: Asset) -> None:
    """Quantity and value rules of one asset."""
    asset.owner_name = (asset.owner_name or "").strip()
    if asset.total_value is not None and Decimal(asset.total_value) < 0:
        errors.add("total_value", "总价值不能为负数。")
    if asset.quantity is not None and Decimal(asset.quantity) <= 0:
        errors.add("quantity", "数量应大于 0。")
    if asset.owner_name and not asset.application.members.filter(name=asset.owner_name).exists():
        errors.add("owner_name", "所有人应为本户家庭成员。")
    model_check(errors, asset, exclude=["application", "reviewer"])


def _next_sequence(queryset: Any) -> int:
    return (queryset.aggregate(last=Max("sequence"))["last"] or 0) + 1


@transaction.atomic
def dwelling_add(*, application: Application, acting_user: Any, **fields: Any) -> Dwelling:
    """Add a dwelling to a draft application."""
    unknown_fields_check(fields, DWELLING_FIELDS)
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    editable_check(application, acting_user)
    errors = Errors()
    dwelling = Dwelling(application=application, **fields)
    _dwelling_check(errors, dwelling)
    errors.raise_if_any()
    dwelling.sequence = _next_sequence(application.dwellings)
    dwelling.save()
    application_totals_refresh(application)
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"dwelling_added": dwelling.sequence})
    return dwelling


@transaction.atomic
def dwelling_update(*, dwelling: Dwelling, acting_user: Any, **fields: Any) -> Dwelling:
    """Change a dwelling of a draft application."""
    unknown_fields_check(fields, DWELLING_FIELDS)
    application = Application.objects.select_for_update(of=("self",)).get(pk=dwelling.application_id)
    editable_check(application, acting_user)
    dwelling = Dwelling.objects.get(pk=dwelling.pk)
    for name, value in fields.items():
        setattr(dwelling, name, value)
    errors = Errors()
    _dwelling_check(errors, dwelling)
    errors.raise_if_any()
    dwelling.save()
    application_totals_refresh(application)
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"dwelling_updated": dwelling.sequence})
    return dwelling


@transaction.atomic
def dwelling_remove(*, dwelling: Dwelling, acting_user: Any) -> None:
    """Remove a dwelling from a draft application."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=dwelling.application_id)
    editable_check(application, acting_user)
    sequence = dwelling.sequence
    Dwelling.objects.filter(pk=dwelling.pk).delete()
    application_totals_refresh(application)
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"dwelling_removed": sequence})


@transaction.atomic
def asset_add(*, application: Application, acting_user: Any, **fields: Any) -> Asset:
    """Add an asset to a draft application."""
    unknown_fields_check(fields, ASSET_FIELDS)
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    editable_check(application, acting_user)
    errors = Errors()
    asset = Asset(application=application, **fields)
    _asset_check(errors, asset)
    errors.raise_if_any()
    asset.sequence = _next_sequence(application.assets)
    asset.save()
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"asset_added": asset.sequence})
    return asset


@transaction.atomic
def asset_update(*, asset: Asset, acting_user: Any, **fields: Any) -> Asset:
    """Change an asset of a draft application."""
    unknown_fields_check(fields, ASSET_FIELDS)
    application = Application.objects.select_for_update(of=("self",)).get(pk=asset.application_id)
    editable_check(application, acting_user)
    asset = Asset.objects.get(pk=asset.pk)
    for name, value in fields.items():
        setattr(asset, name, value)
    errors = Errors()
    _asset_check(errors, asset)
    errors.raise_if_any()
    asset.save()
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"asset_updated": asset.sequence})
    return asset


@transaction.atomic
def asset_remove(*, asset: Asset, acting_user: Any) -> None:
    """Remove an asset from a draft application."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=asset.application_id)
    editable_check(application, acting_user)
    sequence = asset.sequence
    Asset.objects.filter(pk=asset.pk).delete()
    events.audit(events.APPLICATION_UPDATED, user=acting_user, obj=application, detail={"asset_removed": sequence})
