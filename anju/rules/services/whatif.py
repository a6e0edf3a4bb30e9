"""影响评估: compare a (draft) version with the enabled version of its rule set over registered households.

`whatif_start` creates a progress record (`anju.core` jobs) and enqueues `anju.rules.tasks.rules_whatif`,
which calls `whatif_compare` chunk by chunk (keyset ranges of application ids, two set-wise queries per
chunk) and advances the job after each chunk. The result is stored on the job (JSON) for the page
and the API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from anju.core.scoping import significant_prefix
from anju.rules.services.evaluation import evaluate_version_batch
from anju.rules.services.facts import today

WHATIF_JOB_KIND = "rules_whatif"
WHATIF_CHUNK = 5000
SAMPLE_SIZE = 20


def registered_households(*, user: Any, region_code: str) -> Any:
    """Applications submitted or later (not drafts, not deleted) within the rule set's region and the user's view."""
    from anju.admission.models import Application

    return (
        Application.objects.visible_to(user)
        .filter(region_code__startswith=significant_prefix(region_code), is_deleted=False)
        .exclude(status="draft")
    )


def _chunks(queryset: Any, size: int) -> Any:
    """Keyset ranges of the queryset by id: querysets of at most `size` applications each."""
    last = 0
    ordered = queryset.order_by("pk")
    while True:
        boundary = list(ordered.filter(pk__gt=last).values_list("pk", flat=True)[size - 1 : size])
        if boundary:
            yield queryset.filter(pk__gt=last, pk__lte=boundary[0])
            last = boundary[0]
        else:
            yield queryset.filter(pk__gt=last)
            return


def whatif_compare(
    *,
    version: Any,
    user: Any,
    as_of: Any = None,
    chunk_size: int = WHATIF_CHUNK,
    progress: Callable[[int], Any] | None = None,
) -> dict[str, Any]:
    """Counts admitted / dropped / unchanged when `version` replaces the enabled version (set-wise per chunk)."""
    from anju.admission.models import Application

    as_of = as_of or today()
    baseline = version.rule_set.enabled_version
    if baseline is None:
        raise ValidationError("该规则没有已启用的版本，无法比较。")
    queryset = registered_households(user=user, region_code=version.rule_set.region_code)
    total = eligible_before = eligible_after = 0
    admitted: list[int] = []
    dropped: list[int] = []
    admitted_count = dropped_count = 0
    for chunk in _chunks(queryset, chunk_size):
        before = evaluate_version_batch(queryset=chunk, version=baseline, as_of=as_of)
        after = evaluate_version_batch(queryset=chunk, version=version, as_of=as_of)
        for pk, ok in after.items():
            was = before.get(pk, False)
            if ok and not was:
                admitted_count += 1
                if len(admitted) < SAMPLE_SIZE:
                    admitted.append(pk)
            elif was and not ok:
                dropped_count += 1
                if len(dropped) < SAMPLE_SIZE:
                    dropped.append(pk)
        total += len(after)
        eligible_before += sum(before.values())
        eligible_after += sum(after.values())
        if progress is not None and after:
            progress(len(after))
    numbers = dict(Application.objects.filter(pk__in=admitted + dropped).values_list("pk", "number"))
    return {
        "baseline": baseline,
        "baseline_id": baseline.pk,
        "as_of": as_of,
        "total": total,
        "eligible_before": eligible_before,
        "eligible_after": eligible_after,
        "admitted": admitted_count,
        "dropped": dropped_count,
        "unchanged": total - admitted_count - dropped_count,
        "admitted_sample": [{"id": pk, "number": numbers.get(pk, "")} for pk in admitted],
        "dropped_sample": [{"id": pk, "number": numbers.get(pk, "")} for pk in dropped],
    }


def whatif_result_json(result: dict[str, Any]) -> dict[str, Any]:
    """The comparison as JSON for the job record (the baseline by name and id, the date as ISO text)."""
    return {**result, "baseline": str(result["baseline"]), "as_of": result["as_of"].isoformat()}


def whatif_start(*, version: Any, user: Any, as_of: Any = None) -> Any:
    """Start the 影响评估 of a version as a background job; returns the JobProgress (poll it for the result)."""
    from anju.core.services.jobs import job_attach_task, job_create
    from anju.rules.permissions import READER_ROLES
    from anju.rules.tasks import rules_whatif

    if not getattr(user, "is_authenticated", False) or not user.has_role(*READER_ROLES):
        raise PermissionDenied("您没有进行影响评估的权限。")
    if version.rule_set.enabled_version is None:
        raise ValidationError("该规则没有已启用的版本，无法比较。")
    if version.rule_set.enabled_version.pk == version.pk:
        raise ValidationError("该版本就是当前启用版本，无需评估；请对草稿版本进行影响评估。")
    as_of = as_of or today()
    total = registered_households(user=user, region_code=version.rule_set.region_code).count()
    with transaction.atomic():
        job = job_create(kind=WHATIF_JOB_KIND, title=f"影响评估：{version}", total=total, acting_user=user)
        result = rules_whatif.enqueue(job_id=job.pk, version_id=version.pk, user_id=user.pk, as_of=as_of.isoformat())
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job
