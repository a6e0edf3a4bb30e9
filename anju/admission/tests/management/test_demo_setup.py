"""manage.py demo_setup: idempotent bootstrap with a Chinese summary."""

from io import StringIO

import pytest
from django.core.management import call_command

from anju.admission.models import Application

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("demo_setup", "--households", "30", stdout=out)
    return out.getvalue()


def test_setup_twice_reuses_what_exists(demo_regions):
    # when the bootstrap runs on a database with regions
    first = run()
    # then code tables, accounts and 30 households exist, and the summary names the URL and accounts
    assert Application.objects.count() == 30
    assert "http://127.0.0.1:8000" in first and "clerk" in first and "demo_totp" in first
    # when it runs again / then nothing is generated twice and the same accounts are printed
    second = run()
    assert Application.objects.count() == 30
    assert "跳过生成" in second
    accounts = [line for line in first.splitlines() if line.startswith("  ") and "Anju" in line]
    assert accounts and accounts == [line for line in second.splitlines() if line.startswith("  ") and "Anju" in line]


@pytest.mark.parametrize("today", ["2026-11-22", "2027-03-01", "2027-07-15"])
def test_default_demo_gives_each_district_enough_registered_households(today):
    from collections import Counter
    from datetime import date

    from anju.admission.demo import H_REGION, H_REGISTER, H_STATUS, HouseholdGenerator
    from anju.admission.management.commands.demo_setup import DEMO_HOUSEHOLDS, DEMO_SEED

    # given the demo city's four districts with their real numbers of communities
    sizes = {"341602": 312, "341621": 384, "341622": 301, "341623": 363}
    communities = [f"{county}{n // 100 + 1:03d}{n % 100 + 1:03d}" for county, count in sizes.items() for n in range(count)]
    # when demo_setup's default households are generated
    generator = HouseholdGenerator(seed=DEMO_SEED, communities=communities, today=date.fromisoformat(today))
    households = [generator.household() for _ in range(DEMO_HOUSEHOLDS)]
    # then each district has at least 20 registered households, most of them waiting (轮候中)
    registered = Counter(h[H_REGION][:6] for h in households if h[H_STATUS] == "registered")
    waiting = Counter(h[H_REGION][:6] for h in households if h[H_REGISTER] and h[H_REGISTER][2] == "01")
    assert set(registered) == set(sizes) and min(registered.values()) >= 20
    assert min(waiting.values()) >= 15
    assert all(h[H_REGISTER] is None for h in households if h[H_STATUS] != "registered")
