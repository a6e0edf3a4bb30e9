"""Staff pages: monitoring, plans (create, pick households and units, publish), ledgers (collect, compute, check), scoping."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anju.allocation.choices import PlanStatus
from anju.allocation.models import AllocationPlan, ProgramLedger
from anju.allocation.services import ledgers, plans
from anju.allocation.tests.factories import allocatable_units_for, register_entry_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, district_officer):
    """The 谯城区 officer, logged in."""
    client.force_login(district_officer)
    return client


def test_monitoring_shows_demand_supply_gap_and_a_custom_measure(officer_client, program):
    # given two waiting 2-person households, one 1-person subsidy household and three two-room units
    register_entry_for(size=2)
    register_entry_for(size=2)
    register_entry_for(size=1, mode="30")
    allocatable_units_for(count=3, layout="2b1l")
    # when
    page = officer_client.get(reverse("allocation:index"))
    # then
    assert page.status_code == 200
    monitoring = page.context["monitoring"]
    assert (monitoring.housing_demand, monitoring.subsidy_demand, monitoring.supply_by_layout.grand_total) == (2, 1, 3)
    gap = {label: values for label, values, _total in monitoring.gap.rows}
    assert gap["谯城区"] == [0, -1, 0]  # 2 medium households − 3 medium units
    content = page.content.decode()
    assert "供需缺口" in content and "vendor/echarts/echarts.min.js" in content and "allocation-chart-data" in content
    # custom measure
    page = officer_client.get(reverse("allocation:index"), {"subject": "demand", "rows": "district", "columns": "mode"})
    assert page.context["custom"].grand_total == 3
    page = officer_client.get(reverse("allocation:index"), {"subject": "supply", "rows": "layout", "columns": "layout"})
    assert page.context["custom"] is None and "行维度和列维度不能相同" in page.content.decode()


def test_monitoring_is_scoped(client, other_district_clerk, program):
    register_entry_for(size=2)
    allocatable_units_for(count=2)
    client.force_login(other_district_clerk)
    monitoring = client.get(reverse("allocation:index")).context["monitoring"]
    assert (monitoring.housing_demand, monitoring.supply_by_layout.grand_total) == (0, 0)


def test_plan_pages_from_create_to_publish(officer_client, program, district_officer):
    # create: bad period keeps the input and says why
    data = {"region_code": "341602000000", "program": program.pk, "mode": "12", "name": "十二月配租", "period_type": "month",
            "period": "2026-13", "target_type": "", "note": ""}  # fmt: skip
    page = officer_client.post(reverse("allocation:plan_create"), data)
    assert (
        page.status_code == 200 and "周期格式不正确" in page.content.decode() and "十二月配租" in page.content.decode()
    )
    data["period"] = "2026-12"
    response = officer_client.post(reverse("allocation:plan_create"), data)
    plan = AllocationPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    # pick households: the picker lists the candidates; add one, then all the rest
    entries = [register_entry_for(size=2) for _ in range(3)]
    page = officer_client.get(reverse("allocation:plan_households", args=[plan.pk]))
    assert page.context["page_obj"].paginator.count == 3
    officer_client.post(reverse("allocation:plan_households", args=[plan.pk]), {"selected": [entries[0].pk]})
    officer_client.post(reverse("allocation:plan_households", args=[plan.pk]), {"add_all": "1"})
    plan.refresh_from_db()
    assert plan.total_households == 3
    # pick units
    _h, units = allocatable_units_for(count=2)
    officer_client.post(reverse("allocation:plan_units", args=[plan.pk]), {"selected": [u.pk for u in units]})
    plan.refresh_from_db()
    assert plan.total_units == 2
    # detail shows households, resources and the publish button; remove one household
    page = officer_client.get(plan.get_absolute_url())
    assert entries[0].number in page.content.decode() and units[0].number in page.content.decode()
    row = plan.households.first()
    officer_client.post(reverse("allocation:plan_household_remove", args=[plan.pk, row.pk]))
    plan.refresh_from_db()
    assert plan.total_households == 2
    # publish
    response = officer_client.post(reverse("allocation:plan_publish", args=[plan.pk]), follow=True)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PUBLISHED and "方案已发布" in response.content.decode()
    # a published plan cannot be edited: the edit page refuses with a Chinese message
    page = officer_client.post(
        reverse("allocation:plan_edit", args=[plan.pk]), {"name": "x", "period_type": "month", "period": "2026-12"}
    )
    assert "只有草稿方案可以修改" in page.content.decode()


def test_publish_refusal_is_shown(officer_client, rental_plan):
    response = officer_client.post(reverse("allocation:plan_publish", args=[rental_plan.pk]), follow=True)
    assert "没有保障对象" in response.content.decode()
    rental_plan.refresh_from_db()
    assert rental_plan.status == PlanStatus.DRAFT


def test_plan_list_filters_and_exports(officer_client, rental_plan):
    page = officer_client.get(reverse("allocation:plan_list"), {"status": "draft"})
    assert rental_plan.number in page.content.decode()
    assert (
        rental_plan.number
        not in officer_client.get(reverse("allocation:plan_list"), {"status": "published"}).content.decode()
    )
    response = officer_client.get(reverse("allocation:plan_list"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "方案编号" and rows[1][0] == rental_plan.number


def test_another_district_gets_404_and_readers_get_403(client, rental_plan, other_district_clerk, street_reviewer):
    client.force_login(other_district_clerk)
    assert client.get(rental_plan.get_absolute_url()).status_code == 404
    assert client.post(reverse("allocation:plan_publish", args=[rental_plan.pk])).status_code == 404
    client.force_login(street_reviewer)
    assert client.get(reverse("allocation:plan_create")).status_code == 403
    assert client.get(reverse("allocation:plan_list")).status_code == 200


def test_subsidy_plan_pages(officer_client, program, district_officer):
    plan = plans.plan_create(region_code="341602000000", program=program, mode="30", name="补贴", period_type="month",
                             period="2026-12", acting_user=district_officer)  # fmt: skip
    plans.plan_households_add(
        plan=plan, entries=[register_entry_for(size=1, mode="30", floor_area="10.00")], acting_user=district_officer
    )
    response = officer_client.post(reverse("allocation:plan_subsidies", args=[plan.pk]), follow=True)
    assert "200.00" in response.content.decode()  # (30 − 10) × 10 × 1
    officer_client.post(reverse("allocation:plan_fund", args=[plan.pk]), {"amount": "500.00", "resource_number": ""})
    plan.refresh_from_db()
    assert plan.total_subsidy == Decimal("700.00")


def test_ledger_pages_collect_compute_check_and_drill_down(officer_client, program):
    # given a handover
    allocatable_units_for(count=2, handed_over_on=date(2026, 7, 1))
    # collect
    response = officer_client.post(reverse("allocation:ledger_collect"), {"since": ""}, follow=True)
    assert "新增收支明细 1 条" in response.content.decode()
    # compute
    page = officer_client.post(
        reverse("allocation:ledger_compute"),
        {"period_type": "month", "period": "2026/07", "region_code": "341602000000"},
    )
    assert "周期格式不正确" in page.content.decode()
    officer_client.post(
        reverse("allocation:ledger_compute"),
        {"period_type": "month", "period": "2026-07", "region_code": "341602000000"},
    )
    ledger = ProgramLedger.objects.get()
    assert ledger.units_closing == 2
    # list, detail with the entries, check
    assert ledger.number in officer_client.get(reverse("allocation:ledger_list")).content.decode()
    detail = officer_client.get(ledger.get_absolute_url()).content.decode()
    assert "竣工移交" in detail and "期末 = 期初 + 增加 − 减少" in detail
    assert "全部台账平衡" in officer_client.get(reverse("allocation:ledger_check")).content.decode()
    ProgramLedger.objects.update(units_closing=5)
    assert "不平衡" in officer_client.get(reverse("allocation:ledger_check")).content.decode()
    entries = officer_client.get(reverse("allocation:entry_list"), {"export": "xlsx"})
    assert list(load_workbook(io.BytesIO(entries.content)).active.values)[1][5] == "收入（增加）"


def test_ledger_collect_runs_as_a_job_when_large(officer_client, program, monkeypatch):
    from anju.allocation.services import ledger_jobs
    from anju.core.models import JobProgress

    monkeypatch.setattr(ledger_jobs, "BACKGROUND_ROWS", 0)
    allocatable_units_for(count=1)
    response = officer_client.post(reverse("allocation:ledger_collect"), {"since": ""})
    job = JobProgress.objects.get(kind=ledger_jobs.COLLECT_JOB_KIND)
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == "succeeded" and job.result["handovers"] == 1  # the test task backend runs it at once
    assert ledgers.collect_pending_count() == 0


def test_support_plan_pages(officer_client, dictionaries, demo_regions):
    from anju.allocation.models import SupportPlan
    from anju.rules.models import SupportProgram

    program = SupportProgram.objects.create(
        code="SP1", name="公租房建设支持", supplier_type="organisation", region_code="341600000000"
    )
    response = officer_client.post(reverse("allocation:support_plan_create"), {
        "region_code": "341602000000", "support_program": program.pk, "name": "2026年支持方案", "period_type": "year", "period": "2026",
    })  # fmt: skip
    plan = SupportPlan.objects.get()
    assert response["Location"] == plan.get_absolute_url()
    officer_client.post(reverse("allocation:support_target_add", args=[plan.pk]),
                        {"target_number": "GY001", "target_name": "城投公司", "land_area": "1000", "amount": "50000"})  # fmt: skip
    officer_client.post(reverse("allocation:support_plan_publish", args=[plan.pk]))
    plan.refresh_from_db()
    assert (plan.target_count, plan.land_area_total, plan.status) == (1, Decimal("1000.00"), PlanStatus.PUBLISHED)
    assert "GY001" in officer_client.get(plan.get_absolute_url()).content.decode()


def test_the_unit_file_shows_the_plans_that_offered_the_unit(officer_client, rental_plan, district_officer):
    _h, units = allocatable_units_for(count=1)
    plans.plan_units_add(plan=rental_plan, units=units, acting_user=district_officer)
    page = officer_client.get(units[0].get_absolute_url())
    assert f"列入资源配置方案 {rental_plan.number}" in page.content.decode()


def test_plan_list_query_count_does_not_grow_with_rows(
    officer_client, program, district_officer, django_assert_max_num_queries
):
    for month in range(1, 13):
        plans.plan_create(region_code="341602000000", program=program, mode="12", name=f"{month}月", period_type="month",
                          period=f"2026-{month:02d}", acting_user=district_officer)  # fmt: skip
    with django_assert_max_num_queries(20):
        assert officer_client.get(reverse("allocation:plan_list")).status_code == 200


def test_draft_plans_are_workbench_items_of_the_officers(rental_plan, district_officer, street_reviewer):
    from anju.allocation.workbench import draft_plans

    assert [item.url for item in draft_plans(district_officer)] == [rental_plan.get_absolute_url()]
    assert draft_plans(street_reviewer) == []
