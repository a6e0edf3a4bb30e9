"""Progress records of background jobs: create, advance, finish, fail.

A page polls the record while a task advances it; `job_advance` is one UPDATE with an F()
expression, so parallel workers of one job never lose a step.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from anju.core.models.jobs import JobProgress, JobStatus
from anju.core.services.auditing import audit_record


@transaction.atomic
def job_create(
    *, kind: str, title: str, total: int, acting_user: Any, idempotency_key: str | None = None
) -> JobProgress:
    """A queued job, or the existing one with the same idempotency key (then nothing is created)."""
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    if idempotency_key:
        existing = JobProgress.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    job = JobProgress(kind=kind, title=title, total=max(int(total), 0), created_by=user, idempotency_key=idempotency_key)
    job.full_clean()
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        # a concurrent request with the same key won
        return JobProgress.objects.get(idempotency_key=idempotency_key)
    audit_record(action="RECORD_CREATED", user=user, obj=job, detail={"kind": kind, "title": title, "total": job.total})
    return job


def job_start(*, job: JobProgress, total: int | None = None) -> JobProgress:
    """Mark a job running (and set its total when only the task knows it)."""
    changes: dict[str, Any] = {"status": JobStatus.RUNNING, "started_at": timezone.now()}
    if total is not None:
        changes["total"] = max(int(total), 0)
    JobProgress.objects.filter(pk=job.pk).update(**changes)
    job.refresh_from_db()
    return job


def job_advance(*, job: JobProgress, done_delta: int) -> JobProgress:
    """Add finished units of work (never beyond the total when a total is known)."""
    done = F("done") + int(done_delta)
    if job.total:
        done = Least(done, F("total"))
    JobProgress.objects.filter(pk=job.pk).update(done=done, status=JobStatus.RUNNING)
    job.refresh_from_db(fields=["done", "status", "total"])
    return job


def job_finish(*, job: JobProgress, result: dict | None = None) -> JobProgress:
    """Mark a job succeeded with its result (shown on the progress page)."""
    JobProgress.objects.filter(pk=job.pk).update(
        status=JobStatus.SUCCEEDED, done=F("total"), result=result or {}, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def job_fail(*, job: JobProgress, message: str) -> JobProgress:
    """Mark a job failed with a Chinese message for the clerk."""
    JobProgress.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, message=message, finished_at=timezone.now())
    job.refresh_from_db()
    return job


def job_attach_task(*, job: JobProgress, task_result_id: str) -> JobProgress:
    """Remember the task-backend result id of the job's task."""
    JobProgress.objects.filter(pk=job.pk).update(task_result_id=task_result_id)
    job.task_result_id = task_result_id
    return job
