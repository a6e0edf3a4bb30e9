"""Two households choose the same unit at the same moment: exactly one gets it, the other is told it is taken.

Real threads and transactions: on SQLite (writers serialised) and, when DATABASE_URL is a
PostgreSQL URL, a second variant on PostgreSQL (row locks: SELECT … FOR UPDATE OF the rows'
own tables). CI sets DATABASE_URL, so both run there.
"""

import os
import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from anju.distribution.choices import RoundMethod, SelectionStatus
from anju.distribution.models import Selection
from anju.distribution.services.rounds import round_create
from anju.distribution.services.selection import selection_choose, selections_open
from anju.distribution.services.waitlist import queue_compute
from anju.housing.choices import UnitState

IS_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _setup(small_plan, officer):
    round_ = round_create(plan=small_plan, method=RoundMethod.WAITLIST, acting_user=officer)
    queue_compute(round_=round_, acting_user=officer)
    selections_open(round_=round_, starts_at=timezone.now(), window_minutes=30, acting_user=officer)
    selections = list(Selection.objects.filter(round=round_).order_by("order")[:2])
    # given: both households' windows are open now (e.g. two on-site desks), so they may choose at once
    now = timezone.now()
    Selection.objects.filter(pk__in=[s.pk for s in selections]).update(
        window_start=now - timedelta(minutes=5), window_end=now + timedelta(minutes=30)
    )
    unit = small_plan.resources.order_by("id").first().unit
    return selections, unit


def _race(selection_ids, unit, officer):
    barrier = threading.Barrier(len(selection_ids))
    successes, errors = [], []

    def work(selection_id):
        try:
            selection = Selection.objects.get(pk=selection_id)
            barrier.wait()
            selection_choose(selection=selection, unit=unit, acting_user=officer)
            successes.append(selection_id)
        except ValidationError as exc:
            errors.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(pk,)) for pk in selection_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return successes, errors


def _assert_one_winner(small_plan, officer):
    selections, unit = _setup(small_plan, officer)
    successes, errors = _race([s.pk for s in selections], unit, officer)
    assert len(successes) == 1, (successes, errors)
    assert len(errors) == 1 and "已被其他家庭选定" in errors[0]
    assert (
        Selection.objects.filter(unit=unit, status__in=[SelectionStatus.CHOSEN, SelectionStatus.CONFIRMED]).count() == 1
    )
    unit.refresh_from_db()
    assert unit.state == UnitState.ALLOCATED
    assert unit.state_changes.filter(to_state=UnitState.ALLOCATED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_choice_one_wins(small_plan, district_officer):
    _assert_one_winner(small_plan, district_officer)


@pytest.mark.skipif(not IS_POSTGRES, reason="PostgreSQL variant: set DATABASE_URL to a postgres URL (CI does)")
@pytest.mark.django_db(transaction=True)
def test_concurrent_choice_one_wins_postgresql(small_plan, district_officer):
    assert connection.vendor == "postgresql"
    _assert_one_winner(small_plan, district_officer)
