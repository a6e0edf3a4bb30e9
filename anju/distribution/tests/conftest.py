"""Fixtures of the distribution round tests."""

import pytest


@pytest.fixture
def bozhou_rules(demo_regions):
    """The 亳州市 demo rules (three programs, each with an ordering scheme)."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed
    from anju.rules.demo import rules_demo_load
    from anju.rules.models import Program

    dictionary_load_seed()
    admission_dictionaries_ensure()
    rules_demo_load()
    return {p.code: p for p in Program.objects.all()}


@pytest.fixture
def program(bozhou_rules):
    """The program whose ordering scheme the tests use (低保 priority group, area and size points)."""
    from anju.rules.models import OrderingScheme

    scheme = OrderingScheme.objects.select_related("version__rule_set__mode__program").first()
    return scheme.version.rule_set.mode.program


@pytest.fixture
def small_plan(program):
    """A published plan of 4 households and 3 units in 谯城区."""
    from anju.distribution.tests.factories import allocatable_units, households, published_plan

    entries = households(
        [
            {"members": [{}], "applied_days_ago": 300},  # 1 person: no points
            {"members": [{}, {}, {}], "applied_days_ago": 200},  # 3 persons: +5
            {"members": [{}, {}], "is_minimum_living": True, "applied_days_ago": 50},  # 低保: 优先组1, +20
            {"members": [{}, {}, {}], "applied_days_ago": 400},  # 3 persons, applied earlier: +5, first on tie
        ]
    )
    units = allocatable_units(3)
    return published_plan(program=program, entries=entries, units=units)
