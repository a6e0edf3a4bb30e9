"""Background tasks of the 资源配置 subsystem: ledger collection and computation with progress."""

from __future__ import annotations

from anju.core.models import JobProgress
from anju.core.services.jobs import job_advance, job_fail, job_finish, job_start
from anju.tasks_api import task


def _user(user_id: int | None) -> object:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


@task()
def allocation_ledger_collect(*, job_id: int, user_id: int | None, since: str | None) -> dict:
    """Run `ledger_collect`, advancing the job after each source."""
    from datetime import date

    from anju.allocation.services.ledgers import ledger_collect

    job = JobProgress.objects.get(pk=job_id)
    try:
        job_start(job=job)
        outcome = ledger_collect(
            since=date.fromisoformat(since) if since else None, acting_user=_user(user_id),
            progress=lambda n: job_advance(job=job, done_delta=n),
        )  # fmt: skip
        result = outcome.as_result()
        job_finish(job=job, result=result)
    except Exception as exc:
        job_fail(job=job, message=f"归集失败：{exc}")
        raise
    return result


@task()
def allocation_ledger_compute(
    *, job_id: int, user_id: int | None, period_type: str, period: str, region_code: str
) -> dict:
    """Run `ledger_compute` for one region and period."""
    from anju.allocation.services.ledgers import ledger_compute

    job = JobProgress.objects.get(pk=job_id)
    try:
        job_start(job=job)
        result = ledger_compute(
            period_type=period_type, period=period, region_code=region_code, acting_user=_user(user_id)
        )
        job_finish(job=job, result=result)
    except Exception as exc:
        job_fail(job=job, message=f"计算失败：{exc}")
        raise
    return result


@task()
def allocation_ledger_collect_since(*, since: str) -> int:
    """归集 from `since` on, enqueued by `ledger_triggers` when a source record commits; returns the new entries."""
    from datetime import date

    from anju.allocation.services.ledgers import ledger_collect

    return ledger_collect(since=date.fromisoformat(since)).total


# The daily incremental collect from huey's consumer (djhuey discovers `<app>.tasks`).
from huey import crontab  # noqa: E402 - kept beside the schedule it serves
from huey.contrib.djhuey import db_periodic_task  # noqa: E402

DAILY_COLLECT = crontab(hour="2", minute="10")  # 02:10 Asia/Shanghai
COLLECT_DAYS = 7


@db_periodic_task(DAILY_COLLECT, name="allocation_ledger_collect_daily")
def allocation_ledger_collect_daily() -> int:
    """归集 of the last 7 days (catches records saved without a signal: bulk loads, `update()`); idempotent."""
    from datetime import timedelta

    from django.utils import timezone

    from anju.allocation.services.ledgers import ledger_collect

    return ledger_collect(since=timezone.localdate() - timedelta(days=COLLECT_DAYS)).total
