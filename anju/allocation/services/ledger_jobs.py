"""Run ledger collection and computation now, or as a background job when there are many rows (> ~1,000)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from anju.allocation.models import ProgramLedgerEntry
from anju.allocation.permissions import allocation_edit_check
from anju.allocation.services import ledgers
from anju.allocation.services.plans import period_bounds
from anju.core.models import JobProgress

BACKGROUND_ROWS = 1000
COLLECT_JOB_KIND, COMPUTE_JOB_KIND = "allocation_ledger_collect", "allocation_ledger_compute"


def _user_id(user: Any) -> int | None:
    return user.pk if getattr(user, "is_authenticated", False) else None


def ledger_collect_start(*, since: date | None, acting_user: Any) -> tuple[JobProgress | None, dict[str, int] | None]:
    """Collect now (small) → (None, result); or enqueue → (job, None)."""
    from anju.allocation.tasks import allocation_ledger_collect
    from anju.core.services.jobs import job_attach_task, job_create

    if acting_user is not None:
        allocation_edit_check(acting_user, getattr(acting_user, "jurisdiction_id", "") or "")
    pending = ledgers.collect_pending_count(since=since)
    if pending <= BACKGROUND_ROWS:
        return None, ledgers.ledger_collect(since=since, acting_user=acting_user).as_result()
    with transaction.atomic():
        job = job_create(kind=COLLECT_JOB_KIND, title="归集台账收支明细", total=pending, acting_user=acting_user)
        result = allocation_ledger_collect.enqueue(job_id=job.pk, user_id=_user_id(acting_user),
                                                   since=since.isoformat() if since else None)  # fmt: skip
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job, None


def ledger_compute_start(
    *, period_type: str, period: str, region_code: str, acting_user: Any
) -> tuple[JobProgress | None, dict[str, int] | None]:
    """Compute now (few entries) → (None, counts); or enqueue → (job, None)."""
    from anju.allocation.tasks import allocation_ledger_compute
    from anju.core.services.jobs import job_attach_task, job_create

    if acting_user is not None:
        allocation_edit_check(acting_user, region_code)
    _start, end = period_bounds(period_type, period)
    rows = ProgramLedgerEntry.objects.within(region_code).filter(received_on__lte=end).count()
    if rows <= BACKGROUND_ROWS:
        return None, ledgers.ledger_compute(
            period_type=period_type, period=period, region_code=region_code, acting_user=acting_user
        )
    with transaction.atomic():
        job = job_create(kind=COMPUTE_JOB_KIND, title=f"计算台账 {period}", total=1, acting_user=acting_user)
        result = allocation_ledger_compute.enqueue(job_id=job.pk, user_id=_user_id(acting_user), period_type=period_type,
                                                   period=period, region_code=region_code)  # fmt: skip
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job, None
