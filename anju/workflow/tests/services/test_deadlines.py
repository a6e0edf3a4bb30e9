"""Working-day deadlines skip weekends and holidays and count make-up workdays."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from anju.workflow.models import Holiday
from anju.workflow.services.deadlines import add_working_days, deadline_for

SHANGHAI = ZoneInfo("Asia/Shanghai")
pytestmark = pytest.mark.django_db


def test_friday_plus_one_working_day_is_monday():
    friday = dt.datetime(2026, 1, 9, 10, 0, tzinfo=SHANGHAI)
    assert add_working_days(friday, 1) == dt.datetime(2026, 1, 12, 10, 0, tzinfo=SHANGHAI)


def test_holidays_are_skipped_and_makeup_days_count():
    # given Monday is a holiday and Saturday a make-up workday
    Holiday.objects.create(date=dt.date(2026, 1, 12), name="测试假日")
    Holiday.objects.create(date=dt.date(2026, 1, 17), name="调休", is_workday=True)
    friday = dt.datetime(2026, 1, 9, 10, 0, tzinfo=SHANGHAI)
    # then: Tue 13, Wed 14, Thu 15, Fri 16, Sat 17 (make-up)
    assert add_working_days(friday, 1) == dt.datetime(2026, 1, 13, 10, 0, tzinfo=SHANGHAI)
    assert add_working_days(friday, 5).date() == dt.date(2026, 1, 17)


def test_hours_deadline_and_none():
    class Node:
        deadline_amount = 48
        deadline_unit = "hours"

    start = dt.datetime(2026, 1, 9, 10, 0, tzinfo=SHANGHAI)
    assert deadline_for(Node(), start) == start + dt.timedelta(hours=48)
    Node.deadline_amount = 0
    assert deadline_for(Node(), start) is None
