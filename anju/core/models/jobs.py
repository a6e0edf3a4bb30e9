"""Progress of long-running background work, for pages to poll."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class JobStatus(models.TextChoices):
    """Where a job is."""

    QUEUED = "queued", "排队中"
    RUNNING = "running", "运行中"
    SUCCEEDED = "succeeded", "已完成"
    FAILED = "failed", "失败"


class JobProgress(models.Model):
    """进度记录: one background job (rent run, import, annual review …)."""

    kind = models.CharField("任务类别", max_length=64, db_index=True)
    title = models.CharField("任务名称", max_length=200)
    status = models.CharField("状态", max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveBigIntegerField("总量", default=0)
    done = models.PositiveBigIntegerField("已完成", default=0)
    message = models.TextField("说明", blank=True)
    result = models.JSONField("结果", default=dict, blank=True)
    task_result_id = models.CharField("任务标识", max_length=64, blank=True)
    idempotency_key = models.CharField("幂等键", max_length=128, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        verbose_name = "后台任务进度"
        verbose_name_plural = "后台任务进度"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title}（{self.get_status_display()}）"

    def get_absolute_url(self) -> str:
        """The staff progress page."""
        return reverse("core:job_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        """True once the job succeeded or failed."""
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        """Whole percent done."""
        if self.status == JobStatus.SUCCEEDED:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0
