"""dwelling_add / update / remove and asset_add / update / remove."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from anju.admission.models import Asset, Dwelling
from anju.admission.services import (
    asset_add,
    asset_remove,
    asset_update,
    dwelling_add,
    dwelling_remove,
    dwelling_update,
)
from anju.admission.tests.factories import resident_id

pytestmark = pytest.mark.django_db


def dwelling_data(**overrides):
    data = {"occupancy_status": "3", "floor_area": Decimal("36.50"), "address_road": "药都路", "rent": Decimal("800.00")}
    data.update(overrides)
    return data


def test_add_dwelling_updates_area_totals(draft, community_clerk):
    # when a rented flat is recorded
    dwelling = dwelling_add(application=draft, acting_user=community_clerk, **dwelling_data())
    # then the household's areas follow
    draft.refresh_from_db()
    assert dwelling.sequence == 1
    assert draft.floor_area_total == Decimal("36.50") and draft.floor_area_per_capita == Decimal("36.50")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"floor_area": Decimal("0")}, "floor_area"),
        ({"ownership_share": Decimal("120")}, "ownership_share"),
        ({"occupancy_status": "77"}, "occupancy_status"),
        ({"owner_id_number": "123"}, "owner_id_number"),
        ({"owner_is_member": True, "owner_id_number": resident_id(seq=44)}, "owner_id_number"),
        ({"rent": Decimal("-5")}, "rent"),
    ],
)
def test_add_dwelling_invalid_changes_nothing(draft, community_clerk, overrides, field):
    with pytest.raises(ValidationError) as info:
        dwelling_add(application=draft, acting_user=community_clerk, **dwelling_data(**overrides))
    assert field in info.value.message_dict
    assert Dwelling.objects.count() == 0
    draft.refresh_from_db()
    assert draft.floor_area_total == 0


def test_owner_member_matches_by_id(draft, community_clerk):
    dwelling = dwelling_add(
        application=draft, acting_user=community_clerk, **dwelling_data(owner_is_member=True, owner_id_number=resident_id(), occupancy_status="1")
    )
    assert dwelling.owner_id_number_masked.startswith("341602") and "*" in dwelling.owner_id_number_masked


def test_update_and_remove_dwelling(draft, community_clerk):
    dwelling = dwelling_add(application=draft, acting_user=community_clerk, **dwelling_data())
    dwelling_update(dwelling=dwelling, acting_user=community_clerk, floor_area=Decimal("50"))
    draft.refresh_from_db()
    assert draft.floor_area_total == Decimal("50.00")
    with pytest.raises(ValidationError):
        dwelling_update(dwelling=dwelling, acting_user=community_clerk, floor_area=Decimal("-1"))
    dwelling.refresh_from_db()
    assert dwelling.floor_area == Decimal("50.00")
    dwelling_remove(dwelling=dwelling, acting_user=community_clerk)
    draft.refresh_from_db()
    assert draft.floor_area_total == 0


def test_add_asset(draft, community_clerk):
    asset = asset_add(application=draft, acting_user=community_clerk, owner_name="王建国", category="03", quantity=1, total_value=Decimal("45000"))
    assert asset.sequence == 1 and asset.number.endswith("-01")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"total_value": Decimal("-1")}, "total_value"),
        ({"quantity": Decimal("0")}, "quantity"),
        ({"category": "ZZ"}, "category"),
        ({"owner_name": "外人"}, "owner_name"),
    ],
)
def test_add_asset_invalid_changes_nothing(draft, community_clerk, overrides, field):
    data = {"owner_name": "王建国", "category": "01", "quantity": Decimal("1"), "total_value": Decimal("10000")}
    data.update(overrides)
    with pytest.raises(ValidationError) as info:
        asset_add(application=draft, acting_user=community_clerk, **data)
    assert field in info.value.message_dict
    assert Asset.objects.count() == 0


def test_update_and_remove_asset(draft, community_clerk):
    asset = asset_add(application=draft, acting_user=community_clerk, owner_name="王建国", category="01", quantity=1, total_value=Decimal("1000"))
    asset_update(asset=asset, acting_user=community_clerk, total_value=Decimal("2000"))
    asset.refresh_from_db()
    assert asset.total_value == Decimal("2000.00")
    asset_remove(asset=asset, acting_user=community_clerk)
    assert Asset.objects.count() == 0
