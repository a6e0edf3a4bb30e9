"""专项检查 (A.10.1) and 支持对象行政奖罚 (A.10.4)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.supervision.services import inspection_save, sanction_save

pytestmark = pytest.mark.django_db

INSPECTION = {
    "inspected_on": date(2026, 6, 1),
    "department": "谯城区住房保障科",
    "leader": "张区县",
    "content": "公租房使用情况",
    "target": "希望家园小区",
    "result_kind": "problems",
    "result": "发现 2 户转租。",
}


def test_inspection_create_and_edit(district_officer, dictionaries):
    item = inspection_save(data=INSPECTION, region_code="341602000000", acting_user=district_officer)
    assert item.number.startswith("JC341602") and item.created_by == district_officer
    item = inspection_save(
        inspection=item,
        data={
            "resolution": "已收回 2 套。",
            "resolved_on": date(2026, 7, 1),
            "resolved_by": "李四",
            "credit_listed": True,
        },
        acting_user=district_officer,
    )
    assert item.credit_listed and item.resolved_by == "李四"


def test_inspection_validation(district_officer, other_district_clerk, dictionaries):
    with pytest.raises(ValidationError):
        inspection_save(
            data={**INSPECTION, "resolved_on": date(2026, 7, 1)},
            region_code="341602000000",
            acting_user=district_officer,
        )
    with pytest.raises(ValidationError):
        inspection_save(data={**INSPECTION, "state": "x"}, region_code="341602000000", acting_user=district_officer)
    with pytest.raises(PermissionDenied):
        inspection_save(data=INSPECTION, region_code="341602000000", acting_user=other_district_clerk)


def test_sanction_create(district_officer, dictionaries):
    item = sanction_save(
        data={
            "decided_on": date(2026, 5, 1),
            "kind": "penalty",
            "supplier_number": "91341602MA2N0A0A0X",
            "supplier_name": "某建设公司",
            "reason": "工程质量不合格",
            "result": "罚款 5 万元",
        },
        region_code="341602000000",
        acting_user=district_officer,
    )
    assert item.number.startswith("JF341602") and item.get_kind_display() == "处罚"
