"""Allocation plans: create, households, units, subsidies, publish, close and their rules."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anju.allocation.choices import PlanStatus
from anju.allocation.models import AllocationPlan
from anju.allocation.selectors import household_candidates, published_plans_visible_to, unit_candidates
from anju.allocation.services import plans
from anju.allocation.tests.factories import GUOYANG, allocatable_units_for, register_entry_for

pytestmark = pytest.mark.django_db


def test_create_numbers_the_plan_and_checks_the_period(program, district_officer):
    # when
    plan = plans.plan_create(region_code="341602000000", program=program, mode="12", name="配租方案", period_type="month",
                             period="2026-11", acting_user=district_officer)  # fmt: skip
    # then
    assert plan.number.startswith("PZ3416022026") and plan.status == PlanStatus.DRAFT
    with pytest.raises(ValidationError, match="周期格式不正确"):
        plans.plan_create(region_code="341602000000", program=program, mode="12", name="x", period_type="quarter",
                          period="2026-13", acting_user=district_officer)  # fmt: skip


def test_a_mode_the_program_does_not_offer_is_refused(program, district_officer):
    with pytest.raises(ValidationError, match="没有“经济适用住房配售”保障方式"):
        plans.plan_create(region_code="341602000000", program=program, mode="21", name="x", period_type="year",
                          period="2026", acting_user=district_officer)  # fmt: skip
    assert not AllocationPlan.objects.exists()


def test_another_district_and_readers_may_not_create(program, other_district_clerk, street_reviewer):
    with pytest.raises(PermissionDenied):
        plans.plan_create(region_code="341602000000", program=program, mode="12", name="x", period_type="year",
                          period="2026", acting_user=other_district_clerk)  # fmt: skip
    with pytest.raises(PermissionDenied):
        plans.plan_create(region_code="341602000000", program=program, mode="12", name="x", period_type="year",
                          period="2026", acting_user=street_reviewer)  # fmt: skip


def test_households_are_added_and_totals_recomputed(rental_plan, district_officer):
    # given
    entries = [register_entry_for(size=s) for s in (1, 2, 3)]
    # when
    added = plans.plan_households_add(plan=rental_plan, entries=entries, acting_user=district_officer)
    # then
    rental_plan.refresh_from_db()
    assert added == 3 and rental_plan.total_households == 3
    # adding again adds nothing
    assert plans.plan_households_add(plan=rental_plan, entries=entries[:1], acting_user=district_officer) == 0


def test_a_household_may_be_in_one_open_plan_of_a_mode(rental_plan, program, district_officer):
    # given the household is in the first plan
    entry = register_entry_for()
    plans.plan_households_add(plan=rental_plan, entries=[entry], acting_user=district_officer)
    second = plans.plan_create(region_code="341602000000", program=program, mode="12", name="第二个方案",
                               period_type="month", period="2026-12", acting_user=district_officer)  # fmt: skip
    # when / then: refused in Chinese, nothing added
    with pytest.raises(ValidationError, match=f"已在同一保障方式的未关闭方案 {rental_plan.number} 中"):
        plans.plan_households_add(plan=second, entries=[entry], acting_user=district_officer)
    assert second.households.count() == 0
    assert not household_candidates(user=district_officer, plan=second).filter(pk=entry.pk).exists()
    # a plan of another mode accepts it
    subsidy = plans.plan_create(region_code="341602000000", program=program, mode="30", name="补贴", period_type="month",
                                period="2026-12", acting_user=district_officer)  # fmt: skip
    assert plans.plan_households_add(plan=subsidy, entries=[entry], acting_user=district_officer) == 1
    # once the first plan is closed, the second accepts it
    plans.plan_close(plan=rental_plan, acting_user=district_officer)
    assert plans.plan_households_add(plan=second, entries=[entry], acting_user=district_officer) == 1


def test_exited_and_out_of_region_households_are_refused(rental_plan, district_officer):
    exited = register_entry_for(exited=__import__("datetime").date(2026, 1, 1))
    elsewhere = register_entry_for("341621001001")
    with pytest.raises(ValidationError) as excinfo:
        plans.plan_households_add(plan=rental_plan, entries=[exited, elsewhere], acting_user=district_officer)
    text = " ".join(excinfo.value.messages)
    assert "已退出保障" in text and "不在方案所属区划内" in text
    assert rental_plan.households.count() == 0


def test_bulk_add_by_filter_takes_every_match_but_not_conflicts(rental_plan, program, district_officer):
    # given three 2-person households and one 1-person household; one 2-person household is in another open plan
    pairs = [register_entry_for(size=2) for _ in range(3)]
    register_entry_for(size=1)
    other = plans.plan_create(region_code="341602000000", program=program, mode="12", name="其他", period_type="year",
                              period="2026", acting_user=district_officer)  # fmt: skip
    plans.plan_households_add(plan=other, entries=[pairs[0]], acting_user=district_officer)
    # when
    added = plans.plan_households_add_by_filter(
        plan=rental_plan, filters={"household_size": 2}, acting_user=district_officer
    )
    # then
    assert added == 2
    assert set(rental_plan.households.values_list("register_entry_id", flat=True)) == {pairs[1].pk, pairs[2].pk}


def test_units_must_be_allocatable_and_offered_once(rental_plan, program, district_officer):
    # given
    _handover, units = allocatable_units_for(count=3)
    # when
    assert plans.plan_units_add(plan=rental_plan, units=units[:2], acting_user=district_officer) == 2
    # then
    rental_plan.refresh_from_db()
    assert (rental_plan.total_units, rental_plan.total_area) == (2, Decimal("120.00"))
    other = plans.plan_create(region_code="341602000000", program=program, mode="12", name="其他", period_type="year",
                              period="2026", acting_user=district_officer)  # fmt: skip
    with pytest.raises(ValidationError, match="已在未关闭的方案"):
        plans.plan_units_add(plan=other, units=units[:1], acting_user=district_officer)
    assert list(unit_candidates(user=district_officer, plan=other)) == [units[2]]


def test_undelivered_units_are_refused(rental_plan, district_officer):
    from anju.housing.tests.factories import building_for, project_for, unit_for

    unit = unit_for(building_for(project_for()))
    with pytest.raises(ValidationError, match="不是可配置房源"):
        plans.plan_units_add(plan=rental_plan, units=[unit], acting_user=district_officer)


def test_subsidies_are_computed_from_the_benefit_standards(program, district_officer):
    # given a monthly subsidy plan and a 2-person household living in 20 m² (standard 45 m², 10 元/m²·月)
    plan = plans.plan_create(region_code="341602000000", program=program, mode="30", name="租赁补贴", period_type="quarter",
                             period="2026-Q4", acting_user=district_officer)  # fmt: skip
    entry = register_entry_for(size=2, mode="30", floor_area="20.00")
    plans.plan_households_add(plan=plan, entries=[entry], acting_user=district_officer)
    # when
    plans.plan_subsidies_compute(plan=plan, acting_user=district_officer)
    # then: (45 − 20) × 10 × 3 months
    plan.refresh_from_db()
    assert plan.total_subsidy == Decimal("750.00")
    # recomputing changes nothing
    plans.plan_subsidies_compute(plan=plan, acting_user=district_officer)
    plan.refresh_from_db()
    assert plan.total_subsidy == Decimal("750.00") and plan.resources.count() == 1


def test_publish_needs_households_and_resources_then_freezes_the_plan(
    rental_plan, district_officer, other_district_clerk
):
    # a plan without households is refused
    with pytest.raises(ValidationError, match="没有保障对象"):
        plans.plan_publish(plan=rental_plan, acting_user=district_officer)
    # given households and units
    plans.plan_households_add(plan=rental_plan, entries=[register_entry_for()], acting_user=district_officer)
    _h, units = allocatable_units_for(count=1)
    plans.plan_units_add(plan=rental_plan, units=units, acting_user=district_officer)
    # when
    plan = plans.plan_publish(plan=rental_plan, acting_user=district_officer)
    # then
    assert plan.status == PlanStatus.PUBLISHED and plan.published_by == district_officer
    assert list(published_plans_visible_to(district_officer)) == [plan]
    assert not published_plans_visible_to(other_district_clerk).exists()
    with pytest.raises(ValidationError, match="只有草稿方案可以修改"):
        plans.plan_households_add(plan=plan, entries=[register_entry_for()], acting_user=district_officer)


def test_removing_a_household_recomputes_totals(rental_plan, district_officer):
    entries = [register_entry_for(), register_entry_for()]
    plans.plan_households_add(plan=rental_plan, entries=entries, acting_user=district_officer)
    plans.plan_household_remove(
        plan=rental_plan, household=rental_plan.households.first(), acting_user=district_officer
    )
    rental_plan.refresh_from_db()
    assert rental_plan.total_households == 1


def test_period_bounds():
    from datetime import date

    assert plans.period_bounds("month", "2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
    assert plans.period_bounds("quarter", "2026-Q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert plans.period_bounds("year", "2024") == (date(2024, 1, 1), date(2024, 12, 31))


def test_other_district_sees_no_plan(rental_plan, other_district_clerk):
    from django.http import Http404

    from anju.allocation.selectors import plan_get

    with pytest.raises(Http404):
        plan_get(user=other_district_clerk, pk=rental_plan.pk)
    assert GUOYANG  # the other district's code is 涡阳县


def test_distribution_records_an_allocation_on_a_published_plan(rental_plan, district_officer):
    from anju.allocation.choices import AllocationState

    entry = register_entry_for()
    plans.plan_households_add(plan=rental_plan, entries=[entry], acting_user=district_officer)
    _h, units = allocatable_units_for(count=1)
    plans.plan_units_add(plan=rental_plan, units=units, acting_user=district_officer)
    with pytest.raises(ValidationError, match="未发布或已关闭"):
        plans.plan_allocation_record(plan=rental_plan, register_entry=entry, unit=units[0])
    plans.plan_publish(plan=rental_plan, acting_user=district_officer)
    # when
    row = plans.plan_allocation_record(plan=rental_plan, register_entry=entry, unit=units[0])
    # then
    assert row.state == AllocationState.ALLOCATED and row.allocated_at is not None
    assert rental_plan.resources.get().state == AllocationState.ALLOCATED
