"""Background tasks of the workflow module (enqueued through `anju.tasks_api`)."""

from __future__ import annotations

from anju.tasks_api import task
from anju.workflow.services import overdue_check


@task()
def workflow_overdue_check_task() -> dict[str, int]:
    """The daily overdue check: flag overdue tasks, notify handlers and supervisors (idempotent)."""
    report = overdue_check()
    return {"overdue_tasks": report.overdue_tasks, "notifications": report.notifications}
