"""Background tasks of contracts and subsidies: the monthly subsidy run (with progress) and the daily expiry."""

from __future__ import annotations

from anju.core.models import JobProgress
from anju.core.services.jobs import job_advance, job_fail, job_finish, job_start
from anju.tasks_api import task


@task()
def distribution_subsidy_month(*, job_id: int, year: int, month: int, user_id: int | None) -> dict:
    """补贴应发 of one month (idempotent), advancing the job per 1,000 contracts."""
    from django.contrib.auth import get_user_model

    from anju.distribution.services.subsidies import subsidy_month_run

    job = JobProgress.objects.get(pk=job_id)
    try:
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        job_start(job=job)
        result = subsidy_month_run(
            year=year,
            month=month,
            acting_user=user,
            progress=lambda n: job_advance(job=job, done_delta=n),
            on_total=lambda n: job_start(job=job, total=n),
        )
        job_finish(job=job, result=result.as_dict())
    except Exception as exc:
        job_fail(job=job, message=f"生成补贴应发失败：{exc}")
        raise
    return result.as_dict()


@task()
def distribution_contracts_expire() -> int:
    """Mark signed contracts past their end date 已到期 (scheduled daily)."""
    from anju.distribution.services.contracts import contracts_expire

    return contracts_expire()


# The daily expiry from huey's consumer (djhuey discovers `<app>.tasks`; distribution/tasks.py imports this module).
from huey import crontab  # noqa: E402 - kept beside the schedule it serves
from huey.contrib.djhuey import db_periodic_task  # noqa: E402

DAILY_EXPIRY = crontab(hour="1", minute="20")  # 01:20 Asia/Shanghai


@db_periodic_task(DAILY_EXPIRY, name="distribution_contracts_expire_daily")
def distribution_contracts_expire_daily() -> int:
    """Run the contract expiry once a day."""
    from anju.distribution.services.contracts import contracts_expire

    return contracts_expire()
