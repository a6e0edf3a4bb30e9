"""The scheduled 逾期未选 (every 15 minutes): rounds in 选房 lose their missed windows without staff acting; idempotent."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from anju.distribution import tasks
from anju.distribution.choices import RoundMethod, SelectionStatus
from anju.distribution.models import Selection
from anju.distribution.services.rounds import round_create
from anju.distribution.services.selection import selections_open
from anju.distribution.services.waitlist import queue_compute

pytestmark = pytest.mark.django_db


def test_the_schedule_marks_missed_windows_of_selecting_rounds_once(small_plan, district_officer):
    # given a round in 选房 whose households 3 and 4 let their windows pass, and a round still before 选房
    round_ = round_create(plan=small_plan, method=RoundMethod.WAITLIST, acting_user=district_officer)
    queue_compute(round_=round_, acting_user=district_officer)
    selections_open(round_=round_, starts_at=timezone.now(), window_minutes=30, acting_user=district_officer)
    Selection.objects.filter(round=round_, order__in=[3, 4]).update(window_end=timezone.now() - timedelta(minutes=1))
    # when the periodic task runs (as huey's consumer would)
    assert tasks.distribution_selections_expire.call_local() == 2
    # then they are 逾期未选 with the reason, the others still wait, and a second run changes nothing
    statuses = dict(Selection.objects.filter(round=round_).values_list("order", "status"))
    assert statuses == {
        1: SelectionStatus.WAITING,
        2: SelectionStatus.WAITING,
        3: SelectionStatus.MISSED,
        4: SelectionStatus.MISSED,
    }
    assert Selection.objects.get(round=round_, order=4).status_reason == "超过选房时限未选房"
    assert tasks.distribution_selections_expire.call_local() == 0


def test_the_schedule_is_registered_every_15_minutes():
    from huey.contrib.djhuey import HUEY

    assert "distribution_selections_expire" in {task.__name__ for task in HUEY._registry._periodic_tasks}
    assert [minute for minute in range(60) if tasks.SELECTION_EXPIRY(datetime(2026, 11, 22, 10, minute))] == [
        0,
        15,
        30,
        45,
    ]
