"""demo_allocation_create: a published plan per district that has waiting households and units; idempotent."""

import pytest

from anju.allocation.choices import PlanStatus
from anju.allocation.demo import demo_allocation_create
from anju.allocation.models import AllocationPlan, ProgramLedger, ProgramLedgerEntry
from anju.allocation.services.ledgers import ledger_check
from anju.allocation.tests.factories import allocatable_units_for, register_entry_for

pytestmark = pytest.mark.django_db


def test_demo_publishes_a_plan_per_ready_district_and_is_idempotent(program):
    # given waiting households in both districts, units only in 谯城区
    for _ in range(3):
        register_entry_for("341602001001")
        register_entry_for("341621001001")
    allocatable_units_for(count=4)
    # when
    counts = demo_allocation_create(households=2, units=3)
    # then
    plan = AllocationPlan.objects.get()
    assert (plan.region_code, plan.status, plan.total_households, plan.total_units) == (
        "341602000000",
        PlanStatus.PUBLISHED,
        2,
        3,
    )
    assert (counts["plans"], counts["skipped"]) == (1, 1)
    assert ProgramLedger.objects.filter(region_code="341600000000").get().money_closing > 0
    assert ledger_check() == []
    # when run again nothing new appears
    entries = ProgramLedgerEntry.objects.count()
    again = demo_allocation_create(households=2, units=3)
    assert again["plans"] == 0 and AllocationPlan.objects.count() == 1 and ProgramLedgerEntry.objects.count() == entries


def test_the_command_prints_a_chinese_summary(program):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("demo_allocation", stdout=out)
    assert "资源配置演示：发布方案 0 个" in out.getvalue()
