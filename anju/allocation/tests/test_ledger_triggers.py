"""Ledger triggers (decision 17): a committed handover, signed contract, payment or exit enqueues ONE incremental
归集 and the entry appears without anyone pressing 归集; the daily collect is incremental and idempotent."""

from datetime import date, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone

from anju.allocation import ledger_triggers, tasks
from anju.allocation.models import ProgramLedgerEntry
from anju.allocation.services import ledgers
from anju.allocation.tests.factories import allocatable_units_for
from anju.distribution.tests.factories_contracts import (
    _signing_ca_dir,  # noqa: F401 - fixture
    delivered_unit,
    lease_terms,
    register_entry,
    signing_test_ca,  # noqa: F401 - fixture
)

pytestmark = pytest.mark.django_db


def _entries(source_type: str) -> list[ProgramLedgerEntry]:
    return list(ProgramLedgerEntry.objects.filter(source_type=source_type))


def test_a_handover_through_its_service_reaches_the_ledger_on_commit(program, django_capture_on_commit_callbacks):
    # when a handover is created through housing's service and the transaction commits
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        handover, _units = allocatable_units_for(count=2, handed_over_on=timezone.localdate())
    # then the immediate task backend has collected it: no one called ledger_collect
    assert len(callbacks) == 1
    (entry,) = _entries(ledgers.SOURCE_HANDOVER)
    assert (entry.source_id, entry.units, entry.direction) == (str(handover.pk), 2, "in")


def test_nothing_is_collected_before_the_commit(program):
    # (the test transaction never commits: the callback stays pending, so the trigger is what posts the entry)
    allocatable_units_for(count=1)
    assert ProgramLedgerEntry.objects.count() == 0


@pytest.mark.usefixtures("signing_test_ca")
def test_a_contract_signed_through_contract_sign_reaches_the_ledger(
    program, district_officer, django_capture_on_commit_callbacks
):
    from anju.distribution.choices import ContractType
    from anju.distribution.services.contracts import contract_create, contract_sign

    with django_capture_on_commit_callbacks(execute=True):  # (the unit's handover collects on its own commit)
        lease = contract_create(register_entry=register_entry(income_class="03"), contract_type=ContractType.LEASE, terms=lease_terms(),
                            unit=delivered_unit(), acting_user=district_officer)  # fmt: skip
    ProgramLedgerEntry.objects.all().delete()  # keep only what signing brings
    with django_capture_on_commit_callbacks(execute=True):
        signed = contract_sign(contract=lease, acting_user=district_officer)
    assert signed.signed_at is not None
    assert {e.direction for e in _entries(ledgers.SOURCE_CONTRACT) if e.source_id == str(signed.pk)} == {"in", "out"}


def test_one_transaction_saving_several_sources_enqueues_one_collect(program, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    with (
        mock.patch.object(ledger_triggers, "_enqueue") as enqueue,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        transaction.atomic(),
    ):
        allocatable_units_for(count=1, handed_over_on=today)
        allocatable_units_for(count=1, handed_over_on=today - timedelta(days=3))
        allocatable_units_for(count=1, handed_over_on=today - timedelta(days=1))
    assert len(callbacks) == 1
    enqueue.assert_called_once_with(today - timedelta(days=3))


def test_a_rolled_back_transaction_does_not_stop_the_next_one(program, django_capture_on_commit_callbacks):
    with mock.patch.object(ledger_triggers, "_enqueue") as enqueue:
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
            allocatable_units_for(count=1)
            raise RuntimeError
        with django_capture_on_commit_callbacks(execute=True):
            allocatable_units_for(count=1, handed_over_on=date(2026, 7, 2))
    enqueue.assert_called_once_with(date(2026, 7, 2))


def test_paused_triggers_enqueue_nothing(program, django_capture_on_commit_callbacks, settings):
    with mock.patch.object(ledger_triggers, "_enqueue") as enqueue:
        with django_capture_on_commit_callbacks(execute=True), ledger_triggers.ledger_triggers_paused():
            allocatable_units_for(count=1)
        settings.ANJU_LEDGER_TRIGGERS = False
        with django_capture_on_commit_callbacks(execute=True):
            allocatable_units_for(count=1)
    enqueue.assert_not_called()


def test_the_daily_collect_is_incremental_and_idempotent(program):
    today = timezone.localdate()
    allocatable_units_for(count=1, handed_over_on=today - timedelta(days=2))
    allocatable_units_for(count=1, handed_over_on=today - timedelta(days=30))  # older than the 7 days
    assert tasks.allocation_ledger_collect_daily.call_local() == 1
    assert tasks.allocation_ledger_collect_daily.call_local() == 0
    assert ProgramLedgerEntry.objects.count() == 1
    assert ledgers.collect_pending_count() == 1


def test_payments_and_exits_trigger_only_when_the_collect_would_count_them(program, django_capture_on_commit_callbacks):
    from anju.allocation.tests.factories import register_entry_for
    from anju.allocation.tests.services.test_ledgers import _contract
    from anju.distribution.models import SubsidyDue, SubsidyPayment

    with mock.patch.object(ledger_triggers, "_enqueue") as enqueue:
        with django_capture_on_commit_callbacks(execute=True):  # (the signed contract enqueues on its own commit)
            subsidised = register_entry_for(size=2, mode="30")
            contract = _contract(subsidised, kind="subsidy", number="HT-SUB-T")
            due = SubsidyDue.objects.create(region_code=subsidised.region_code, number="YF-T", contract=contract, target_number=subsidised.number,
                                            subsidy_program_number="BZ-P01", subsidy_type="租赁补贴", standard_amount=Decimal("300.00"),
                                            amount=Decimal("300.00"), year=2026, month=9, due_on=date(2026, 9, 1))  # fmt: skip
            never_signed = register_entry_for()
        enqueue.reset_mock()
        with django_capture_on_commit_callbacks(execute=True):  # an unpaid payment and an exit never counted in
            payment = SubsidyPayment.objects.create(region_code=subsidised.region_code, number="SF-T", due=due,
                                                    status="pending", paid_amount=Decimal("0"), paid_on=date(2026, 9, 10),
                                                    method="bank")  # fmt: skip
            never_signed.exited_at = date(2026, 10, 2)
            never_signed.save()
        enqueue.assert_not_called()
        with django_capture_on_commit_callbacks(execute=True):
            payment.paid_amount = Decimal("300.00")
            payment.save()
        enqueue.assert_called_once_with(date(2026, 9, 10))
        with django_capture_on_commit_callbacks(execute=True):
            subsidised.exited_at = date(2026, 10, 1)
            subsidised.save()
        assert enqueue.call_args_list[-1] == mock.call(date(2026, 10, 1))


def test_the_daily_collect_is_on_huey_schedule():
    from huey.contrib.djhuey import HUEY

    assert "allocation_ledger_collect_daily" in {task.__name__ for task in HUEY._registry._periodic_tasks}
