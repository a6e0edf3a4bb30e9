"""拟保障实施方案: computed from the standards (fallback table or the rules app), adjusted with a reason."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.admission.models import ProposedPlan
from anju.admission.services.plans import FALLBACK_SOURCE, plan_adjust, plan_compute, plan_create

pytestmark = pytest.mark.django_db


def test_fallback_standards_for_rental_and_subsidy(at_publicity):
    # given a one-person household with no dwelling area
    assert at_publicity.household_size == 1
    # when
    rental = plan_compute(application=at_publicity, security_mode="12")
    subsidy = plan_compute(application=at_publicity, security_mode="30")
    # then 30 m² × 6.50 元 a month; subsidy 10 元 × 30 m² × 12
    assert rental == {
        "standard_amount": Decimal("195.00"),
        "subsidy_amount": Decimal("0.00"),
        "allocated_area": Decimal("30.00"),
        "source": FALLBACK_SOURCE,
    }
    assert subsidy["subsidy_amount"] == Decimal("3600.00") and subsidy["standard_amount"] == Decimal("3600.00")


def test_standards_of_the_rules_app_win_over_the_fallback(at_publicity):
    # given the rules subsystem's demo programs (enabled versions with 保障面积 / 租金 / 补贴 standards)
    from anju.rules.demo import rules_demo_load
    from anju.rules.models import BenefitStandard

    rules_demo_load()
    area = (
        BenefitStandard.objects.filter(factor="保障面积", household_size=1, version__rule_set__mode__mode="12")
        .values_list("applied_value", flat=True)
        .first()
    )
    rent = BenefitStandard.objects.filter(factor="公共租赁住房租金").values_list("applied_value", flat=True).first()
    assert area is not None and rent is not None
    # when
    values = plan_compute(application=at_publicity, security_mode="12")
    # then
    assert values["source"].startswith("保障标准：")
    assert values["allocated_area"] == area
    assert values["standard_amount"] == (area * rent).quantize(Decimal("0.01"))


def test_create_stores_computed_and_current_values(at_publicity, district_officer):
    plan = plan_create(application=at_publicity, security_mode="12", acting_user=district_officer)
    assert plan.number.startswith("FA341602")
    assert (plan.allocated_area, plan.computed_allocated_area) == (Decimal("30.00"), Decimal("30.00"))
    assert plan.standard_source == FALLBACK_SOURCE
    with pytest.raises(ValidationError, match="已有"):
        plan_create(application=at_publicity, security_mode="12", acting_user=district_officer)


def test_create_refuses_wrong_role_stage_and_mode(
    draft, at_publicity, district_officer, community_clerk, other_district_clerk
):
    with pytest.raises(PermissionDenied):
        plan_create(application=at_publicity, security_mode="12", acting_user=community_clerk)
    with pytest.raises(PermissionDenied):
        plan_create(application=at_publicity, security_mode="12", acting_user=other_district_clerk)
    with pytest.raises(ValidationError) as exc:
        plan_create(application=at_publicity, security_mode="", acting_user=district_officer)
    assert "security_mode" in exc.value.message_dict
    assert not ProposedPlan.objects.exists()


def test_adjust_keeps_both_values_and_needs_a_reason(at_publicity, district_officer):
    plan = plan_create(application=at_publicity, security_mode="12", acting_user=district_officer)
    with pytest.raises(ValidationError) as exc:
        plan_adjust(
            plan=plan,
            acting_user=district_officer,
            standard_amount=Decimal("200"),
            subsidy_amount=Decimal("-1"),
            allocated_area=Decimal("35"),
            adjustment_reason="",
        )
    assert set(exc.value.message_dict) == {"subsidy_amount", "adjustment_reason"}
    plan.refresh_from_db()
    assert plan.allocated_area == Decimal("30.00")
    # when adjusted
    plan_adjust(
        plan=plan,
        acting_user=district_officer,
        standard_amount=Decimal("227.50"),
        subsidy_amount=Decimal("0"),
        allocated_area=Decimal("35.00"),
        adjustment_reason="家有残疾人，增配面积",
    )
    # then
    assert (plan.allocated_area, plan.computed_allocated_area) == (Decimal("35.00"), Decimal("30.00"))
    assert plan.standard_amount == Decimal("227.50") and plan.computed_standard_amount == Decimal("195.00")
    assert plan.reviewer == district_officer and plan.adjustment_reason == "家有残疾人，增配面积"
