"""Background tasks of 保障规则 (enqueued through `anju.tasks_api`)."""

from __future__ import annotations

import datetime

from anju.core.models import JobProgress
from anju.core.services.jobs import job_advance, job_fail, job_finish, job_start
from anju.tasks_api import task


@task()
def rules_whatif(*, job_id: int, version_id: int, user_id: int, as_of: str) -> dict:
    """影响评估 of a version over the registered households the user sees, advancing the job per chunk."""
    from django.contrib.auth import get_user_model

    from anju.rules.models import RuleSetVersion
    from anju.rules.services.whatif import whatif_compare, whatif_result_json

    job = JobProgress.objects.get(pk=job_id)
    try:
        version = RuleSetVersion.objects.select_related("rule_set").get(pk=version_id)
        user = get_user_model().objects.get(pk=user_id)
        job_start(job=job)
        result = whatif_compare(
            version=version,
            user=user,
            as_of=datetime.date.fromisoformat(as_of),
            progress=lambda n: job_advance(job=job, done_delta=n),
        )
        data = {"version_id": version.pk, **whatif_result_json(result)}
        job_finish(job=job, result=data)
    except Exception as exc:
        job_fail(job=job, message=f"影响评估失败：{'；'.join(getattr(exc, 'messages', [])) or exc}")
        raise
    return {key: data[key] for key in ("total", "admitted", "dropped", "unchanged")}
