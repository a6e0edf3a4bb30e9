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
