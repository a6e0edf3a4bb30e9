"""The overdue check is scheduled daily in huey's consumer."""

from datetime import datetime

from huey.contrib.djhuey import HUEY

from anju.workflow import tasks


def test_daily_overdue_check_is_a_registered_periodic_task():
    # given the workflow tasks module is imported (as the consumer does)
    # when huey lists its periodic tasks
    names = {t.__name__ for t in HUEY._registry._periodic_tasks}
    # then the daily check is among them and fires once a day at 01:10
    assert "workflow_overdue_check_daily" in names
    assert tasks.DAILY_OVERDUE_CHECK(datetime(2026, 11, 23, 1, 10))
    assert not tasks.DAILY_OVERDUE_CHECK(datetime(2026, 11, 23, 1, 11))
    assert not tasks.DAILY_OVERDUE_CHECK(datetime(2026, 11, 23, 13, 10))


def test_daily_overdue_check_runs_the_service(db, monkeypatch):
    # given a stand-in report from the service
    calls = []

    class Report:
        overdue_tasks = 3
        notifications = 4

    monkeypatch.setattr(tasks, "overdue_check", lambda: calls.append(1) or Report())
    # when the periodic task body runs
    result = tasks.workflow_overdue_check_daily.call_local()
    # then it ran the check once and reports its counts
    assert calls == [1]
    assert result == {"overdue_tasks": 3, "notifications": 4}
