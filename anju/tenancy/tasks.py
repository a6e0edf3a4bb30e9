"""Background tasks of 配后管理: the monthly rent run and the annual review round (with progress)."""

from __future__ import annotations

from anju.core.models import JobProgress
from anju.core.services.jobs import job_advance, job_fail, job_finish, job_start
from anju.tasks_api import task


@task()
def rent_run_task(*, job_id: int, period: str, user_id: int | None) -> dict:
    """Create one month's rent charges, advancing the job per chunk of leases."""
    from django.contrib.auth import get_user_model

    from anju.tenancy.services.rent import rent_run

    job = JobProgress.objects.get(pk=job_id)
    try:
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        job_start(job=job)
        result = rent_run(
            period=period,
            acting_user=user,
            progress=lambda n: job_advance(job=job, done_delta=n),
            on_total=lambda n: job_start(job=job, total=n),
        )
        job_finish(job=job, result=result)
    except Exception as exc:
        job_fail(job=job, message=f"租金应收生成失败：{exc}")
        raise
    return result


@task()
def review_round_task(*, job_id: int, round_id: int, user_id: int | None) -> dict:
    """Evaluate an annual review round set-wise and open the review tasks."""
    from django.contrib.auth import get_user_model

    from anju.tenancy.models import ReviewRound
    from anju.tenancy.services.review import review_round_evaluate

    job = JobProgress.objects.get(pk=job_id)
    try:
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        job_start(job=job)
        review_round = ReviewRound.objects.get(pk=round_id)
        review_round_evaluate(
            review_round=review_round,
            acting_user=user,
            progress=lambda n: job_advance(job=job, done_delta=n),
            on_total=lambda n: job_start(job=job, total=n),
        )
        review_round.refresh_from_db()
        result = {
            "参审户数": review_round.total,
            "符合条件": review_round.eligible_count,
            "不再符合": review_round.ineligible_count,
            "欠租": review_round.arrears_count,
            "转复核": review_round.flagged_count,
        }
        job_finish(job=job, result=result)
    except Exception as exc:
        job_fail(job=job, message=f"年审评估失败：{exc}")
        raise
    return result


# The monthly rent run from huey's consumer (djhuey discovers `<app>.tasks`). It runs on days 1–5 at
# 02:00: the run is idempotent per lease and month, so the later days only catch up a month the
# worker missed (down on the 1st) and create nothing otherwise.
from huey import crontab  # noqa: E402 - kept beside the schedule it serves
from huey.contrib.djhuey import db_periodic_task  # noqa: E402

MONTHLY_RENT_RUN = crontab(day="1-5", hour="2", minute="0")  # Asia/Shanghai


@db_periodic_task(MONTHLY_RENT_RUN, name="tenancy_rent_run_monthly")
def tenancy_rent_run_monthly() -> dict:
    """Create this month's rent charges for every active lease (no acting user: a scheduled batch run)."""
    from django.utils import timezone

    from anju.tenancy.services.rent import rent_run

    return rent_run(period=timezone.localdate().replace(day=1), acting_user=None)
