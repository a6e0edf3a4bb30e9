"""Test data and fixtures of the contract, subsidy and signing tests (import the fixtures into a test module)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.utils import timezone

from anju.admission.tests.factories import resident_id

_numbers = itertools.count(1)
SIGNER_ID = resident_id(seq=77)


@pytest.fixture(scope="session")
def _signing_ca_dir(tmp_path_factory):
    from anju.core.signing import test_ca_ensure

    directory = tmp_path_factory.mktemp("contracts-signing-ca")
    test_ca_ensure(directory)
    return directory


@pytest.fixture
def signing_test_ca(settings, _signing_ca_dir):
    """Sign with a test CA of this test session (no certificate configured)."""
    settings.ANJU_SIGNING_TEST_CA = True
    settings.ANJU_SIGNING_TEST_CA_DIR = str(_signing_ca_dir)
    settings.ANJU_SIGNING_PKCS12 = ""
    settings.ANJU_SIGNING_KEY = ""
    settings.ANJU_SIGNING_CERT = ""
    settings.ANJU_SIGNING_TRUST_ROOTS = []
    return _signing_ca_dir


@pytest.fixture
def dictionaries(db):
    """The platform's code tables and the admission-specific ones."""
    from anju.admission.dictionaries import admission_dictionaries_ensure
    from anju.core.services.dictionaries import dictionary_load_seed

    dictionary_load_seed()
    admission_dictionaries_ensure()


@pytest.fixture
def bozhou_rules(dictionaries, demo_regions):
    """The 亳州市 demo rules (公共租赁住房配租, code 12), enabled from 2025-01-01."""
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


def register_entry(*, region_code: str = "341602001001", eligible: bool = True, security_mode: str = "12", **fields):
    """A registered household; `eligible` households pass the demo rules of 亳州市 (low income, renting)."""
    from anju.admission.models import RegisterEntry
    from anju.core.fields import blind_index
    from anju.rules.tests.factories import household

    income = 24000 if eligible else 90000
    application = household(
        region_code=region_code,
        members=[{"hukou_years": 5, "annual_income": income}],
        dwellings=[{"floor_area": Decimal(20), "owner_is_member": False}],
        status="registered",
    )
    n = next(_numbers)
    id_number = resident_id(seq=200 + n % 300)
    values = {
        "region_code": region_code,
        "number": f"DJ{region_code[:6]}2026{n:06d}",
        "application": application,
        "applicant_name": application.applicant_name,
        "id_number": id_number,
        "id_number_index": blind_index(id_number, purpose="id_number"),
        "household_size": 1,
        "registered_at": timezone.now(),
        "security_mode": security_mode,
    }
    values.update(fields)
    return RegisterEntry.objects.create(**values)


def delivered_unit(*, region_code: str = "341602000000", room: str = "101", project=None):
    """A handed-over (已交付) unit of a completed building."""
    from anju.housing.services.units import handover_create
    from anju.housing.tests.factories import building_for, complete, project_for, unit_for

    if project is None:
        project = project_for(region_code, name=f"希望家园{next(_numbers)}")
    building = project.buildings.first() or complete(building_for(project))
    unit = unit_for(building, room=room)
    handover_create(
        project=project, units=[unit], handed_over_on=dt.date(2026, 7, 1), handed_over_by="建设单位", acting_user=None
    )
    unit.refresh_from_db()
    return unit


def lease_terms(**overrides):
    """Contract terms of a lease signed by the applicant."""
    from anju.distribution.services.contracts import ContractTerms

    values = {
        "signer_name": "王建国",
        "signer_id_number": SIGNER_ID,
        "monthly_rent": Decimal("390.00"),
        "deposit": Decimal("780.00"),
    }
    values.update(overrides)
    return ContractTerms(**values)


def subsidy_terms(**overrides):
    """Contract terms of a rent subsidy paid by the bank from the 1st of a month."""
    from anju.distribution.services.contracts import ContractTerms

    values = {
        "signer_name": "王建国",
        "signer_id_number": SIGNER_ID,
        "subsidy_amount": Decimal("600.00"),
        "subsidy_payment_method": "bank",
        "subsidy_starts_on": dt.date(2026, 1, 1),
        "effective_on": dt.date(2026, 1, 1),
    }
    values.update(overrides)
    return ContractTerms(**values)
