"""Background tasks of the workflow module (enqueued through `anju.tasks_api`)."""

from __future__ import annotations

from anju.tasks_api import task
from anju.workflow.services import overdue_check


@task()
def workflow_overdue_check_task() -> dict[str, int]:
    """The daily overdue check: flag overdue tasks, notify handlers and supervisors (idempotent)."""
    report = overdue_check()
    return {"overdue_tasks": report.overdue_tasks, "notifications": report.notifications}


# The daily schedule: huey's consumer (`make worker`, `manage.py run_huey`) discovers the
# periodic task in this module; the Django tasks API has no scheduling of its own.
from huey import crontab  # noqa: E402 - kept beside the schedule it serves
from huey.contrib.djhuey import db_periodic_task  # noqa: E402

DAILY_OVERDUE_CHECK = crontab(hour="1", minute="10")  # 01:10 Asia/Shanghai (huey uses local time)


@db_periodic_task(DAILY_OVERDUE_CHECK, name="workflow_overdue_check_daily")
def workflow_overdue_check_daily() -> dict[str, int]:
    """Run the overdue check once a day from the huey consumer."""
    report = overdue_check()
    return {"overdue_tasks": report.overdue_tasks, "notifications": report.notifications}
