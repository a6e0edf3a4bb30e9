"""Background tasks of the platform core (enqueued through `anju.tasks_api`)."""

from __future__ import annotations

from anju.core.models import JobProgress, Region
from anju.core.models.regions import RegionLevel
from anju.core.services.jobs import job_advance, job_fail, job_finish, job_start
from anju.tasks_api import task

STATISTICS_CHUNK = 5000


@task()
def region_statistics_refresh(job_id: int, chunk_size: int = STATISTICS_CHUNK) -> dict[str, int]:
    """Count regions per level in keyset-paged chunks, advancing the job's progress."""
    job = JobProgress.objects.get(pk=job_id)
    try:
        job_start(job=job, total=Region.objects.count())
        counts = {str(level): 0 for level in RegionLevel.values}
        last_code = ""
        while True:
            chunk = list(
                Region.objects.filter(code__gt=last_code).order_by("code").values_list("code", "level")[:chunk_size]
            )
            if not chunk:
                break
            for _code, level in chunk:
                counts[str(level)] += 1
            last_code = chunk[-1][0]
            job_advance(job=job, done_delta=len(chunk))
        result = {RegionLevel(int(level)).label: n for level, n in counts.items()}
        job_finish(job=job, result=result)
    except Exception as exc:
        job_fail(job=job, message=f"统计失败：{exc}")
        raise
    return result

