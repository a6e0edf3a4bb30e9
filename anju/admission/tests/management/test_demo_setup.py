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
