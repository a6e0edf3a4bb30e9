"""The supervision demo data: made through the services, idempotent."""

import pytest

from anju.supervision.demo import demo_supervision_create
from anju.supervision.models import (
    AssessmentBulletin,
    Complaint,
    CreditBanRule,
    CreditRecord,
    Inspection,
    StaffSanction,
    SupplierSanction,
)
from anju.supervision.selectors import public_credit_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def four_districts(demo_regions):
    from anju.core.models import Region

    for code, name in (("341622000000", "蒙城县"), ("341623000000", "利辛县")):
        Region.objects.update_or_create(
            code=code, defaults={"name": name, "level": 3, "parent_id": "341600000000", "prefix": code[:6]}
        )


def test_demo_creates_and_is_idempotent(four_districts, dictionaries):
    # when
    counts = demo_supervision_create()
    again = demo_supervision_create()
    # then
    assert counts == {
        "rules": 4,
        "credit_records": 16,
        "complaints": 8,
        "inspections": 4,
        "sanctions": 4,
        "unit_assessments": 4,
        "assessment_bulletins": 4,
        "staff_assessments": 4,
        "staff_sanctions": 4,
    }
    assert set(again.values()) == {0}
    assert CreditRecord.objects.count() == 16 and CreditBanRule.objects.count() == 4
    assert Complaint.objects.count() == 8 and Inspection.objects.count() == 4 and SupplierSanction.objects.count() == 4
    assert len(public_credit_list()) == 4
    assert CreditRecord.objects.filter(state="repaired").count() == 4
    sanction = StaffSanction.objects.select_related("staff_assessment").first()
    assert sanction.staff_name == sanction.staff_assessment.staff_name and sanction.total_score > 0
    assert AssessmentBulletin.objects.filter(assessment__isnull=False).count() == 4
