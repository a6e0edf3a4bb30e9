"""自动续签: the daily expiry files renewal requests for auto-renew contracts nearing their end, with a notice."""

from __future__ import annotations

import datetime as dt

import pytest

from anju.audit.models import AuditEvent
from anju.distribution.choices import ContractStatus, ContractType
from anju.distribution.models import Contract
from anju.distribution.services.contracts import (
    contract_create,
    contract_sign,
    contracts_auto_renew,
    contracts_expire,
)
from anju.distribution.tests.factories_contracts import (
    _signing_ca_dir,  # noqa: F401 - fixture
    dictionaries,  # noqa: F401 - fixture
    register_entry,
    signing_test_ca,  # noqa: F401 - fixture
    subsidy_terms,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_test_ca", "dictionaries")]


@pytest.fixture
def contract_rules(dictionaries, demo_regions):  # noqa: F811 - the imported fixture
    from anju.rules.demo import rules_demo_load

    rules_demo_load()


@pytest.fixture
def outbox(settings):
    from anju.portal import sms

    settings.PORTAL_SMS_SENDER = "anju.portal.sms.MemorySmsSender"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def _signed(officer, *, auto_renew=True, eligible=True, effective_on=dt.date(2025, 12, 1), mobile=""):
    """A signed one-year subsidy contract (ends 2026-11-30 by default); optionally the household's portal account."""
    entry = register_entry(eligible=eligible)
    contract = contract_create(
        register_entry=entry, contract_type=ContractType.SUBSIDY, acting_user=officer,
        terms=subsidy_terms(effective_on=effective_on, subsidy_starts_on=effective_on, auto_renew=auto_renew),
    )  # fmt: skip
    signed = contract_sign(contract=contract, acting_user=officer, sign_date=effective_on)
    if mobile:
        from anju.portal.models import OnlineApplication
        from anju.portal.tests.conftest import applicant_account

        user = applicant_account(mobile=mobile, full_name=entry.applicant_name)
        OnlineApplication.objects.create(user=user, application=entry.application, step="submitted")
    return signed


@pytest.mark.usefixtures("contract_rules")
def test_auto_renew_contract_nearing_its_end_gets_a_renewal_and_a_notice(district_officer, outbox):
    # given: an auto-renew contract ending 2026-11-30 whose household has a portal account, and one without auto-renew
    auto = _signed(district_officer, mobile="13800000041")
    manual = _signed(district_officer, auto_renew=False)
    outbox.clear()
    # when: the daily job runs 45 days before the end
    expired = contracts_expire(today=dt.date(2026, 10, 16))
    # then: nothing expired; the auto-renew contract has a draft renewal from the day after its end
    assert expired == 0
    renewal = Contract.objects.get(renewal_of=auto)
    assert renewal.status == ContractStatus.DRAFT and renewal.effective_on == dt.date(2026, 12, 1)
    assert renewal.auto_renew and renewal.subsidy_amount == auto.subsidy_amount
    auto.refresh_from_db()
    assert auto.status == ContractStatus.SIGNED and auto.renewal_requested_at is not None
    assert not Contract.objects.filter(renewal_of=manual).exists()
    # and: the household is told by text message to sign the renewal online
    assert len(outbox) == 1 and outbox[0].mobile == "13800000041"
    assert auto.number in outbox[0].text and renewal.number in outbox[0].text and "网上签约" in outbox[0].text
    batch = AuditEvent.objects.get(detail__event="DISTRIBUTION_CONTRACTS_AUTO_RENEWAL", object_id="")
    assert batch.detail["renewed"] == [auto.number]
    # and: the next day's run files nothing twice
    contracts_expire(today=dt.date(2026, 10, 17))
    assert Contract.objects.filter(renewal_of=auto).count() == 1 and len(outbox) == 1


@pytest.mark.usefixtures("contract_rules")
def test_signing_the_auto_renewal_renews_instead_of_expiring(district_officer):
    auto = _signed(district_officer)
    contracts_expire(today=dt.date(2026, 10, 16))
    renewal = Contract.objects.get(renewal_of=auto)
    contract_sign(contract=renewal, acting_user=district_officer, sign_date=dt.date(2026, 11, 1))
    # the old contract is 已续签, so the expiry after its end leaves it alone
    assert contracts_expire(today=dt.date(2026, 12, 2)) == 0
    auto.refresh_from_db()
    assert auto.status == ContractStatus.RENEWED


@pytest.mark.usefixtures("contract_rules")
def test_household_no_longer_eligible_is_refused_and_told(district_officer, outbox):
    auto = _signed(district_officer, eligible=False, mobile="13800000042")
    outbox.clear()
    result = contracts_auto_renew(today=dt.date(2026, 10, 16))
    assert result.refused == [auto.number] and result.renewed == []
    assert not Contract.objects.filter(renewal_of=auto).exists()
    assert len(outbox) == 1 and "复核未通过" in outbox[0].text
    # it then expires at its end like any contract
    assert contracts_expire(today=dt.date(2026, 12, 1)) == 1
    auto.refresh_from_db()
    assert auto.status == ContractStatus.EXPIRED


@pytest.mark.usefixtures("contract_rules")
def test_contracts_far_from_their_end_are_left_alone(district_officer):
    auto = _signed(district_officer)
    result = contracts_auto_renew(today=dt.date(2026, 9, 1))  # 90 days before the end, outside 60
    assert result.renewed == [] and result.refused == []
    assert not Contract.objects.filter(renewal_of=auto).exists()


def test_without_rules_in_force_the_failure_is_recorded(district_officer):
    auto = _signed(district_officer)
    result = contracts_auto_renew(today=dt.date(2026, 10, 16))
    assert result.failed == [auto.number]
    event = AuditEvent.objects.get(detail__event="DISTRIBUTION_CONTRACTS_AUTO_RENEWAL", object_id=str(auto.pk))
    assert "无法复核" in event.detail["error"]


def test_the_periodic_task_runs_the_same_service():
    from anju.distribution import tasks

    assert tasks.distribution_contracts_expire_daily is not None
    assert tasks.DAILY_EXPIRY is not None
