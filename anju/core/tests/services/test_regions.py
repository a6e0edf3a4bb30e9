"""region_create / region_update: validation in Chinese, system administrator only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.core.models import Region
from anju.core.services.regions import region_create, region_update

pytestmark = pytest.mark.django_db


def _errors(exc_info):
    return exc_info.value.message_dict


def test_admin_creates_a_community(system_admin, demo_regions):
    # given the street 花戏楼街道 / when a community is added under it
    region = region_create(
        code="341602001099", name="新社区", level=5, parent=demo_regions["341602001000"], acting_user=system_admin
    )
    # then prefix and full name are set from the tree
    assert region.prefix == "341602001099"
    assert region.full_name == "安徽省亳州市谯城区花戏楼街道新社区"


@pytest.mark.parametrize(
    ("code", "level", "parent_code", "field", "text"),
    [
        ("34160200109", 5, "341602001000", "code", "12位数字"),
        ("3416020010AB", 5, "341602001000", "code", "12位数字"),
        ("341621001099", 5, "341602001000", "code", "341602001"),
        ("341602001099", 4, "341602001000", "parent", "县级"),
        ("341602001099", 5, None, "parent", "请选择上级区划"),
        ("341602001000", 4, "341602000000", "code", "已存在"),
        ("341602002001", 4, "341602000000", "code", "9 位有效数字"),
    ],
)
def test_bad_regions_are_refused_in_chinese(system_admin, demo_regions, code, level, parent_code, field, text):
    parent = demo_regions[parent_code] if parent_code else None
    with pytest.raises(ValidationError) as info:
        region_create(code=code, name="测试", level=level, parent=parent, acting_user=system_admin)
    assert any(text in message for message in _errors(info)[field])


def test_only_the_system_admin_writes(district_officer, demo_regions):
    with pytest.raises(PermissionDenied):
        region_create(code="341602001099", name="新社区", level=5, parent=demo_regions["341602001000"], acting_user=district_officer)
    with pytest.raises(PermissionDenied):
        region_update(region=demo_regions["341602000000"], name="改名", is_active=True, acting_user=district_officer)


def test_rename_refreshes_full_names_of_the_subtree(system_admin, demo_regions):
    # given full names of the demo tree
    region_update(region=demo_regions["340000000000"], name="安徽省", is_active=True, acting_user=system_admin)
    region_update(region=demo_regions["341602000000"], name="谯城区", is_active=True, acting_user=system_admin)
    # when the district is renamed
    region_update(region=demo_regions["341602000000"], name="谯城新区", is_active=True, acting_user=system_admin)
    # then its street and community follow, the other district is untouched
    assert Region.objects.get(code="341602001001").full_name == "安徽省亳州市谯城新区花戏楼街道白布社区"
    assert Region.objects.get(code="341621001001").full_name == ""


def test_update_checks_dates(system_admin, demo_regions):
    from datetime import date

    with pytest.raises(ValidationError) as info:
        region_update(
            region=demo_regions["341602000000"],
            name="谯城区",
            is_active=False,
            valid_from=date(2026, 1, 1),
            valid_to=date(2025, 1, 1),
            acting_user=system_admin,
        )
    assert "停用日期不能早于启用日期" in _errors(info)["valid_to"][0]
