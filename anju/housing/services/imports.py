"""Starting an import of buildings and units (装数) as a background job."""

from __future__ import annotations

import base64
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from anju.core.models import JobProgress
from anju.housing.models import Project
from anju.housing.permissions import housing_edit_check

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
IMPORT_JOB_KIND = "housing_units_import"


def units_import_start(*, project: Project, content: bytes, valid_only: bool, acting_user: Any) -> JobProgress:
    """Check the upload, create the progress record and enqueue the import task (after commit on huey)."""
    from anju.core.services.jobs import job_attach_task, job_create
    from anju.housing.tasks import housing_units_import

    housing_edit_check(acting_user, project.region_code)
    if not content:
        raise ValidationError({"file": ["请选择要上传的装数模板文件。"]})
    if len(content) > MAX_UPLOAD_BYTES:
        raise ValidationError({"file": ["文件超过20MB，请分批导入。"]})
    if not content.startswith(b"PK"):
        raise ValidationError({"file": ["文件格式错误，请上传 .xlsx 格式的装数模板。"]})
    with transaction.atomic():
        job = job_create(
            kind=IMPORT_JOB_KIND, title=f"导入楼栋和住房：{project.name}", total=0, acting_user=acting_user
        )
        result = housing_units_import.enqueue(
            job_id=job.pk, project_id=project.pk,
            user_id=acting_user.pk if getattr(acting_user, "is_authenticated", False) else None,
            content_b64=base64.b64encode(content).decode("ascii"), valid_only=valid_only,
        )
        job_attach_task(job=job, task_result_id=str(result.id))
    job.refresh_from_db()
    return job
