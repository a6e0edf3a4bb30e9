"""Background jobs: services, the demo task (immediate and through huey's consumer), pages, API."""

import time

import pytest
from django.test import override_settings
from django.urls import reverse

from anju.core.models import JobProgress, Region
from anju.core.models.jobs import JobStatus
from anju.core.services.jobs import job_advance, job_create, job_fail, job_finish
from anju.core.services.regions import region_statistics_start
from anju.core.tasks import region_statistics_refresh
from anju.tasks_api import TaskResultStatus

pytestmark = pytest.mark.django_db


def test_job_create_is_idempotent_by_key(system_admin):
    # given a job created with a key
    first = job_create(kind="demo", title="演示", total=10, acting_user=system_admin, idempotency_key="demo-2026")
    # when created again with the same key / then the same job, no second row
    second = job_create(kind="demo", title="演示", total=10, acting_user=system_admin, idempotency_key="demo-2026")
    assert first.pk == second.pk
    assert JobProgress.objects.filter(kind="demo").count() == 1
    assert first.status == JobStatus.QUEUED and first.created_by == system_admin


def test_advance_finish_and_fail():
    job = job_create(kind="demo", title="演示", total=10, acting_user=None)
    # when advanced twice / then done adds up and never passes the total
    job_advance(job=job, done_delta=4)
    job_advance(job=job, done_delta=4)
    assert (job.done, job.percent, job.status) == (8, 80, JobStatus.RUNNING)
    job_advance(job=job, done_delta=5)
    assert job.done == 10
    # when finished / then 100 % with the result
    job_finish(job=job, result={"行数": 10})
    assert (job.status, job.percent, job.result) == (JobStatus.SUCCEEDED, 100, {"行数": 10})
    assert job.finished_at is not None
    # a failure keeps the message
    other = job_create(kind="demo", title="演示2", total=3, acting_user=None)
    job_fail(job=other, message="源文件不存在")
    assert (other.status, other.message) == (JobStatus.FAILED, "源文件不存在")


def test_region_statistics_runs_in_chunks_with_immediate_backend(demo_regions, system_admin):
    # given 8 demo regions and the ImmediateBackend of the test settings
    # when the job is started with a chunk of 3 (through the task API)
    job = job_create(kind="region_statistics", title="行政区划统计", total=0, acting_user=system_admin)
    result = region_statistics_refresh.enqueue(job_id=job.pk, chunk_size=3)
    # then the task succeeded, the job counted every level, and progress reached the total
    assert result.status == TaskResultStatus.SUCCESSFUL
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert (job.done, job.total) == (8, 8)
    assert job.result == {"省级": 1, "地级": 1, "县级": 2, "乡级（街道）": 2, "村级（社区）": 2}


def test_region_statistics_start_records_the_task_id(demo_regions, system_admin):
    job = region_statistics_start(acting_user=system_admin)
    assert job.task_result_id
    assert job.status == JobStatus.SUCCEEDED


@pytest.mark.django_db(transaction=True)
def test_region_statistics_through_huey_consumer(demo_regions):
    """The HueyBackend enqueues into huey; a real huey consumer thread runs the task."""
    from huey.consumer import Consumer
    from huey.contrib.djhuey import HUEY

    job = job_create(kind="region_statistics", title="行政区划统计", total=0, acting_user=None)
    HUEY.immediate = False
    consumer = Consumer(HUEY, workers=1, worker_type="thread", periodic=False, check_worker_health=False)
    try:
        with override_settings(TASKS={"default": {"BACKEND": "huey.contrib.djhuey.tasks_backend.HueyBackend"}}):
            # given the huey backend: enqueue returns a result id and the task waits in the queue
            result = region_statistics_refresh.enqueue(job_id=job.pk)
            assert result.id
            assert region_statistics_refresh.get_result(result.id).status == TaskResultStatus.READY
            assert JobProgress.objects.get(pk=job.pk).status == JobStatus.QUEUED
            # when the consumer runs
            consumer.start()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                status = region_statistics_refresh.get_result(result.id).status
                if status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
                    break
                time.sleep(0.05)
            # then the status is readable through the task API and the job is done
            final = region_statistics_refresh.get_result(result.id)
            assert final.status == TaskResultStatus.SUCCESSFUL
            assert final.return_value["县级"] == 2
    finally:
        consumer.stop(graceful=True)
        HUEY.immediate = True
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 8, 8)


def test_job_pages_and_polling_partial(client, login, system_admin, demo_regions):
    # given a running job
    job = job_create(kind="demo", title="演示任务", total=4, acting_user=system_admin)
    job_advance(job=job, done_delta=1)
    login(system_admin)
    # when the detail page is shown / then it polls its partial every 2 s and shows 25 %
    page = client.get(reverse("core:job_detail", args=[job.pk])).content.decode()
    assert f'hx-get="{reverse("core:job_progress", args=[job.pk])}"' in page
    assert 'hx-trigger="every 2s"' in page
    assert "pct-25" in page and "<script>" not in page and "style=" not in page
    # when it finished / then the partial stops polling
    job_finish(job=job, result={"条数": 4})
    partial = client.get(reverse("core:job_progress", args=[job.pk])).content.decode()
    assert "hx-trigger" not in partial and "pct-100" in partial and "条数" in partial
    # the list shows it
    assert "演示任务" in client.get(reverse("core:job_list")).content.decode()


def test_jobs_of_others_are_404_and_admin_can_start_statistics(client, login, system_admin, district_officer, demo_regions):
    job = job_create(kind="demo", title="管理员的任务", total=1, acting_user=system_admin)
    login(district_officer)
    assert client.get(reverse("core:job_detail", args=[job.pk])).status_code == 404
    assert client.get(f"/api/v1/jobs/{job.pk}/").status_code == 404
    assert "管理员的任务" not in client.get(reverse("core:job_list")).content.decode()
    assert client.post(reverse("core:job_region_statistics")).status_code == 403
    client.logout()
    login(system_admin)
    response = client.post(reverse("core:job_region_statistics"))
    started = JobProgress.objects.get(kind="region_statistics")
    assert response.status_code == 302 and response["Location"] == started.get_absolute_url()


def test_job_api_returns_status_and_percent(client, login, system_admin, demo_regions):
    job = job_create(kind="demo", title="接口任务", total=8, acting_user=system_admin)
    job_advance(job=job, done_delta=2)
    login(system_admin)
    body = client.get(f"/api/v1/jobs/{job.pk}/").json()
    assert (body["status"], body["percent"], body["done"], body["is_finished"]) == ("running", 25, 2, False)
    assert body["status_display"] == "运行中"


def test_region_statistics_counts_real_rows_in_many_chunks(demo_regions):
    # given more regions than one chunk
    Region.objects.bulk_create(
        [Region(code=f"3416020010{i:02d}", name=f"社区{i}", level=5, parent_id="341602001000", prefix=f"3416020010{i:02d}") for i in range(2, 30)]
    )
    job = job_create(kind="region_statistics", title="统计", total=0, acting_user=None)
    region_statistics_refresh.call(job_id=job.pk, chunk_size=5)
    job.refresh_from_db()
    assert job.result["村级（社区）"] == 30 and job.done == 36
