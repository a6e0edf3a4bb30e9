"""Fixtures of the allocation tests: code tables, a city program with rental and subsidy modes."""

import pytest


@pytest.fixture
def dictionaries(db):
    """The platform's code tables (security_mode, income_class …)."""
    from anju.core.services.dictionaries import dictionary_load_seed

    dictionary_load_seed()


@pytest.fixture
def program(dictionaries, demo_regions):
    """保障项目 BZ-P01 of 亳州市 with 公共租赁住房配租 (12) and 租赁补贴 (30) and subsidy standards."""
    from anju.allocation.tests.factories import program_for

    return program_for()


@pytest.fixture
def rental_plan(program, district_officer):
    """A draft 公共租赁住房配租 plan of 谯城区 for 2026-Q4."""
    from anju.allocation.services.plans import plan_create

    return plan_create(region_code="341602000000", program=program, mode="12", name="2026年第四季度公租房配租",
                       period_type="quarter", period="2026-Q4", acting_user=district_officer)  # fmt: skip
