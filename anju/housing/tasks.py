"""Background tasks of the 建设项目 subsystem."""

from __future__ import annotations

import base64

from anju.core.models import JobProgress
from anju.core.services.jobs import job_advance, job_fail, job_finish, job_start
from anju.tasks_api import task


@task()
def housing_units_import(*, job_id: int, project_id: int, user_id: int | None, content_b64: str, valid_only: bool) -> dict:
    """Import buildings and units from an uploaded 装数模板, advancing the job per batch of 1,000 units."""
    from django.contrib.auth import get_user_model

    from anju.housing.imports import units_import
    from anju.housing.models import Project

    job = JobProgress.objects.get(pk=job_id)
    try:
        project = Project.objects.get(pk=project_id)
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        content = base64.b64decode(content_b64)
        job_start(job=job)
        outcome = units_import(
            project=project, content=content, valid_only=valid_only, acting_user=user,
            progress=lambda n: job_advance(job=job, done_delta=n),
            on_total=lambda n: job_start(job=job, total=n), batch_label=f"job:{job_id}",
        )
        result = outcome.as_result()
        job_finish(job=job, result=result)
    except Exception as exc:
        job_fail(job=job, message=f"导入失败：{exc}")
        raise
    return {key: value for key, value in result.items() if key != "problems"}
