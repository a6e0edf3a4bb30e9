"""The demo register entries are what the allocation demo picks: waiting (轮候中) and active."""

import pytest
from django.core.management import call_command

from anju.admission.models import RegisterEntry

pytestmark = pytest.mark.django_db


def test_demo_register_entries_fill_an_allocation_plan(dictionaries, demo_regions):
    from io import StringIO

    from anju.allocation.demo import demo_allocation_create
    from anju.allocation.models import AllocationPlan
    from anju.allocation.tests.factories import allocatable_units_for, program_for

    # given demo households (and their register) and a program with allocatable units in 谯城区
    call_command("demo_data", "--households", "80", "--seed", "31", stdout=StringIO())
    program_for()
    allocatable_units_for(count=3)
    waiting = RegisterEntry.objects.active().filter(region_code__startswith="341602", security_state="01").count()
    assert waiting >= 3
    # when the allocation demo runs
    demo_allocation_create(households=3, units=3)
    # then its 谯城区 plan holds three of the demo's waiting households
    plan = AllocationPlan.objects.get(region_code="341602000000")
    assert plan.total_households == 3
    entries = RegisterEntry.objects.filter(plan_households__plan=plan)
    assert entries.count() == 3 and set(entries.values_list("security_state", flat=True)) == {"01"}
