"""供给单位/个人登记审批 (A.3.17–A.3.18): create, review; invalid input changes nothing."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.admission.models import SupplierApprovalStatus, SupplierPersonApproval, SupplierUnitApproval
from anju.admission.services.suppliers import supplier_person_create, supplier_review, supplier_unit_create
from anju.admission.tests.factories import resident_id

pytestmark = pytest.mark.django_db


def unit(user, **overrides):
    """A unit application of 谯城区."""
    data = {
        "region_code": "341602000000", "acting_user": user, "organisation_number": "91341600MA2XXXXXX1",
        "organisation_name": "亳州市安居建设有限公司", "target_category": "builder", "project_category": "02",
        "support_mode": "subsidy", "requested_amount": Decimal("500000.00"),
    }  # fmt: skip
    data.update(overrides)
    return supplier_unit_create(**data)


def person(user, **overrides):
    """An individual landlord's application."""
    data = {
        "region_code": "341602000000", "acting_user": user, "applicant_name": "周房东", "id_number": resident_id(seq=30),
        "target_category": "landlord", "project_category": "03", "support_mode": "subsidy", "requested_amount": Decimal("12000"),
    }  # fmt: skip
    data.update(overrides)
    return supplier_person_create(**data)


def test_create_unit_and_person(dictionaries, district_officer):
    u = unit(district_officer)
    p = person(district_officer)
    assert u.number.startswith("GY341602") and u.status == SupplierApprovalStatus.SUBMITTED
    assert p.id_number_masked == resident_id(seq=30)[:6] + "********" + resident_id(seq=30)[-4:]
    assert p.id_number_index and p.created_by == district_officer


@pytest.mark.parametrize(
    ("maker", "overrides", "field"),
    [
        (unit, {"organisation_name": ""}, "organisation_name"),
        (unit, {"requested_amount": Decimal("-1")}, "requested_amount"),
        (unit, {"target_category": "nope"}, "target_category"),
        (unit, {"project_category": "zz"}, "project_category"),
        (person, {"id_number": "341602198503150000"}, "id_number"),
        (person, {"applicant_name": ""}, "applicant_name"),
    ],
)
def test_create_refuses_invalid_input(dictionaries, district_officer, maker, overrides, field):
    with pytest.raises(ValidationError) as exc:
        maker(district_officer, **overrides)
    assert field in exc.value.message_dict
    assert not SupplierUnitApproval.objects.exists() and not SupplierPersonApproval.objects.exists()


def test_create_refuses_other_roles_and_regions(dictionaries, community_clerk, other_district_clerk):
    with pytest.raises(PermissionDenied):
        unit(community_clerk)
    with pytest.raises(PermissionDenied):
        unit(other_district_clerk)


def test_review_approve_and_refuse(dictionaries, district_officer):
    u, p = unit(district_officer), person(district_officer)
    with pytest.raises(ValidationError) as exc:
        supplier_review(
            approval=u, approve=True, opinion="", approved_amount=Decimal("600000"), acting_user=district_officer
        )
    assert "approved_amount" in exc.value.message_dict
    u.refresh_from_db()
    assert u.status == SupplierApprovalStatus.SUBMITTED
    supplier_review(
        approval=u, approve=True, opinion="同意", approved_amount=Decimal("450000"), acting_user=district_officer
    )
    assert (u.status, u.approved_amount, u.reviewer) == (
        SupplierApprovalStatus.APPROVED,
        Decimal("450000.00"),
        district_officer,
    )
    with pytest.raises(ValidationError):
        supplier_review(approval=u, approve=False, opinion="x", acting_user=district_officer)
    with pytest.raises(ValidationError) as exc:
        supplier_review(approval=p, approve=False, opinion="", acting_user=district_officer)
    assert "review_opinion" in exc.value.message_dict
    supplier_review(approval=p, approve=False, opinion="房源不符合要求", acting_user=district_officer)
    assert p.status == SupplierApprovalStatus.REJECTED and p.approved_amount is None
